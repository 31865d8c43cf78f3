import { and, asc, eq, ilike, isNull } from 'drizzle-orm';
import { containsPattern } from '../../../db/like.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, positionPermissions } from '../../access/policy.js';
import { holdersOn } from '../holders.js';
import { positions, units } from '../schema.js';

/** Positions by unit, by title search, or the Pemda leaders (`leaders: true`). */
export async function listPositions(
  ctx: TenantContext,
  filter: {
    unitId?: string | undefined;
    q?: string | undefined;
    leaders?: boolean | undefined;
    date: string;
  },
) {
  assertCan(ctx.actor, 'org.read');
  const rows = await ctx.tx
    .select({ p: positions, unitPath: units.path, unitName: units.name })
    .from(positions)
    .leftJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .where(
      and(
        eq(positions.tenantId, ctx.tenantId),
        isNull(positions.archivedAt),
        filter.unitId ? eq(positions.unitId, filter.unitId) : undefined,
        filter.leaders ? isNull(positions.unitId) : undefined,
        filter.q ? ilike(positions.title, containsPattern(filter.q)) : undefined,
      ),
    )
    .orderBy(asc(positions.title))
    .limit(100);
  const holders = await holdersOn(
    ctx.tx,
    ctx.tenantId,
    rows.map((r) => r.p.id),
    filter.date,
  );
  return rows.map(({ p, unitPath, unitName }) => ({
    id: p.id,
    unitId: p.unitId,
    unitName,
    title: p.title,
    kind: p.kind,
    headsUnit: p.headsUnit,
    superiorPositionId: p.superiorPositionId,
    archived: false,
    version: p.version,
    holder: holders.get(p.id) ?? null,
    permissions: positionPermissions(ctx.actor, { unitPath, archived: false }),
  }));
}
