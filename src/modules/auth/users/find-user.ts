import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;

/**
 * Loads a user of the context's tenant, locking the row for the rest of the transaction.
 * Another tenant's user and platform admins (no tenant) answer 404 like a missing id.
 */
export async function findTenantUser(ctx: TenantContext, id: string): Promise<UserRow> {
  const [user] = await ctx.tx
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id)))
    .for('update');
  if (!user) throw notFound('Pengguna');
  return user;
}
