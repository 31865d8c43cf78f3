import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { AppError } from '../../shared/errors.js';
import { type AuditActor, recordAudit } from '../audit/record-audit.js';
import type { SecretBox } from '../auth/secret-box.js';
import { createTenantCa } from '../pki/tenant-ca.js';
import { insertDefaultScales } from '../planning/default-scales.js';
import { tenants } from './schema.js';
import { tenantSettingsSchema } from './settings.js';
import type { createTenantBody } from './tenant-schemas.js';

/**
 * Creates a Pemda. Runs in a system transaction (the tenant does not exist yet for row-level security);
 * its first audit event opens the tenant's own chain. Given the server's SecretBox it also makes
 * the Pemda's signing CA (decision 0011); without one (test factories, the demo seed, whose
 * snapshot is built with another server key) the CA is made at the first enrolment.
 */
export async function createTenant(
  tx: Tx,
  actor: AuditActor | null,
  input: z.infer<typeof createTenantBody>,
  ip: string | null = null,
  options: { secretBox?: SecretBox } = {},
): Promise<string> {
  // Kemendagri codes: a province has two digits ("71"), a kabupaten/kota four ("71.74").
  const provinceCode = /^[0-9]{2}$/.test(input.regionCode);
  if (provinceCode !== (input.type === 'provinsi')) {
    throw new AppError(
      'VALIDATION_FAILED',
      input.type === 'provinsi'
        ? 'Kode wilayah provinsi terdiri dari 2 angka, misalnya "71".'
        : 'Kode wilayah kabupaten/kota berbentuk "71.74" (kode provinsi, titik, 2 angka).',
      { field: 'regionCode' },
    );
  }
  const id = newId();
  const settings = tenantSettingsSchema.parse(input.settings ?? {});
  await tx.insert(tenants).values({ ...input, id, settings });
  // Qualitative targets (BPK opinion, SAKIP predikat) need their scales from day one.
  await insertDefaultScales(tx, id);
  await recordAudit(tx, {
    tenantId: id,
    actor,
    action: 'tenant.create',
    entityType: 'tenant',
    entityId: id,
    data: { name: input.name, regionCode: input.regionCode, type: input.type },
    ip,
  });
  if (options.secretBox) await createTenantCa(tx, id, options.secretBox, { actor, ip });
  return id;
}
