/**
 * Quarterly aggregation of realisasi (REGULATIONS.md): cumulative sum (counts, outputs), last
 * value (status, percentages, indices) or average, over the quarters FILLED up to a quarter.
 * Empty quarters are skipped, never read as 0. Aggregates keep full precision (no rounding: only
 * the final capaian is rounded). Scale indicators always take the last code entered.
 */
import type { Aggregation } from '../codes.js';
import type { TargetValue } from '../target-value.js';
import { canonical, Exact } from './decimal.js';
import type { IndicatorMeasure, QuarterValues, RealisasiValue } from './types.js';
import { numberRealisasi, numberTarget, rangeTarget } from './values.js';

export type Quarter = 1 | 2 | 3 | 4;

/** Indexes (0-based) of the quarters up to `upTo` whose value is present. */
export function filledQuarters<T>(values: QuarterValues<T>, upTo: Quarter): number[] {
  const filled: number[] = [];
  for (let i = 0; i < upTo; i++) if (values[i] !== null && values[i] !== undefined) filled.push(i);
  return filled;
}

function combine(values: readonly Exact[], how: Exclude<Aggregation, 'last'>): Exact {
  const total = values.reduce((sum, v) => sum.plus(v), new Exact(0));
  return how === 'cumulative' ? total : total.dividedBy(values.length);
}

/** The realisasi so far: sum, last or mean of the filled quarters ≤ upTo; null when none. */
export function aggregateRealisasi(
  measure: IndicatorMeasure,
  realisasi: QuarterValues<RealisasiValue>,
  upTo: Quarter,
): RealisasiValue | null {
  const filled = filledQuarters(realisasi, upTo);
  if (filled.length === 0) return null;
  const values = filled.map((i) => realisasi[i] as RealisasiValue);
  if (measure.method === 'scale' || measure.aggregation === 'last') {
    const last = values.at(-1) as RealisasiValue;
    if (measure.method !== 'scale') numberRealisasi(last); // refuses a code for a number indicator
    return last;
  }
  const numbers = values.map(numberRealisasi);
  return { kind: 'number', value: canonical(combine(numbers, measure.aggregation)) };
}

/**
 * The targets of some quarters combined the way their realisasi are: summed (cumulative) or
 * averaged; a range adds up (or averages) bound by bound. Used for "capaian to date".
 */
export function aggregateTargets(
  measure: IndicatorMeasure,
  targets: readonly TargetValue[],
  how: Exclude<Aggregation, 'last'>,
): TargetValue {
  if (measure.method === 'range') {
    const ranges = targets.map(rangeTarget);
    return {
      kind: 'range',
      low: canonical(
        combine(
          ranges.map((r) => r.low),
          how,
        ),
      ),
      high: canonical(
        combine(
          ranges.map((r) => r.high),
          how,
        ),
      ),
    };
  }
  const numbers = targets.map((t) => numberTarget(t, measure.method));
  return { kind: 'number', value: canonical(combine(numbers, how)) };
}
