import { and, eq } from 'drizzle-orm';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { users } from '../auth/schema.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings } from '../tenants/settings.js';
import { viewCertificate } from './certificate-view.js';
import type { SigningCertificateRow } from './enrol-signer.js';
import type { MyCertificateView } from './pki-schemas.js';
import { signingCertificates } from './schema.js';
import { signerIdentity } from './signer-identity.js';
import { findActiveCertificate } from './unlock-signing-key.js';

/** The signed-in official's certificate row (active, else the last revoked), or null. */
export async function myCertificateRow(
  ctx: TenantContext,
  employeeId: string,
): Promise<SigningCertificateRow | null> {
  const current = await findActiveCertificate(ctx.tx, ctx.tenantId, employeeId);
  if (!current) return null;
  const [row] = await ctx.tx
    .select()
    .from(signingCertificates)
    .where(
      and(eq(signingCertificates.tenantId, ctx.tenantId), eq(signingCertificates.id, current.id)),
    );
  return row ?? null;
}

/** What the "Sertifikat tanda tangan" page needs in one request. */
export async function getMyCertificate(ctx: TenantContext): Promise<MyCertificateView> {
  assertCan(ctx.actor, 'signing.self');
  const [user] = await ctx.tx
    .select({ employeeId: users.employeeId, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, ctx.actor.userId)));
  const [tenant] = await ctx.tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  if (!user || !tenant) throw notFound('Akun');
  const settings = readTenantSettings(tenant.settings);
  const identity = user.employeeId
    ? await signerIdentity(ctx.tx, ctx.tenantId, user.employeeId, ctx.actor.timeZone)
    : null;
  const row = user.employeeId ? await myCertificateRow(ctx, user.employeeId) : null;
  return {
    certificate: row ? viewCertificate(row) : null,
    employeeLinked: user.employeeId !== null,
    identity: identity
      ? {
          employeeId: identity.employeeId,
          fullName: identity.fullName,
          nip: identity.nip,
          jabatan: identity.jabatan,
        }
      : null,
    jabatanChanged:
      row !== null &&
      row.status === 'active' &&
      identity !== null &&
      row.jabatan !== identity.jabatan,
    tenantRequiresTotp: settings.signing.requireTotp,
    totpEnabled: user.totpEnabledAt !== null,
    provider: settings.signing.provider,
  };
}
