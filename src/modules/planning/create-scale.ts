import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import type { createScaleBody } from './plan-schemas.js';
import { checkLevels, insertLevels } from './scale-levels.js';
import { ratingScales } from './schema.js';

/** Adds an ordinal scale (e.g. an index category) for qualitative targets. */
export async function createScale(ctx: TenantContext, input: z.infer<typeof createScaleBody>) {
  assertCan(ctx.actor, 'plans.write');
  const levels = checkLevels(input.levels);
  const [same] = await ctx.tx
    .select({ id: ratingScales.id })
    .from(ratingScales)
    .where(and(eq(ratingScales.tenantId, ctx.tenantId), eq(ratingScales.key, input.key)));
  if (same) {
    throw new AppError('DUPLICATE', `Kunci skala "${input.key}" sudah dipakai.`, {
      field: 'key',
    });
  }
  const id = newId();
  await ctx.tx
    .insert(ratingScales)
    .values({ tenantId: ctx.tenantId, id, key: input.key, name: input.name });
  await insertLevels(ctx.tx, ctx.tenantId, id, levels);
  await ctx.audit({
    action: 'scale.create',
    entityType: 'rating_scale',
    entityId: id,
    data: { key: input.key, name: input.name, levels },
  });
  return id;
}
