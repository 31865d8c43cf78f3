/**
 * Display helpers of the dashboards. Capaian values come computed from the server (the engine in
 * src/shared/capaian); the web code only formats them, it never computes capaian.
 */
import { capaianFromStored, formatCapaian } from '../../../shared/capaian/index.js';
import type { Capaian, CapaianRules } from '../../../shared/capaian/types.js';
import type { CapaianBand, CapaianCap } from '../../../shared/codes.js';
import { formatIndonesianNumber, formatRupiah } from '../../../shared/indonesian-number.js';
import type { TargetValue } from '../../../shared/target-value.js';

export { formatRupiah };

export const quarterNames = ['TW I', 'TW II', 'TW III', 'TW IV'] as const;

/** 1 → "TW I". */
export const quarterName = (quarter: number): string =>
  quarterNames[quarter - 1] ?? `TW ${quarter}`;

/** The engine's text of a capaian: "107,14 %", or "-" when not assessed. */
export function capaianText(capaian: Capaian | null | undefined): string {
  return capaian ? formatCapaian(capaian) : '-';
}

/** The tenant's rules as the API sends them (bands best first, cap), for the engine. */
export function rulesFrom(
  bands: readonly { key: CapaianBand; label: string; min: number }[],
  cap: CapaianCap,
): CapaianRules {
  const byKey = Object.fromEntries(bands.map((b) => [b.key, { min: b.min, label: b.label }]));
  return {
    cap,
    bands: byKey as CapaianRules['bands'],
    zeroTargetRule: 'not_assessed',
  };
}

/**
 * A capaian value the server stored (a trend point, "95.5" or null) as the engine's Capaian: the
 * engine reads its band with the tenant's rules.
 */
export function storedCapaian(value: string | null | undefined, rules: CapaianRules): Capaian {
  return capaianFromStored(value, rules);
}

/** A target as people read it: "1.234,5", "80–90", "WTP"; "–" when none is set. */
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

/** A realisasi as people read it: "1.234,5" or the scale code; "–" when not counted. */
export function realisasiText(
  value: { kind: 'number'; value: string } | { kind: 'scale'; code: string } | null | undefined,
): string {
  if (!value) return '–';
  return value.kind === 'number' ? formatIndonesianNumber(value.value) : value.code;
}

const sizeFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** 123456 → "120,6 KB". */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A percentage given as a decimal string ("85.3" → "85,30 %"); null → "–". */
export function percentText(value: string | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '–';
  return `${formatIndonesianNumber(value, digits)} %`;
}

/** A plain decimal for tables ("1234.5" → "1.234,5"); null → "–". */
export function numberText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return formatIndonesianNumber(value);
}

/**
 * A decimal string as a chart coordinate. Only for drawing: every figure a person reads is the
 * formatted string, never this float.
 */
export function plotValue(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The plotted value of a capaian (null = not assessed: a gap in the chart, never zero). */
export const plotCapaian = (capaian: Capaian | null | undefined): number | null =>
  capaian?.assessed ? plotValue(capaian.value) : null;

const plainFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Short Rupiah for chart axes: "Rp 1,3 M" (miliar), "Rp 250 jt", "Rp 2,1 T". */
export function shortRupiah(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1e12) return `Rp ${plainFormat.format(amount / 1e12)} T`;
  if (abs >= 1e9) return `Rp ${plainFormat.format(amount / 1e9)} M`;
  if (abs >= 1e6) return `Rp ${plainFormat.format(amount / 1e6)} jt`;
  return `Rp ${plainFormat.format(amount)}`;
}

/** A number on a chart axis or label in Indonesian ("107,1"). */
export const axisNumber = (value: number): string => plainFormat.format(value);
