/**
 * What the engine says about one indicator at one quarter (REGULATIONS.md):
 * - quarter: this quarter's realisasi against this quarter's target;
 * - toDate ("capaian to date", what bands and dashboards use), over the quarters filled so far:
 *   cumulative → the sum of their realisasi against the sum of the targets of those same quarters;
 *   last value (and every scale indicator) → the last filled quarter against that quarter's target;
 *   average → the mean of their realisasi against the mean of those quarters' targets.
 *   When a needed quarter target is missing, toDate falls back to the annual target (it then equals
 *   `annual` for cumulative and average indicators; for last value it is the last realisasi
 *   against the annual target);
 * - annual: the realisasi so far, aggregated, against the annual target.
 */
import type { TargetValue } from '../target-value.js';
import { aggregateRealisasi, aggregateTargets, filledQuarters, type Quarter } from './aggregate.js';
import { computeCapaian } from './compute.js';
import { notAssessed } from './messages.js';
import type {
  Capaian,
  CapaianRules,
  IndicatorMeasure,
  QuarterCapaian,
  QuarterValues,
  RealisasiValue,
} from './types.js';

export interface IndicatorYearValues {
  annualTarget: TargetValue | null;
  quarterTargets: QuarterValues<TargetValue>;
  realisasi: QuarterValues<RealisasiValue>;
}

function toDateCapaian(
  measure: IndicatorMeasure,
  values: IndicatorYearValues,
  quarter: Quarter,
  realisasiToDate: RealisasiValue | null,
  rules: CapaianRules,
): Capaian {
  const filled = filledQuarters(values.realisasi, quarter);
  const lastIndex = filled.at(-1);
  if (lastIndex === undefined) return notAssessed('no_realisasi');
  if (measure.method === 'scale' || measure.aggregation === 'last') {
    const target = values.quarterTargets[lastIndex] ?? values.annualTarget;
    return computeCapaian(measure, target, values.realisasi[lastIndex] ?? null, rules);
  }
  const targets = filled.map((i) => values.quarterTargets[i] ?? null);
  if (targets.some((t) => t === null))
    return computeCapaian(measure, values.annualTarget, realisasiToDate, rules);
  const target = aggregateTargets(measure, targets as TargetValue[], measure.aggregation);
  return computeCapaian(measure, target, realisasiToDate, rules);
}

/** Quarter, to-date and annual capaian of one indicator at quarter 1–4. */
export function quarterCapaian(
  measure: IndicatorMeasure,
  values: IndicatorYearValues,
  quarter: Quarter,
  rules: CapaianRules,
): QuarterCapaian {
  const index = quarter - 1;
  const realisasiToDate = aggregateRealisasi(measure, values.realisasi, quarter);
  return {
    quarter: computeCapaian(
      measure,
      values.quarterTargets[index] ?? null,
      values.realisasi[index] ?? null,
      rules,
    ),
    toDate: toDateCapaian(measure, values, quarter, realisasiToDate, rules),
    annual: computeCapaian(measure, values.annualTarget, realisasiToDate, rules),
    realisasiToDate,
  };
}
