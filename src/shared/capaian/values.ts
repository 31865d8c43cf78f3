/** Reading targets and realisasi into what a method needs, refusing mismatched forms. */
import type { CalcMethod } from '../codes.js';
import { AppError } from '../errors.js';
import { normalizeScaleCode, type TargetValue } from '../target-value.js';
import { Exact } from './decimal.js';
import type { IndicatorMeasure, RealisasiValue, ScaleLevel } from './types.js';

const decimalText = /^-?\d+(\.\d+)?$/;

const methodLabels: Record<CalcMethod, string> = {
  ratio: 'realisasi / target',
  inverse_difference: '(2 × target − realisasi) / target',
  inverse_ratio: 'target / realisasi',
  range: 'rentang target',
  scale: 'skala',
};

/** An exact decimal from canonical text; anything else is a programming or data error. */
export function exact(text: string, what: string): Exact {
  if (!decimalText.test(text))
    throw new AppError('INVALID_NUMBER', `${what} harus berupa angka; "${text}" bukan angka.`, {
      value: text,
    });
  return new Exact(text);
}

export function numberTarget(target: TargetValue, method: CalcMethod): Exact {
  if (target.kind !== 'number')
    throw new AppError(
      'INVALID_TARGET',
      `Target harus berupa angka untuk metode ${methodLabels[method]}.`,
      { target },
    );
  return exact(target.value, 'Target');
}

/** A range target; a single number under the range method is the range [v, v]. */
export function rangeTarget(target: TargetValue): { low: Exact; high: Exact } {
  if (target.kind === 'number') {
    const v = exact(target.value, 'Target');
    return { low: v, high: v };
  }
  if (target.kind !== 'range')
    throw new AppError('INVALID_TARGET', 'Target harus berupa rentang (batas bawah–batas atas).', {
      target,
    });
  const low = exact(target.low, 'Batas bawah target');
  const high = exact(target.high, 'Batas atas target');
  if (low.greaterThan(high))
    throw new AppError(
      'INVALID_TARGET',
      `Batas bawah target (${target.low}) lebih besar dari batas atas (${target.high}).`,
      { target },
    );
  return { low, high };
}

export function numberRealisasi(realisasi: RealisasiValue): Exact {
  if (realisasi.kind !== 'number')
    throw new AppError('INVALID_NUMBER', 'Realisasi indikator ini harus berupa angka.', {
      value: realisasi.code,
    });
  return exact(realisasi.value, 'Realisasi');
}

/** The levels of the indicator's scale; a scale indicator without one is a data error. */
export function scaleLevels(measure: IndicatorMeasure): readonly ScaleLevel[] {
  if (!measure.scale || measure.scale.length === 0)
    throw new AppError('INVALID_TARGET', 'Skala penilaian indikator ini belum ditetapkan.');
  return measure.scale;
}

export function validScaleCodes(measure: IndicatorMeasure): string {
  return scaleLevels(measure)
    .map((l) => l.code)
    .join(', ');
}

/** The level of a code, matched case- and space-insensitively; unknown → INVALID_TARGET. */
export function findLevel(measure: IndicatorMeasure, code: string, what: string): ScaleLevel {
  const wanted = normalizeScaleCode(code);
  const level = scaleLevels(measure).find((l) => normalizeScaleCode(l.code) === wanted);
  if (!level)
    throw new AppError(
      'INVALID_TARGET',
      `${what}: kode "${code}" tidak ada dalam skala indikator (${validScaleCodes(measure)}).`,
      { code, validCodes: scaleLevels(measure).map((l) => l.code) },
    );
  return level;
}

export function scaleCode(value: TargetValue | RealisasiValue, what: string): string {
  if (value.kind !== 'scale')
    throw new AppError('INVALID_TARGET', `${what} harus berupa kode skala (mis. WTP).`, { value });
  return value.code;
}
