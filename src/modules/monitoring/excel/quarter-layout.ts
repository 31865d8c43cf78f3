/**
 * The layout of the quarterly realisasi workbook, shared by the template (what is written) and
 * the import (what is read back, by header). Pure constants and helpers.
 *
 * The column to fill is headed "Realisasi TW II" while the read-only earlier quarters are headed
 * "TW I (tersimpan)": a file made for another quarter never has this quarter's fill header, so
 * importing it into the wrong quarter is refused instead of silently reading stored values.
 */

export const REALISASI_SHEET = 'Realisasi';
export const BUDGET_SHEET = 'Anggaran';

const romans = ['I', 'II', 'III', 'IV'] as const;
export const roman = (quarter: number): string => romans[quarter - 1] ?? String(quarter);

export const realisasiHeaders = (quarter: number) => ({
  pk: 'PK',
  objective: 'Sasaran',
  indicator: 'Indikator',
  satuan: 'Satuan',
  annualTarget: 'Target Tahunan',
  quarterTarget: `Target TW ${roman(quarter)}`,
  /** Read-only: the realisasi of an earlier quarter as stored. */
  previous: (q: number) => `TW ${roman(q)} (tersimpan)`,
  value: `Realisasi TW ${roman(quarter)}`,
  analysis: 'Analisis',
  obstacles: 'Kendala',
  followUp: 'Tindak Lanjut',
  key: 'ID Indikator',
});

export const budgetHeaders = (quarter: number) => ({
  pk: 'PK',
  code: 'Kode',
  name: 'Nama Sub Kegiatan',
  ceiling: 'Pagu (Rp)',
  previous:
    quarter > 1 ? `Realisasi s.d. TW ${roman(quarter - 1)} (Rp)` : 'Realisasi sebelumnya (Rp)',
  amount: `Realisasi TW ${roman(quarter)} (Rp)`,
  key: 'ID Anggaran',
});

/** "Realisasi TW III" / "Realisasi TW III (Rp)" → 3: a fill column of some quarter. */
export function fillHeaderQuarter(header: string): number | null {
  const match = /^realisasi tw (i{1,3}|iv)( \(rp\))?$/i.exec(header.trim());
  if (!match?.[1]) return null;
  return romans.indexOf(match[1].toUpperCase() as (typeof romans)[number]) + 1;
}

/** Longest narrative (analysis, obstacles, follow-up), as the database allows. */
export const MAX_NARRATIVE = 5000;
