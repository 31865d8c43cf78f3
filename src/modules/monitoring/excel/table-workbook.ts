import ExcelJS from 'exceljs';
import { type CapaianBand, capaianBands } from '../../../shared/codes.js';
import { numberCell, numberFormat, rupiahFormat, workbookBuffer } from '../../imports/workbook.js';
import { defaultCapaianBands } from '../../tenants/settings.js';

/**
 * One dashboard table as an .xlsx download (every chart's "Unduh xlsx"): a title, an optional
 * subtitle (filters: year, quarter, unit), a styled header row that stays frozen with an
 * autofilter, and one row per item. Numbers travel as decimal strings (decision 0010) and land
 * in real number cells, so the file sorts and sums in Excel; a locale-neutral number format
 * (`#,##0.00`) is shown with Indonesian separators ("1.234,56") by an Indonesian Excel.
 * A band is written as its label (text, not only colour) on its colour.
 */

export type TableColumnKind = 'text' | 'number' | 'percent' | 'rupiah' | 'band';

export interface TableColumn {
  /** The row property holding the value. */
  key: string;
  /** Header text (Indonesian). */
  label: string;
  kind: TableColumnKind;
  /** Column width in characters; a default per kind otherwise. */
  width?: number;
}

/**
 * A cell: a decimal string or number for number kinds ("107.14" = 107,14 % for `percent`, the
 * capaian as the engine returns it), a band code for `band`, text otherwise; null/undefined/''
 * is an empty cell. Text that is not a number in a number column ("-" = not assessed) is kept
 * as text.
 */
export type TableCellValue = string | number | boolean | null | undefined;

export interface TableWorkbookInput {
  title: string;
  subtitle?: string;
  columns: readonly TableColumn[];
  rows: readonly Readonly<Record<string, TableCellValue>>[];
  /** Worksheet name (default "Data"); cut to Excel's 31 characters, forbidden characters removed. */
  sheetName?: string;
  /** The tenant's band labels (settings.monitoring.bands); the defaults of REGULATIONS.md otherwise. */
  bandLabels?: Partial<Record<CapaianBand, string>>;
}

export const percentFormat = '#,##0.00" %"';
const countFormat = numberFormat;

const defaultWidths: Record<TableColumnKind, number> = {
  text: 32,
  number: 14,
  percent: 12,
  rupiah: 22,
  band: 16,
};

/** Band colours (fill, font) with enough contrast; the label says the same in words. */
export const bandColours: Record<CapaianBand, { fill: string; font: string }> = {
  sangat_tinggi: { fill: 'FF1B5E20', font: 'FFFFFFFF' },
  tinggi: { fill: 'FF66BB6A', font: 'FF000000' },
  sedang: { fill: 'FFFFEB3B', font: 'FF000000' },
  rendah: { fill: 'FFFFA726', font: 'FF000000' },
  sangat_rendah: { fill: 'FFC62828', font: 'FFFFFFFF' },
};

const headerFill: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FF0B5D50' },
};
const decimalPattern = /^-?\d+(\.\d+)?$/;

export function safeSheetName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || 'Data';
}

const isBand = (value: string): value is CapaianBand =>
  (capaianBands as readonly string[]).includes(value);

/** The value of one cell of a number-kind column. */
function numericValue(value: TableCellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  const text = value.trim();
  return decimalPattern.test(text) ? numberCell(text) : text;
}

function textValue(value: TableCellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  return value;
}

export async function tableWorkbook(input: TableWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Amanah';
  const columns = input.columns;
  const width = Math.max(columns.length, 1);
  const headerRow = input.subtitle ? 4 : 3;
  const sheet = workbook.addWorksheet(safeSheetName(input.sheetName), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width ?? defaultWidths[c.kind] }));

  const title = sheet.getCell(1, 1);
  title.value = input.title;
  title.font = { bold: true, size: 14 };
  if (width > 1) sheet.mergeCells(1, 1, 1, width);
  if (input.subtitle) {
    const subtitle = sheet.getCell(2, 1);
    subtitle.value = input.subtitle;
    subtitle.font = { italic: true, color: { argb: 'FF555555' } };
    if (width > 1) sheet.mergeCells(2, 1, 2, width);
  }

  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => c.label);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  columns.forEach((_c, i) => {
    header.getCell(i + 1).fill = headerFill;
  });

  const labels = { ...labelDefaults(), ...(input.bandLabels ?? {}) };
  input.rows.forEach((data, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value = data[column.key];
      switch (column.kind) {
        case 'text':
          cell.value = textValue(value);
          cell.alignment = { wrapText: true, vertical: 'top' };
          break;
        case 'number':
          cell.value = numericValue(value);
          cell.numFmt = countFormat;
          cell.alignment = { horizontal: 'right', vertical: 'top' };
          break;
        case 'percent':
          cell.value = numericValue(value);
          cell.numFmt = percentFormat;
          cell.alignment = { horizontal: 'right', vertical: 'top' };
          break;
        case 'rupiah':
          cell.value = numericValue(value);
          cell.numFmt = rupiahFormat;
          cell.alignment = { horizontal: 'right', vertical: 'top' };
          break;
        case 'band': {
          const code = typeof value === 'string' ? value.trim() : '';
          if (isBand(code)) {
            cell.value = labels[code];
            cell.fill = {
              type: 'pattern',
              pattern: 'solid',
              fgColor: { argb: bandColours[code].fill },
            };
            cell.font = { bold: true, color: { argb: bandColours[code].font } };
          } else {
            // Not assessed ("-") or a label already: written as given.
            cell.value = textValue(value);
          }
          cell.alignment = { horizontal: 'center', vertical: 'top' };
          break;
        }
      }
    });
  });

  if (columns.length > 0) {
    const lastRow = headerRow + Math.max(input.rows.length, 0);
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: lastRow, column: columns.length },
    };
  }
  return workbookBuffer(workbook);
}

function labelDefaults(): Record<CapaianBand, string> {
  return Object.fromEntries(capaianBands.map((b) => [b, defaultCapaianBands[b].label])) as Record<
    CapaianBand,
    string
  >;
}
