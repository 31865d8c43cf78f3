import type { CalcMethod } from '../../../shared/codes.js';
import {
  formatIndonesianNumber,
  parseIndonesianNumber,
} from '../../../shared/indonesian-number.js';
import type { TargetValue } from './types.js';

/** A target as people read it: "1.234,5", "10–20", "WTP"; an en dash when none is set. */
export function targetText(target: TargetValue | null | undefined): string {
  if (!target) return '–';
  switch (target.kind) {
    case 'number':
      return formatIndonesianNumber(target.value);
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}`;
    case 'scale':
      return target.code;
  }
}

/** Editable text of a stored number (Indonesian style), empty when absent. */
export const numberField = (value: string | undefined): string =>
  value === undefined ? '' : formatIndonesianNumber(value);

/**
 * Reads a number typed in Indonesian style; a dot only groups thousands here, because the fields
 * were filled by formatIndonesianNumber. Returns the canonical decimal or the message to show.
 */
export function readNumber(text: string): { value: string } | { error: string } {
  const parsed = parseIndonesianNumber(text, { style: 'indonesian' });
  return parsed.ok ? { value: parsed.value } : { error: parsed.message };
}

/**
 * The form field of a field named by the API: "targets.2027" is the input of that target (its
 * lower bound for a range), "targets.2027.high" already names one input; "baseline.value" and
 * "endTarget" likewise.
 */
export function formPath(apiPath: string, method: CalcMethod): string {
  if (/\.(low|high)$/.test(apiPath)) return apiPath.replace(/^baseline\.value\./, 'baseline.');
  const input = method === 'range' ? 'low' : method === 'scale' ? 'code' : 'value';
  if (/^targets\.\d{4}$/.test(apiPath) || apiPath === 'endTarget') return `${apiPath}.${input}`;
  // The baseline of a range indicator is a single number (see submit).
  if (apiPath === 'baseline.value') return `baseline.${method === 'scale' ? 'code' : 'value'}`;
  if (apiPath === 'baseline.year') return 'baselineYear';
  return apiPath;
}
