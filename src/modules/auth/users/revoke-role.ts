import { and, eq } from 'drizzle-orm';
import { forbidden, notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, roleGrantPermissions } from '../../access/policy.js';
import { roleGrants } from '../schema.js';
import { findTenantUser } from './find-user.js';

/** Removes one role grant of a user; never the acting admin's own last admin_pemda grant. */
export async function revokeRole(
  ctx: TenantContext,
  userId: string,
  grantId: string,
): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  await findTenantUser(ctx, userId);
  const grants = await ctx.tx
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), eq(roleGrants.userId, userId)));
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) throw notFound('Peran');
  if (!roleGrantPermissions(ctx.actor, { id: userId, grants }, grant).revoke) {
    throw forbidden(
      'Anda tidak dapat mencabut peran admin Pemda terakhir milik Anda sendiri. Minta admin lain melakukannya.',
    );
  }
  await ctx.tx
    .delete(roleGrants)
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), eq(roleGrants.id, grantId)));
  await ctx.audit({
    action: 'user.role_revoke',
    entityType: 'user',
    entityId: userId,
    data: { grantId, role: grant.role, unitId: grant.unitId },
  });
}
