import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { units } from '../schema.js';
import { summarizeUnits } from './unit-views.js';

/** The whole unit tree of the tenant as a flat list (the client nests it by parentId). */
export async function listUnits(
  ctx: TenantContext,
  options: { includeArchived: boolean; date: string },
) {
  assertCan(ctx.actor, 'org.read');
  const rows = await ctx.tx
    .select()
    .from(units)
    .where(
      and(
        eq(units.tenantId, ctx.tenantId),
        options.includeArchived ? undefined : isNull(units.archivedAt),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.code), asc(units.name));
  return summarizeUnits(ctx, rows, options.date);
}
