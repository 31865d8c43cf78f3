import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { type HolderInfo, holdersOn } from '../holders.js';
import { positions, type units } from '../schema.js';

type UnitRow = typeof units.$inferSelect;

export interface UnitSummary {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  type: UnitRow['type'];
  level: UnitRow['level'];
  code: string | null;
  sortOrder: number;
  archived: boolean;
  head: { positionId: string; title: string; holder: HolderInfo | null } | null;
}

/** Units with their head position and its holder today, in two queries for any count. */
export async function summarizeUnits(
  ctx: TenantContext,
  rows: readonly UnitRow[],
  date: string,
): Promise<UnitSummary[]> {
  const ids = rows.map((r) => r.id);
  const heads = ids.length
    ? await ctx.tx
        .select({ id: positions.id, unitId: positions.unitId, title: positions.title })
        .from(positions)
        .where(
          and(
            eq(positions.tenantId, ctx.tenantId),
            inArray(positions.unitId, ids),
            eq(positions.headsUnit, true),
            isNull(positions.archivedAt),
          ),
        )
    : [];
  const holders = await holdersOn(
    ctx.tx,
    ctx.tenantId,
    heads.map((h) => h.id),
    date,
  );
  const headByUnit = new Map(heads.map((h) => [h.unitId, h]));
  return rows.map((r) => {
    const head = headByUnit.get(r.id);
    return {
      id: r.id,
      parentId: r.parentId,
      name: r.name,
      shortName: r.shortName,
      type: r.type,
      level: r.level,
      code: r.code,
      sortOrder: r.sortOrder,
      archived: r.archivedAt !== null,
      head: head
        ? { positionId: head.id, title: head.title, holder: holders.get(head.id) ?? null }
        : null,
    };
  });
}
