/**
 * Averages of capaian per sasaran, unit or Pemda. Items not assessed are left out (REGULATIONS.md:
 * "not assessed" is not 0). A weighted mean of the already-rounded item values (weight 1 unless
 * given, e.g. the tenant's IKU weight), rounded half-up to 2 decimals, banded. The average is NOT
 * capped again: each item already is, so the mean can never exceed the cap.
 */
import { AppError } from '../errors.js';
import { finish } from './compute.js';
import { Exact } from './decimal.js';
import { notAssessed } from './messages.js';
import type { Capaian, CapaianRules } from './types.js';

export interface WeightedCapaian {
  capaian: Capaian;
  /** Default 1; must be a finite number ≥ 0 (0 leaves the item out). */
  weight?: number;
}

export function averageCapaian(items: readonly WeightedCapaian[], rules: CapaianRules): Capaian {
  let total = new Exact(0);
  let weights = new Exact(0);
  for (const { capaian, weight = 1 } of items) {
    if (!Number.isFinite(weight) || weight < 0)
      throw new AppError('BAD_REQUEST', `Bobot rata-rata capaian tidak sah: ${weight}.`);
    if (!capaian.assessed || weight === 0) continue;
    const w = new Exact(weight);
    total = total.plus(new Exact(capaian.value).times(w));
    weights = weights.plus(w);
  }
  if (weights.isZero()) return notAssessed('nothing_assessed');
  return finish(total.dividedBy(weights), { ...rules, cap: 'none' });
}
