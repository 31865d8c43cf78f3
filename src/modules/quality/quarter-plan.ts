import { Decimal } from 'decimal.js';
import type { Aggregation, CalcMethod } from '../../shared/codes.js';
import { formatIndonesianNumber } from '../../shared/indonesian-number.js';
import {
  DECIMAL_PATTERN,
  normalizeScaleCode,
  type TargetValue,
} from '../../shared/target-value.js';
import type { QuarterPlanProblem } from './types.js';

/** 18 + 6 digits times four quarters: far below 64 significant digits, so every sum is exact. */
const Exact = Decimal.clone({ precision: 64 });

export const quarterLabels = ['TW I', 'TW II', 'TW III', 'TW IV'] as const;

type TargetKind = TargetValue['kind'];

/** The form a target must take for a calculation method. */
export function targetKindFor(method: CalcMethod): TargetKind {
  switch (method) {
    case 'ratio':
    case 'inverse_difference':
    case 'inverse_ratio':
      return 'number';
    case 'range':
      return 'range';
    case 'scale':
      return 'scale';
  }
}

export const targetKindLabels: Record<TargetKind, string> = {
  number: 'angka',
  range: 'rentang (batas bawah–batas atas)',
  scale: 'kode skala',
};

const aggregationLabels: Record<Aggregation, string> = {
  cumulative: 'kumulatif',
  last: 'nilai akhir',
  average: 'rata-rata',
};

const fmt = (value: Decimal): string => formatIndonesianNumber(value.toFixed());

function sum(values: readonly string[]): Decimal {
  return values.reduce((total, v) => total.plus(v), new Exact(0));
}

/** A number or range bound that is not canonical decimal text (the API should have refused it). */
function badNumbers(target: TargetValue): boolean {
  if (target.kind === 'number') return !DECIMAL_PATTERN.test(target.value);
  if (target.kind === 'range')
    return !DECIMAL_PATTERN.test(target.low) || !DECIMAL_PATTERN.test(target.high);
  return false;
}

/** Checks one quarter on its own: form, valid digits, range order. */
function checkQuarter(
  target: TargetValue,
  index: number,
  expected: TargetKind,
): QuarterPlanProblem | null {
  const label = quarterLabels[index] ?? `TW ${index + 1}`;
  const field = `quarters.${index}`;
  if (target.kind !== expected)
    return { field, message: `${label} harus berupa ${targetKindLabels[expected]}.` };
  if (badNumbers(target))
    return { field, message: `${label} berisi angka yang tidak valid. Tulis mis. 1.234,5.` };
  if (target.kind === 'range' && new Exact(target.low).greaterThan(target.high))
    return {
      field,
      message: `${label}: batas bawah (${formatIndonesianNumber(target.low)}) lebih besar dari batas atas (${formatIndonesianNumber(target.high)}).`,
    };
  if (target.kind === 'scale' && target.code.trim() === '')
    return { field, message: `${label} harus berisi kode skala.` };
  return null;
}

/** "Jumlah TW I–IV (…) harus sama dengan target tahunan (…)" for a number or one range bound. */
function aggregateMismatch(
  aggregation: 'cumulative' | 'average',
  values: readonly string[],
  annual: string,
  bound: '' | ' batas bawah' | ' batas atas',
): string | null {
  const total = sum(values);
  const actual = aggregation === 'cumulative' ? total : total.dividedBy(4);
  if (actual.equals(annual)) return null;
  const what = aggregation === 'cumulative' ? 'Jumlah' : 'Rata-rata';
  return (
    `${what}${bound} target TW I–IV adalah ${fmt(actual)}, seharusnya sama dengan${bound} ` +
    `target tahunan ${formatIndonesianNumber(annual)} (agregasi ${aggregationLabels[aggregation]}).`
  );
}

/** Quarterly targets typed "up to this quarter" (25, 50, 75, 100) instead of per quarter. */
function looksCumulativeToDate(values: readonly string[], annual: string): boolean {
  const last = values[values.length - 1];
  if (last === undefined || !new Exact(last).equals(annual)) return false;
  return values.every((v, i) => i === 0 || new Exact(v).greaterThanOrEqualTo(values[i - 1] ?? v));
}

