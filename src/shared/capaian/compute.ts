/**
 * capaian of one indicator for one period (REGULATIONS.md "Measuring: capaian kinerja").
 *
 *   ratio               R / T × 100          (higher is better)
 *   inverse_difference  (2T − R) / T × 100   (lower is better, the default)
 *   inverse_ratio       T / R × 100          (lower is better, the other variant)
 *   range [L, H]        inside = 100; below: R / L × 100; above: (2H − R) / H × 100
 *   scale               score(R) / score(T) × 100
 *
 * Range, our reading of "above the range compare with the upper bound, below with the lower
 * bound": leaving the range is a shortfall on either side, so the result is 100 minus the distance
 * to the nearest bound as a share of that bound: 100 × (1 − |R − bound| / |bound|). Below the range
 * this is the positive ratio R / L; above it it is the lower-is-better formula (2H − R) / H against
 * the upper bound. A range capaian is therefore never above 100 (80–90 with R 99 → 90 %).
 *
 * Then: never below 0; the cap (none / 110 / 120) cuts what is above it; rounded half-up to 2
 * decimals; the band is read from the rounded value.
 *
 * Zero cases (no division by zero ever happens):
 * - positive (ratio, scale, range below a lower bound 0 is impossible with R ≥ 0):
 *   T = 0 and R > 0 → the cap (100 when there is none);
 * - lower-is-better T / R with R = 0 (T ≠ 0) → the cap (100 when there is none);
 * - T = 0 and R = 0 → 100 (every method);
 * - any other zero case (ratio T = 0 with R < 0; (2T − R)/T with T = 0 and R ≠ 0; T / R with T = 0
 *   and R ≠ 0; a range bound 0 left on its side) → the tenant's zeroTargetRule: "-" with reason
 *   'zero_target', or 0 %. T / R with T = 0 and R > 0 would compute as 0; we treat it like the
 *   (2T − R)/T variant so that switching the formula of an indicator never changes "-" into 0 %.
 */
import { formatIndonesianNumber } from '../indonesian-number.js';
import type { TargetValue } from '../target-value.js';
import { bandOf } from './bands.js';
import { canonical, Exact, round2 } from './decimal.js';
import { notAssessed } from './messages.js';
import { capPercent } from './rules.js';
import type { Capaian, CapaianRules, IndicatorMeasure, RealisasiValue } from './types.js';

export type AssessedCapaian = Extract<Capaian, { assessed: true }>;

import { findLevel, numberRealisasi, numberTarget, rangeTarget, scaleCode } from './values.js';

/** What a formula gives before the cap, floor and rounding. */
type Raw =
  | { kind: 'value'; value: Exact }
  /** A zero case that REGULATIONS.md sets to the cap (100 % when there is none). */
  | { kind: 'at_cap' }
  /** A zero case left to the tenant's zeroTargetRule. */
  | { kind: 'tenant_rule'; target: Exact; realisasi: Exact };

const hundred = new Exact(100);
const value = (v: Exact): Raw => ({ kind: 'value', value: v });

function ratio(t: Exact, r: Exact): Raw {
  if (t.isZero()) {
    if (r.isZero()) return value(hundred);
    if (r.greaterThan(0)) return { kind: 'at_cap' };
    return { kind: 'tenant_rule', target: t, realisasi: r };
  }
  return value(r.dividedBy(t).times(100));
}

function inverseDifference(t: Exact, r: Exact): Raw {
  if (t.isZero()) {
    if (r.isZero()) return value(hundred);
    return { kind: 'tenant_rule', target: t, realisasi: r };
  }
  return value(t.times(2).minus(r).dividedBy(t).times(100));
}

function inverseRatio(t: Exact, r: Exact): Raw {
  if (t.isZero() && r.isZero()) return value(hundred);
  if (r.isZero()) return { kind: 'at_cap' };
  if (t.isZero()) return { kind: 'tenant_rule', target: t, realisasi: r };
  return value(t.dividedBy(r).times(100));
}

function range(low: Exact, high: Exact, r: Exact): Raw {
  if (r.greaterThanOrEqualTo(low) && r.lessThanOrEqualTo(high)) return value(hundred);
  const bound = r.lessThan(low) ? low : high;
  if (bound.isZero()) return { kind: 'tenant_rule', target: bound, realisasi: r };
  const distance = r.minus(bound).abs();
  return value(hundred.minus(distance.dividedBy(bound.abs()).times(100)));
}

function rawCapaian(
  measure: IndicatorMeasure,
  target: TargetValue,
  realisasi: RealisasiValue,
): Raw {
  switch (measure.method) {
    case 'ratio':
      return ratio(numberTarget(target, 'ratio'), numberRealisasi(realisasi));
    case 'inverse_difference':
      return inverseDifference(
        numberTarget(target, 'inverse_difference'),
        numberRealisasi(realisasi),
      );
    case 'inverse_ratio':
      return inverseRatio(numberTarget(target, 'inverse_ratio'), numberRealisasi(realisasi));
    case 'range': {
      const { low, high } = rangeTarget(target);
      return range(low, high, numberRealisasi(realisasi));
    }
    case 'scale': {
      const t = findLevel(measure, scaleCode(target, 'Target'), 'Target');
      const r = findLevel(measure, scaleCode(realisasi, 'Realisasi'), 'Realisasi');
      return ratio(new Exact(t.score), new Exact(r.score));
    }
  }
}

/** Floor 0, cap, round half-up to 2 decimals, band of the rounded value. */
export function finish(raw: Exact, rules: CapaianRules): AssessedCapaian {
  const cap = capPercent(rules.cap);
  let v = raw.lessThan(0) ? new Exact(0) : raw;
  let capped = false;
  if (cap !== null && v.greaterThan(cap)) {
    v = new Exact(cap);
    capped = true;
  }
  const rounded = round2(v);
  return { assessed: true, value: rounded, band: bandOf(rounded, rules), capped };
}

function zeroTargetMessage(target: Exact, realisasi: Exact): string {
  const t = formatIndonesianNumber(canonical(target));
  const r = formatIndonesianNumber(canonical(realisasi));
  return `Target ${t} dengan realisasi ${r}: capaian tidak dapat dihitung (pembagian dengan nol), ditampilkan "-" sesuai aturan Pemda.`;
}

/**
 * The capaian of a realisasi against a target. No realisasi → not assessed ('no_realisasi', never
 * 0); no target → not assessed ('no_target'). A target or realisasi in the wrong form for the
 * method, or a scale code outside the indicator's scale, throws AppError INVALID_TARGET /
 * INVALID_NUMBER.
 */
export function computeCapaian(
  measure: IndicatorMeasure,
  target: TargetValue | null,
  realisasi: RealisasiValue | null,
  rules: CapaianRules,
): Capaian {
  if (realisasi === null) return notAssessed('no_realisasi');
  if (target === null) return notAssessed('no_target');
  const raw = rawCapaian(measure, target, realisasi);
  switch (raw.kind) {
    case 'value':
      return finish(raw.value, rules);
    case 'at_cap': {
      const cap = capPercent(rules.cap);
      if (cap === null) return finish(hundred, rules);
      return { ...finish(new Exact(cap), rules), capped: true };
    }
    case 'tenant_rule':
      if (rules.zeroTargetRule === 'zero') return finish(new Exact(0), rules);
      return notAssessed('zero_target', zeroTargetMessage(raw.target, raw.realisasi));
  }
}
