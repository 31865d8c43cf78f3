import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import type { CertificateStatus, SigningProviderId } from '../../shared/codes.js';
import type { PdfSignature } from './pdf-signatures.js';
import type { CertificateStatusView } from './verification-schemas.js';

/** A signing certificate as stored (signing_certificates), the columns verification reads. */
export interface CertificateRecord {
  serial: string | null;
  status: CertificateStatus;
  revokedAt: Date | null;
  notBefore: Date | null;
  notAfter: Date | null;
  provider: SigningProviderId;
  caId: string | null;
}

/** The public address of a CA certificate (pki routes), relative to the site. */
export const caCertificatePath = (caId: string): string => `/api/public/pki/${caId}/ca.crt`;

export const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

export const toIso = (value: Date | string | null): string | null =>
  toDate(value)?.toISOString() ?? null;

/**
 * The status shown beside a signature: revoked and replaced certificates are both "dicabut"
 * (both are on the CRL); an active one past its end date is expired. `validAtSigning` is
 * judged at the signing time: a signature made before a later revocation stays what it was.
 */
export function certificateStatus(
  record: CertificateRecord,
  signedAt: Date | null,
  now = new Date(),
): CertificateStatusView {
  const status =
    record.status !== 'active'
      ? 'revoked'
      : record.notAfter && record.notAfter < now
        ? 'expired'
        : 'valid';
  let validAtSigning: boolean | null = null;
  if (signedAt) {
    validAtSigning =
      (!record.notBefore || record.notBefore <= signedAt) &&
      (!record.notAfter || signedAt <= record.notAfter) &&
      (!record.revokedAt || signedAt < record.revokedAt);
  }
  return {
    serial: record.serial,
    status,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    notAfter: record.notAfter?.toISOString() ?? null,
    validAtSigning,
    provider: record.provider,
    caCertificateUrl:
      record.provider === 'builtin' && record.caId ? caCertificatePath(record.caId) : null,
  };
}

export const unknownCertificate = (serial: string | null): CertificateStatusView => ({
  serial,
  status: 'unknown',
  revokedAt: null,
  notAfter: null,
  validAtSigning: null,
  provider: null,
  caCertificateUrl: null,
});

/** PEM → the DER it encodes, exactly (no re-encoding). */
function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

interface StoredCertificateRow {
  serial: string;
  certificate_pem: string | null;
  status: CertificateStatus;
  revoked_at: Date | string | null;
  not_before: Date | string | null;
  not_after: Date | string | null;
  provider: SigningProviderId;
  ca_id: string | null;
}

/**
 * The status of each signature's certificate from our records. A serial is only half the
 * story: anyone can make a certificate with a serial we issued, so a certificate counts as
 * ours only when its bytes equal the stored certificate. The lookup crosses tenants (a PDF does
 * not say which Pemda it is from) and is the narrow one decision 0003 allows: by serial, which
 * is unique across tenants.
 */
export async function certificateStatuses(
  database: Database,
  signatures: readonly PdfSignature[],
): Promise<CertificateStatusView[]> {
  const serials = [
    ...new Set(signatures.flatMap((s) => (s.serial ? [s.serial, s.serial.toUpperCase()] : []))),
  ];
  const rows =
    serials.length === 0
      ? []
      : await database.withSystem((tx) =>
          queryRows<StoredCertificateRow>(
            tx,
            sql`select serial, certificate_pem, status, revoked_at, not_before, not_after, provider, ca_id
                from signing_certificates
                where serial in (${sql.join(
                  serials.map((s) => sql`${s}`),
                  sql`, `,
                )})`,
          ),
        );
  return signatures.map((signature) => {
    const der = signature.certificate?.der;
    const row = rows.find(
      (r) =>
        r.serial.toLowerCase() === signature.serial &&
        r.certificate_pem !== null &&
        der !== undefined &&
        pemBody(r.certificate_pem).equals(der),
    );
    if (!row) return unknownCertificate(signature.serial);
    return certificateStatus(
      {
        serial: row.serial,
        status: row.status,
        revokedAt: toDate(row.revoked_at),
        notBefore: toDate(row.not_before),
        notAfter: toDate(row.not_after),
        provider: row.provider,
        caId: row.ca_id,
      },
      signature.signingTime,
    );
  });
}
