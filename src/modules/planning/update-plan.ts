import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { changeData } from '../audit/change-data.js';
import { assertVersion } from '../org/units/find-unit.js';
import { findPeriod } from './find-plan.js';
import type { updatePeriodBody } from './plan-schemas.js';
import { planPeriods } from './schema.js';

const next: Record<string, string> = { draft: 'active', active: 'closed' };
const statusLabel: Record<string, string> = {
  draft: 'draf',
  active: 'berlaku',
  closed: 'ditutup',
};

/**
 * Renames a period, edits its visi, or moves it forward: draft → active → closed. Only one period
 * of a tenant is active at a time (also a partial unique index).
 */
export async function updatePlan(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updatePeriodBody>,
) {
  assertCan(ctx.actor, 'plans.write');
  const period = await findPeriod(ctx, id, true);
  assertVersion(period, input.version);
  const { version, ...changes } = input;
  if (period.status === 'closed') {
    throw new AppError('NOT_EDITABLE', `Periode "${period.name}" sudah ditutup.`);
  }
  if (changes.status !== undefined && changes.status !== period.status) {
    if (next[period.status] !== changes.status) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Periode berstatus ${statusLabel[period.status]} tidak dapat diubah menjadi ${statusLabel[changes.status]}. Urutannya: draf → berlaku → ditutup.`,
        { field: 'status' },
      );
    }
    if (changes.status === 'active') {
      const [active] = await ctx.tx
        .select({ name: planPeriods.name })
        .from(planPeriods)
        .where(
          and(
            eq(planPeriods.tenantId, ctx.tenantId),
            eq(planPeriods.status, 'active'),
            ne(planPeriods.id, id),
          ),
        );
      if (active) {
        throw new AppError(
          'CONFLICT',
          `Periode "${active.name}" masih berlaku. Tutup periode itu terlebih dahulu sebelum memberlakukan periode ini.`,
          { field: 'status' },
        );
      }
    }
  }
  await ctx.tx
    .update(planPeriods)
    .set({ ...changes, version: sql`${planPeriods.version} + 1` })
    .where(and(eq(planPeriods.tenantId, ctx.tenantId), eq(planPeriods.id, id)));
  await ctx.audit({
    action: 'plan.update',
    entityType: 'plan_period',
    entityId: id,
    data: changeData(period, changes),
  });
}
