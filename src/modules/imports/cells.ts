import { Decimal } from 'decimal.js';
import type { CellValue } from 'exceljs';
import { type ParsedNumber, parseIndonesianNumber } from '../../shared/indonesian-number.js';
import {
  normalizeDecimal,
  normalizeScaleCode,
  type TargetValue,
} from '../../shared/target-value.js';

/**
 * Reading spreadsheet cells into exact values. Pure functions: no database, no workbook; each
 * failure is an Indonesian message the importer attaches to the row and column.
 */

/** What a cell holds, with formulas replaced by their cached result. */
export type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; text: string };

export function readCell(value: CellValue | undefined): CellRead {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') {
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() };
  }
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('richText' in value) {
    return readCell(value.richText.map((part) => part.text).join(''));
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { kind: 'empty' };
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return { kind: 'error', text: String((result as { error: unknown }).error) };
    }
    return readCell(result as CellValue);
  }
  // A hyperlink: its text may itself be rich text ({ richText: [...] }), never "[object Object]".
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? readCell(text) : readCell(text as CellValue);
  }
  return { kind: 'text', text: String(value) };
}

/** The cell as plain text (numbers in canonical form), '' when empty. */
export function cellText(cell: CellRead): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'error':
      return cell.text;
    case 'number': {
      const parsed = decimalFromCellNumber(cell.value);
      return parsed.ok ? parsed.value : String(cell.value);
    }
    case 'boolean':
      return cell.value ? 'Ya' : 'Tidak';
    case 'date':
      return cell.value.toISOString().slice(0, 10);
  }
}

const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
const maxIntegerDigits = 18;
const maxFractionDigits = 6;

/**
 * A number Excel stored in a cell, as an exact decimal string. Excel keeps every number as an
 * IEEE double, so a value computed in the sheet (=0,1+0,2) arrives as 0.30000000000000004 and
 * String(n) would carry that binary noise into the database. Values in Amanah have at most 6
 * decimals (DECIMAL_PATTERN), and a double holds ~15–17 significant digits, so rounding half-up
 * to 6 decimals removes the noise without changing any value a person typed.
 */
export function decimalFromCellNumber(n: number): ParsedNumber {
  if (!Number.isFinite(n)) return { ok: false, message: 'Angka tidak valid.' };
  // Decimal(number) starts from the shortest text that reads back as the same double.
  const rounded = new Exact(n).toDecimalPlaces(maxFractionDigits, Decimal.ROUND_HALF_UP);
  const text = rounded.toFixed();
  const integerDigits = text.replace(/^-/, '').split('.')[0] ?? '';
  if (integerDigits.length > maxIntegerDigits) {
    return {
      ok: false,
      message: `Angka terlalu besar: paling banyak ${maxIntegerDigits} digit sebelum koma.`,
    };
  }
  return { ok: true, value: normalizeDecimal(text) };
}

/** A number from a cell: numeric cells exactly (see above), text cells the Indonesian way. */
export function cellDecimal(cell: CellRead): ParsedNumber | null {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'number':
      return decimalFromCellNumber(cell.value);
    case 'text': {
      const parsed = parseIndonesianNumber(cell.text);
      if (parsed.ok) return parsed;
      if (!/\d/.test(cell.text)) {
        return { ok: false, message: `Berisi teks "${clip(cell.text)}", padahal harus angka.` };
      }
      return parsed;
    }
    case 'boolean':
      return { ok: false, message: 'Berisi nilai Ya/Tidak, padahal harus angka.' };
    case 'date':
      return {
        ok: false,
        message: 'Berisi tanggal, padahal harus angka. Ubah format sel menjadi Angka.',
      };
    case 'error':
      return { ok: false, message: `Sel berisi galat rumus (${cell.text}).` };
  }
}

