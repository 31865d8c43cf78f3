import { and, eq } from 'drizzle-orm';
import { forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, userPermissions } from '../../access/policy.js';
import { assertPasswordStrength, hashPassword } from '../passwords.js';
import { users } from '../schema.js';
import { revokeUserTokens } from '../tokens/revoke-token.js';
import { endUserSessions } from './end-sessions.js';
import { findTenantUser } from './find-user.js';

/**
 * An admin sets a temporary password: the user must change it at next sign-in, and a lock
 * from failed attempts is lifted. Every session and API token of the
 * user ends in the same transaction.
 */
export async function resetPassword(
  ctx: TenantContext,
  userId: string,
  password: string,
): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  const user = await findTenantUser(ctx, userId);
  if (
    !userPermissions(ctx.actor, { id: user.id, status: user.status, locked: false }).resetPassword
  ) {
    throw forbidden('Ganti kata sandi Anda sendiri melalui menu "Ganti kata sandi".');
  }
  assertPasswordStrength(password, user.username);
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      failedLogins: 0,
      lockedUntil: null,
    })
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  // The usual reason for a reset is a compromised account: its sessions and tokens end with it.
  await endUserSessions(ctx, userId);
  await revokeUserTokens(ctx.tx, userId);
  await ctx.audit({ action: 'user.password_reset', entityType: 'user', entityId: userId });
}
