import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readUpload } from '../../server/read-upload.js';
import { AppError } from '../../shared/errors.js';
import { inspectXlsxZip, MAX_CELLS, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './zip-guard.js';

/** Workbook plumbing shared by templates, imports and exports. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An upload may be up to 10 MB (the JSON API keeps its 1 MB limit). */
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;
/** More data rows than this is not a plan of one Pemda: refused before validating. */
export const MAX_DATA_ROWS = 20_000;

export const sha256 = (buffer: Buffer): string => createHash('sha256').update(buffer).digest('hex');

const notWorkbook = () =>
  new AppError(
    'BAD_REQUEST',
    'Berkas tidak dapat dibaca sebagai buku kerja Excel (.xlsx). Simpan ulang berkas dari Excel atau LibreOffice sebagai "Excel Workbook (.xlsx)", atau unduh templat dari halaman ini.',
  );

/**
 * Opens an uploaded .xlsx. Data validations and conditional formats are skipped while reading:
 * a validation drawn over a whole column expands to a million cells in exceljs, and the import
 * never needs them.
 */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  // Every .xlsx is a zip: "PK\x03\x04". Anything else (a CSV renamed .xlsx, an old .xls) stops here.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw notWorkbook();
  // Zip bombs and million-cell sheets are refused before exceljs inflates anything.
  inspectXlsxZip(buffer, {
    maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES,
    maxEntries: MAX_ZIP_ENTRIES,
    maxCells: MAX_CELLS,
    maxRowsPerSheet: MAX_DATA_ROWS + 1,
  });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, older than @types/node's generic one: same object.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    });
  } catch {
    throw notWorkbook();
  }
  if (workbook.worksheets.length === 0) throw notWorkbook();
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** attachment; filename="…" (ASCII fallback) and filename*= (UTF-8) for the real name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** "Dinas Kesehatan" → "dinas-kesehatan" for file names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'data'
  );
}

export interface ColumnSpec {
  header: string;
  width: number;
  /** What the column means and which values it takes (the "Petunjuk" sheet). */
  help: string;
  /** Allowed values, offered as a drop-down list in the cell. */
  list?: readonly string[];
  /** Excel number format of the column. */
  numFmt?: string;
}

const headerFill: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FF0B5D50' },
};

/** A data sheet: bold header row, frozen, widths, formats, drop-downs for `listRows` rows. */
export function addDataSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec[],
  listRows = 5000,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  columns.forEach((_c, i) => {
    header.getCell(i + 1).fill = headerFill;
  });
  columns.forEach((c, i) => {
    if (!c.list || listRows === 0) return;
    const letter = sheet.getColumn(i + 1).letter;
    addListValidation(sheet, `${letter}2:${letter}${listRows + 1}`, c.list, c.header);
  });
  return sheet;
}

/**
 * A drop-down list over a range. exceljs writes range-keyed validations (lib/doc/
 * data-validations.js) but its type declarations only know the per-cell form, hence the cast.
 */
function addListValidation(
  sheet: ExcelJS.Worksheet,
  range: string,
  values: readonly string[],
  header: string,
): void {
  const validations = (
    sheet as unknown as {
      dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: header,
    error: `Pilih salah satu: ${values.join(', ')}`,
  });
}

/** The "Petunjuk" sheet: what the file is for, then one line per column. */
export function addHelpSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  intro: readonly string[],
  columns: readonly ColumnSpec[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [
    { header: '', width: 28 },
    { header: '', width: 100 },
  ];
  sheet.getRow(1).values = [title];
  sheet.getRow(1).font = { bold: true, size: 14 };
  let row = 3;
  for (const line of intro) {
    sheet.getRow(row).values = ['', line];
    sheet.getRow(row).getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row += 1;
  }
  row += 1;
  sheet.getRow(row).values = ['Kolom', 'Isi dan nilai yang diizinkan'];
  sheet.getRow(row).font = { bold: true };
  row += 1;
  for (const column of columns) {
    sheet.getRow(row).values = [column.header, column.help];
    sheet.getRow(row).getCell(2).alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(row).getCell(1).font = { bold: true };
    row += 1;
  }
  return sheet;
}

/** A decimal string as a cell value: a real number when a double holds it exactly, else text. */
export function numberCell(decimal: string): number | string {
  const digits = decimal.replace(/[-.]/g, '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(decimal) : decimal;
}

export const rupiahFormat = '"Rp"#,##0.00';
export const numberFormat = '#,##0.######';

/** An uploaded workbook, opened, with the SHA-256 of its bytes (recorded in the audit event). */
export interface UploadedWorkbook {
  workbook: ExcelJS.Workbook;
  sha256: string;
}

export async function openUpload(body: unknown): Promise<UploadedWorkbook> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Unggah berkas Excel (.xlsx) sebagai isi permintaan dengan Content-Type ${XLSX_MIME}.`,
    );
  }
  return { workbook: await loadWorkbook(body), sha256: sha256(body) };
}

/** Sends a workbook as a download. */
export function sendXlsx(reply: FastifyReply, file: { buffer: Buffer; filename: string }) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

/**
 * Makes the routes of one plugin take raw .xlsx bodies (up to XLSX_BODY_LIMIT, cut off while
 * streaming) and refuse any other body before reading it. Scoped to the calling plugin: the
 * rest of the API keeps its JSON-only, 1 MB parser. CSRF and Origin checks run in the onRequest
 * hook (auth-plugin.ts) for every unsafe method whatever the body, so they apply unchanged.
 */
export function acceptXlsxUploads(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XLSX_MIME, (request: FastifyRequest, payload: IncomingMessage) =>
    readUpload(
      payload,
      Number(request.headers['content-length'] ?? 0),
      XLSX_BODY_LIMIT,
      () =>
        new AppError(
          'PAYLOAD_TOO_LARGE',
          'Berkas lebih dari 10 MB. Hapus lembar atau baris yang tidak perlu, atau bagi menjadi beberapa berkas.',
        ),
    ),
  );
  app.addContentTypeParser('*', async (request: FastifyRequest, _payload: IncomingMessage) => {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Unggah berkas Excel (.xlsx). Jenis data "${String(request.headers['content-type'] ?? '').split(';')[0]}" tidak diterima di sini.`,
    );
  });
}
