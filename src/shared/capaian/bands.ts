/**
 * Category bands: lower bounds on the value ROUNDED to 2 decimals (REGULATIONS.md: 91 and up
 * Sangat Tinggi, 76 up to below 91 Tinggi, …). 90.99 is Tinggi; 90.995 rounds to 91 and is
 * Sangat Tinggi — the engine bands the rounded value it returns, never the raw one.
 */
import { type CapaianBand, capaianBands } from '../codes.js';
import { Exact } from './decimal.js';
import type { Capaian, CapaianRules } from './types.js';

/** Bands from the highest lower bound down (robust to whatever order settings list them in). */
function bandsDescending(rules: CapaianRules): CapaianBand[] {
  return [...capaianBands].sort((a, b) => rules.bands[b].min - rules.bands[a].min);
}

/** The band of a capaian value (canonical decimal text, already rounded by the engine). */
export function bandOf(value: string, rules: CapaianRules): CapaianBand {
  const v = new Exact(value);
  for (const band of bandsDescending(rules)) {
    if (v.greaterThanOrEqualTo(rules.bands[band].min)) return band;
  }
  // Below every lower bound (only possible if the lowest band does not start at 0).
  return bandsDescending(rules).at(-1) ?? 'sangat_rendah';
}

/** The tenant's label of a band ("Sangat Tinggi"). */
export function bandLabel(band: CapaianBand, rules: CapaianRules): string {
  return rules.bands[band].label;
}

/** The two lowest bands (by lower bound): the ones that need an explanation. */
export function lowBands(rules: CapaianRules): CapaianBand[] {
  return bandsDescending(rules).slice(-2);
}

/**
 * True when an assessed capaian falls in the two lowest bands: the operator must then give the
 * analysis, obstacles and follow-up plan. A missing realisasi at the deadline also needs an
 * explanation, but that is the workflow's rule (the engine only says "not assessed").
 */
export function requiresExplanation(c: Capaian, rules: CapaianRules): boolean {
  return c.assessed && lowBands(rules).includes(c.band);
}
