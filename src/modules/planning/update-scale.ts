import { and, eq, isNotNull, notInArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import { findScale } from './find-plan.js';
import type { updateScaleBody } from './plan-schemas.js';
import { checkLevels, insertLevels } from './scale-levels.js';
import { indicators, indicatorTargets, ratingScaleLevels, ratingScales } from './schema.js';

/**
 * Renames a scale or replaces its levels. A level still used by a target (yearly, end, baseline)
 * cannot be removed: the target would lose its meaning.
 */
export async function updateScale(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updateScaleBody>,
) {
  assertCan(ctx.actor, 'plans.write');
  const scale = await findScale(ctx, id, true);
  assertVersion(scale, input.version);
  const before = await ctx.tx
    .select()
    .from(ratingScaleLevels)
    .where(and(eq(ratingScaleLevels.tenantId, ctx.tenantId), eq(ratingScaleLevels.scaleId, id)));
  if (input.levels) {
    const levels = checkLevels(input.levels);
    const codes = levels.map((l) => l.code);
    const used = await ctx.tx
      .selectDistinct({ code: sql<string>`coalesce(${indicatorTargets.targetCode}, '')` })
      .from(indicatorTargets)
      .innerJoin(
        indicators,
        and(
          eq(indicators.tenantId, indicatorTargets.tenantId),
          eq(indicators.id, indicatorTargets.indicatorId),
        ),
      )
      .where(
        and(
          eq(indicators.tenantId, ctx.tenantId),
          eq(indicators.scaleId, id),
          isNotNull(indicatorTargets.targetCode),
          notInArray(indicatorTargets.targetCode, codes),
        ),
      );
    const usedEnd = await ctx.tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(
        and(
          eq(indicators.tenantId, ctx.tenantId),
          eq(indicators.scaleId, id),
          or(
            and(isNotNull(indicators.endTargetCode), notInArray(indicators.endTargetCode, codes)),
            and(isNotNull(indicators.baselineCode), notInArray(indicators.baselineCode, codes)),
          ),
        ),
      )
      .limit(1);
    if (used.length > 0 || usedEnd.length > 0) {
      const names = used.map((u) => u.code).join(', ');
      throw new AppError(
        'HAS_DEPENDENTS',
        `Tingkat ${names || 'yang dihapus'} masih dipakai sebagai target indikator. Ubah target tersebut terlebih dahulu.`,
        { field: 'levels', codes: used.map((u) => u.code) },
      );
    }
    // Signed PKs measure with this scale: their stored capaian depends on every code's score.
    const sameScores =
      before.length === levels.length &&
      levels.every((l) =>
        before.some((b) => b.code === l.code && Number(b.score) === Number(l.score)),
      );
    if (!sameScores) {
      const inSignedPk = await queryRows(
        ctx.tx,
        sql`select 1 from agreement_indicators ai
              join agreements a on a.tenant_id = ai.tenant_id and a.id = ai.agreement_id
             where ai.tenant_id = ${ctx.tenantId} and ai.scale_id = ${id}
               and a.status in ('signed', 'published', 'superseded')
             limit 1`,
      );
      if (inSignedPk.length > 0) {
        throw new AppError(
          'HAS_DEPENDENTS',
          'Skala ini dipakai indikator PK yang sudah ditandatangani, sehingga kode dan skornya tidak dapat diubah (capaian yang sudah dihitung bergantung padanya). Ubah label saja, atau buat skala baru untuk tahun berikutnya.',
          { field: 'levels' },
        );
      }
    }
    await ctx.tx
      .delete(ratingScaleLevels)
      .where(and(eq(ratingScaleLevels.tenantId, ctx.tenantId), eq(ratingScaleLevels.scaleId, id)));
    await insertLevels(ctx.tx, ctx.tenantId, id, levels);
  }
  await ctx.tx
    .update(ratingScales)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      version: sql`${ratingScales.version} + 1`,
    })
    .where(and(eq(ratingScales.tenantId, ctx.tenantId), eq(ratingScales.id, id)));
  await ctx.audit({
    action: 'scale.update',
    entityType: 'rating_scale',
    entityId: id,
    data: {
      before: {
        name: scale.name,
        levels: before.map((l) => ({ code: l.code, label: l.label, score: l.score })),
      },
      after: { name: input.name, levels: input.levels },
    },
  });
}
