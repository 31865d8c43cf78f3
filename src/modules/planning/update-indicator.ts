import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertVersion } from '../org/units/find-unit.js';
import { findIndicator, nodeForWrite } from './find-plan.js';
import { checkIndicatorTargets } from './indicator-input.js';
import {
  baselineColumns,
  checkResponsibleUnit,
  endTargetColumns,
  scaleCodesFor,
  writeTargets,
} from './indicator-refs.js';
import { baselineOf, endTargetOf } from './indicator-view.js';
import type { TargetInput, UpdateIndicatorInput } from './plan-schemas.js';
import { indicators, indicatorTargets } from './schema.js';

/** A stored target as input again, so that unchanged targets are re-checked with new rules. */
const asInput = (t: TargetValue): TargetInput => t;

/**
 * Changes an indicator. Targets, when sent, replace the whole list. Whatever changes, the whole
 * definition is checked again (a new method must fit the targets already stored). Toggling the
 * IKU flag while the period is in force is recorded (`ikuChangedAt`, a quality finding).
 */
export async function updateIndicator(ctx: TenantContext, id: string, input: UpdateIndicatorInput) {
  if (input.responsibleUnitId) await checkResponsibleUnit(ctx, input.responsibleUnitId);
  const indicator = await findIndicator(ctx, id, true);
  const { period } = await nodeForWrite(ctx, indicator.nodeId);
  assertVersion(indicator, input.version);
  if (indicator.archivedAt) {
    throw new AppError(
      'ARCHIVED',
      'Indikator ini sudah diarsipkan. Pulihkan terlebih dahulu untuk mengubahnya.',
    );
  }
  const method = input.method ?? indicator.method;
  const polarity = input.polarity ?? indicator.polarity;
  const scaleId =
    input.scaleId !== undefined ? input.scaleId : method === 'scale' ? indicator.scaleId : null;
  const scaleCodes = await scaleCodesFor(ctx, method, scaleId);
  const stored = await ctx.tx
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.tenantId, ctx.tenantId), eq(indicatorTargets.indicatorId, id)))
    .orderBy(asc(indicatorTargets.year));
  const storedTargets = stored.flatMap((t) => {
    const target = targetFromColumns({
      value: t.targetValue,
      low: t.targetLow,
      high: t.targetHigh,
      code: t.targetCode,
    });
    return target ? [{ year: t.year, target: asInput(target) }] : [];
  });
  const storedEnd = endTargetOf(indicator);
  const storedBaseline = baselineOf(indicator);
  const checked = checkIndicatorTargets(
    { method, polarity, startYear: period.startYear, endYear: period.endYear, scaleCodes },
    {
      targets: input.targets ?? storedTargets,
      endTarget: input.endTarget !== undefined ? input.endTarget : storedEnd,
      baseline:
        input.baseline !== undefined
          ? input.baseline
          : indicator.baselineYear !== null
            ? { year: indicator.baselineYear, value: storedBaseline }
            : null,
    },
  );
  const isIku = input.isIku ?? indicator.isIku;
  const ikuToggled = isIku !== indicator.isIku && period.status === 'active';
  const { version, targets, endTarget, baseline, ...plain } = input;
  await ctx.tx
    .update(indicators)
    .set({
      ...plain,
      scaleId,
      ...(ikuToggled ? { ikuChangedAt: new Date() } : {}),
      ...baselineColumns(checked.baseline),
      ...endTargetColumns(checked.endTarget),
      version: sql`${indicators.version} + 1`,
    })
    .where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.id, id)));
  if (targets) await writeTargets(ctx.tx, ctx.tenantId, id, checked.targets);
  await ctx.audit({
    action: 'indicator.update',
    entityType: 'indicator',
    entityId: id,
    data: {
      before: {
        ...Object.fromEntries(
          Object.keys(plain).map((k) => [k, indicator[k as keyof typeof indicator]]),
        ),
        ...(targets ? { targets: storedTargets } : {}),
        ...(endTarget !== undefined ? { endTarget: storedEnd } : {}),
        ...(baseline !== undefined
          ? { baseline: { year: indicator.baselineYear, value: storedBaseline } }
          : {}),
      },
      after: {
        ...plain,
        targets,
        endTarget,
        baseline,
        ...(ikuToggled ? { ikuChanged: true } : {}),
      },
    },
  });
}
