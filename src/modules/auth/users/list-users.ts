import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../../db/like.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { users } from '../schema.js';
import type { ListUsersQuery } from './user-schemas.js';
import { viewUsers } from './user-view.js';

/** The tenant's users, by display name, optionally filtered by text and status. */
export async function listUsers(ctx: TenantContext, query: ListUsersQuery) {
  assertCan(ctx.actor, 'users.read');
  const filters: SQL[] = [eq(users.tenantId, ctx.tenantId)];
  if (query.status) filters.push(eq(users.status, query.status));
  if (query.q) {
    const pattern = containsPattern(query.q);
    const text = or(ilike(users.username, pattern), ilike(users.displayName, pattern));
    if (text) filters.push(text);
  }
  const where = and(...filters);
  const [total] = await ctx.tx.select({ n: count() }).from(users).where(where);
  const rows = await ctx.tx
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: await viewUsers(ctx, rows),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
