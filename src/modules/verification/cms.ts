import { constants, createHash, type KeyObject, verify, X509Certificate } from 'node:crypto';
import {
  bytesOf,
  childrenOf,
  contentOf,
  type DerBudget,
  DerError,
  decodeOid,
  decodeString,
  decodeTime,
  newBudget,
  readTlv,
  TAG,
  type Tlv,
} from './der.js';

/**
 * A CMS SignedData (RFC 5652) as a PAdES signature carries it, verified by hand: the signed
 * messageDigest against the digest of the signed bytes, then the signer's signature over the
 * DER of the signed attributes (re-tagged from [0] IMPLICIT to SET, as RFC 5652 §5.4 says) with
 * the public key of the signer's certificate. Trust in the certificate itself is not decided
 * here: the caller compares it with the certificates we issued.
 */

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  title: '2.5.4.12',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;

/** Digest algorithms a signer may name, by OID, as Node calls them. */
const digestNames: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface CertificateInfo {
  /** Hex of the serial number's integer content, lowercase, as encoded (may start with 00). */
  serialHex: string;
  subject: {
    commonName: string | null;
    serialNumber: string | null;
    title: string | null;
    organization: string | null;
  };
  issuer: { commonName: string | null; organization: string | null };
  notBefore: Date | null;
  notAfter: Date | null;
  /** The certificate exactly as embedded (DER). */
  der: Buffer;
}

export interface CmsCheck {
  /** The signed messageDigest matches the bytes, and the signature over the attributes holds. */
  integrity: 'valid' | 'digest_mismatch' | 'bad_signature' | 'malformed';
  signer: CertificateInfo | null;
  signingTime: Date | null;
}

interface ParsedCertificate {
  info: CertificateInfo;
  issuerDer: Buffer;
  serialDer: Buffer;
}

/** Reads the first value of each name attribute we show (CN, serialNumber, title, O). */
function readName(buf: Uint8Array, name: Tlv, budget: DerBudget) {
  const found: Record<string, string> = {};
  for (const rdn of childrenOf(buf, name, budget)) {
    if (rdn.tag !== TAG.SET) continue;
    for (const atv of childrenOf(buf, rdn, budget)) {
      const [type, value] = childrenOf(buf, atv, budget);
      if (!type || !value || type.tag !== TAG.OID) continue;
      const oid = decodeOid(contentOf(buf, type));
      if (found[oid] !== undefined) continue;
      try {
        found[oid] = decodeString(value, buf);
      } catch {
        // A value in a form we cannot show is left out, not fatal.
      }
    }
  }
  return (oid: string): string | null => found[oid] ?? null;
}

function parseCertificate(buf: Uint8Array, cert: Tlv, budget: DerBudget): ParsedCertificate {
  const [tbs] = childrenOf(buf, cert, budget);
  if (!tbs || tbs.tag !== TAG.SEQUENCE) throw new DerError('bad certificate');
  const fields = childrenOf(buf, tbs, budget);
  // The optional [0] version comes first; everything after it is positional.
  const rest = fields[0]?.tag === TAG.CONTEXT_0 ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject] = rest;
  if (
    !serial ||
    serial.tag !== TAG.INTEGER ||
    !issuer ||
    !validity ||
    !subject ||
    issuer.tag !== TAG.SEQUENCE ||
    subject.tag !== TAG.SEQUENCE
  ) {
    throw new DerError('bad certificate');
  }
  const times = childrenOf(buf, validity, budget);
  const time = (t: Tlv | undefined) => {
    try {
      return t ? decodeTime(t, buf) : null;
    } catch {
      return null;
    }
  };
  const sub = readName(buf, subject, budget);
  const iss = readName(buf, issuer, budget);
  return {
    info: {
      serialHex: Buffer.from(contentOf(buf, serial)).toString('hex'),
      subject: {
        commonName: sub(OID.commonName),
        serialNumber: sub(OID.serialNumber),
        title: sub(OID.title),
        organization: sub(OID.organization),
      },
      issuer: { commonName: iss(OID.commonName), organization: iss(OID.organization) },
      notBefore: time(times[0]),
      notAfter: time(times[1]),
      der: Buffer.from(bytesOf(buf, cert)),
    },
    issuerDer: Buffer.from(bytesOf(buf, issuer)),
    serialDer: Buffer.from(contentOf(buf, serial)),
  };
}

function algorithmOid(buf: Uint8Array, algorithm: Tlv | undefined, budget: DerBudget): string {
  if (!algorithm || algorithm.tag !== TAG.SEQUENCE) throw new DerError('bad algorithm');
  const [oid] = childrenOf(buf, algorithm, budget);
  if (!oid || oid.tag !== TAG.OID) throw new DerError('bad algorithm');
  return decodeOid(contentOf(buf, oid));
}

