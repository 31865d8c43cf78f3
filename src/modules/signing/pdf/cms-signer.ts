import { createHash, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

/**
 * The CMS SignedData (RFC 5652) that goes into a PAdES signature (ETSI.CAdES.detached): built
 * with node-forge's ASN.1 layer and signed with Node crypto.
 *
 * Why not `forge.pkcs7.createSignedData().sign()`: it cannot add the ESS signing-certificate-v2
 * attribute that PAdES baseline B requires (its `_attributeToAsn1` knows three attribute types
 * only), it does not sort the signed attributes as DER requires for a SET OF, and it signs with
 * forge's JavaScript RSA, which needs the private key exported out of its KeyObject. Here the
 * key stays a KeyObject and is used once per signature by OpenSSL (a few ms for RSA 2048).
 */

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const seq = (value: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
const oid = (value: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (n: number) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nullValue = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const der = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
// No BIT STRING decoding: a certificate must re-encode to exactly the bytes it came with.
// The types know only the old boolean `strict` argument; forge takes an options object.
const parseDer = asn1.fromDer as unknown as (
  bytes: string,
  options: { strict: boolean; decodeBitStrings: boolean },
) => Asn1;
const fromDer = (bytes: Buffer): Asn1 =>
  parseDer(bytes.toString('binary'), { strict: true, decodeBitStrings: false });

function utcTime(date: Date): Asn1 {
  // RFC 5652 11.3: UTCTime for 1950–2049, GeneralizedTime outside.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.GENERALIZEDTIME,
        false,
        asn1.dateToGeneralizedTime(date),
      );
}

/** X.690 11.6: the elements of a DER SET OF are sorted by their encodings, as octet strings. */
function derSortedSet(elements: Asn1[]): Asn1 {
  const encoded = elements.map((e) => ({ node: e, bytes: der(e) }));
  encoded.sort((a, b) => {
    const length = Math.max(a.bytes.length, b.bytes.length);
    for (let i = 0; i < length; i++) {
      const x = a.bytes[i] ?? 0;
      const y = b.bytes[i] ?? 0;
      if (x !== y) return x - y;
    }
    return 0;
  });
  return set(encoded.map((e) => e.node));
}

const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

/** A certificate as the CMS needs it: its DER, and the issuer Name and serial as encoded. */
interface ParsedCertificate {
  der: Buffer;
  issuer: Asn1;
  serial: Asn1;
}

function pemToDer(pem: string): Buffer {
  const body = pem
    .replace(/-----BEGIN CERTIFICATE-----/, '')
    .replace(/-----END CERTIFICATE-----/, '')
    .replace(/\s+/g, '');
  if (!body) throw new Error('certificate PEM is empty');
  return Buffer.from(body, 'base64');
}

/**
 * Reads the issuer and serial straight from the certificate's own encoding (never re-encoded
 * from a parsed form): issuerAndSerialNumber must match the certificate byte for byte, or a
 * verifier cannot find the signer's certificate.
 */
function parseCertificate(pem: string): ParsedCertificate {
  const bytes = pemToDer(pem);
  const cert = fromDer(bytes);
  const tbs = (cert.value as Asn1[])[0];
  const fields = tbs?.value as Asn1[] | undefined;
  if (!fields) throw new Error('certificate: no tbsCertificate');
  // tbsCertificate: [0] version (optional, explicit), serialNumber, signature, issuer, …
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('certificate: serial or issuer missing');
  return { der: bytes, issuer, serial };
}

/**
 * ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate and its
 * issuer/serial, so the signature names exactly the certificate it was made with (PAdES B-B).
 */
function signingCertificateV2(cert: ParsedCertificate): Asn1 {
  const certHash = createHash('sha256').update(cert.der).digest();
  const directoryName = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [cert.issuer]);
  // hashAlgorithm is left out: sha256 is its DEFAULT, and DER omits defaults.
  const essCertIdV2 = seq([octets(certHash), seq([seq([directoryName]), cert.serial])]);
  return seq([seq([essCertIdV2])]);
}

export interface CmsSignerOptions {
  certificatePem: string;
  /** Issuing chain, nearest first (for the built-in CA: the Pemda CA certificate). */
  chainPem: readonly string[];
  privateKey: KeyObject;
}

/**
 * A @signpdf Signer making a detached CAdES signature over the bytes SignPdf hands it. Signed
 * attributes: contentType, signingTime, messageDigest, signingCertificateV2.
 */
export class CmsSigner extends Signer {
  private readonly cert: ParsedCertificate;
  private readonly chain: ParsedCertificate[];
  private readonly key: KeyObject;

  constructor(options: CmsSignerOptions) {
    super();
    this.cert = parseCertificate(options.certificatePem);
    this.chain = options.chainPem.map(parseCertificate);
    this.key = options.privateKey;
    if (this.key.type !== 'private') throw new Error('CmsSigner needs a private key');
  }

  /**
   * Bytes to reserve in the PDF for this signature: the certificates, the signature value and
   * the attribute/structure overhead, rounded up generously (an unused tail is zero padding).
   */
  get estimatedLength(): number {
    const certificates = [this.cert, ...this.chain].reduce((n, c) => n + c.der.length, 0);
    const modulusBytes = (this.key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8;
    const raw = certificates + 2 * der(this.cert.issuer).length + 2 * modulusBytes + 2048;
    return Math.ceil(raw / 1024) * 1024;
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    return this.signDigest(createHash('sha256').update(pdfBuffer).digest(), signingTime);
  }

  /** The CMS for content whose SHA-256 is `digest` (the mock BSrE server reuses this). */
  signDigest(digest: Buffer, signingTime = new Date()): Buffer {
    const signedAttrs = derSortedSet([
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.signingTime, utcTime(signingTime)),
      attribute(OID.messageDigest, octets(digest)),
      attribute(OID.signingCertificateV2, signingCertificateV2(this.cert)),
    ]);
    // RFC 5652 5.4: the signature covers the DER of the attributes as a SET (tag 0x31); in the
    // SignerInfo they sit under [0] IMPLICIT with the same content.
    const signature = cryptoSign('sha256', der(signedAttrs), this.key);
    const isEc = this.key.asymmetricKeyType === 'ec';
    const signatureAlgorithm = isEc
      ? seq([oid(OID.ecdsaWithSha256)])
      : seq([oid(OID.rsaEncryption), nullValue()]);
    const signerInfo = seq([
      int(1),
      seq([this.cert.issuer, this.cert.serial]),
      seq([oid(OID.sha256), nullValue()]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttrs.value as Asn1[]),
      signatureAlgorithm,
      octets(signature),
    ]);
    const certificates = asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      [this.cert, ...this.chain].map((c) => fromDer(c.der)),
    );
    const signedData = seq([
      int(1),
      set([seq([oid(OID.sha256), nullValue()])]),
      // Detached: the content (the PDF byte ranges) is not carried inside.
      seq([oid(OID.data)]),
      certificates,
      set([signerInfo]),
    ]);
    const contentInfo = seq([
      oid(OID.signedData),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
    ]);
    return der(contentInfo);
  }
}
