import { and, eq, sql } from 'drizzle-orm';
import { AppError, forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, userPermissions } from '../../access/policy.js';
import { changeData } from '../../audit/change-data.js';
import { findEmployee } from '../../org/employees/find-employee.js';
import { assertVersion } from '../../org/units/find-unit.js';
import { users } from '../schema.js';
import { revokeUserTokens } from '../tokens/revoke-token.js';
import { endUserSessions } from './end-sessions.js';
import { findTenantUser } from './find-user.js';
import type { UpdateUserBody } from './user-schemas.js';

/**
 * Edits a user's name, status or linked employee. Returns whether the user was just disabled,
 * so the caller ends their sessions (sign-in already refuses disabled users).
 */
export async function updateUser(
  ctx: TenantContext,
  id: string,
  input: UpdateUserBody,
): Promise<{ disabled: boolean }> {
  assertCan(ctx.actor, 'users.manage');
  const user = await findTenantUser(ctx, id);
  assertVersion(user, input.version);
  const { version, ...changes } = input;
  const disabling = changes.status === 'disabled' && user.status === 'active';
  const permissions = userPermissions(ctx.actor, {
    id: user.id,
    status: user.status,
    locked: false,
  });
  if (disabling && !permissions.disable) {
    throw forbidden('Anda tidak dapat menonaktifkan akun Anda sendiri.');
  }
  if (changes.employeeId) await findEmployee(ctx, changes.employeeId);
  if (Object.keys(changes).length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Tidak ada perubahan yang dikirim.');
  }
  await ctx.tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1` })
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id)));
  await ctx.audit({
    action: 'user.update',
    entityType: 'user',
    entityId: id,
    data: changeData(user, changes),
  });
  // A disabled account signs out everywhere, and its API tokens stop, in this transaction.
  if (disabling) {
    await endUserSessions(ctx, id);
    await revokeUserTokens(ctx.tx, id);
  }
  return { disabled: disabling };
}
