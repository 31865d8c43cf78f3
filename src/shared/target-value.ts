/**
 * A target (or baseline) of an indicator: a number, a range, or a code of the tenant's ordinal
 * scale (REGULATIONS.md). Numbers travel as canonical decimal strings ("1234.5"), never floats.
 * Pure module: the browser bundle imports it too.
 */

/** Canonical decimal text as the API takes and gives it: optional minus, dot for decimals. */
export const DECIMAL_PATTERN = /^-?\d{1,18}(\.\d{1,6})?$/;

export type TargetValue =
  | { kind: 'number'; value: string }
  | { kind: 'range'; low: string; high: string }
  | { kind: 'scale'; code: string };

/** How a target sits in the database: four nullable columns, exactly one form filled. */
export interface TargetColumns {
  value: string | null;
  low: string | null;
  high: string | null;
  code: string | null;
}

export const emptyTargetColumns: TargetColumns = { value: null, low: null, high: null, code: null };

export function targetToColumns(target: TargetValue | null): TargetColumns {
  if (target === null) return emptyTargetColumns;
  switch (target.kind) {
    case 'number':
      return { ...emptyTargetColumns, value: target.value };
    case 'range':
      return { ...emptyTargetColumns, low: target.low, high: target.high };
    case 'scale':
      return { ...emptyTargetColumns, code: target.code };
  }
}

export function targetFromColumns(c: TargetColumns): TargetValue | null {
  if (c.value !== null) return { kind: 'number', value: normalizeDecimal(c.value) };
  if (c.low !== null && c.high !== null)
    return { kind: 'range', low: normalizeDecimal(c.low), high: normalizeDecimal(c.high) };
  if (c.code !== null) return { kind: 'scale', code: c.code };
  return null;
}

/** "12.50" → "12.5", "3.000" → "3", "-0" → "0": the same number always reads the same. */
export function normalizeDecimal(text: string): string {
  if (!text.includes('.')) return text === '-0' ? '0' : text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** Scale codes match case- and space-insensitively (REGULATIONS.md): "wtp " = "WTP". */
export function normalizeScaleCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}
