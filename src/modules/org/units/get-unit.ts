import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import type { Actor } from '../../access/actor.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, positionPermissions, unitPermissions } from '../../access/policy.js';
import type { HolderInfo } from '../holders.js';
import { formatFullName } from '../names.js';
import type { positions, units } from '../schema.js';
import type { UnitSummary } from './unit-views.js';

type UnitType = (typeof units.$inferSelect)['type'];
type UnitLevel = (typeof units.$inferSelect)['level'];
type PositionKind = (typeof positions.$inferSelect)['kind'];

interface UnitJson {
  id: string;
  parent_id: string | null;
  path: string[];
  name: string;
  short_name: string | null;
  type: UnitType;
  level: UnitLevel;
  code: string | null;
  sort_order: number;
  archived_at: string | null;
  version: number;
}
interface PositionJson {
  id: string;
  unit_id: string;
  title: string;
  kind: PositionKind;
  heads_unit: boolean;
  superior_position_id: string | null;
  archived_at: string | null;
  version: number;
}
interface HolderJson {
  position_id: string;
  assignment_id: string;
  kind: HolderInfo['kind'];
  start_date: string;
  end_date: string | null;
  employee_id: string;
  nip: string | null;
  front_title: string | null;
  name: string;
  back_title: string | null;
  grade: string | null;
}
export interface UnitDetailRow {
  unit: UnitJson | null;
  ancestors: { id: string; name: string }[];
  children: UnitJson[];
  positions: PositionJson[];
  holders: HolderJson[];
}

/*
 * The unit page is the hottest read of the organisation (and the benchmarked one): one call of
 * the SQL function unit_detail (migration 0004, where its query can be read), which returns the
 * unit, its breadcrumb, its active children, its positions and the children's head positions,
 * and who holds each of them on the date (position_holder_on). PL/pgSQL keeps its plan.
 */
const detailSql = (tenantId: string, id: string, date: string) =>
  sql`select unit_detail(${tenantId}, ${id}, ${date}::date) as detail`;

function toHolder(h: HolderJson): HolderInfo {
  return {
    assignmentId: h.assignment_id,
    kind: h.kind,
    startDate: h.start_date,
    endDate: h.end_date,
    employee: {
      id: h.employee_id,
      nip: h.nip,
      fullName: formatFullName({
        frontTitle: h.front_title,
        name: h.name,
        backTitle: h.back_title,
      }),
      grade: h.grade,
    },
  };
}

/** Reads the unit detail rows from the database (404 for a unit the tenant cannot see). */
export async function loadUnitDetail(
  ctx: TenantContext,
  id: string,
  date: string,
): Promise<UnitDetailRow> {
  assertCan(ctx.actor, 'org.read');
  const [result] = await queryRows<{ detail: UnitDetailRow | null }>(
    ctx.tx,
    detailSql(ctx.tenantId, id, date),
  );
  const row = result?.detail;
  if (!row?.unit) throw notFound('Unit');
  return row;
}

/** Shapes the rows for the API, with the permissions of this actor. Pure. */
export function presentUnitDetail(actor: Actor, row: UnitDetailRow) {
  const unit = row.unit;
  if (!unit) throw notFound('Unit');
  const holders = new Map(row.holders.map((h) => [h.position_id, toHolder(h)]));
  const headOf = (unitId: string) => {
    const head = row.positions.find((p) => p.unit_id === unitId && p.heads_unit && !p.archived_at);
    return head
      ? { positionId: head.id, title: head.title, holder: holders.get(head.id) ?? null }
      : null;
  };
  const summary = (u: UnitJson): UnitSummary => ({
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    shortName: u.short_name,
    type: u.type,
    level: u.level,
    code: u.code,
    sortOrder: u.sort_order,
    archived: u.archived_at !== null,
    head: headOf(u.id),
  });
  const archived = unit.archived_at !== null;
  return {
    ...summary(unit),
    path: unit.path,
    version: unit.version,
    ancestors: row.ancestors,
    children: row.children.map(summary),
    positions: row.positions
      .filter((p) => p.unit_id === unit.id)
      .map((p) => ({
        id: p.id,
        unitId: p.unit_id,
        unitName: unit.name,
        title: p.title,
        kind: p.kind,
        headsUnit: p.heads_unit,
        superiorPositionId: p.superior_position_id,
        archived: p.archived_at !== null,
        version: p.version,
        holder: holders.get(p.id) ?? null,
        permissions: positionPermissions(actor, {
          unitPath: unit.path,
          archived: p.archived_at !== null,
        }),
      })),
    permissions: unitPermissions(actor, { path: unit.path, archived }),
  };
}

/** One unit with its breadcrumb, direct children, positions and their holders on `date`. */
export async function getUnit(ctx: TenantContext, id: string, date: string) {
  return presentUnitDetail(ctx.actor, await loadUnitDetail(ctx, id, date));
}
