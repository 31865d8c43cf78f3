import { sign } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import forge from 'node-forge';
import type { Tx } from '../../db/client.js';
import type { RevocationReason } from '../../shared/codes.js';
import type { SecretBox } from '../auth/secret-box.js';
import { signingCertificates, type tenantCas } from './schema.js';
import { type OpenedCa, openCa } from './tenant-ca.js';
import { keyIdentifier } from './x509.js';

/**
 * The CA's certificate revocation list: an X.509 v2 CRL (RFC 5280 section 5) in DER. forge has
 * no CRL builder, so the structure is laid out here with forge.asn1 and signed with Node crypto.
 */
export const CRL_VALIDITY_DAYS = 7;

/** RFC 5280 CRLReason codes. A forgotten passphrase retires the key: "superseded". */
export const crlReasonCodes: Record<RevocationReason, number> = {
  key_compromise: 1,
  affiliation_changed: 3,
  superseded: 4,
  passphrase_forgotten: 4,
  cessation_of_operation: 5,
};

export interface RevokedEntry {
  serial: string;
  revokedAt: Date;
  reason: RevocationReason | null;
}

const { asn1 } = forge;
const seq = (value: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const oid = (id: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const integerBytes = (bytes: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
const integer = (n: number) => integerBytes(asn1.integerToDer(n).getBytes());
const octets = (der: forge.asn1.Asn1) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(der).getBytes());

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date) {
  return date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.GENERALIZEDTIME,
        false,
        asn1.dateToGeneralizedTime(date),
      );
}

const extension = (id: string, value: forge.asn1.Asn1) => seq([oid(id), octets(value)]);

/** A DER serial INTEGER: our serials are positive; a leading zero keeps any other one so. */
function serialInteger(hex: string) {
  const padded = hex.length % 2 ? `0${hex}` : hex;
  const bytes = forge.util.hexToBytes(padded);
  return integerBytes(bytes.charCodeAt(0) & 0x80 ? `\x00${bytes}` : bytes);
}

export function buildCrl(
  ca: Pick<OpenedCa, 'certificate' | 'privateKey'>,
  entries: readonly RevokedEntry[],
  crlNumber: number,
  now: Date = new Date(),
): Buffer {
  const algorithm = seq([
    oid(forge.pki.oids.sha256WithRSAEncryption as string),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  ]);
  const nextUpdate = new Date(now.getTime() + CRL_VALIDITY_DAYS * 86_400_000);
  const tbs: forge.asn1.Asn1[] = [
    integer(1), // v2
    algorithm,
    forge.pki.distinguishedNameToAsn1(ca.certificate.subject),
    time(now),
    time(nextUpdate),
  ];
  if (entries.length > 0) {
    tbs.push(
      seq(
        entries.map((e) => {
          const entry = [serialInteger(e.serial), time(e.revokedAt)];
          if (e.reason) {
            const reason = asn1.create(
              asn1.Class.UNIVERSAL,
              asn1.Type.ENUMERATED,
              false,
              asn1.integerToDer(crlReasonCodes[e.reason]).getBytes(),
            );
            entry.push(seq([extension('2.5.29.21', reason)]));
          }
          return seq(entry);
        }),
      ),
    );
  }
  const authorityKeyId = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, keyIdentifier(ca.certificate)),
  ]);
  tbs.push(
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      seq([extension('2.5.29.20', integer(crlNumber)), extension('2.5.29.35', authorityKeyId)]),
    ]),
  );
  const tbsCertList = seq(tbs);
  const tbsDer = Buffer.from(asn1.toDer(tbsCertList).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, ca.privateKey);
  const crl = seq([
    tbsCertList,
    algorithm,
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.BITSTRING,
      false,
      `\x00${signature.toString('binary')}`,
    ),
  ]);
  return Buffer.from(asn1.toDer(crl).getBytes(), 'binary');
}

/** The revoked and replaced certificates of one CA, oldest revocation first. */
export async function revokedEntries(
  tx: Tx,
  tenantId: string,
  caId: string,
): Promise<RevokedEntry[]> {
  const rows = await tx
    .select({
      serial: signingCertificates.serial,
      revokedAt: signingCertificates.revokedAt,
      reason: signingCertificates.revocationReason,
    })
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, tenantId),
        eq(signingCertificates.caId, caId),
        inArray(signingCertificates.status, ['revoked', 'replaced']),
      ),
    )
    .orderBy(asc(signingCertificates.revokedAt), asc(signingCertificates.serial));
  return rows.flatMap((r) =>
    r.serial && r.revokedAt ? [{ serial: r.serial, revokedAt: r.revokedAt, reason: r.reason }] : [],
  );
}

/**
 * CRLs are made on demand and kept per process for an hour per CRL number: a revocation bumps
 * the number, so a changed list is never served from memory, and a public endpoint hit often
 * does not sign with the CA key on every request.
 */
const CACHE_MS = 60 * 60_000;
const cache = new Map<string, { crlNumber: number; madeAt: number; der: Buffer }>();

export async function currentCrl(
  tx: Tx,
  ca: typeof tenantCas.$inferSelect,
  secretBox: SecretBox,
  now: Date = new Date(),
): Promise<Buffer> {
  const hit = cache.get(ca.id);
  if (hit && hit.crlNumber === ca.crlNumber && now.getTime() - hit.madeAt < CACHE_MS) {
    return hit.der;
  }
  const entries = await revokedEntries(tx, ca.tenantId, ca.id);
  const der = buildCrl(openCa(ca, secretBox), entries, ca.crlNumber, now);
  cache.set(ca.id, { crlNumber: ca.crlNumber, madeAt: now.getTime(), der });
  return der;
}