/** Rupiah: a non-negative number with at most 2 decimals, returned with exactly 2 ("1250000000.50"). */
export function cellMoney(cell: CellRead): ParsedNumber | null {
  const parsed = cellDecimal(cell);
  if (!parsed?.ok) return parsed;
  if (parsed.value.startsWith('-')) {
    return { ok: false, message: 'Anggaran tidak boleh negatif.' };
  }
  const fraction = parsed.value.split('.')[1] ?? '';
  if (fraction.length > 2) {
    return { ok: false, message: 'Rupiah paling banyak 2 angka di belakang koma (sen).' };
  }
  const [integer = '0'] = parsed.value.split('.');
  return { ok: true, value: `${integer}.${fraction.padEnd(2, '0')}` };
}

/** A whole number (a year) from a cell. */
export function cellInteger(
  cell: CellRead,
): { ok: true; value: number } | { ok: false; message: string } | null {
  const parsed = cellDecimal(cell);
  if (!parsed) return null;
  if (!parsed.ok) return parsed;
  if (!/^-?\d+$/.test(parsed.value)) {
    return { ok: false, message: 'Harus bilangan bulat, mis. 2026.' };
  }
  return { ok: true, value: Number(parsed.value) };
}

/** "10 s.d. 20", "10 s/d 20", "10 – 20" or "10 - 20" (spaces around the dash). */
const rangePattern = /^(.+?)\s*(?:s\.?\s?d\.?|s\/d|–|—|\s-\s|sampai)\s*(.+)$/i;

export type TargetRead = { ok: true; value: TargetValue } | { ok: false; message: string } | null;

/**
 * A target (or baseline) cell: a scale code when the indicator uses a scale (checked against
 * its codes), otherwise a number or a range "low s.d. high" with low ≤ high.
 */
export function cellTarget(
  cell: CellRead,
  scale: { key: string; codes: ReadonlySet<string> } | null,
): TargetRead {
  if (cell.kind === 'empty') return null;
  if (scale) {
    const code = normalizeScaleCode(cellText(cell));
    if (!scale.codes.has(code)) {
      return {
        ok: false,
        message: `Kode "${clip(cellText(cell))}" tidak ada di skala ${scale.key}. Pilihan: ${[...scale.codes].join(', ')}.`,
      };
    }
    return { ok: true, value: { kind: 'scale', code } };
  }
  if (cell.kind === 'text') {
    const range = rangePattern.exec(cell.text);
    if (range && /\d/.test(range[1] ?? '') && /\d/.test(range[2] ?? '')) {
      const low = parseIndonesianNumber(range[1] ?? '');
      const high = parseIndonesianNumber(range[2] ?? '');
      if (!low.ok) return { ok: false, message: `Batas bawah rentang: ${low.message}` };
      if (!high.ok) return { ok: false, message: `Batas atas rentang: ${high.message}` };
      if (new Exact(low.value).greaterThan(high.value)) {
        return {
          ok: false,
          message: `Rentang terbalik: batas bawah ${low.value} lebih besar dari batas atas ${high.value}.`,
        };
      }
      return { ok: true, value: { kind: 'range', low: low.value, high: high.value } };
    }
  }
  const number = cellDecimal(cell);
  if (!number) return null;
  if (!number.ok) {
    return cell.kind === 'text' && !/\d/.test(cell.text)
      ? {
          ok: false,
          message: `Berisi teks "${clip(cell.text)}", padahal harus angka atau rentang (mis. 10 s.d. 20).`,
        }
      : number;
  }
  return { ok: true, value: { kind: 'number', value: number.value } };
}

/** A target as a person reads it in a cell (the reverse of cellTarget). */
export function targetText(target: TargetValue | null): string | number | null {
  if (!target) return null;
  switch (target.kind) {
    case 'number':
      return target.value;
    case 'range':
      return `${target.low} s.d. ${target.high}`;
    case 'scale':
      return target.code;
  }
}

export const sameTarget = (a: TargetValue | null, b: TargetValue | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Titles match case-, space- and Unicode-form-insensitively. */
export function normalizeTitle(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
