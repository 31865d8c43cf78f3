import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { newId } from '../../db/columns.js';
import { targetToColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import type { AgreementContent } from './content-validation.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreementTargets,
} from './schema.js';

/**
 * Writes a PK's whole content. Kept sasaran and indicators are updated in place (a lower PK's
 * sasaran may point at ours, and later realisasi at our indicators), the rest are deleted;
 * targets and budget rows are replaced. The database refuses all of it unless the PK is
 * draft/returned, and refuses deleting a sasaran a lower PK supports (HAS_DEPENDENTS).
 */
export async function writeContent(
  ctx: TenantContext,
  agreementId: string,
  content: AgreementContent,
): Promise<{ objectives: number; indicators: number; budgets: number }> {
  const tenantId = ctx.tenantId;
  const keptObjectives: string[] = [];
  const keptIndicators: string[] = [];
  const newObjectives: (typeof agreementObjectives.$inferInsert)[] = [];
  const newIndicators: (typeof agreementIndicators.$inferInsert)[] = [];
  const targetRows: (typeof agreementTargets.$inferInsert)[] = [];
  const keptUpdates: { id: string; values: Partial<typeof agreementIndicators.$inferInsert> }[] =
    [];
  let indicatorCount = 0;

  for (const [oi, o] of content.objectives.entries()) {
    const objectiveId = o.id ?? newId();
    const objectiveValues = {
      title: o.title,
      sourceNodeId: o.sourceNodeId,
      supportsObjectiveId: o.supportsObjectiveId,
      sortOrder: oi,
    };
    if (o.id) {
      keptObjectives.push(o.id);
      await ctx.tx
        .update(agreementObjectives)
        .set(objectiveValues)
        .where(and(eq(agreementObjectives.tenantId, tenantId), eq(agreementObjectives.id, o.id)));
    } else {
      newObjectives.push({ tenantId, id: objectiveId, agreementId, ...objectiveValues });
    }
    for (const [ii, i] of o.indicators.entries()) {
      indicatorCount += 1;
      const indicatorId = i.id ?? newId();
      const values = {
        objectiveId,
        sourceIndicatorId: i.sourceIndicatorId,
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity,
        method: i.method,
        aggregation: i.aggregation,
        scaleId: i.scaleId,
        isIku: i.isIku,
        ...(i.allowNegative === undefined ? {} : { allowNegative: i.allowNegative }),
        sortOrder: ii,
      };
      if (i.id) {
        keptIndicators.push(i.id);
        keptUpdates.push({ id: i.id, values });
      } else newIndicators.push({ tenantId, id: indicatorId, agreementId, ...values });
      for (const t of i.targets) {
        const forms: [number, (typeof t)['annual']][] = [
          [0, t.annual],
          ...t.quarters.map((q, qi): [number, (typeof t)['annual']] => [qi + 1, q]),
        ];
        for (const [quarter, target] of forms) {
          if (!target) continue;
          const c = targetToColumns(target);
          targetRows.push({
            tenantId,
            indicatorId,
            agreementId,
            year: t.year,
            quarter,
            targetValue: c.value,
            targetLow: c.low,
            targetHigh: c.high,
            targetCode: c.code,
          });
        }
      }
    }
  }

  await ctx.tx
    .delete(agreementTargets)
    .where(
      and(eq(agreementTargets.tenantId, tenantId), eq(agreementTargets.agreementId, agreementId)),
    );
  if (newObjectives.length) await ctx.tx.insert(agreementObjectives).values(newObjectives);
  // Kept indicators are updated once their (possibly new) sasaran exists.
  for (const u of keptUpdates) {
    await ctx.tx
      .update(agreementIndicators)
      .set(u.values)
      .where(and(eq(agreementIndicators.tenantId, tenantId), eq(agreementIndicators.id, u.id)));
  }
  await ctx.tx
    .delete(agreementIndicators)
    .where(
      and(
        eq(agreementIndicators.tenantId, tenantId),
        eq(agreementIndicators.agreementId, agreementId),
        keptIndicators.length ? notInArray(agreementIndicators.id, keptIndicators) : undefined,
      ),
    );
  if (newIndicators.length) await ctx.tx.insert(agreementIndicators).values(newIndicators);
  await ctx.tx
    .delete(agreementObjectives)
    .where(
      and(
        eq(agreementObjectives.tenantId, tenantId),
        eq(agreementObjectives.agreementId, agreementId),
        keptObjectives.length || newObjectives.length
          ? notInArray(agreementObjectives.id, [
              ...keptObjectives,
              ...newObjectives.map((o) => o.id as string),
            ])
          : undefined,
      ),
    );
  for (let i = 0; i < targetRows.length; i += 500) {
    await ctx.tx.insert(agreementTargets).values(targetRows.slice(i, i + 500));
  }

  await ctx.tx
    .delete(agreementBudgets)
    .where(
      and(eq(agreementBudgets.tenantId, tenantId), eq(agreementBudgets.agreementId, agreementId)),
    );
  const budgetRows = content.budgets.map((b, bi) => ({
    tenantId,
    agreementId,
    ...b,
    sortOrder: bi,
  }));
  for (let i = 0; i < budgetRows.length; i += 500) {
    await ctx.tx.insert(agreementBudgets).values(budgetRows.slice(i, i + 500));
  }
  return {
    objectives: content.objectives.length,
    indicators: indicatorCount,
    budgets: content.budgets.length,
  };
}

/** Ids of the PK's sasaran and indicators by their plan source, to keep them on a fresh pull. */
export async function existingContentIds(ctx: TenantContext, agreementId: string) {
  const objectives = await ctx.tx
    .select({ id: agreementObjectives.id, sourceNodeId: agreementObjectives.sourceNodeId })
    .from(agreementObjectives)
    .where(
      and(
        eq(agreementObjectives.tenantId, ctx.tenantId),
        eq(agreementObjectives.agreementId, agreementId),
      ),
    );
  const indicatorsRows = objectives.length
    ? await ctx.tx
        .select({
          id: agreementIndicators.id,
          objectiveId: agreementIndicators.objectiveId,
          sourceIndicatorId: agreementIndicators.sourceIndicatorId,
        })
        .from(agreementIndicators)
        .where(
          and(
            eq(agreementIndicators.tenantId, ctx.tenantId),
            inArray(
              agreementIndicators.objectiveId,
              objectives.map((o) => o.id),
            ),
          ),
        )
    : [];
  return { objectives, indicators: indicatorsRows };
}
