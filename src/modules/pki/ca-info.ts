import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { forbidden } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import type { caSchema } from './pki-schemas.js';
import { tenantCas } from './schema.js';
import { activeTenantCa, type TenantCaRow } from './tenant-ca.js';
import { pemToDer, sha256Hex } from './x509.js';

export const caLinks = (caId: string) => ({
  certificate: `/api/public/pki/${caId}/ca.crt`,
  pem: `/api/public/pki/${caId}/ca.pem`,
  crl: `/api/public/pki/${caId}/crl`,
});

export function viewCa(row: TenantCaRow): z.infer<typeof caSchema> {
  const hex = sha256Hex(pemToDer(row.certificatePem)).toUpperCase();
  return {
    id: row.id,
    subject: row.subject,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    fingerprintSha256: hex.match(/../g)?.join(':') ?? hex,
    links: caLinks(row.id),
  };
}

/**
 * This Pemda's CA, for the "Unduh sertifikat CA Pemda" link (a PDF reader trusts it to show the
 * signatures as valid). Null until the first enrolment makes it. Public information, so every
 * signed-in person of the tenant may read it.
 */
export async function getTenantCa(ctx: TenantContext): Promise<z.infer<typeof caSchema> | null> {
  if (!can(ctx.actor, 'signing.self') && !can(ctx.actor, 'tenant.read')) throw forbidden();
  const row = await activeTenantCa(ctx.tx, ctx.tenantId);
  return row ? viewCa(row) : null;
}

/**
 * A CA by id for the public CA and CRL endpoints, which have no tenant. Reads one row as the
 * owner (no row-level security): the id is the only key, and what it returns is published
 * anyway; retired CAs stay reachable so old signatures can still be checked.
 */
export async function unsafeFindCaById(
  database: Database,
  caId: string,
): Promise<TenantCaRow | null> {
  const [row] = await database.withSystem((tx) =>
    tx.select().from(tenantCas).where(eq(tenantCas.id, caId)),
  );
  return row ?? null;
}
