import type { SigningCertificateRow } from './enrol-signer.js';
import type { CertificateView } from './pki-schemas.js';
import { certificateReadiness } from './unlock-signing-key.js';

/** A certificate as the API shows it: never the key, never the KDF parameters. */
export function viewCertificate(
  row: SigningCertificateRow,
  now: Date = new Date(),
): CertificateView {
  const locked = row.lockedUntil !== null && row.lockedUntil > now;
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    serial: row.serial,
    subjectName: row.subjectName,
    nip: row.nip,
    jabatan: row.jabatan,
    notBefore: row.notBefore?.toISOString() ?? null,
    notAfter: row.notAfter?.toISOString() ?? null,
    locked,
    lockedUntil: locked ? (row.lockedUntil?.toISOString() ?? null) : null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    readiness: certificateReadiness(row, now),
    caId: row.caId,
    createdAt: row.createdAt.toISOString(),
  };
}
