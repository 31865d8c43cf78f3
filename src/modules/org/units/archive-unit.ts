import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { positions, units } from '../schema.js';
import { assertVersion, findUnit } from './find-unit.js';

/**
 * Archives a unit. Nothing is deleted (later years' documents refer to it); a unit with active
 * sub-units or positions must be emptied first, so no orphan stays active.
 */
export async function archiveUnit(ctx: TenantContext, id: string, expectedVersion: number) {
  const unit = await findUnit(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: unit.path });
  assertVersion(unit, expectedVersion);
  if (unit.archivedAt) return;
  const [children] = await ctx.tx
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.parentId, id), isNull(units.archivedAt)));
  const [activePositions] = await ctx.tx
    .select({ n: count() })
    .from(positions)
    .where(
      and(
        eq(positions.tenantId, ctx.tenantId),
        eq(positions.unitId, id),
        isNull(positions.archivedAt),
      ),
    );
  if ((children?.n ?? 0) > 0 || (activePositions?.n ?? 0) > 0) {
    throw new AppError(
      'HAS_DEPENDENTS',
      `Unit "${unit.name}" masih memiliki ${children?.n ?? 0} sub-unit dan ${activePositions?.n ?? 0} jabatan aktif. Pindahkan atau arsipkan terlebih dahulu.`,
      { childUnits: children?.n ?? 0, positions: activePositions?.n ?? 0 },
    );
  }
  await ctx.tx
    .update(units)
    .set({ archivedAt: new Date(), version: sql`${units.version} + 1` })
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  await ctx.audit({
    action: 'unit.archive',
    entityType: 'unit',
    entityId: id,
    data: { name: unit.name },
  });
}

export async function restoreUnit(ctx: TenantContext, id: string, expectedVersion: number) {
  const unit = await findUnit(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: unit.path });
  assertVersion(unit, expectedVersion);
  if (!unit.archivedAt) return;
  if (unit.parentId) {
    const [parent] = await ctx.tx
      .select({ archivedAt: units.archivedAt, name: units.name })
      .from(units)
      .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unit.parentId)));
    if (parent?.archivedAt) {
      throw new AppError(
        'ARCHIVED',
        `Unit induk "${parent.name}" masih diarsipkan. Pulihkan induknya dahulu.`,
      );
    }
  }
  await ctx.tx
    .update(units)
    .set({ archivedAt: null, version: sql`${units.version} + 1` })
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  await ctx.audit({
    action: 'unit.restore',
    entityType: 'unit',
    entityId: id,
    data: { name: unit.name },
  });
}