/**
 * Checks TW I–IV targets against the annual target by aggregation type (REGULATIONS.md):
 * cumulative — the quarters add up exactly to the annual target (ranges: the lows to the low, the
 * highs to the high) and no quarter is negative when the year is not; last value — TW IV equals
 * the annual target; average — the mean of the four equals it. All four quarters or none.
 * A scale (ordinal codes) cannot be added or averaged, so a scale plan is always read as
 * "last value": TW IV must carry the annual code.
 */
export function checkQuarterPlan(plan: {
  method: CalcMethod;
  aggregation: Aggregation;
  annual: TargetValue | null;
  quarters: readonly (TargetValue | null)[];
}): QuarterPlanProblem[] {
  const { method, annual, quarters } = plan;
  if (quarters.length !== 4)
    return [
      {
        field: 'quarters',
        message: 'Rencana triwulan harus berisi tepat empat triwulan (TW I–IV).',
      },
    ];
  if (quarters.every((q) => q === null)) return [];

  const problems: QuarterPlanProblem[] = [];
  const expected = targetKindFor(method);
  quarters.forEach((q, i) => {
    if (q === null)
      problems.push({
        field: `quarters.${i}`,
        message: `${quarterLabels[i]} belum diisi. Isi keempat triwulan, atau kosongkan semuanya jika tidak ada rencana triwulan.`,
      });
    else {
      const problem = checkQuarter(q, i, expected);
      if (problem) problems.push(problem);
    }
  });
  if (problems.length > 0) return problems;

  if (annual === null)
    return [{ field: 'quarters', message: 'Isi target tahunan sebelum mengisi rencana triwulan.' }];
  // The annual target's own form is checked where it is entered (TARGET_NOT_NUMBER); comparing
  // against a malformed one would only repeat that message.
  if (annual.kind !== expected || badNumbers(annual)) return [];

  const filled = quarters as readonly TargetValue[];
  const aggregation = method === 'scale' ? 'last' : plan.aggregation;
  const last = filled[3];
  if (last === undefined) return [];

  if (aggregation === 'last') {
    if (!sameTarget(last, annual))
      problems.push({
        field: 'quarters.3',
        message: `Target TW IV (${describeTarget(last)}) harus sama dengan target tahunan (${describeTarget(annual)}) karena agregasinya nilai akhir.`,
      });
    return problems;
  }

  if (annual.kind === 'number') {
    const values = filled.map((q) => (q.kind === 'number' ? q.value : '0'));
    if (aggregation === 'cumulative' && !new Exact(annual.value).isNegative())
      values.forEach((v, i) => {
        if (new Exact(v).isNegative())
          problems.push({
            field: `quarters.${i}`,
            message: `${quarterLabels[i]} tidak boleh negatif (${formatIndonesianNumber(v)}) pada indikator kumulatif.`,
          });
      });
    const mismatch = aggregateMismatch(aggregation, values, annual.value, '');
    if (mismatch) {
      const toDate = aggregation === 'cumulative' && looksCumulativeToDate(values, annual.value);
      problems.push({
        field: 'quarters',
        message: toDate
          ? `${mismatch} Sepertinya yang diisi adalah target s.d. triwulan; untuk indikator kumulatif isi target masing-masing triwulan saja.`
          : mismatch,
      });
    }
  } else if (annual.kind === 'range') {
    const lows = filled.map((q) => (q.kind === 'range' ? q.low : '0'));
    const highs = filled.map((q) => (q.kind === 'range' ? q.high : '0'));
    for (const [values, bound, bounds] of [
      [lows, annual.low, ' batas bawah'],
      [highs, annual.high, ' batas atas'],
    ] as const) {
      const mismatch = aggregateMismatch(aggregation, values, bound, bounds);
      if (mismatch) problems.push({ field: 'quarters', message: mismatch });
    }
  }
  return problems;
}

function sameTarget(a: TargetValue, b: TargetValue): boolean {
  if (a.kind === 'number' && b.kind === 'number') return new Exact(a.value).equals(b.value);
  if (a.kind === 'range' && b.kind === 'range')
    return new Exact(a.low).equals(b.low) && new Exact(a.high).equals(b.high);
  if (a.kind === 'scale' && b.kind === 'scale')
    return normalizeScaleCode(a.code) === normalizeScaleCode(b.code);
  return false;
}

/** A target as a person reads it: "1.234,5", "80–90", "WTP". */
export function describeTarget(target: TargetValue): string {
  switch (target.kind) {
    case 'number':
      return formatIndonesianNumber(target.value);
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}`;
    case 'scale':
      return target.code.trim();
  }
}
