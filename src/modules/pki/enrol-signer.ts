import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertStrongPassphrase, issueCertificate, type PkiServices } from './issue-certificate.js';
import { signingCertificates } from './schema.js';
import { linkedEmployeeId, signerIdentity } from './signer-identity.js';

export type SigningCertificateRow = typeof signingCertificates.$inferSelect;

/**
 * An official enrols: chooses a signing passphrase, and the server makes their key pair and a
 * certificate from the Pemda's CA in their name, NIP and jabatan. The passphrase only encrypts
 * the key; it is not stored, logged or audited. The confirmation field is checked by the route.
 */
export async function enrolSigner(
  ctx: TenantContext,
  services: PkiServices,
  input: { passphrase: string },
): Promise<SigningCertificateRow> {
  assertCan(ctx.actor, 'signing.self');
  const employeeId = await linkedEmployeeId(ctx.tx, ctx.tenantId, ctx.actor.userId);
  const [active] = await ctx.tx
    .select({ id: signingCertificates.id })
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, ctx.tenantId),
        eq(signingCertificates.employeeId, employeeId),
        eq(signingCertificates.status, 'active'),
      ),
    );
  if (active) {
    throw new AppError(
      'ALREADY_ENROLLED',
      'Anda sudah memiliki sertifikat tanda tangan yang aktif. Bila lupa passphrase atau jabatan berubah, terbitkan ulang sertifikat.',
      { certificateId: active.id },
    );
  }
  const identity = await signerIdentity(ctx.tx, ctx.tenantId, employeeId, ctx.actor.timeZone);
  assertStrongPassphrase(input.passphrase, identity, ctx.actor.username);
  const row = await issueCertificate(ctx, services, identity, input.passphrase);
  await ctx.audit({
    action: 'certificate.enrol',
    entityType: 'signing_certificate',
    entityId: row.id,
    data: {
      serial: row.serial,
      employeeId,
      subject: row.subjectName,
      jabatan: row.jabatan,
      notAfter: row.notAfter?.toISOString() ?? null,
    },
  });
  return row;
}
