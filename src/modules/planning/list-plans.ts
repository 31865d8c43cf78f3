import { asc, eq } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { periodView } from './period-view.js';
import { planPeriods } from './schema.js';

/** Every RPJMD period of the tenant, oldest first. */
export async function listPlans(ctx: TenantContext) {
  assertCan(ctx.actor, 'plans.read');
  const rows = await ctx.tx
    .select()
    .from(planPeriods)
    .where(eq(planPeriods.tenantId, ctx.tenantId))
    .orderBy(asc(planPeriods.startYear));
  return {
    items: rows.map((p) => periodView(ctx.actor, p)),
    permissions: { create: can(ctx.actor, 'plans.write') },
  };
}
