import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors.js';

/**
 * Checks an uploaded .xlsx (a zip) BEFORE exceljs opens it. exceljs inflates every part of the
 * zip into memory and builds an object per cell, so a 10 MB upload whose XML expands to
 * gigabytes ("zip bomb"), or a sheet of a million tiny cells, would exhaust the server's memory.
 * This reads the zip's central directory, inflates each part with a hard output cap (the sizes a
 * zip declares can lie; the inflated bytes cannot), and counts the rows holding values and the
 * cells in every worksheet. Anything over the limits is refused with a calm message.
 */

/** Inflated size of all parts together. A 20,000-row Renstra workbook is ~15 MB of XML. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Parts in the zip (a workbook has a few dozen). */
export const MAX_ZIP_ENTRIES = 2000;
/** Cells (`<c>` elements, empty styled ones included) over all worksheets. */
export const MAX_CELLS = 1_000_000;

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
  maxCells: number;
  /** Rows holding at least one value, per worksheet (header row included). */
  maxRowsPerSheet: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const badFile = () =>
  new AppError(
    'BAD_REQUEST',
    'Berkas tidak dapat dibaca sebagai buku kerja Excel (.xlsx). Simpan ulang berkas dari Excel atau LibreOffice sebagai "Excel Workbook (.xlsx)", atau unduh templat dari halaman ini.',
  );

const tooBig = (limits: ZipLimits) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `Isi berkas terlalu besar untuk diimpor (lebih dari ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB setelah dibuka). Hapus lembar, gambar, atau baris yang tidak perlu, atau bagi menjadi beberapa berkas.`,
  );

/** Rows with a value (`<v>` or an inline string) in one worksheet's XML. */
function countValueRows(xml: string): number {
  let rows = 0;
  const rowPattern = /<row\b[^>]*?(\/?)>/g;
  for (let match = rowPattern.exec(xml); match; match = rowPattern.exec(xml)) {
    if (match[1] === '/') continue;
    const end = xml.indexOf('</row>', rowPattern.lastIndex);
    const body = xml.slice(rowPattern.lastIndex, end === -1 ? xml.length : end);
    if (/<v[\s>]|<is>/.test(body)) rows += 1;
    if (end !== -1) rowPattern.lastIndex = end;
  }
  return rows;
}

const countCells = (xml: string): number => xml.match(/<c[\s>]/g)?.length ?? 0;

export function inspectXlsxZip(buffer: Buffer, limits: ZipLimits): void {
  // End of central directory: the last 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i -= 1) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badFile();
  const entries = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  // ZIP64 markers: no real .xlsx of 10 MB needs them.
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw badFile();
  if (entries > limits.maxEntries) throw tooBig(limits);

  let offset = directoryOffset;
  let budget = limits.maxUncompressedBytes;
  let cells = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) throw badFile();
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) {
      throw badFile();
    }
    const dataStart =
      localOffset +
      30 +
      buffer.readUInt16LE(localOffset + 26) +
      buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.length) throw badFile();
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) {
      content = data;
    } else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(limits);
        throw badFile();
      }
    } else {
      throw badFile();
    }
    budget -= content.length;
    if (budget < 0) throw tooBig(limits);

    if (/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      // Tags are ASCII; latin1 decoding is byte-for-byte and cannot fail.
      const xml = content.toString('latin1');
      cells += countCells(xml);
      if (cells > limits.maxCells) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `Berkas berisi lebih dari ${limits.maxCells.toLocaleString('id-ID')} sel. Hapus kolom atau baris yang tidak perlu (termasuk sel kosong yang diberi format), atau bagi menjadi beberapa berkas.`,
        );
      }
      const rows = countValueRows(xml);
      if (rows > limits.maxRowsPerSheet) {
        throw new AppError(
          'BAD_REQUEST',
          `Satu lembar berkas berisi ${rows.toLocaleString('id-ID')} baris; paling banyak ${(limits.maxRowsPerSheet - 1).toLocaleString('id-ID')} baris data per berkas. Bagi menjadi beberapa berkas.`,
        );
      }
    }
  }
}
