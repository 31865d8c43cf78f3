import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import {
  detectEvidenceType,
  evidenceFileName,
  evidenceTypes,
  sniffEvidenceType,
  zipEntryNames,
} from './sniff-type.js';

/** A zip of stored entries (names only matter here). */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = Buffer.from('<x/>');
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const xlsx = zip([
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/worksheets/sheet1.xml',
]);
const docx = zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('detectEvidenceType', () => {
  it.each([
    ['PDF', pdf, 'pdf'],
    ['PDF after a short preamble', Buffer.concat([Buffer.from('\n\n'), pdf]), 'pdf'],
    ['PNG', png, 'png'],
    ['JPEG', jpeg, 'jpeg'],
    ['xlsx', xlsx, 'xlsx'],
    ['docx', docx, 'docx'],
  ])('%s', (_name, bytes, kind) => {
    expect(detectEvidenceType(bytes)?.kind).toBe(kind);
  });

  it.each([
    ['plain text', Buffer.from('halo')],
    ['a PDF header without its end (truncated)', Buffer.from('%PDF-1.4\n1 0 obj')],
    ['HTML', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a zip that is no Office file', zip(['[Content_Types].xml', 'data.txt'])],
    ['a zip without content types', zip(['xl/workbook.xml'])],
    ['a truncated zip', xlsx.subarray(0, 40)],
    ['empty', Buffer.alloc(0)],
    ['GIF', Buffer.from('GIF89a\x01\x00')],
  ])('nothing for %s', (_name, bytes) => {
    expect(detectEvidenceType(bytes)).toBeNull();
  });

  it('reads zip entry names from the central directory', () => {
    expect(zipEntryNames(docx)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
    ]);
    expect(zipEntryNames(pdf)).toBeNull();
  });
});

describe('sniffEvidenceType', () => {
  it('ignores what the name says when the content is an accepted type with no claim', () => {
    expect(sniffEvidenceType(pdf, 'scan').kind).toBe('pdf');
    expect(sniffEvidenceType(png, 'foto.bin').kind).toBe('png');
  });

  it('accepts matching names in any case', () => {
    expect(sniffEvidenceType(jpeg, 'FOTO.JPEG').kind).toBe('jpeg');
    expect(sniffEvidenceType(jpeg, 'foto.jpg').kind).toBe('jpeg');
    expect(sniffEvidenceType(xlsx, 'Rekap.XLSX').kind).toBe('xlsx');
  });

  it('refuses a .pdf that is not a PDF with a specific message', () => {
    const e = refusal(() => sniffEvidenceType(Buffer.from('teks'), 'laporan.pdf'));
    expect(e.code).toBe('EVIDENCE_TYPE');
    expect(e.status).toBe(415);
    expect(e.message).toContain('bukan PDF yang sah');
  });

  it('refuses a name promising another accepted type than the content', () => {
    const e = refusal(() => sniffEvidenceType(docx, 'data.xlsx'));
    expect(e.message).toContain('Word (.docx)');
    expect(e.details).toEqual({ claimed: 'xlsx', detected: 'docx' });
  });

  it('refuses unknown content whatever the name', () => {
    const e = refusal(() => sniffEvidenceType(Buffer.from('MZ\x90\x00'), 'program.exe'));
    expect(e.code).toBe('EVIDENCE_TYPE');
    expect(e.message).toMatch(/^Berkas ini bukan PDF\/gambar\/Excel\/Word yang sah/);
  });
});

describe('evidenceFileName', () => {
  it.each([
    ['laporan.pdf', 'pdf', 'laporan.pdf'],
    ['C:\\Users\\budi\\laporan.pdf', 'pdf', 'laporan.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['scan', 'jpeg', 'scan.jpg'],
    ['foto.JPEG', 'jpeg', 'foto.JPEG'],
    ['  ', 'png', 'bukti.png'],
    ['a\u0000b\nc.docx', 'docx', 'abc.docx'],
  ] as const)('%j → %s', (name, kind, expected) => {
    expect(evidenceFileName(name, evidenceTypes[kind])).toBe(expected);
  });

  it('keeps long names at 255 characters with their extension', () => {
    const name = evidenceFileName(`${'a'.repeat(300)}.pdf`, evidenceTypes.pdf);
    expect(name.length).toBe(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
