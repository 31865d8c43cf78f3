import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { sessions } from '../schema.js';

/**
 * Ends every session of a user, inside the transaction of the change that requires it (an admin
 * disabled them or reset their password): the change and the sign-out commit together.
 */
export async function endUserSessions(ctx: TenantContext, userId: string): Promise<void> {
  await ctx.tx
    .delete(sessions)
    .where(and(eq(sessions.tenantId, ctx.tenantId), eq(sessions.userId, userId)));
}
