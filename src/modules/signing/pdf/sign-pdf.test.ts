import { spawnSync } from 'node:child_process';
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner } from './cms-signer.js';
import { assertIncremental, signatureRanges, signPdf } from './sign-pdf.js';
import { createTestCa, type TestCa } from './test-ca.js';

const require = createRequire(import.meta.url);

/** A small PDF of two pages, made the way the documents module makes them (pdfmake). */
async function samplePdf(): Promise<Buffer> {
  const pdfmake = require('pdfmake');
  const fontDir = require.resolve('pdfmake/fonts/Roboto.js').replace(/Roboto\.js$/, 'Roboto/');
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => p.startsWith(fontDir));
  pdfmake.setFonts({
    Roboto: {
      normal: `${fontDir}Roboto-Regular.ttf`,
      bold: `${fontDir}Roboto-Medium.ttf`,
      italics: `${fontDir}Roboto-Italic.ttf`,
      bolditalics: `${fontDir}Roboto-MediumItalic.ttf`,
    },
  });
  const doc = pdfmake.createPdf({
    content: [
      { text: 'PERJANJIAN KINERJA TAHUN 2027', bold: true },
      { text: 'Pihak pertama berjanji akan mewujudkan target kinerja.', pageBreak: 'after' },
      { text: 'LAMPIRAN' },
    ],
    info: { creationDate: new Date('2027-01-10T00:00:00Z') },
  });
  return doc.getBuffer();
}

function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'amanah-sig-'));
  const file = join(dir, 'x.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;

describe('PAdES signing', () => {
  let ca: TestCa;
  let original: Buffer;
  let once: Buffer;
  let twice: Buffer;
  const firstTime = new Date('2027-01-10T02:00:00Z');
  const secondTime = new Date('2027-01-10T02:05:00Z');

  beforeAll(async () => {
    ca = createTestCa();
    const kadis = ca.issue('Dr. Siti Aminah, M.Kes.', {
      nip: '197001011990032001',
      title: 'Kepala Dinas Kesehatan',
    });
    const walikota = ca.issue('Budi Santoso', { title: 'Wali Kota' });
    original = await samplePdf();
    once = await signPdf(original, new CmsSigner({ ...kadis, chainPem: [ca.certificatePem] }), {
      reason: 'Pihak Pertama',
      name: 'Dr. Siti Aminah, M.Kes.',
      location: 'Kota Uji',
      signingTime: firstTime,
    });
    twice = await signPdf(once, new CmsSigner({ ...walikota, chainPem: [ca.certificatePem] }), {
      reason: 'Pihak Kedua',
      name: 'Budi Santoso',
      location: 'Kota Uji',
      signingTime: secondTime,
    });
  });

  it('appends each signature as an incremental update over the exact earlier bytes', () => {
    expect(once.subarray(0, original.length).equals(original)).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    expect(signatureRanges(original)).toHaveLength(0);
    expect(signatureRanges(once)).toHaveLength(1);
    const ranges = signatureRanges(twice);
    expect(ranges).toHaveLength(2);
    expect(ranges[1]!.start2 + ranges[1]!.length2).toBe(twice.length);
    // The first signature covers exactly the file as it was after the first signature.
    expect(ranges[0]!.start2 + ranges[0]!.length2).toBe(once.length);
  });

  it('writes a CMS whose signed attributes verify with the signer key and name the certificate', () => {
    const text = twice.toString('latin1');
    const contents = [...text.matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)].map((m) => m[1]!);
    expect(contents).toHaveLength(2);
    const range = signatureRanges(twice)[1]!;
    const signedBytes = Buffer.concat([
      twice.subarray(range.start1, range.start1 + range.length1),
      twice.subarray(range.start2, range.start2 + range.length2),
    ]);
    const cms = Buffer.from(contents[1]!.replace(/(00)+$/, ''), 'hex');
    const p7 = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(cms.toString('binary')),
    ) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes: forge.asn1.Asn1[]; signature: string };
    };
    expect(p7.certificates).toHaveLength(2);
    const attrs = p7.rawCapture.authenticatedAttributes;
    const byOid = new Map(
      attrs.map((a) => {
        const seq = a.value as forge.asn1.Asn1[];
        return [forge.asn1.derToOid(seq[0]!.value as string), seq[1]!] as const;
      }),
    );
    expect([...byOid.keys()].sort()).toEqual(
      [
        '1.2.840.113549.1.9.3',
        '1.2.840.113549.1.9.4',
        '1.2.840.113549.1.9.5',
        '1.2.840.113549.1.9.16.2.47',
      ].sort(),
    );
    const digest = (byOid.get('1.2.840.113549.1.9.4')!.value as forge.asn1.Asn1[])[0]!
      .value as string;
    expect(
      Buffer.from(digest, 'binary').equals(createHash('sha256').update(signedBytes).digest()),
    ).toBe(true);
    const time = (byOid.get('1.2.840.113549.1.9.5')!.value as forge.asn1.Asn1[])[0]!
      .value as string;
    expect(forge.asn1.utcTimeToDate(time).toISOString()).toBe(secondTime.toISOString());

    // The signature is over the attributes re-tagged as a SET (RFC 5652 5.4).
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const signerCert = new X509Certificate(
      Buffer.from(
        forge.asn1.toDer(forge.pki.certificateToAsn1(p7.certificates[0]!)).getBytes(),
        'binary',
      ),
    );
    expect(signerCert.subject).toContain('CN=Budi Santoso');
    const ok = cryptoVerify(
      'sha256',
      Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary'),
      signerCert.publicKey,
      Buffer.from(p7.rawCapture.signature, 'binary'),
    );
    expect(ok).toBe(true);
  });

  it('refuses a result that is not an incremental update of the input', () => {
    const tampered = Buffer.from(once);
    tampered[10] = tampered[10]! ^ 0xff;
    expect(() => assertIncremental(original, tampered)).toThrow(/tidak sesuai/);
    expect(() => assertIncremental(original, original)).toThrow();
    // Bytes appended after the signature: the last signature no longer covers the file.
    expect(() =>
      assertIncremental(original, Buffer.concat([once, Buffer.from('\n% x\n')])),
    ).toThrow();
    // Two new signatures at once are refused too (one signer, one signature).
    expect(() => assertIncremental(original, twice)).toThrow();
  });

  it.runIf(hasPdfsig)('pdfsig: two valid signatures, only the last covering the whole file', () => {
    const out = pdfsig(twice);
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    const [first, second] = out.split(/Signature #2:/);
    expect(first).toContain('Signer Certificate Common Name: Dr. Siti Aminah, M.Kes.');
    expect(first).toContain('serialNumber=197001011990032001');
    expect(first).toContain('Signing Time: Jan 10 2027 02:00:00');
    expect(first).toContain('Not total document signed');
    expect(first).toContain('Signature Type: ETSI.CAdES.detached');
    expect(second).toContain('Signer Certificate Common Name: Budi Santoso');
    expect(second).toContain('Total document signed');
    expect(second).not.toContain('Not total document signed');
  });

  it.runIf(hasPdfsig)(
    'pdfsig: one byte changed inside the signed range is a digest mismatch',
    () => {
      const range = signatureRanges(twice)[0]!;
      const tampered = Buffer.from(twice);
      // A byte of the original page content, well inside both signatures' first range.
      const at = Math.floor(range.length1 / 3);
      tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
      const out = pdfsig(tampered);
      expect(out).toContain('Signature Validation: Digest Mismatch.');
      expect(out).not.toContain('Signature is Valid');
    },
  );
});
