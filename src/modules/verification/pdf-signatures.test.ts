import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { isPdf, parsePdfSignatures, readDocumentCode } from './pdf-signatures.js';
import {
  makeTestCa,
  makeTestSigner,
  randomDocumentCode,
  renderTestPdf,
  signTestPdf,
  type TestIdentity,
} from './testing/signed-pdf.js';

/** Replaces the byte at `offset` with a different printable one. */
function flipByte(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] = copy[offset] === 0x41 ? 0x42 : 0x41;
  return copy;
}

/** A minimal "PDF" whose one signature dictionary has a sane byte range around `hex`. */
function withContents(hex: string): Buffer {
  const prefix = '%PDF-1.7\n<< /ByteRange [0 BBBBBBBBBB CCCCCCCCCC 4] /Contents ';
  const b = prefix.length;
  const c = b + hex.length + 2;
  const text = prefix
    .replace('BBBBBBBBBB', String(b).padStart(10, ' '))
    .replace('CCCCCCCCCC', String(c).padStart(10, ' '));
  return Buffer.from(`${text}<${hex}> >>\n`, 'latin1');
}

function hasPdfsig(): boolean {
  try {
    execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PDF signatures', () => {
  let ca: TestIdentity;
  let first: TestIdentity;
  let second: TestIdentity;
  let code: string;
  let original: Buffer;
  let once: Buffer;
  let twice: Buffer;
  const signedAt = new Date('2026-01-10T02:03:04Z');

  beforeAll(async () => {
    ca = makeTestCa();
    first = makeTestSigner(ca, {
      name: 'Siti Aminah',
      nip: '197001011990032001',
      jabatan: 'Kepala Dinas Kesehatan',
    });
    second = makeTestSigner(ca, {
      name: 'Budi Santoso',
      nip: '196805051990031002',
      jabatan: 'Wali Kota Contoh',
    });
    code = randomDocumentCode();
    original = await renderTestPdf({ code });
    once = await signTestPdf(original, first, ca, { at: signedAt });
    twice = await signTestPdf(once, second, ca, { at: new Date('2026-01-10T03:00:00Z') });
  });

  it('reads both signatures of a twice-signed PDF, oldest first, valid', () => {
    const signatures = parsePdfSignatures(twice);
    expect(signatures).toHaveLength(2);
    expect(signatures[0]).toMatchObject({
      index: 1,
      signerName: 'Siti Aminah',
      nip: '197001011990032001',
      jabatan: 'Kepala Dinas Kesehatan',
      serial: first.serial,
      issuerName: 'Kota Contoh CA',
      integrity: 'valid',
      coversWholeFile: false,
    });
    expect(signatures[0]?.signingTime?.toISOString()).toBe(signedAt.toISOString());
    expect(signatures[1]).toMatchObject({
      index: 2,
      signerName: 'Budi Santoso',
      integrity: 'valid',
      coversWholeFile: true,
    });
  });

  it('finds no signature in the unsigned original', () => {
    expect(parsePdfSignatures(original)).toEqual([]);
  });

  it('reports a digest mismatch when one byte inside the signed range changes', () => {
    const text = twice.toString('latin1');
    // A byte of the page content, well inside both signed ranges.
    const offset = text.indexOf('/MediaBox') + 2;
    const signatures = parsePdfSignatures(flipByte(twice, offset));
    expect(signatures.map((s) => s.integrity)).toEqual(['digest_mismatch', 'digest_mismatch']);
  });

  it('shows bytes appended after the last signature', () => {
    const appended = Buffer.concat([twice, Buffer.from('\n% added later\n', 'latin1')]);
    const signatures = parsePdfSignatures(appended);
    expect(signatures.map((s) => [s.integrity, s.coversWholeFile])).toEqual([
      ['valid', false],
      ['valid', false],
    ]);
  });

  it('reports a bad signature when a signed attribute is altered', () => {
    // The signing time sits in the signed attributes as "YYMMDDhhmmssZ" (hex in /Contents).
    const text = twice.toString('latin1');
    const utc = Buffer.from('260110020304Z', 'latin1').toString('hex');
    const at = text.indexOf(utc);
    expect(at).toBeGreaterThan(0);
    const changed = Buffer.from(twice);
    // "26" → "27": the year of the signing time.
    changed.write(Buffer.from('27', 'latin1').toString('hex'), at, 'latin1');
    const [sig] = parsePdfSignatures(changed);
    expect(sig?.integrity).toBe('bad_signature');
  });

  it('treats an insane byte range or broken CMS as malformed, never throwing', () => {
    const text = once.toString('latin1');
    const range = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(text)!;
    const broken = Buffer.from(
      text.replace(range[0], `/ByteRange [5 ${range[1]} ${range[2]} ${range[3]}]`),
      'latin1',
    );
    expect(parsePdfSignatures(broken)[0]?.integrity).toBe('malformed');
    const contentsAt = text.indexOf('/Contents <') + '/Contents <'.length;
    const garbage = Buffer.from(once);
    garbage.write('ffffffff', contentsAt, 'latin1');
    expect(parsePdfSignatures(garbage)[0]).toMatchObject({
      integrity: 'malformed',
      signerName: null,
    });
  });

  it('survives hostile input: huge counts, bad hex, deep nesting, thousands of ranges', () => {
    const head = '%PDF-1.7\n';
    const cases = [
      `${head}/ByteRange [0 99999999999 99999999999 99999999999]`,
      `${head}/ByteRange [0 10 20 5] /Contents <zz>`,
      `${head}/Contents <${'30'.repeat(5000)}>/ByteRange [0 18 10027 0]`,
      `${head}${'/ByteRange [0 1 2 3] '.repeat(50_000)}`,
      `${head}${Array.from({ length: 5000 }, (_, i) => `/ByteRange [0 ${i} ${i + 2} 1]`).join(' ')}`,
    ];
    for (const input of cases) {
      const started = performance.now();
      const result = parsePdfSignatures(Buffer.from(input, 'latin1'));
      expect(result.length).toBeLessThanOrEqual(10);
      for (const s of result) expect(s.integrity).toBe('malformed');
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // Sane ranges around hostile DER: deep nesting, indefinite lengths, lengths past the end.
    for (const hex of ['3080'.repeat(2000), '30ffffffffff', '308480000000', '3003020101']) {
      const [signature] = parsePdfSignatures(withContents(hex));
      expect(signature).toMatchObject({ integrity: 'malformed', coversWholeFile: true });
    }
  });

  it('refuses what is not a PDF with NOT_A_PDF', () => {
    expect(isPdf(Buffer.from('PK\u0003\u0004 a zip file'))).toBe(false);
    expect(() => parsePdfSignatures(Buffer.from('hello'))).toThrow(AppError);
    try {
      parsePdfSignatures(Buffer.alloc(0));
    } catch (error) {
      expect((error as AppError).code).toBe('NOT_A_PDF');
    }
  });

  it('reads the document code from the Info dictionary, signed or not', () => {
    expect(readDocumentCode(original)).toBe(code);
    expect(readDocumentCode(twice)).toBe(code);
    expect(readDocumentCode(Buffer.from('%PDF-1.4\nno info'))).toBeNull();
    expect(readDocumentCode(Buffer.from('not a pdf'))).toBeNull();
  });

  it('reads a code from /Subject, hex strings, UTF-16 and the verification link', () => {
    const withSubject = Buffer.from(
      `%PDF-1.7\n5 0 obj\n<< /Subject (Dokumen ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}) >>\nendobj\ntrailer << /Info 5 0 R >>`,
      'latin1',
    );
    expect(readDocumentCode(withSubject)).toBe(code);
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(code, 'utf16le').swap16()]);
    const withHex = Buffer.from(
      `%PDF-1.7\n7 0 obj\n<< /AmanahDocumentCode <${utf16.toString('hex')}> >>\nendobj\ntrailer << /Info 7 0 R >>`,
      'latin1',
    );
    expect(readDocumentCode(withHex)).toBe(code);
    const link = Buffer.from(
      `%PDF-1.7\n<< /URI (https://sakip.example.go.id/verifikasi/${code}) >>`,
      'latin1',
    );
    expect(readDocumentCode(link)).toBe(code);
  });

  it.runIf(hasPdfsig())('agrees with pdfsig on the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amanah-verify-'));
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, twice);
    const out = execFileSync('pdfsig', [file]).toString();
    expect(out.match(/Signature is Valid/g)).toHaveLength(2);
  });
});
