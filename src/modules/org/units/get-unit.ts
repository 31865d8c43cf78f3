import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan, positionPermissions, unitPermissions } from '../../access/policy.js';
import { holdersOn } from '../holders.js';
import { positions, units } from '../schema.js';
import { findUnit } from './find-unit.js';
import { summarizeUnits } from './unit-views.js';

/** One unit with its breadcrumb, direct children, positions and their holders on `date`. */
export async function getUnit(ctx: TenantContext, id: string, date: string) {
  assertCan(ctx.actor, 'org.read');
  const unit = await findUnit(ctx, id);
  const ancestorIds = unit.path.slice(0, -1);
  const [ancestors, childRows, positionRows] = await Promise.all([
    ancestorIds.length
      ? ctx.tx
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.tenantId, ctx.tenantId), inArray(units.id, ancestorIds)))
      : Promise.resolve([]),
    ctx.tx
      .select()
      .from(units)
      .where(
        and(eq(units.tenantId, ctx.tenantId), eq(units.parentId, id), isNull(units.archivedAt)),
      )
      .orderBy(asc(units.sortOrder), asc(units.code), asc(units.name)),
    ctx.tx
      .select()
      .from(positions)
      .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.unitId, id)))
      .orderBy(asc(positions.archivedAt), asc(positions.title)),
  ]);
  positionRows.sort((a, b) => Number(b.headsUnit) - Number(a.headsUnit));
  const [summary] = await summarizeUnits(ctx, [unit], date);
  const children = await summarizeUnits(ctx, childRows, date);
  const holders = await holdersOn(
    ctx.tx,
    ctx.tenantId,
    positionRows.map((p) => p.id),
    date,
  );
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return {
    ...summary!,
    path: unit.path,
    version: unit.version,
    ancestors: ancestorIds.flatMap((a) => (byId.has(a) ? [byId.get(a)!] : [])),
    children,
    positions: positionRows.map((p) => ({
      id: p.id,
      unitId: p.unitId,
      unitName: unit.name,
      title: p.title,
      kind: p.kind,
      headsUnit: p.headsUnit,
      superiorPositionId: p.superiorPositionId,
      archived: p.archivedAt !== null,
      version: p.version,
      holder: holders.get(p.id) ?? null,
      permissions: positionPermissions(ctx.actor, {
        unitPath: unit.path,
        archived: p.archivedAt !== null,
      }),
    })),
    permissions: unitPermissions(ctx.actor, {
      path: unit.path,
      archived: unit.archivedAt !== null,
    }),
  };
}
