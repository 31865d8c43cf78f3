import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan, can, canWriteRenstra } from '../access/policy.js';
import { units } from '../org/schema.js';
import { planPeriods } from '../planning/schema.js';

/**
 * What the import page offers this user: the periods, the PDs whose Renstra and DPA they may
 * write (top-level units of the organisation), and which kinds of import they may run at all.
 */
export async function importOptions(ctx: TenantContext) {
  assertCan(ctx.actor, 'plans.read');
  const periods = await ctx.tx
    .select({
      id: planPeriods.id,
      name: planPeriods.name,
      startYear: planPeriods.startYear,
      endYear: planPeriods.endYear,
      status: planPeriods.status,
    })
    .from(planPeriods)
    .where(eq(planPeriods.tenantId, ctx.tenantId))
    .orderBy(desc(planPeriods.startYear));
  const pds = await ctx.tx
    .select({ id: units.id, name: units.name, code: units.code, path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), isNull(units.parentId), isNull(units.archivedAt)))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const writable = pds.filter((u) => canWriteRenstra(ctx.actor, u.path));
  return {
    periods,
    units: writable.map(({ id, name, code }) => ({ id, name, code })),
    permissions: {
      rpjmd: can(ctx.actor, 'plans.write'),
      renstra: writable.length > 0,
      dpa: writable.length > 0,
    },
  };
}
