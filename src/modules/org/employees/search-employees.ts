import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../../db/like.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { employees } from '../schema.js';
import { viewEmployees } from './employee-view.js';

/** Search by name (any part, case-insensitive) or NIP prefix, paged. */
export async function searchEmployees(
  ctx: TenantContext,
  filter: {
    q?: string | undefined;
    includeArchived: boolean;
    page: number;
    pageSize: number;
    date: string;
  },
) {
  assertCan(ctx.actor, 'org.read');
  const q = filter.q?.trim();
  const digits = q?.replace(/\s+/g, '');
  const where = and(
    eq(employees.tenantId, ctx.tenantId),
    filter.includeArchived ? undefined : isNull(employees.archivedAt),
    q
      ? or(
          sql`lower(${employees.name}) like ${containsPattern(q.toLowerCase())}`,
          digits && /^[0-9]+$/.test(digits)
            ? sql`${employees.nip} like ${`${digits}%`}`
            : undefined,
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(employees)
      .where(where)
      .orderBy(asc(employees.name))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    ctx.tx.select({ n: count() }).from(employees).where(where),
  ]);
  return {
    items: await viewEmployees(ctx, rows, filter.date),
    total: total?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
