import { Decimal } from 'decimal.js';
import type ExcelJS from 'exceljs';
import { parseRealisasiInput, type RealisasiValue } from '../../../shared/capaian/index.js';
import { AppError } from '../../../shared/errors.js';
import { formatRupiah } from '../../../shared/indonesian-number.js';
import {
  type CellRead,
  cellMoney,
  cellText,
  clip,
  decimalFromCellNumber,
  normalizeTitle,
} from '../../imports/cells.js';
import { ErrorList, type RowError } from '../../imports/import-types.js';
import { emptyCell, readSheet, type SheetRows } from '../../imports/sheet-reader.js';
import { quarterLabel } from '../quarter-lock.js';
import {
  BUDGET_SHEET,
  budgetHeaders,
  fillHeaderQuarter,
  MAX_NARRATIVE,
  REALISASI_SHEET,
  realisasiHeaders,
  roman,
} from './quarter-layout.js';
import type {
  QuarterAgreement,
  QuarterBudget,
  QuarterIndicator,
  UnitQuarter,
} from './unit-quarter.js';

/**
 * Reads a filled quarterly workbook against the unit's quarter (pure: no database). Every row is
 * checked and every problem collected ({ sheet, row, column, message }); the changes are only
 * returned for writing when there is none. Empty cells leave stored values unchanged; rows whose
 * cells equal what is stored are not changes (re-uploading the downloaded template is harmless,
 * even for a submitted report).
 */

/** What is known of an indicator / budget id that is not one of this unit's quarter. */
export interface ForeignRow {
  unitName: string | null;
  agreementStatus: string;
  startYear: number;
  endYear: number;
}

export interface ValueChange {
  indicatorId: string;
  /** The text handed to saveReportValues: unambiguous ("1234,5", a scale code) or null. */
  value: string | null;
  analysis?: string;
  obstacles?: string;
  followUp?: string;
}

export interface BudgetChange {
  budgetId: string;
  /** Rupiah with a decimal comma ("1500000,00"). */
  amount: string;
}

export interface QuarterChanges {
  agreement: QuarterAgreement;
  values: ValueChange[];
  budgets: BudgetChange[];
}

export interface QuarterAnalysis {
  errors: RowError[];
  changes: QuarterChanges[];
  warnings: string[];
  /** Data rows read (both sheets). */
  totalRows: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A canonical decimal as text no reader can take two ways: "1234.5" → "1234,5". */
export const unambiguous = (canonical: string): string => canonical.replace('.', ',');

const valueText = (value: RealisasiValue | null): string | null =>
  value === null ? null : value.kind === 'number' ? unambiguous(value.value) : value.code;

const sameValue = (a: RealisasiValue | null, b: RealisasiValue | null): boolean => {
  if (a === null || b === null) return a === b;
  if (a.kind === 'number' && b.kind === 'number') return new Decimal(a.value).equals(b.value);
  return a.kind === 'scale' && b.kind === 'scale' && a.code === b.code;
};

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = name.toLowerCase();
  return workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
}

/** Reads a realisasi cell for one indicator: a RealisasiValue, or an Indonesian message. */
export function readValueCell(
  cell: CellRead,
  indicator: Pick<QuarterIndicator, 'year' | 'allowNegative' | 'method'>,
): { ok: true; value: RealisasiValue } | { ok: false; message: string } | null {
  if (cell.kind === 'empty') return null;
  const measure = indicator.year.measure;
  const opts = { allowNegative: indicator.allowNegative };
  try {
    if (cell.kind === 'number' && measure.method !== 'scale') {
      // A number Excel stored: exact to 6 decimals, never re-read as text ("1.234").
      const parsed = decimalFromCellNumber(cell.value);
      if (!parsed.ok) return parsed;
      return { ok: true, value: parseRealisasiInput(unambiguous(parsed.value), measure, opts) };
    }
    if (cell.kind === 'date' || cell.kind === 'boolean' || cell.kind === 'error') {
      return {
        ok: false,
        message:
          cell.kind === 'error'
            ? `Sel berisi galat rumus (${cell.text}).`
            : `"${clip(cellText(cell))}" bukan angka${measure.method === 'scale' ? ' atau kode skala' : ''}. Ubah format sel menjadi Angka atau Teks.`,
      };
    }
    return { ok: true, value: parseRealisasiInput(cellText(cell), measure, opts) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'INVALID_NUMBER') {
      return { ok: false, message: `"${clip(cellText(cell))}" bukan angka. ${error.message}` };
    }
    return { ok: false, message: error.message };
  }
}

/** Why a report cannot take this row's change (locked quarter, report not editable), or null. */
function blocked(agreement: QuarterAgreement, year: number, quarter: number): string | null {
  const status = agreement.report?.status;
  if (status && status !== 'draft' && status !== 'returned') {
    const label =
      status === 'submitted' ? 'diajukan' : status === 'approved' ? 'disetujui' : 'diverifikasi';
    return `Laporan ${quarterLabel(year, quarter)} ${agreement.title} sudah ${label}: nilainya tidak dapat diubah${status === 'submitted' ? ' (tarik kembali pengajuannya terlebih dahulu)' : ''}.`;
  }
  if (agreement.locked) {
    return `${quarterLabel(year, quarter)} ${agreement.title} terkunci (belum dimulai atau batas waktu sudah lewat). Ajukan permintaan buka kunci kepada admin Pemda.`;
  }
  return null;
}

