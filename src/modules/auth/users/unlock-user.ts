import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { users } from '../schema.js';
import { findTenantUser } from './find-user.js';

/** Lifts a lock from failed sign-in attempts before it runs out. */
export async function unlockUser(ctx: TenantContext, userId: string): Promise<void> {
  assertCan(ctx.actor, 'users.manage');
  const user = await findTenantUser(ctx, userId);
  await ctx.tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  await ctx.audit({
    action: 'user.unlock',
    entityType: 'user',
    entityId: userId,
    data: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedLogins: user.failedLogins },
  });
}
