/**
 * Database helpers of the monitoring demo seed: bulk inserts that PGlite takes quickly, fresh
 * statistics inside the seed's transaction, demo clock times (WITA), and the ids of what the
 * organisation and planning demos wrote, looked up by their stable keys (unit code, plan code).
 */
import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '../../db/client.js';
import type { AssignmentKind } from '../../shared/codes.js';
import { pickHolder } from '../org/holder-rules.js';
import { formatFullName } from '../org/names.js';
import { positions, units } from '../org/schema.js';
import { ratingScales } from '../planning/schema.js';
import type { PlanningDemo } from './planning-demo.js';

/** Kota Contoh is in WITA: the demo's clock times are written with this offset. */
export const DEMO_ZONE_OFFSET = '+08:00';

export const at = (date: string, hour: number, minute = 0): Date =>
  new Date(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${DEMO_ZONE_OFFSET}`,
  );

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** ANALYZE inside the seed's transaction (owner only; it sees the rows written so far). */
export async function analyze(tx: Tx, tables: readonly string[]): Promise<void> {
  await tx.execute(
    sql`analyze ${sql.join(
      tables.map((t) => sql.identifier(t)),
      sql`, `,
    )}`,
  );
}

/**
 * Inserts many rows in one statement per 2,000 rows: the rows travel as one JSON parameter read
 * by json_populate_recordset (a few thousand bound parameters per statement cost PGlite far more
 * than one JSON text). Columns left out of the rows keep their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
  size = 2000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; defaultFn?: () => unknown }
  >;
  // Defaults made in the app ($defaultFn: the UUIDv7 ids) are filled here, as drizzle would.
  const made = Object.keys(columns).filter(
    (k) => columns[k]!.defaultFn && !rows.some((r) => k in (r as object)),
  );
  const keys = [...new Set([...rows.flatMap((r) => Object.keys(r as object)), ...made])];
  // A key missing from some rows would write null over the column's default: refuse it.
  for (const r of rows) {
    if (Object.keys(r as object).length + made.length !== keys.length) {
      throw new Error(`demo: rows of ${getTableName(table)} do not all have the same columns`);
    }
  }
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`demo: no column ${k}`);
    return column.name;
  });
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += size) {
    const json = rows.slice(i, i + size).map((row) => {
      const r = row as Record<string, unknown>;
      return Object.fromEntries(
        keys.map((k, c) => {
          const v = made.includes(k) ? columns[k]!.defaultFn!() : r[k];
          return [names[c], v instanceof Date ? v.toISOString() : (v ?? null)];
        }),
      );
    });
    await tx.execute(
      sql`insert into ${table} (${list})
          select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`,
    );
  }
}

export interface Span {
  positionId: string;
  employeeId: string;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
}

export interface Party {
  positionId: string;
  employeeId: string;
  kind: AssignmentKind;
}

/** The ids the monitoring demo needs, from the rows the organisation and planning demos wrote. */
export interface DemoRefs {
  unitId: Map<string, string>;
  headOf: Map<string, string>;
  walikotaPositionId: string;
  spansOf: Map<string, Span[]>;
  /** The holder of a position on a date (the rule of holder-rules.ts). */
  holderOn(positionId: string | undefined, date: string): Party | null;
  nodeId: Map<string, string>;
  planIndicatorId(nodeKey: string, sortOrder: number): string | null;
  scaleId: Map<string, string>;
  users: {
    admin: string | null;
    inspektorat: string | null;
    kadinkes: string | null;
    kadisdik: string | null;
    operatorDinkes: string | null;
    walikota: { id: string; name: string } | null;
  };
}

export async function loadDemoRefs(
  tx: Tx,
  tenantId: string,
  periodId: string,
  demo: PlanningDemo,
): Promise<DemoRefs> {
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  const unitId = new Map(unitRows.map((u) => [u.code ?? '', u.id]));
  const positionRows = await tx
    .select({
      id: positions.id,
      unitId: positions.unitId,
      kind: positions.kind,
      headsUnit: positions.headsUnit,
    })
    .from(positions)
    .where(eq(positions.tenantId, tenantId));
  const headOf = new Map(
    positionRows.filter((p) => p.headsUnit && p.unitId).map((p) => [p.unitId!, p.id]),
  );
  const walikota = positionRows.find((p) => p.kind === 'kepala_daerah');
  if (!walikota) throw new Error('demo: no kepala daerah position');
  const spans = await queryRows<{
    position_id: string;
    employee_id: string;
    kind: AssignmentKind;
    start_date: string;
    end_date: string | null;
  }>(
    tx,
    sql`select position_id, employee_id, kind, start_date::text as start_date,
               end_date::text as end_date
          from assignments where tenant_id = ${tenantId}`,
  );
  const spansOf = new Map<string, Span[]>();
  for (const s of spans) {
    const list = spansOf.get(s.position_id) ?? [];
    list.push({
      positionId: s.position_id,
      employeeId: s.employee_id,
      kind: s.kind,
      startDate: s.start_date,
      endDate: s.end_date,
    });
    spansOf.set(s.position_id, list);
  }
  const holderOn = (positionId: string | undefined, date: string): Party | null => {
    if (!positionId) return null;
    const h = pickHolder(spansOf.get(positionId) ?? [], date);
    return h ? { positionId, employeeId: h.employeeId, kind: h.kind } : null;
  };
  const nodeRows = await queryRows<{ id: string; code: string | null; unit_code: string | null }>(
    tx,
    sql`select n.id, n.code, u.code as unit_code from plan_nodes n
          left join units u on u.tenant_id = n.tenant_id and u.id = n.unit_id
         where n.tenant_id = ${tenantId} and n.period_id = ${periodId}`,
  );
  const nodeIdByCode = new Map(nodeRows.map((n) => [`${n.unit_code ?? ''}|${n.code ?? ''}`, n.id]));
  const nodeId = new Map<string, string>();
  for (const n of demo.nodes) {
    const id = nodeIdByCode.get(`${n.unitCode ?? ''}|${n.code ?? ''}`);
    if (id) nodeId.set(n.key, id);
  }
  const indicatorRows = await queryRows<{ id: string; node_id: string; sort_order: number }>(
    tx,
    sql`select i.id, i.node_id, i.sort_order from indicators i
          join plan_nodes n on n.tenant_id = i.tenant_id and n.id = i.node_id
         where i.tenant_id = ${tenantId} and n.period_id = ${periodId}`,
  );
  const indicatorIdBy = new Map(indicatorRows.map((i) => [`${i.node_id}|${i.sort_order}`, i.id]));
  const planIndicatorId = (nodeKey: string, sortOrder: number) =>
    indicatorIdBy.get(`${nodeId.get(nodeKey) ?? ''}|${sortOrder}`) ?? null;
  const scaleRows = await tx
    .select({ id: ratingScales.id, key: ratingScales.key })
    .from(ratingScales)
    .where(eq(ratingScales.tenantId, tenantId));
  const scaleId = new Map(scaleRows.map((s) => [s.key, s.id]));
  const userRows = await queryRows<{
    id: string;
    username: string;
    front_title: string | null;
    name: string | null;
    back_title: string | null;
  }>(
    tx,
    sql`select u.id, u.username, e.front_title, e.name, e.back_title from users u
          left join employees e on e.tenant_id = u.tenant_id and e.id = u.employee_id
         where u.tenant_id = ${tenantId}`,
  );
  const userId = (username: string) => userRows.find((u) => u.username === username)?.id ?? null;
  const walikotaUser = userRows.find((u) => u.username === 'walikota');
  return {
    unitId,
    headOf,
    walikotaPositionId: walikota.id,
    spansOf,
    holderOn,
    nodeId,
    planIndicatorId,
    scaleId,
    users: {
      admin: userId('admin'),
      inspektorat: userId('inspektorat'),
      kadinkes: userId('kadinkes'),
      kadisdik: userId('kadisdik'),
      operatorDinkes: userId('operator.dinkes'),
      walikota: walikotaUser
        ? {
            id: walikotaUser.id,
            name: walikotaUser.name
              ? formatFullName({
                  frontTitle: walikotaUser.front_title,
                  name: walikotaUser.name,
                  backTitle: walikotaUser.back_title,
                })
              : 'Wali Kota Contoh',
          }
        : null,
    },
  };
}
