import type ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors.js';
import { type CellRead, cellText, normalizeTitle, readCell } from './cells.js';
import { MAX_DATA_ROWS } from './workbook.js';

/** Finding the data sheet, its header row, and its non-empty data rows. */

export interface Header {
  col: number;
  header: string;
}

export interface SheetRows {
  sheet: ExcelJS.Worksheet;
  headers: Map<string, Header>;
  /** Non-empty data rows (below the header), in order. */
  rows: { row: number; cells: Map<number, CellRead> }[];
}

const fileError = (message: string) => new AppError('BAD_REQUEST', message);

/** The sheet named `name` (case-insensitive); a workbook with one data sheet may name it freely. */
export function readSheet(workbook: ExcelJS.Workbook, name: string): SheetRows {
  const wanted = name.toLowerCase();
  const sheet =
    workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted) ??
    (() => {
      const data = workbook.worksheets.filter(
        (s) => !['petunjuk', 'contoh'].includes(s.name.trim().toLowerCase()),
      );
      return data.length === 1 ? data[0] : undefined;
    })();
  if (!sheet) {
    throw fileError(
      `Lembar "${name}" tidak ditemukan di berkas. Unduh templat dari halaman Impor, isi lembar "${name}", lalu unggah kembali.`,
    );
  }
  if (sheet.actualRowCount > MAX_DATA_ROWS + 1) {
    throw fileError(
      `Lembar "${sheet.name}" berisi ${sheet.actualRowCount} baris; paling banyak ${MAX_DATA_ROWS} baris per berkas. Bagi menjadi beberapa berkas.`,
    );
  }
  const headers = new Map<string, Header>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = cellText(readCell(cell.value)).trim();
    if (header) headers.set(normalizeTitle(header), { col, header });
  });
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<number, CellRead>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Merged cells repeat their master's value: read it once, at the master.
      if (cell.isMerged && cell.master !== cell) return;
      const read = readCell(cell.value);
      if (read.kind !== 'empty') cells.set(col, read);
    });
    if (cells.size > 0) rows.push({ row: rowNumber, cells });
  });
  return { sheet, headers, rows };
}

export const emptyCell: CellRead = { kind: 'empty' };
