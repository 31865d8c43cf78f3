import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rulesFromSettings } from '../../shared/capaian/index.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { recomputeCapaian } from '../monitoring/recompute-capaian.js';
import { assertVersion } from '../org/units/find-unit.js';
import { tenants } from './schema.js';
import { mergeTenantSettings, readTenantSettings } from './settings.js';
import type { updateTenantBody } from './tenant-schemas.js';

/** The admin Pemda edits their own Pemda: names, time zone, logo, settings. */
export async function updateOwnTenant(ctx: TenantContext, input: z.infer<typeof updateTenantBody>) {
  assertCan(ctx.actor, 'tenant.manage');
  const [tenant] = await ctx.tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId));
  if (!tenant) throw new AppError('NOT_FOUND', 'Pemda tidak ditemukan.');
  assertVersion(tenant, input.version);
  const { version, settings, ...fields } = input;
  const changes = {
    ...fields,
    ...(settings ? { settings: mergeTenantSettings(tenant.settings, settings) } : {}),
  };
  await ctx.tx
    .update(tenants)
    .set({ ...changes, version: sql`${tenants.version} + 1` })
    .where(eq(tenants.id, ctx.tenantId));
  // The capaian columns follow the tenant's rules (cap, bands, zero cases): recompute them with
  // the engine in this transaction when those rules change.
  if (changes.settings) {
    const before = rulesFromSettings(readTenantSettings(tenant.settings).monitoring);
    const after = rulesFromSettings(changes.settings.monitoring);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recomputeCapaian(ctx.tx, ctx.tenantId, { rules: after });
    }
  }
  await ctx.audit({
    action: 'tenant.update',
    entityType: 'tenant',
    entityId: ctx.tenantId,
    data: { changed: Object.keys(changes), settings: changes.settings },
  });
}
