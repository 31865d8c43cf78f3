import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { SigningCertificateRow } from './enrol-signer.js';
import { assertStrongPassphrase, issueCertificate, type PkiServices } from './issue-certificate.js';
import type { ReissueReason } from './pki-schemas.js';
import { endCertificate } from './revocation.js';
import { signingCertificates } from './schema.js';
import { linkedEmployeeId, signerIdentity } from './signer-identity.js';
import { ENROL_WHERE } from './unlock-signing-key.js';

export { reissueReasons } from './pki-schemas.js';
export type { ReissueReason };

/**
 * A new certificate in place of the active one: a forgotten passphrase (there is no reset: the
 * key it protected is gone with it), a changed jabatan, or an expired certificate. The old one
 * becomes "replaced" (listed on the CRL) and the new one is issued in the same transaction.
 *
 * The caller confirms the account password first (confirmOwnPassword, in its own committed
 * transaction so a wrong password counts): the old passphrase may be exactly what is lost.
 */
export async function reissueCertificate(
  ctx: TenantContext,
  services: PkiServices,
  input: { passphrase: string; reason: ReissueReason },
  now: Date = new Date(),
): Promise<{ previous: SigningCertificateRow; current: SigningCertificateRow }> {
  assertCan(ctx.actor, 'signing.self');
  const employeeId = await linkedEmployeeId(ctx.tx, ctx.tenantId, ctx.actor.userId);
  const [previous] = await ctx.tx
    .select()
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, ctx.tenantId),
        eq(signingCertificates.employeeId, employeeId),
        eq(signingCertificates.status, 'active'),
      ),
    )
    .for('update');
  if (!previous) {
    throw new AppError(
      'NOT_ENROLLED',
      `Tidak ada sertifikat aktif untuk diterbitkan ulang. Daftar sertifikat baru di menu ${ENROL_WHERE}.`,
    );
  }
  const identity = await signerIdentity(ctx.tx, ctx.tenantId, employeeId, ctx.actor.timeZone);
  assertStrongPassphrase(input.passphrase, identity, ctx.actor.username);
  await endCertificate(ctx.tx, previous, {
    status: 'replaced',
    reason: input.reason,
    by: ctx.actor.userId,
    at: now,
  });
  const current = await issueCertificate(ctx, services, identity, input.passphrase, now);
  await ctx.audit({
    action: 'certificate.reissue',
    entityType: 'signing_certificate',
    entityId: current.id,
    data: {
      serial: current.serial,
      previousId: previous.id,
      previousSerial: previous.serial,
      reason: input.reason,
      employeeId,
      subject: current.subjectName,
      jabatan: current.jabatan,
      notAfter: current.notAfter?.toISOString() ?? null,
    },
  });
  return { previous, current };
}
