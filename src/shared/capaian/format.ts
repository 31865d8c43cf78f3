/** Showing capaian to people: "107,14 %" (Indonesian, 2 decimals) or "-" when not assessed. */
import { formatIndonesianNumber } from '../indonesian-number.js';
import { normalizeDecimal } from '../target-value.js';
import { bandOf } from './bands.js';
import { Exact } from './decimal.js';
import { notAssessed } from './messages.js';
import { capPercent } from './rules.js';
import type { Capaian, CapaianRules, NotAssessedReason } from './types.js';

export function formatCapaian(c: Capaian): string {
  return c.assessed ? formatCapaianValue(c.value) : '-';
}

/** A stored capaian value (canonical decimal text, e.g. a `capaian_to_date` column) or null. */
export function formatCapaianValue(value: string | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return `${formatIndonesianNumber(value, 2)} %`;
}

/**
 * A Capaian again from a value the engine stored (numeric columns keep only the rounded value):
 * the band is read again with the rules; `capped` is true when the value equals the cap. A null
 * value is not assessed with the given reason (default 'no_realisasi', as the column does not
 * keep the reason).
 */
export function capaianFromStored(
  value: string | null | undefined,
  rules: CapaianRules,
  reason: NotAssessedReason = 'no_realisasi',
): Capaian {
  if (value === null || value === undefined) return notAssessed(reason);
  const text = normalizeDecimal(value.trim());
  const cap = capPercent(rules.cap);
  return {
    assessed: true,
    value: text,
    band: bandOf(text, rules),
    capped: cap !== null && new Exact(text).equals(cap),
  };
}
