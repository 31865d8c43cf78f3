/**
 * The decimal arithmetic of the engine: 64 significant digits (far more than the 18 + 6 digits a
 * value may carry, so sums are exact and divisions are exact to ~60 digits before the final
 * rounding), half-up rounding. Never floats.
 */
import { Decimal } from 'decimal.js';
import { normalizeDecimal } from '../target-value.js';

export const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type Exact = InstanceType<typeof Exact>;

/** Canonical text of an exact value, full precision: "87.50" → "87.5", "-0" → "0". */
export function canonical(value: Exact): string {
  return normalizeDecimal(value.toFixed());
}

/** Half-up to 2 decimals, canonical text: 107.142857… → "107.14", 87.5 → "87.5", 100 → "100". */
export function round2(value: Exact): string {
  return normalizeDecimal(value.toDecimalPlaces(2, Exact.ROUND_HALF_UP).toFixed(2));
}
