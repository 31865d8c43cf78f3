import type { Grant } from '../../access/actor.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { findUnit } from '../../org/units/find-unit.js';
import { roleGrants } from '../schema.js';
import { findTenantUser } from './find-user.js';

/** Gives a user one more role, tenant-wide or limited to a unit subtree of the tenant. */
export async function grantRole(ctx: TenantContext, userId: string, grant: Grant): Promise<string> {
  assertCan(ctx.actor, 'users.manage');
  await findTenantUser(ctx, userId);
  if (grant.unitId) await findUnit(ctx, grant.unitId);
  // A repeated grant hits role_grants_unique: 409 DUPLICATE.
  const [row] = await ctx.tx
    .insert(roleGrants)
    .values({ tenantId: ctx.tenantId, userId, role: grant.role, unitId: grant.unitId })
    .returning({ id: roleGrants.id });
  if (!row) throw new Error('role grant not inserted');
  await ctx.audit({
    action: 'user.role_grant',
    entityType: 'user',
    entityId: userId,
    data: { grantId: row.id, role: grant.role, unitId: grant.unitId },
  });
  return row.id;
}
