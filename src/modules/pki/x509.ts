import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

/**
 * Small X.509 helpers over node-forge. Keys stay Node KeyObjects: forge only lays out the
 * certificate, and the RSA signature is made by Node's native crypto (forge's pure-JS RSA is
 * slow and would need the private key converted into a JS object).
 */

/** A positive 16-byte serial as hex (RFC 5280: positive, at most 20 octets, unpredictable). */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  // High bit clear keeps the DER INTEGER positive; a non-zero first byte keeps its length fixed.
  bytes[0] = ((bytes[0] ?? 1) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

// forge's typings call valueTagClass an asn1.Class, but the code reads it as the value's
// universal *type* (UTF8String here): the cast only bridges that typing mistake.
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
const PRINTABLE = forge.asn1.Type.PRINTABLESTRING as unknown as forge.asn1.Class;

export interface NameParts {
  commonName: string;
  /** NIP: X.520 serialNumber, a PrintableString. */
  serialNumber?: string | null;
  title?: string | null;
  organization: string;
}

/** X.520 upper bounds: longer values are cut so strict parsers still accept the name. */
const cut = (value: string, max: number): string =>
  value.length <= max ? value : value.slice(0, max);

export function distinguishedName(parts: NameParts): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [
    { name: 'commonName', value: cut(parts.commonName, 64), valueTagClass: UTF8 },
  ];
  if (parts.serialNumber) {
    attrs.push({ name: 'serialNumber', value: parts.serialNumber, valueTagClass: PRINTABLE });
  }
  if (parts.title) attrs.push({ name: 'title', value: cut(parts.title, 64), valueTagClass: UTF8 });
  attrs.push({ name: 'organizationName', value: cut(parts.organization, 64), valueTagClass: UTF8 });
  attrs.push({ name: 'countryName', value: 'ID', valueTagClass: PRINTABLE });
  return attrs;
}

/** "CN=…, O=…, C=ID": the readable form stored beside the certificate. */
export function describeName(attrs: readonly forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', ');
}

export const forgePublicKey = (key: KeyObject): forge.pki.rsa.PublicKey =>
  forge.pki.publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString());

/** Signs the certificate (sha256WithRSAEncryption) with a Node private key. */
export function signCertificate(cert: forge.pki.Certificate, key: KeyObject): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.siginfo.algorithmOid = oid;
  cert.signatureOid = oid;
  // forge's typings omit getTBSCertificate and tbsCertificate (certificateToAsn1 reads the
  // latter back when present); both exist in forge 1.x.
  const pki = forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  const tbs = pki.getTBSCertificate(cert);
  (cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate = tbs;
  const der = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', der, key).toString('binary');
}

export const certificateDer = (cert: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

export const pemToDer = (pem: string): Buffer => certificateDer(forge.pki.certificateFromPem(pem));

/** SHA-1 of the subject public key (RFC 5280 4.2.1.2 method 1), as forge writes it. */
export const keyIdentifier = (cert: forge.pki.Certificate): string =>
  cert.generateSubjectKeyIdentifier().getBytes();

export const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');
