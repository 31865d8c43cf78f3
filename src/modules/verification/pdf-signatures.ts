import { parseDocumentCode } from '../../shared/document-code.js';
import { AppError } from '../../shared/errors.js';
import { type CertificateInfo, checkCmsSignature } from './cms.js';

/**
 * Reads the signatures of a PDF as a verifier sees them, without trusting anything in it.
 * Signed PDFs keep each signature dictionary uncompressed (its /Contents is patched in place
 * after signing), so the dictionaries are found by their /ByteRange text. For each one: the
 * byte range must be sane (starts at 0, leaves out exactly the /Contents hex string, stays in the
 * file); the CMS inside is checked against the SHA-256 (or the signer's digest) of the two
 * ranges (cms.ts). The last signature of an untouched file covers every byte; anything after
 * it was added after signing.
 *
 * Work is capped (signatures, /Contents size, DER nodes) and nothing here throws on hostile
 * input except NOT_A_PDF.
 */

export type SignatureIntegrity = 'valid' | 'digest_mismatch' | 'bad_signature' | 'malformed';

export interface PdfSignature {
  /** 1 for the first signature made (the smallest signed range). */
  index: number;
  signerName: string | null;
  /** The certificate's serialNumber attribute: the NIP for certificates we issue. */
  nip: string | null;
  /** The certificate's title attribute: the jabatan. */
  jabatan: string | null;
  /** Certificate serial, lowercase hex (normalizeSerial). */
  serial: string | null;
  issuerName: string | null;
  signingTime: Date | null;
  integrity: SignatureIntegrity;
  /** The signed ranges reach the last byte of the file. */
  coversWholeFile: boolean;
  /** The signer's certificate as embedded (DER), to compare with the ones we issued. */
  certificate: CertificateInfo | null;
}

/** More signatures than any document of ours has, by far; the rest are not examined. */
export const MAX_SIGNATURES = 10;
/** Largest /Contents hex string examined (our signatures reserve 16 KB of DER). */
const MAX_CONTENTS_HEX = 1024 * 1024;

const notAPdf = () =>
  new AppError(
    'NOT_A_PDF',
    'Berkas ini bukan PDF. Unggah berkas PDF dokumen yang ingin diperiksa, bukan foto atau hasil pindaian.',
  );

