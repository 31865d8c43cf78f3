import { z } from 'zod';
import { DECIMAL_PATTERN } from '../../shared/target-value.js';

/**
 * The one zod description of decimal strings and target values (src/shared/target-value.ts) for
 * every API that takes or gives them: planning (RPJMD/Renstra indicators, budgets), Perjanjian
 * Kinerja, PK Perubahan, cascade.
 *
 * Requests: the texts are deliberately NOT checked against DECIMAL_PATTERN here. The use cases
 * check them, so a bad number comes back as INVALID_NUMBER / INVALID_TARGET naming the field the
 * user sees (`targets.2027`, `objectives.0.indicators.1.targets.2026.annual.value`) rather than a
 * zod path with an array position, and every wrong field is reported at once.
 */

/**
 * Canonical decimal text as the API gives it ("1234.5": optional minus, dot for decimals, no
 * grouping). The pattern is documented in the OpenAPI document only: it is not re-checked when
 * a response is serialised, so an odd stored value can never turn a read into a 500.
 */
export const decimalString = z.string().meta({
  pattern: DECIMAL_PATTERN.source,
  description: 'Angka desimal dengan titik sebagai pemisah desimal, tanpa pemisah ribuan.',
  examples: ['1234.5'],
});

/** Decimal text as a client sends it: trimmed, at most 40 characters, checked by the use case. */
export const decimalInput = z.string().trim().max(40);

/** Rupiah as a client sends it ("1500000.50"); the use case checks the form (≤ 2 decimals). */
export const moneyInput = decimalInput;

/** A target as the API gives it: number, range (low ≤ high), or a code of a tenant scale. */
export const targetValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: decimalString }),
  z.object({ kind: z.literal('range'), low: decimalString, high: decimalString }),
  z.object({ kind: z.literal('scale'), code: z.string() }),
]);

/**
 * A target as the API takes it. Numbers are checked by the use case (see above); a scale code
 * is matched against the indicator's scale there too (case- and space-insensitively).
 */
export const targetValueInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), value: decimalInput }),
  z.strictObject({ kind: z.literal('range'), low: decimalInput, high: decimalInput }),
  z.strictObject({ kind: z.literal('scale'), code: z.string().max(40) }),
]);
export type TargetValueInput = z.infer<typeof targetValueInput>;