function foreignMessage(
  kind: 'Indikator' | 'Sub kegiatan',
  f: ForeignRow | undefined,
  data: UnitQuarter,
): string {
  const unknown = `${kind} tidak dikenal: bukan bagian dari PK yang ditandatangani ${data.unit.name} tahun ${data.year}. Unduh templat terbaru dari halaman ini.`;
  if (!f) return unknown;
  if (f.agreementStatus === 'superseded') {
    return `${kind} ini milik PK yang sudah digantikan PK Perubahan. Unduh templat terbaru untuk PK yang berlaku.`;
  }
  if (f.agreementStatus !== 'signed' && f.agreementStatus !== 'published') {
    return `${kind} ini milik PK yang belum ditandatangani; realisasi hanya diisi untuk PK yang sudah ditandatangani.`;
  }
  if (data.year < f.startYear || data.year > f.endYear) {
    return `${kind} ini milik PK tahun ${f.startYear === f.endYear ? f.startYear : `${f.startYear}–${f.endYear}`}, bukan tahun ${data.year}.`;
  }
  return `${kind} ini milik PK ${f.unitName ?? 'Pemda'}, bukan PK ${data.unit.name} atau unit di bawahnya.`;
}

function requireHeaders(
  rows: SheetRows,
  errors: ErrorList,
  wanted: string[],
  quarter: number,
  year: number,
): Map<string, number> | null {
  const found = new Map<string, number>();
  for (const header of wanted) {
    const col = rows.headers.get(normalizeTitle(header))?.col;
    if (col === undefined) {
      const other = [...rows.headers.values()]
        .map((h) => fillHeaderQuarter(h.header))
        .find((q) => q !== null && q !== quarter);
      errors.add(
        1,
        header,
        other
          ? `Kolom "${header}" tidak ada: berkas ini tampaknya templat TW ${roman(other)}. Unggah ke TW ${roman(other)}, atau unduh templat ${quarterLabel(year, quarter)}.`
          : `Kolom "${header}" tidak ada di baris judul. Jangan mengubah judul kolom; unduh templat dari halaman ini.`,
      );
    } else {
      found.set(header, col);
    }
  }
  return found.size === wanted.length ? found : null;
}

