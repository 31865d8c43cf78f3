import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { createPeriodBody } from './plan-schemas.js';
import { planPeriods } from './schema.js';

/** Opens a new RPJMD period (five years from startYear) as a draft. */
export async function createPlan(ctx: TenantContext, input: z.infer<typeof createPeriodBody>) {
  assertCan(ctx.actor, 'plans.write');
  const [same] = await ctx.tx
    .select({ id: planPeriods.id })
    .from(planPeriods)
    .where(and(eq(planPeriods.tenantId, ctx.tenantId), eq(planPeriods.startYear, input.startYear)));
  if (same) {
    throw new AppError(
      'DUPLICATE',
      `Sudah ada periode RPJMD yang dimulai tahun ${input.startYear}.`,
      { field: 'startYear' },
    );
  }
  const id = newId();
  const endYear = input.startYear + 4;
  await ctx.tx.insert(planPeriods).values({ ...input, id, endYear, tenantId: ctx.tenantId });
  await ctx.audit({
    action: 'plan.create',
    entityType: 'plan_period',
    entityId: id,
    data: { name: input.name, startYear: input.startYear, endYear },
  });
  return id;
}
