import { createHash, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import forge from 'node-forge';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../documents/pdf/pdfmake.js';
import { CmsSigner } from '../../signing/pdf/cms-signer.js';
import { signPdf } from '../../signing/pdf/sign-pdf.js';

/**
 * Test and benchmark support, never imported by the app: a throwaway CA, certificates in the
 * shape the built-in CA issues (CN = name, serialNumber = NIP, title = jabatan) with a chosen
 * serial and validity, a small PDF carrying a document code in its Info dictionary the way the
 * renderer does, and signatures made by the signing feature's own code (signing/pdf), so the
 * verifier is tested against exactly what production writes.
 */

export interface TestIdentity {
  privateKey: KeyObject;
  /** forge's copy of the private key, to sign certificates. */
  forgeKey: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  certificatePem: string;
  /** Lowercase hex, as signing_certificates.serial stores it. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

function issue(
  subject: forge.pki.CertificateField[],
  issuer: TestIdentity | null,
  options: { ca: boolean; serial?: string; notAfter?: Date },
): TestIdentity {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  // A leading 01 keeps the serial positive and its hex the same as stored.
  const serial = options.serial ?? `01${randomBytes(15).toString('hex')}`;
  cert.serialNumber = serial;
  const notBefore = new Date(Date.now() - 86_400_000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true },
        ]
      : [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }],
  );
  cert.sign(issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  return {
    privateKey,
    forgeKey,
    cert,
    certificatePem: forge.pki.certificateToPem(cert),
    serial,
    notBefore,
    notAfter: cert.validity.notAfter,
  };
}

export function makeTestCa(name = 'Kota Contoh CA'): TestIdentity {
  return issue(
    [
      { name: 'commonName', value: name },
      { name: 'organizationName', value: 'Pemerintah Kota Contoh' },
    ],
    null,
    { ca: true },
  );
}

export function makeTestSigner(
  ca: TestIdentity,
  person: { name: string; nip: string; jabatan: string; serial?: string; notAfter?: Date },
): TestIdentity {
  return issue(
    [
      { name: 'commonName', value: person.name },
      { type: '2.5.4.5', value: person.nip },
      { type: '2.5.4.12', value: person.jabatan },
      { name: 'organizationName', value: 'Pemerintah Kota Contoh' },
    ],
    ca,
    {
      ca: false,
      ...(person.serial ? { serial: person.serial } : {}),
      ...(person.notAfter ? { notAfter: person.notAfter } : {}),
    },
  );
}

/** Appends one PAdES signature (an incremental update) by `identity`, as signing does. */
export function signTestPdf(
  pdf: Buffer,
  identity: TestIdentity,
  ca: TestIdentity,
  options: { reason?: string; at?: Date } = {},
): Promise<Buffer> {
  const signer = new CmsSigner({
    certificatePem: identity.certificatePem,
    chainPem: [ca.certificatePem],
    privateKey: identity.privateKey,
  });
  return signPdf(pdf, signer, {
    reason: options.reason ?? 'Pihak Pertama',
    name: identity.cert.subject.getField('CN')?.value ?? 'Penanda tangan',
    location: 'Kota Contoh',
    signingTime: options.at ?? new Date(),
  });
}

/** A grey-noise PNG of about `bytes` bytes (noise does not compress): pads a PDF to a size. */
function noisePng(bytes: number): Buffer {
  const width = 512;
  const height = Math.max(1, Math.ceil(bytes / (width * 3)));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const noise = randomBytes(width * 3 * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    noise.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A small A4 PDF that carries `code` the way the renderer does (Info /Subject and
 * /AmanahDocumentCode). `padBytes` adds an incompressible image to reach a size.
 */
export async function renderTestPdf(options: {
  code: string;
  title?: string;
  padBytes?: number;
}): Promise<Buffer> {
  const printed = `${options.code.slice(0, 4)}-${options.code.slice(4, 8)}-${options.code.slice(8)}`;
  const content: Content[] = [
    { text: options.title ?? 'PERJANJIAN KINERJA TAHUN 2026', bold: true, fontSize: 14 },
    { text: `ID dokumen ${printed}`, margin: [0, 8, 0, 0] },
  ];
  if (options.padBytes) {
    const png = noisePng(options.padBytes);
    content.push({ image: `data:image/png;base64,${png.toString('base64')}`, width: 400 });
  }
  // pdfmake passes unknown Info keys through to the PDF; its types list only the standard ones.
  const info = {
    title: options.title ?? 'Perjanjian Kinerja',
    subject: `Dokumen Amanah ${printed}`,
    AmanahDocumentCode: options.code,
    creationDate: new Date('2026-01-05T00:00:00Z'),
  } as TDocumentDefinitions['info'];
  // The documents feature's pdfmake (one locked-down instance per process).
  return renderPdf({ content, info });
}

export const sha256Hex = (data: Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/** A random code in the documents.code alphabet. */
export function randomDocumentCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(12), (b) => alphabet[b % 32]).join('');
}
