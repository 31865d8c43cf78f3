import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
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
interface DetailRow {
  unit: UnitJson | null;
  ancestors: { id: string; name: string }[];
  children: UnitJson[];
  positions: PositionJson[];
  holders: HolderJson[];
}

/*
 * The unit page is the hottest read of the organisation (and the benchmarked one), so it is one
 * statement: the unit, its breadcrumb, its active children, its positions and the active head
 * positions of the children, and who holds each of them on the date (position_holders_on).
 */
const detailSql = (tenantId: string, id: string, date: string) => sql`
  with u as (
    select id, parent_id, path, name, short_name, type, level, code, sort_order, archived_at, version
      from units where tenant_id = ${tenantId} and id = ${id}
  ), kids as (
    select id, parent_id, path, name, short_name, type, level, code, sort_order, archived_at, version
      from units where tenant_id = ${tenantId} and parent_id = ${id} and archived_at is null
  ), pos as (
    select id, unit_id, title, kind, heads_unit, superior_position_id, archived_at, version
      from positions
     where tenant_id = ${tenantId}
       and (unit_id = ${id}
            or (heads_unit and archived_at is null and unit_id in (select id from kids)))
  ), holders as (
    select h.position_id, h.assignment_id, h.kind, h.start_date::text as start_date,
           h.end_date::text as end_date, e.id as employee_id, e.nip, e.front_title, e.name,
           e.back_title, e.grade
      from position_holders_on(${tenantId}, ${date}::date, array(select id from pos)) h
      join employees e on e.tenant_id = ${tenantId} and e.id = h.employee_id
  )
  select
    (select row_to_json(u) from u) as unit,
    (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name)
                              order by array_position(u.path, a.id)), '[]'::json)
       from units a, u where a.tenant_id = ${tenantId} and a.id = any(u.path) and a.id <> u.id)
      as ancestors,
    (select coalesce(json_agg(k order by k.sort_order, k.code, k.name), '[]'::json) from kids k)
      as children,
    (select coalesce(json_agg(p order by p.archived_at nulls first, p.heads_unit desc, p.title),
                     '[]'::json) from pos p) as positions,
    (select coalesce(json_agg(h), '[]'::json) from holders h) as holders`;

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

/** One unit with its breadcrumb, direct children, positions and their holders on `date`. */
export async function getUnit(ctx: TenantContext, id: string, date: string) {
  assertCan(ctx.actor, 'org.read');
  const [row] = await queryRows<DetailRow>(ctx.tx, detailSql(ctx.tenantId, id, date));
  const unit = row?.unit;
  if (!row || !unit) throw notFound('Unit');
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
      .filter((p) => p.unit_id === id)
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
        permissions: positionPermissions(ctx.actor, {
          unitPath: unit.path,
          archived: p.archived_at !== null,
        }),
      })),
    permissions: unitPermissions(ctx.actor, { path: unit.path, archived }),
  };
}
