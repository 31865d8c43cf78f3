import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import type { QualityFinding, QualityIndicatorInput } from '../quality/types.js';
import type { IndicatorRow } from './find-plan.js';
import type { indicatorTargets } from './schema.js';

type TargetRow = typeof indicatorTargets.$inferSelect;

/** The yearly targets of an indicator for every year of the period (null where none is set). */
export function yearlyTargets(
  rows: readonly TargetRow[],
  startYear: number,
  endYear: number,
): { year: number; target: TargetValue | null }[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: { year: number; target: TargetValue | null }[] = [];
  for (let year = startYear; year <= endYear; year += 1) {
    const row = byYear.get(year);
    out.push({
      year,
      target: row
        ? targetFromColumns({
            value: row.targetValue,
            low: row.targetLow,
            high: row.targetHigh,
            code: row.targetCode,
          })
        : null,
    });
  }
  return out;
}

export function endTargetOf(i: IndicatorRow): TargetValue | null {
  return targetFromColumns({
    value: i.endTargetValue,
    low: i.endTargetLow,
    high: i.endTargetHigh,
    code: i.endTargetCode,
  });
}

export function baselineOf(i: IndicatorRow): TargetValue | null {
  return targetFromColumns({
    value: i.baselineValue,
    low: i.baselineLow,
    high: i.baselineHigh,
    code: i.baselineCode,
  });
}

/** What the quality rules need of a saved indicator. */
export function qualityInput(
  i: IndicatorRow,
  targets: { year: number; target: TargetValue | null }[],
): QualityIndicatorInput {
  return {
    key: i.id,
    name: i.name,
    satuan: i.satuan,
    method: i.method,
    polarity: i.polarity,
    aggregation: i.aggregation,
    isIku: i.isIku,
    ikuChangedAt: i.ikuChangedAt,
    targets,
    endTarget: endTargetOf(i),
  };
}

/** An indicator as the API shows it. */
export function indicatorView(
  i: IndicatorRow,
  targets: { year: number; target: TargetValue | null }[],
  findings: QualityFinding[],
) {
  return {
    id: i.id,
    nodeId: i.nodeId,
    name: i.name,
    satuan: i.satuan,
    polarity: i.polarity,
    method: i.method,
    aggregation: i.aggregation,
    scaleId: i.scaleId,
    isIku: i.isIku,
    allowNegative: i.allowNegative,
    ikuChangedAt: i.ikuChangedAt ? i.ikuChangedAt.toISOString() : null,
    definition: i.definition,
    formulaText: i.formulaText,
    dataSource: i.dataSource,
    responsibleUnitId: i.responsibleUnitId,
    baseline: { year: i.baselineYear, value: baselineOf(i) },
    endTarget: endTargetOf(i),
    targets,
    sortOrder: i.sortOrder,
    version: i.version,
    archived: i.archivedAt !== null,
    findings,
  };
}