export function analyseQuarterWorkbook(
  workbook: ExcelJS.Workbook,
  data: UnitQuarter,
  foreign: ReadonlyMap<string, ForeignRow> = new Map(),
): QuarterAnalysis {
  const { year, quarter } = data;
  const errorsAll: RowError[] = [];
  const warnings: string[] = [];
  const changes = new Map<string, QuarterChanges>();
  const change = (agreement: QuarterAgreement) => {
    let c = changes.get(agreement.id);
    if (!c) {
      c = { agreement, values: [], budgets: [] };
      changes.set(agreement.id, c);
    }
    return c;
  };
  const indicators = new Map<
    string,
    { indicator: QuarterIndicator; agreement: QuarterAgreement }
  >();
  const budgets = new Map<string, { budget: QuarterBudget; agreement: QuarterAgreement }>();
  for (const agreement of data.agreements) {
    for (const indicator of agreement.indicators)
      indicators.set(indicator.id, { indicator, agreement });
    for (const budget of agreement.budgets) budgets.set(budget.id, { budget, agreement });
  }
  let totalRows = 0;

  // ---- Realisasi ----
  const rSheet = findSheet(workbook, REALISASI_SHEET);
  if (!rSheet) {
    errorsAll.push({
      sheet: REALISASI_SHEET,
      row: 1,
      column: '',
      message: `Lembar "${REALISASI_SHEET}" tidak ada di berkas. Unduh templat dari halaman ini, isi lembar "${REALISASI_SHEET}", lalu unggah kembali.`,
    });
  } else {
    const rows = readSheet(workbook, rSheet.name);
    const errors = new ErrorList(rSheet.name);
    const h = realisasiHeaders(quarter);
    const cols = requireHeaders(
      rows,
      errors,
      [h.key, h.value, h.analysis, h.obstacles, h.followUp],
      quarter,
      year,
    );
    totalRows += rows.rows.length;
    if (cols) {
      const seen = new Map<string, number>();
      for (const { row, cells } of rows.rows) {
        const cell = (header: string) => cells.get(cols.get(header) as number) ?? emptyCell;
        const key = cellText(cell(h.key)).trim().toLowerCase();
        const fills = [h.value, h.analysis, h.obstacles, h.followUp].filter(
          (header) => cell(header).kind !== 'empty',
        );
        if (!key) {
          if (fills.length > 0) {
            errors.add(
              row,
              h.key,
              'Baris ini tidak memiliki ID indikator, padahal ada isian. Isi pada baris templat indikator yang bersangkutan; jangan menambah baris atau menghapus kolom ID.',
            );
          }
          continue;
        }
        const found = uuidPattern.test(key) ? indicators.get(key) : undefined;
        if (!found) {
          errors.add(row, h.key, foreignMessage('Indikator', foreign.get(key), data));
          continue;
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          errors.add(
            row,
            h.key,
            `Indikator ini sudah ada di baris ${earlier}; setiap indikator satu baris.`,
          );
          continue;
        }
        seen.set(key, row);
        const { indicator, agreement } = found;
        const stored = indicator.current;
        const before = errors.list.length;

        let value: RealisasiValue | null = stored?.value ?? null;
        let valueChanged = false;
        const read = readValueCell(cell(h.value), indicator);
        if (read && !read.ok)
          errors.add(row, h.value, `${clip(indicator.name, 60)}: ${read.message}`);
        if (read?.ok && !sameValue(read.value, value)) {
          value = read.value;
          valueChanged = true;
        }
        const narrative: Partial<Record<'analysis' | 'obstacles' | 'followUp', string>> = {};
        for (const [field, header] of [
          ['analysis', h.analysis],
          ['obstacles', h.obstacles],
          ['followUp', h.followUp],
        ] as const) {
          const text = cellText(cell(header)).trim();
          if (!text) continue;
          if (text.length > MAX_NARRATIVE) {
            errors.add(
              row,
              header,
              `Paling banyak ${MAX_NARRATIVE} karakter (berisi ${text.length}).`,
            );
            continue;
          }
          if (text !== (stored?.[field] ?? '')) narrative[field] = text;
        }
        const changed = valueChanged || Object.keys(narrative).length > 0;
        if (errors.list.length > before || !changed) continue;
        const why = blocked(agreement, year, quarter);
        if (why) {
          errors.add(row, valueChanged ? h.value : '', why);
          continue;
        }
        change(agreement).values.push({
          indicatorId: indicator.id,
          value: valueText(value),
          ...narrative,
        });
      }
    }
    errorsAll.push(...errors.list);
  }

  // ---- Anggaran (optional: a file without it changes no budget) ----
  const bSheet = findSheet(workbook, BUDGET_SHEET);
  if (!bSheet) {
    if (budgets.size > 0) {
      warnings.push(
        `Lembar "${BUDGET_SHEET}" tidak ada di berkas: realisasi anggaran tidak diubah.`,
      );
    }
  } else {
    const rows = readSheet(workbook, bSheet.name);
    const errors = new ErrorList(bSheet.name);
    const h = budgetHeaders(quarter);
    const cols = requireHeaders(rows, errors, [h.key, h.amount], quarter, year);
    totalRows += rows.rows.length;
    if (cols) {
      const seen = new Map<string, number>();
      for (const { row, cells } of rows.rows) {
        const cell = (header: string) => cells.get(cols.get(header) as number) ?? emptyCell;
        const key = cellText(cell(h.key)).trim().toLowerCase();
        const amountCell = cell(h.amount);
        if (!key) {
          if (amountCell.kind !== 'empty') {
            errors.add(
              row,
              h.key,
              'Baris ini tidak memiliki ID anggaran, padahal ada isian. Isi pada baris templat sub kegiatan yang bersangkutan.',
            );
          }
          continue;
        }
        const found = uuidPattern.test(key) ? budgets.get(key) : undefined;
        if (!found) {
          errors.add(row, h.key, foreignMessage('Sub kegiatan', foreign.get(key), data));
          continue;
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          errors.add(
            row,
            h.key,
            `Sub kegiatan ini sudah ada di baris ${earlier}; setiap sub kegiatan satu baris.`,
          );
          continue;
        }
        seen.set(key, row);
        const { budget, agreement } = found;
        const amount = cellMoney(amountCell);
        if (!amount) continue;
        const label = `${budget.code} ${clip(budget.name, 60)}`;
        if (!amount.ok) {
          const message =
            amountCell.kind === 'text' && !/\d/.test(amountCell.text)
              ? `"${clip(amountCell.text)}" bukan angka.`
              : amount.message;
          errors.add(row, h.amount, `${label}: ${message}`);
          continue;
        }
        if (budget.current !== null && new Decimal(budget.current).equals(amount.value)) continue;
        const room = new Decimal(budget.ceiling).minus(budget.others);
        if (new Decimal(amount.value).greaterThan(room)) {
          errors.add(
            row,
            h.amount,
            `${label}: melebihi pagu. Pagu ${formatRupiah(budget.ceiling)}, sudah terealisasi pada triwulan lain ${formatRupiah(budget.others)}; sisa pagu ${formatRupiah(room.toFixed(2))}.`,
          );
          continue;
        }
        const why = blocked(agreement, year, quarter);
        if (why) {
          errors.add(row, h.amount, why);
          continue;
        }
        change(agreement).budgets.push({ budgetId: budget.id, amount: unambiguous(amount.value) });
      }
    }
    errorsAll.push(...errors.list);
  }

  return { errors: errorsAll, changes: [...changes.values()], warnings, totalRows };
}