/** Verifies `signature` over `data` with the key; RSA PKCS#1 v1.5, RSA-PSS, ECDSA and EdDSA. */
function verifySignature(
  digest: string,
  signatureOid: string,
  key: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') {
      return verify(null, data, key, signature);
    }
    if (signatureOid === OID.rsaPss || key.asymmetricKeyType === 'rsa-pss') {
      return verify(
        digest,
        data,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_AUTO,
        },
        signature,
      );
    }
    return verify(digest, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Checks a detached CMS signature (the DER from a PDF's /Contents; zero padding after it is
 * ignored) over `signedParts`, the byte ranges the PDF's /ByteRange names. The digest is
 * computed here because its algorithm is the signer's choice.
 */
export function checkCmsSignature(der: Uint8Array, signedParts: Uint8Array[]): CmsCheck {
  const malformed: CmsCheck = { integrity: 'malformed', signer: null, signingTime: null };
  const budget = newBudget();
  let signer: CertificateInfo | null = null;
  let signingTime: Date | null = null;
  try {
    const contentInfo = readTlv(der, 0, der.length, budget);
    if (contentInfo.tag !== TAG.SEQUENCE) return malformed;
    const [type, explicit] = childrenOf(der, contentInfo, budget);
    if (!type || type.tag !== TAG.OID || decodeOid(contentOf(der, type)) !== OID.signedData) {
      return malformed;
    }
    if (!explicit || explicit.tag !== TAG.CONTEXT_0) return malformed;
    const [signedData] = childrenOf(der, explicit, budget);
    if (!signedData || signedData.tag !== TAG.SEQUENCE) return malformed;
    const parts = childrenOf(der, signedData, budget);
    const certificates = parts.find((p) => p.tag === TAG.CONTEXT_0);
    const signerInfos = parts[parts.length - 1];
    if (!signerInfos || signerInfos.tag !== TAG.SET) return malformed;
    const certs: ParsedCertificate[] = [];
    if (certificates) {
      for (const c of childrenOf(der, certificates, budget).slice(0, 20)) {
        if (c.tag !== TAG.SEQUENCE) continue;
        certs.push(parseCertificate(der, c, budget));
      }
    }
    // A PAdES signature has exactly one signer; the first is the one a reader shows.
    const [signerInfo] = childrenOf(der, signerInfos, budget);
    if (!signerInfo || signerInfo.tag !== TAG.SEQUENCE) return malformed;
    const fields = childrenOf(der, signerInfo, budget);
    const [, sid, digestAlgorithm] = fields;
    let index = 3;
    const signedAttrs = fields[index]?.tag === TAG.CONTEXT_0 ? fields[index] : undefined;
    if (signedAttrs) index += 1;
    const signatureAlgorithm = fields[index];
    const signatureValue = fields[index + 1];
    if (!sid || !signatureValue || signatureValue.tag !== TAG.OCTET_STRING) return malformed;

    // The signer's certificate: by issuer and serial number (or the only one there is).
    let match: ParsedCertificate | undefined;
    if (sid.tag === TAG.SEQUENCE) {
      const [issuer, serial] = childrenOf(der, sid, budget);
      if (issuer && serial) {
        const issuerDer = Buffer.from(bytesOf(der, issuer));
        const serialDer = Buffer.from(contentOf(der, serial));
        match = certs.find((c) => c.issuerDer.equals(issuerDer) && c.serialDer.equals(serialDer));
      }
    }
    if (!match && certs.length === 1) match = certs[0];
    if (!match) return malformed;
    signer = match.info;

    const digestName = digestNames[algorithmOid(der, digestAlgorithm, budget)];
    if (!digestName) return { integrity: 'malformed', signer, signingTime };
    const signatureOid = algorithmOid(der, signatureAlgorithm, budget);
    const hash = createHash(digestName);
    for (const part of signedParts) hash.update(part);
    const digest = hash.digest();

    let key: KeyObject;
    try {
      key = new X509Certificate(signer.der).publicKey;
    } catch {
      return { integrity: 'malformed', signer, signingTime };
    }
    const signature = contentOf(der, signatureValue);

    if (!signedAttrs) {
      // No signed attributes: the signature is over the content itself.
      const content = Buffer.concat(signedParts);
      const ok = verifySignature(digestName, signatureOid, key, content, signature);
      return { integrity: ok ? 'valid' : 'bad_signature', signer, signingTime };
    }

    let messageDigest: Buffer | null = null;
    for (const attribute of childrenOf(der, signedAttrs, budget)) {
      const [attrType, values] = childrenOf(der, attribute, budget);
      if (!attrType || !values || attrType.tag !== TAG.OID || values.tag !== TAG.SET) continue;
      const oid = decodeOid(contentOf(der, attrType));
      const [value] = childrenOf(der, values, budget);
      if (!value) continue;
      if (oid === OID.messageDigest && value.tag === TAG.OCTET_STRING) {
        messageDigest = Buffer.from(contentOf(der, value));
      } else if (oid === OID.signingTime) {
        try {
          signingTime = decodeTime(value, der);
        } catch {
          signingTime = null;
        }
      }
    }
    if (!messageDigest) return { integrity: 'malformed', signer, signingTime };
    // What was signed is the SET OF attributes: the same bytes with the SET tag.
    if (!messageDigest.equals(digest)) return { integrity: 'digest_mismatch', signer, signingTime };
    const signedBytes = Buffer.from(bytesOf(der, signedAttrs));
    signedBytes[0] = TAG.SET;
    const signatureOk = verifySignature(digestName, signatureOid, key, signedBytes, signature);
    return { integrity: signatureOk ? 'valid' : 'bad_signature', signer, signingTime };
  } catch (error) {
    if (error instanceof DerError || error instanceof RangeError) {
      return { integrity: 'malformed', signer, signingTime };
    }
    throw error;
  }
}
