import { and, eq } from 'drizzle-orm';
import type { RevocationReason } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { users } from '../auth/schema.js';
import type { SigningCertificateRow } from './enrol-signer.js';
import { endCertificate } from './revocation.js';
import { signingCertificates } from './schema.js';

/**
 * Revokes a certificate: the admin Pemda (certificates.manage) for anyone, or the official for
 * their own (a lost device, a suspected leak of the passphrase). It is listed on the next CRL;
 * documents it signed keep their signature but verification shows the revocation.
 */
export async function revokeCertificate(
  ctx: TenantContext,
  input: { certificateId: string; reason: RevocationReason },
  now: Date = new Date(),
): Promise<SigningCertificateRow> {
  const [cert] = await ctx.tx
    .select()
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, ctx.tenantId),
        eq(signingCertificates.id, input.certificateId),
      ),
    )
    .for('update');
  if (!cert) throw notFound('Sertifikat');
  if (!can(ctx.actor, 'certificates.manage')) {
    assertCan(ctx.actor, 'signing.self');
    const [me] = await ctx.tx
      .select({ employeeId: users.employeeId })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, ctx.actor.userId)));
    // Someone else's certificate is answered like a missing one: its existence is not theirs to know.
    if (!me?.employeeId || me.employeeId !== cert.employeeId) throw notFound('Sertifikat');
  }
  if (cert.status !== 'active') {
    throw new AppError(
      'CERTIFICATE_REVOKED',
      cert.status === 'replaced'
        ? 'Sertifikat ini sudah diganti dengan sertifikat baru.'
        : 'Sertifikat ini sudah dicabut.',
    );
  }
  await endCertificate(ctx.tx, cert, {
    status: 'revoked',
    reason: input.reason,
    by: ctx.actor.userId,
    at: now,
  });
  await ctx.audit({
    action: 'certificate.revoke',
    entityType: 'signing_certificate',
    entityId: cert.id,
    data: {
      serial: cert.serial,
      employeeId: cert.employeeId,
      reason: input.reason,
      own: !can(ctx.actor, 'certificates.manage'),
    },
  });
  const [after] = await ctx.tx
    .select()
    .from(signingCertificates)
    .where(
      and(eq(signingCertificates.tenantId, ctx.tenantId), eq(signingCertificates.id, cert.id)),
    );
  return after!;
}