/** A PDF starts with "%PDF-" (readers allow some bytes before it: we allow 1 KB). */
export function isPdf(pdf: Uint8Array): boolean {
  const head = Buffer.from(pdf.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export function assertPdf(pdf: Uint8Array): void {
  if (!isPdf(pdf)) throw notAPdf();
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;
const isHexByte = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isWhite = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/**
 * A serial as people see it: lowercase hex of the integer, without the 00 octet DER puts in
 * front of a value whose top bit is set (it only keeps the integer positive).
 */
export const normalizeSerial = (hex: string): string => {
  const lower = hex.toLowerCase();
  return /^00[89a-f]/.test(lower) ? lower.slice(2) : lower;
};

/** The /M (D:YYYYMMDDHHmmSS…) of the signature dictionary around `from`…`to`, if any. */
function dictionaryTime(text: string, from: number, to: number): Date | null {
  const objStart = text.lastIndexOf(' obj', from);
  const start = objStart >= 0 && from - objStart < 4096 ? objStart : Math.max(0, from - 1024);
  const endObj = text.indexOf('endobj', to);
  const end = endObj >= 0 && endObj - to < 4096 ? endObj : Math.min(text.length, to + 1024);
  const window = text.slice(start, from) + text.slice(to, end);
  const m =
    /\/M\s*\(D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?'?\)/.exec(
      window,
    );
  if (!m) return null;
  const n = (i: number, d: number) => (m[i] ? Number(m[i]) : d);
  let ms = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0));
  if (m[7] === '+' || m[7] === '-') {
    const offset = (n(8, 0) * 60 + n(9, 0)) * 60_000;
    ms += m[7] === '+' ? -offset : offset;
  }
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The file as text: latin1 maps bytes 1:1 to characters, so string offsets are byte offsets. */
export const pdfText = (pdf: Uint8Array): string =>
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');

/**
 * Every signature of the PDF, oldest first. Throws NOT_A_PDF when it is not a PDF. `text` is
 * pdfText(pdf), when the caller already has it.
 */
export function parsePdfSignatures(pdf: Uint8Array, text = pdfText(pdf)): PdfSignature[] {
  assertPdf(pdf);
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const seen = new Set<string>();
  const ranges: { a: number; b: number; c: number; d: number; at: number }[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const key = `${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ranges.push({
      a: Number(m[1]),
      b: Number(m[2]),
      c: Number(m[3]),
      d: Number(m[4]),
      at: m.index,
    });
    if (ranges.length >= MAX_SIGNATURES) break;
  }
  ranges.sort((x, y) => x.c + x.d - (y.c + y.d) || x.at - y.at);
  return ranges.map((range, i) => examine(buf, text, range, i + 1));
}

function examine(
  buf: Buffer,
  text: string,
  { a, b, c, d, at }: { a: number; b: number; c: number; d: number; at: number },
  index: number,
): PdfSignature {
  const base: PdfSignature = {
    index,
    signerName: null,
    nip: null,
    jabatan: null,
    serial: null,
    issuerName: null,
    signingTime: null,
    integrity: 'malformed',
    // Only a well-formed range can vouch for the end of the file (set below once it is sane):
    // a fake "/ByteRange [0 1 3 N-3]" must not make an edited file look untouched.
    coversWholeFile: false,
    certificate: null,
  };
  // The two ranges: [0, b) and [c, c + d); the gap between them is exactly "<hex>", the value
  // of /Contents in this dictionary.
  const sane =
    a === 0 &&
    b > 0 &&
    c > b + 1 &&
    c + d <= buf.length &&
    c - b - 2 <= MAX_CONTENTS_HEX &&
    buf[b] === 0x3c &&
    buf[c - 1] === 0x3e;
  if (!sane) return base;
  for (let i = b + 1; i < c - 1; i += 1) {
    if (!isHexByte(buf[i]!)) return base;
  }
  base.coversWholeFile = c + d === buf.length;
  let before = b - 1;
  while (before > 0 && isWhite(buf[before]!)) before -= 1;
  if (text.slice(before - 8, before + 1) !== '/Contents') return base;
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  let check: ReturnType<typeof checkCmsSignature>;
  try {
    check = checkCmsSignature(der, [buf.subarray(0, b), buf.subarray(c, c + d)]);
  } catch {
    // Whatever a hostile signature makes the checker trip over, it is not a valid signature.
    return base;
  }
  const cert = check.signer;
  return {
    ...base,
    integrity: check.integrity,
    signerName: cert?.subject.commonName ?? null,
    nip: cert?.subject.serialNumber ?? null,
    jabatan: cert?.subject.title ?? null,
    serial: cert ? normalizeSerial(cert.serialHex) : null,
    issuerName: cert?.issuer.commonName ?? cert?.issuer.organization ?? null,
    signingTime: check.signingTime ?? dictionaryTime(text, Math.min(at, b), c),
    certificate: cert,
  };
}

// ---- the document code in the Info dictionary ---------------------------------------------

/** Decodes a PDF literal string starting at `open` (the "("); null when unterminated. */
function literalString(text: string, open: number, limit: number): string | null {
  let depth = 0;
  let out = '';
  for (let i = open; i < Math.min(text.length, limit); i += 1) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      i += 1;
      const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (escapes[next] !== undefined) out += escapes[next];
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))![0];
        out += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else if (next === '\r' && text[i + 1] === '\n') i += 1;
      else if (next !== '\n' && next !== '\r') out += next;
      continue;
    }
    if (ch === '(') {
      depth += 1;
      if (depth === 1) continue;
    } else if (ch === ')') {
      depth -= 1;
      if (depth === 0) return out;
    }
    out += ch;
  }
  return null;
}

/** Bytes of a PDF text string (PDFDocEncoding or UTF-16BE with BOM) as text. */
function textString(bytes: string): string {
  if (bytes.startsWith('\u00fe\u00ff')) {
    const raw = Buffer.from(bytes.slice(2), 'latin1');
    const even = Buffer.from(raw.subarray(0, raw.length - (raw.length % 2)));
    return even.swap16().toString('utf16le');
  }
  return bytes;
}

/** The string value at `pos` (literal, hex, or an indirect reference to one). */
function stringValue(text: string, pos: number, depth = 0): string | null {
  const rest = text.slice(pos, pos + 256);
  const lead = /^\s*/.exec(rest)![0].length;
  const start = pos + lead;
  const ch = text[start];
  if (ch === '(') {
    const raw = literalString(text, start, start + 4096);
    return raw === null ? null : textString(raw);
  }
  if (ch === '<' && text[start + 1] !== '<') {
    const close = text.indexOf('>', start);
    if (close < 0 || close - start > 4096) return null;
    const hex = text.slice(start + 1, close).replace(/\s/g, '');
    return textString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
  }
  const ref = /^(\d{1,10})\s+(\d{1,5})\s+R/.exec(text.slice(start, start + 32));
  if (ref && depth === 0) {
    const body = objectBody(text, Number(ref[1]), Number(ref[2]));
    return body === null ? null : stringValue(text, body, depth + 1);
  }
  return null;
}

/** Offset just after "N G obj" of the latest definition of the object; null when absent. */
function objectBody(text: string, num: number, gen: number): number | null {
  const re = new RegExp(`(?:^|[^0-9])${num}\\s+${gen}\\s+obj`, 'g');
  let last: number | null = null;
  for (const m of text.matchAll(re)) last = m.index + m[0].length;
  return last;
}

const CODE_IN_TEXT = /([0-9A-Za-z]{4})-?([0-9A-Za-z]{4})-?([0-9A-Za-z]{4})/g;

function codeIn(value: string | null, loose: boolean): string | null {
  if (!value) return null;
  const direct = parseDocumentCode(value.trim());
  if (direct || !loose) return direct;
  let found: string | null = null;
  for (const m of value.matchAll(CODE_IN_TEXT)) {
    found = parseDocumentCode(`${m[1]}${m[2]}${m[3]}`) ?? found;
  }
  return found;
}

/**
 * The document code the PDF carries: the Info dictionary's /AmanahDocumentCode (written by
 * documents/pdf/frame.ts), else a code in its /Subject, else the verification link. The last definition wins (incremental updates).
 * Null when there is none: an unknown document.
 */
export function readDocumentCode(pdf: Uint8Array, text = pdfText(pdf)): string | null {
  if (!isPdf(pdf)) return null;
  const lastMatch = (re: RegExp): RegExpExecArray | null => {
    let last: RegExpExecArray | null = null;
    for (const m of text.matchAll(re)) last = m as RegExpExecArray;
    return last;
  };
  const info = lastMatch(/\/Info\s+(\d{1,10})\s+(\d{1,5})\s+R/g);
  let dict: string | null = null;
  if (info) {
    const body = objectBody(text, Number(info[1]), Number(info[2]));
    if (body !== null) {
      const end = text.indexOf('>>', body);
      // Values are short; a real Info dictionary is far below 16 KB.
      if (end > body && end - body < 16_384) dict = text.slice(body, end + 2);
    }
  }
  const keyValue = (source: string, offset: number, key: string): string | null => {
    const at = source.lastIndexOf(`/${key}`);
    if (at < 0) return null;
    return stringValue(text, offset + at + key.length + 1);
  };
  if (dict !== null && info) {
    const offset = objectBody(text, Number(info[1]), Number(info[2]))!;
    const fromKey = codeIn(keyValue(dict, offset, 'AmanahDocumentCode'), false);
    if (fromKey) return fromKey;
    const fromSubject = codeIn(keyValue(dict, offset, 'Subject'), true);
    if (fromSubject) return fromSubject;
  }
  // No readable Info dictionary (rewritten by another tool): look for the key or the link.
  const anyKey = lastMatch(/\/AmanahDocumentCode/g);
  if (anyKey) {
    const fromKey = codeIn(stringValue(text, anyKey.index + anyKey[0].length), false);
    if (fromKey) return fromKey;
  }
  const link = lastMatch(/\/verifikasi\/([0-9A-Za-z-]{12,14})/g);
  return link ? codeIn(link[1] ?? null, false) : null;
}
