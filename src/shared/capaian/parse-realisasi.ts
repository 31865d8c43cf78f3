/**
 * Reading a realisasi typed by a person (form field or Excel cell) for one indicator: an
 * Indonesian number ("1,5", "1.234,5"; ambiguous text such as "1.234" is refused, never guessed)
 * or, for a scale indicator, a code of its scale matched case- and space-insensitively.
 */
import { AppError } from '../errors.js';
import { type ParseOptions, parseIndonesianNumber } from '../indonesian-number.js';
import { normalizeScaleCode } from '../target-value.js';
import type { IndicatorMeasure, RealisasiValue } from './types.js';
import { scaleLevels, validScaleCodes } from './values.js';

export interface ParseRealisasiOptions {
  /** The indicator allows values below zero (indicators.allow_negative). */
  allowNegative: boolean;
  /** Number style, as parseIndonesianNumber (default 'auto'). */
  style?: ParseOptions['style'];
}

/**
 * Throws AppError: INVALID_NUMBER (text that is not a number, with `details.value` = the text),
 * NEGATIVE_NOT_ALLOWED, or INVALID_TARGET (a code outside the scale, listing the valid codes).
 */
export function parseRealisasiInput(
  text: string,
  measure: IndicatorMeasure,
  opts: ParseRealisasiOptions,
): RealisasiValue {
  if (measure.method === 'scale') {
    const levels = scaleLevels(measure);
    const wanted = normalizeScaleCode(text);
    const level = levels.find((l) => normalizeScaleCode(l.code) === wanted);
    if (wanted === '' || !level)
      throw new AppError(
        'INVALID_TARGET',
        wanted === ''
          ? `Pilih kode skala realisasi (${validScaleCodes(measure)}).`
          : `Realisasi "${text.trim()}" tidak ada dalam skala indikator; kode yang sah: ${validScaleCodes(measure)}.`,
        { value: text, validCodes: levels.map((l) => l.code) },
      );
    return { kind: 'scale', code: level.code };
  }
  const parsed = parseIndonesianNumber(text, opts.style ? { style: opts.style } : {});
  if (!parsed.ok)
    throw new AppError('INVALID_NUMBER', `Realisasi harus berupa angka. ${parsed.message}`, {
      value: text,
    });
  if (parsed.value.startsWith('-') && !opts.allowNegative)
    throw new AppError(
      'NEGATIVE_NOT_ALLOWED',
      'Realisasi tidak boleh bernilai negatif untuk indikator ini.',
      { value: text },
    );
  return { kind: 'number', value: parsed.value };
}
