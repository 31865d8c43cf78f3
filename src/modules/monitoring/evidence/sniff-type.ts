/**
 * What an evidence file really is, read from its bytes (the name and the type the browser claims
 * decide nothing): PDF, PNG, JPEG, or an Office Open XML zip that is an Excel workbook
 * (xl/workbook.xml) or a Word document (word/document.xml), told apart by the zip's central
 * directory. Anything else is refused (415 EVIDENCE_TYPE); a name that promises one of these
 * types over content of another is refused with a message saying so.
 */
import { AppError } from '../../../shared/errors.js';

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'docx';

export interface SniffedType {
  kind: EvidenceKind;
  contentType: string;
  /** Extensions that name this type; the first is added to a name that has none of them. */
  extensions: readonly string[];
  label: string;
}

export const evidenceTypes: Record<EvidenceKind, SniffedType> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { kind: 'png', contentType: 'image/png', extensions: ['png'], label: 'gambar PNG' },
  jpeg: {
    kind: 'jpeg',
    contentType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    label: 'gambar JPEG',
  },
  xlsx: {
    kind: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (.xlsx)',
  },
  docx: {
    kind: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (.docx)',
  },
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * A PDF: "%PDF-" within the first 1024 bytes (readers allow a short preamble) and "%%EOF" within
 * the last 1024 bytes (every complete PDF, incremental updates included, ends with one).
 */
function isPdf(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024);
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  return head.indexOf('%PDF-', 0, 'latin1') !== -1 && tail.indexOf('%%EOF', 0, 'latin1') !== -1;
}

const isPng = (bytes: Buffer): boolean =>
  bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE);

const isJpeg = (bytes: Buffer): boolean =>
  bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** The names in a zip's central directory, or null when the bytes are not a readable zip. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  const names: string[] = [];
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const start = offset + 46;
    if (start + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', start, start + nameLength));
    offset = start + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeKind(bytes: Buffer): EvidenceKind | null {
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('word/document.xml')) return 'docx';
  return null;
}

/** The type of the bytes, or null when they are none of the accepted types. */
export function detectEvidenceType(bytes: Buffer): SniffedType | null {
  if (isPdf(bytes)) return evidenceTypes.pdf;
  if (isPng(bytes)) return evidenceTypes.png;
  if (isJpeg(bytes)) return evidenceTypes.jpeg;
  const office = officeKind(bytes);
  return office ? evidenceTypes[office] : null;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** The accepted type a file name promises by its extension ("laporan.PDF" → pdf), if any. */
export function claimedType(fileName: string): SniffedType | null {
  const extension = extensionOf(fileName);
  return Object.values(evidenceTypes).find((t) => t.extensions.includes(extension)) ?? null;
}

const accepted = 'PDF, gambar (PNG/JPEG), Excel (.xlsx) atau Word (.docx)';

/**
 * Decides the type from the content. Refuses (415 EVIDENCE_TYPE) content of no accepted type,
 * and a name whose extension promises another accepted type than the content ("x.pdf" holding
 * text or a PNG), so a file never downloads under a misleading name.
 */
export function sniffEvidenceType(bytes: Buffer, fileName: string): SniffedType {
  const detected = detectEvidenceType(bytes);
  const claimed = claimedType(fileName);
  if (claimed && detected?.kind !== claimed.kind) {
    throw new AppError(
      'EVIDENCE_TYPE',
      detected
        ? `Berkas "${fileName}" bernama ${claimed.label} tetapi isinya ${detected.label}. Ganti nama berkas sesuai isinya atau unggah berkas yang benar.`
        : `Berkas "${fileName}" bukan ${claimed.label} yang sah: isinya tidak dapat dibaca sebagai ${claimed.label}. Simpan ulang atau ekspor ulang dokumen sebagai ${claimed.label}, lalu unggah kembali.`,
      { claimed: claimed.kind, detected: detected?.kind ?? null },
    );
  }
  if (!detected) {
    throw new AppError(
      'EVIDENCE_TYPE',
      `Berkas ini bukan PDF/gambar/Excel/Word yang sah. Bukti dukung diterima sebagai ${accepted}.`,
      { claimed: null, detected: null },
    );
  }
  return detected;
}

/**
 * The name to store: the last path segment, control characters removed, trimmed to 255
 * characters, with the detected type's extension added when the name has none of its own.
 */
export function evidenceFileName(fileName: string, type: SniffedType): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'bukti';
  const extension = extensionOf(clean);
  const named = type.extensions.includes(extension) ? clean : `${clean}.${type.extensions[0]}`;
  if (named.length <= 255) return named;
  const suffix = `.${extensionOf(named)}`;
  return named.slice(0, 255 - suffix.length) + suffix;
}
