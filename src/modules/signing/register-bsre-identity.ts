import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { readSettings } from '../agreements/agreement-common.js';
import { signingCertificates } from '../pki/schema.js';
import { linkedEmployeeId, signerIdentity } from '../pki/signer-identity.js';

export const maskNik = (nik: string): string => `${nik.slice(0, 6)}******${nik.slice(-4)}`;

/**
 * Enrolment for a Pemda that signs through BSrE: the official registers the NIK that BSrE
 * knows them by (their certificate lives at BSrE, issued after BSrE's own identity check).
 * Amanah keeps no key, only the identity row that signatures and the pre-flight point at. The
 * NIK is personal data: the audit trail keeps it masked.
 */
export async function registerBsreIdentity(ctx: TenantContext, nik: string) {
  assertCan(ctx.actor, 'signing.self');
  const settings = await readSettings(ctx);
  if (settings.signing.provider !== 'bsre') {
    throw new AppError(
      'CONFLICT',
      'Pemda ini menandatangani dengan sertifikat dari CA Pemda sendiri, bukan BSrE. Buat sertifikat dengan passphrase di halaman ini.',
    );
  }
  const employeeId = await linkedEmployeeId(ctx.tx, ctx.tenantId, ctx.actor.userId);
  const [active] = await ctx.tx
    .select({ id: signingCertificates.id, provider: signingCertificates.provider })
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
      active.provider === 'bsre'
        ? 'NIK Anda sudah terdaftar untuk tanda tangan BSrE. Bila NIK salah, minta admin mencabut pendaftaran ini lalu daftar ulang.'
        : 'Anda masih memiliki sertifikat CA Pemda yang aktif. Minta admin mencabutnya sebelum beralih ke BSrE.',
      { certificateId: active.id },
    );
  }
  const identity = await signerIdentity(ctx.tx, ctx.tenantId, employeeId, ctx.actor.timeZone);
  const [row] = await ctx.tx
    .insert(signingCertificates)
    .values({
      tenantId: ctx.tenantId,
      employeeId,
      userId: ctx.actor.userId,
      provider: 'bsre',
      subjectName: identity.fullName,
      nip: identity.nip,
      jabatan: identity.jabatan,
      nik,
    })
    .returning();
  if (!row) throw new Error('BSrE identity not written');
  await ctx.audit({
    action: 'certificate.enrol',
    entityType: 'signing_certificate',
    entityId: row.id,
    data: { provider: 'bsre', employeeId, nik: maskNik(nik), subject: row.subjectName },
  });
  return {
    id: row.id,
    provider: 'bsre' as const,
    nikMasked: maskNik(nik),
    subjectName: row.subjectName,
    nip: row.nip,
    jabatan: row.jabatan,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}
