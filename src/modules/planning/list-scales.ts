import { asc, eq } from 'drizzle-orm';
import { normalizeDecimal } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { ratingScaleLevels, ratingScales } from './schema.js';

/** The tenant's ordinal scales with their levels (highest score first). Two queries. */
export async function listScales(ctx: TenantContext) {
  assertCan(ctx.actor, 'plans.read');
  const scales = await ctx.tx
    .select()
    .from(ratingScales)
    .where(eq(ratingScales.tenantId, ctx.tenantId))
    .orderBy(asc(ratingScales.name));
  const levels = await ctx.tx
    .select()
    .from(ratingScaleLevels)
    .where(eq(ratingScaleLevels.tenantId, ctx.tenantId))
    .orderBy(asc(ratingScaleLevels.sortOrder));
  const write = can(ctx.actor, 'plans.write');
  return scales.map((s) => ({
    id: s.id,
    key: s.key,
    name: s.name,
    version: s.version,
    levels: levels
      .filter((l) => l.scaleId === s.id)
      .map((l) => ({ code: l.code, label: l.label, score: normalizeDecimal(l.score) })),
    permissions: { update: write },
  }));
}

export async function getScale(ctx: TenantContext, id: string) {
  const scale = (await listScales(ctx)).find((s) => s.id === id);
  if (!scale) throw new Error(`scale ${id} vanished inside its transaction`);
  return scale;
}
