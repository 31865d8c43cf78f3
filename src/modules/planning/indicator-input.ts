import { Decimal } from 'decimal.js';
import type { CalcMethod, Polarity } from '../../shared/codes.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import {
  DECIMAL_PATTERN,
  normalizeScaleCode,
  type TargetColumns,
  type TargetValue,
  targetToColumns,
} from '../../shared/target-value.js';
import type { TargetValueInput as TargetInput } from './target-schemas.js';

export interface FieldProblem {
  path: string;
  message: string;
  code: ErrorCode;
}

/** An error about one field, in the shape every field error of the API has. */
export const fieldError = (code: ErrorCode, path: string, message: string): AppError =>
  new AppError(code, message, { field: path, fields: [{ path, message }] });

export const methodLabels: Record<CalcMethod, string> = {
  ratio: 'rasio (R/T)',
  inverse_difference: 'negatif (2T−R)/T',
  inverse_ratio: 'negatif T/R',
  range: 'rentang target',
  scale: 'skala kualitatif',
};

/** Which polarity a calculation method implies (REGULATIONS.md; also a DB check). */
export const polarityOf = (method: CalcMethod): Polarity =>
  method === 'inverse_difference' || method === 'inverse_ratio' ? 'negative' : 'positive';

export interface IndicatorRules {
  method: CalcMethod;
  polarity: Polarity;
  startYear: number;
  endYear: number;
  /** Normalised codes of the indicator's scale (method "scale" only). */
  scaleCodes: readonly string[] | null;
}

/**
 * Checks one target against the method and returns it normalised, or records a problem under
 * `path` (the message names what the user sees, e.g. "Target 2027").
 */
function checkTarget(
  input: TargetInput,
  rules: IndicatorRules,
  path: string,
  what: string,
  problems: FieldProblem[],
  allowNumberForRange = false,
): TargetValue | null {
  const want: TargetInput['kind'] =
    rules.method === 'scale' ? 'scale' : rules.method === 'range' ? 'range' : 'number';
  const kindOk =
    input.kind === want || (allowNumberForRange && want === 'range' && input.kind === 'number');
  if (!kindOk) {
    const expected =
      want === 'scale'
        ? 'kode skala (misalnya WTP)'
        : want === 'range'
          ? 'rentang (batas bawah dan batas atas)'
          : 'angka';
    problems.push({
      path,
      code: 'INVALID_TARGET',
      message: `${what} harus berupa ${expected} karena metode perhitungannya ${methodLabels[rules.method]}.`,
    });
    return null;
  }
  const number = (text: string, suffix: string): string | null => {
    if (!DECIMAL_PATTERN.test(text)) {
      problems.push({
        path: suffix ? `${path}.${suffix}` : path,
        code: 'INVALID_NUMBER',
        message: `${what}${suffix === 'low' ? ' (batas bawah)' : suffix === 'high' ? ' (batas atas)' : ''} harus berupa angka, misalnya 1234.5; "${text}" bukan angka.`,
      });
      return null;
    }
    return text;
  };
  switch (input.kind) {
    case 'number': {
      const value = number(input.value, '');
      return value === null ? null : { kind: 'number', value };
    }
    case 'range': {
      const low = number(input.low, 'low');
      const high = number(input.high, 'high');
      if (low === null || high === null) return null;
      if (new Decimal(low).gt(high)) {
        problems.push({
          path,
          code: 'INVALID_TARGET',
          message: `${what}: batas bawah (${low}) lebih besar dari batas atas (${high}).`,
        });
        return null;
      }
      return { kind: 'range', low, high };
    }
    case 'scale': {
      const code = normalizeScaleCode(input.code);
      if (!rules.scaleCodes?.includes(code)) {
        problems.push({
          path,
          code: 'INVALID_TARGET',
          message: `${what}: kode "${input.code}" tidak ada dalam skala yang dipilih (${rules.scaleCodes?.join(', ') ?? '–'}).`,
        });
        return null;
      }
      return { kind: 'scale', code };
    }
  }
}

export interface CheckedTargets {
  targets: { year: number; columns: TargetColumns }[];
  endTarget: TargetColumns;
  baseline: { year: number | null; columns: TargetColumns };
}

/**
 * Every rule of an indicator's definition and targets at once; all problems are reported
 * together, each naming its field ("targets.2027", "endTarget", "baseline.value").
 */
export function checkIndicatorTargets(
  rules: IndicatorRules,
  input: {
    targets: readonly { year: number; target: TargetInput }[];
    endTarget: TargetInput | null;
    baseline: { year: number; value: TargetInput | null } | null;
  },
): CheckedTargets {
  const problems: FieldProblem[] = [];
  if (polarityOf(rules.method) !== rules.polarity) {
    problems.push({
      path: 'polarity',
      code: 'VALIDATION_FAILED',
      message: `Metode ${methodLabels[rules.method]} hanya untuk indikator ber-polaritas ${polarityOf(rules.method) === 'negative' ? 'negatif (makin kecil makin baik)' : 'positif (makin besar makin baik)'}.`,
    });
  }
  const seen = new Set<number>();
  const targets: CheckedTargets['targets'] = [];
  for (const { year, target } of input.targets) {
    const path = `targets.${year}`;
    if (year < rules.startYear || year > rules.endYear) {
      problems.push({
        path,
        code: 'INVALID_TARGET',
        message: `Tahun ${year} di luar periode ${rules.startYear}–${rules.endYear}.`,
      });
      continue;
    }
    if (seen.has(year)) {
      problems.push({ path, code: 'INVALID_TARGET', message: `Target ${year} diisi dua kali.` });
      continue;
    }
    seen.add(year);
    const checked = checkTarget(target, rules, path, `Target ${year}`, problems);
    if (checked) targets.push({ year, columns: targetToColumns(checked) });
  }
  const endTarget = input.endTarget
    ? targetToColumns(
        checkTarget(input.endTarget, rules, 'endTarget', 'Target akhir periode', problems),
      )
    : targetToColumns(null);
  let baseline: CheckedTargets['baseline'] = { year: null, columns: targetToColumns(null) };
  if (input.baseline) {
    if (input.baseline.year > rules.startYear) {
      problems.push({
        path: 'baseline.year',
        code: 'VALIDATION_FAILED',
        message: `Tahun baseline paling lambat ${rules.startYear} (awal periode).`,
      });
    }
    const value = input.baseline.value
      ? checkTarget(input.baseline.value, rules, 'baseline.value', 'Baseline', problems, true)
      : null;
    baseline = { year: input.baseline.year, columns: targetToColumns(value) };
  }
  const first = problems[0];
  if (first) {
    throw new AppError(
      first.code,
      problems.length === 1
        ? first.message
        : `${first.message} (dan ${problems.length - 1} masalah lain)`,
      {
        field: first.path,
        fields: problems.map(({ path, message }) => ({ path, message })),
      },
    );
  }
  return { targets, endTarget, baseline };
}
