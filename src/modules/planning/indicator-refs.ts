import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { CalcMethod } from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { units } from '../org/schema.js';
import { findScale } from './find-plan.js';
import { type CheckedTargets, fieldError } from './indicator-input.js';
import { indicatorTargets, ratingScaleLevels } from './schema.js';

/**
 * The scale of a "scale" indicator (must be the tenant's) and its codes; a scale on any other
 * method is refused.
 */
export async function scaleCodesFor(
  ctx: TenantContext,
  method: CalcMethod,
  scaleId: string | null,
): Promise<string[] | null> {
  // Looked up first: another tenant's scale answers 404 like a missing one, whatever the method.
  if (scaleId) await findScale(ctx, scaleId);
  if (method !== 'scale') {
    if (scaleId) {
      throw fieldError(
        'VALIDATION_FAILED',
        'scaleId',
        'Skala hanya dipakai untuk metode "skala kualitatif". Kosongkan skala atau ganti metodenya.',
      );
    }
    return null;
  }
  if (!scaleId) {
    throw fieldError(
      'VALIDATION_FAILED',
      'scaleId',
      'Pilih skala kualitatif (misalnya Opini BPK) untuk metode skala.',
    );
  }
  const levels = await ctx.tx
    .select({ code: ratingScaleLevels.code })
    .from(ratingScaleLevels)
    .where(
      and(eq(ratingScaleLevels.tenantId, ctx.tenantId), eq(ratingScaleLevels.scaleId, scaleId)),
    )
    .orderBy(asc(ratingScaleLevels.sortOrder));
  return levels.map((l) => l.code);
}

/** The responsible unit (Manual IKU) must be one of the tenant's units. */
export async function checkResponsibleUnit(ctx: TenantContext, unitId: string | null | undefined) {
  if (!unitId) return;
  const [unit] = await ctx.tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unitId)));
  if (!unit) throw notFound('Unit penanggung jawab');
}

/** Replaces an indicator's yearly targets. */
export async function writeTargets(
  tx: Tx,
  tenantId: string,
  indicatorId: string,
  targets: CheckedTargets['targets'],
): Promise<void> {
  await tx
    .delete(indicatorTargets)
    .where(
      and(eq(indicatorTargets.tenantId, tenantId), eq(indicatorTargets.indicatorId, indicatorId)),
    );
  if (targets.length === 0) return;
  await tx.insert(indicatorTargets).values(
    targets.map((t) => ({
      tenantId,
      indicatorId,
      year: t.year,
      targetValue: t.columns.value,
      targetLow: t.columns.low,
      targetHigh: t.columns.high,
      targetCode: t.columns.code,
    })),
  );
}

/** The four columns of a checked target under a prefix of the indicators table. */
export const endTargetColumns = (c: CheckedTargets['endTarget']) => ({
  endTargetValue: c.value,
  endTargetLow: c.low,
  endTargetHigh: c.high,
  endTargetCode: c.code,
});
export const baselineColumns = (b: CheckedTargets['baseline']) => ({
  baselineYear: b.year,
  baselineValue: b.columns.value,
  baselineLow: b.columns.low,
  baselineHigh: b.columns.high,
  baselineCode: b.columns.code,
});
