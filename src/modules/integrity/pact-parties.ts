import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { AssignmentKind, PositionKind } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { type PositionLike, resolveSuperior } from '../org/holder-rules.js';
import { type HolderInfo, holdersOn } from '../org/holders.js';

/**
 * Who makes a pact and who witnesses it, for one employee or a thousand at once: the same code
 * path for both, in a fixed number of queries (bulk creation must not query per employee).
 */

/**
 * The main position of every employee on date D: among the assignments covering D of positions
 * and units that are not archived, the definitif one, else an acting one (Plt/Plh/Pj), the most
 * recent start first. A person who is definitif in one unit and Plt in another makes one annual
 * pact, counted in the unit of the definitif position. `extra` filters the assignments.
 */
export function mainPositionsSql(tenantId: string, date: string, extra: SQL = sql`true`): SQL {
  return sql`select distinct on (a.employee_id)
                    a.employee_id, a.id as assignment_id, a.kind as assignment_kind,
                    a.position_id, p.title as position_title, p.kind as position_kind,
                    p.unit_id, u.path as unit_path
               from assignments a
               join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
                               and p.archived_at is null
               join employees e on e.tenant_id = a.tenant_id and e.id = a.employee_id
                               and e.archived_at is null
               left join units u on u.tenant_id = p.tenant_id and u.id = p.unit_id
              where a.tenant_id = ${tenantId}
                and a.start_date <= ${date}::date
                and (a.end_date is null or a.end_date >= ${date}::date)
                and (p.unit_id is null or u.archived_at is null)
                and ${extra}
              order by a.employee_id, (a.kind = 'definitif') desc, a.start_date desc, a.id`;
}

export interface MainPosition {
  employeeId: string;
  assignmentId: string;
  assignmentKind: AssignmentKind;
  positionId: string;
  positionTitle: string;
  positionKind: PositionKind;
  unitId: string | null;
  unitPath: string[] | null;
}

interface MainPositionRow {
  employee_id: string;
  assignment_id: string;
  assignment_kind: AssignmentKind;
  position_id: string;
  position_title: string;
  position_kind: PositionKind;
  unit_id: string | null;
  unit_path: string[] | null;
}

const toMainPosition = (r: MainPositionRow): MainPosition => ({
  employeeId: r.employee_id,
  assignmentId: r.assignment_id,
  assignmentKind: r.assignment_kind,
  positionId: r.position_id,
  positionTitle: r.position_title,
  positionKind: r.position_kind,
  unitId: r.unit_id,
  unitPath: r.unit_path,
});

/**
 * Main positions on `date` of the employees whose main position sits in the subtree of
 * `rootUnitId` (null: the whole Pemda, including the Kepala Daerah and deputy, who have no unit),
 * or of the given employees.
 */
export async function mainPositionsOn(
  ctx: TenantContext,
  date: string,
  scope: { rootUnitId: string | null } | { employeeIds: readonly string[] },
): Promise<MainPosition[]> {
  const extra =
    'employeeIds' in scope
      ? sql`a.employee_id = any(${sql.param([...scope.employeeIds])}::uuid[])`
      : sql`true`;
  const rootFilter =
    'rootUnitId' in scope && scope.rootUnitId !== null
      ? sql`m.unit_path @> array[${scope.rootUnitId}]::uuid[]`
      : sql`true`;
  const rows = await queryRows<MainPositionRow>(
    ctx.tx,
    sql`select m.* from (${mainPositionsSql(ctx.tenantId, date, extra)}) m where ${rootFilter}`,
  );
  return rows.map(toMainPosition);
}

// ---- Superiors ---------------------------------------------------------------------------------

interface OrgPosition extends PositionLike {
  title: string;
  archived: boolean;
}

/**
 * The tenant's positions and unit paths, read once, so the superior of any number of positions
 * is found in memory by the same rule as org/holders.ts superiorPositionOf (explicit superior,
 * else the head of the own or nearest ancestor unit, else the Kepala Daerah).
 */
export interface OrgSnapshot {
  positions: Map<string, OrgPosition>;
  unitPaths: Map<string, string[]>;
  headsByUnit: Map<string, OrgPosition>;
  leader: OrgPosition | null;
}

export async function loadOrgSnapshot(ctx: TenantContext): Promise<OrgSnapshot> {
  const positionRows = await queryRows<{
    id: string;
    unit_id: string | null;
    kind: string;
    heads_unit: boolean;
    superior_position_id: string | null;
    title: string;
    archived: boolean;
  }>(
    ctx.tx,
    sql`select id, unit_id, kind, heads_unit, superior_position_id, title,
               archived_at is not null as archived
          from positions where tenant_id = ${ctx.tenantId}
         order by created_at, id`,
  );
  const unitRows = await queryRows<{ id: string; path: string[] }>(
    ctx.tx,
    sql`select id, path from units where tenant_id = ${ctx.tenantId}`,
  );
  const positions = new Map<string, OrgPosition>();
  const headsByUnit = new Map<string, OrgPosition>();
  let leader: OrgPosition | null = null;
  for (const r of positionRows) {
    const position: OrgPosition = {
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind,
      headsUnit: r.heads_unit,
      superiorPositionId: r.superior_position_id,
      title: r.title,
      archived: r.archived,
    };
    positions.set(r.id, position);
    if (r.archived) continue;
    if (r.heads_unit && r.unit_id) headsByUnit.set(r.unit_id, position);
    // The oldest active Kepala Daerah position, as superiorPositionOf picks it.
    if (r.kind === 'kepala_daerah' && leader === null) leader = position;
  }
  return {
    positions,
    unitPaths: new Map(unitRows.map((u) => [u.id, u.path])),
    headsByUnit,
    leader,
  };
}

/** The superior position of one position (null for the Kepala Daerah or when none is found). */
export function superiorIn(org: OrgSnapshot, positionId: string): OrgPosition | null {
  const position = org.positions.get(positionId);
  if (!position || position.kind === 'kepala_daerah') return null;
  if (position.superiorPositionId) return org.positions.get(position.superiorPositionId) ?? null;
  const path = position.unitId ? (org.unitPaths.get(position.unitId) ?? []) : [];
  const heads = path.flatMap((unitId) => {
    const head = org.headsByUnit.get(unitId);
    return head ? [head] : [];
  });
  return resolveSuperior(position, path, heads, org.leader);
}

/** The superiors of a position upwards, nearest first, until the Kepala Daerah (no loops). */
export function superiorChain(org: OrgSnapshot, positionId: string): OrgPosition[] {
  const chain: OrgPosition[] = [];
  const seen = new Set([positionId]);
  let current = superiorIn(org, positionId);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = superiorIn(org, current.id);
  }
  return chain;
}

export type WitnessOutcome =
  | { kind: 'none' }
  | { kind: 'found'; positionId: string; positionTitle: string; holder: HolderInfo }
  | { kind: 'missing'; reason: string };
/** A witness outcome a pact can be made with: a witness, or none for the Kepala Daerah. */
export type KnownWitness = Exclude<WitnessOutcome, { kind: 'missing' }>;

const formatDate = (date: string): string => date.split('-').reverse().join('-');

/**
 * "Menyaksikan" for each maker: the holder (Plt/Plh/Pj included) of the superior position on the
 * pact date. When that position is vacant, or held by the maker themselves (a Kepala Dinas who
 * is also Plt of one of its Bidang), the next superior up witnesses, as happens on paper. The
 * Kepala Daerah makes a pact with no witness. One holder query for all makers.
 */
export async function resolveWitnesses(
  ctx: TenantContext,
  org: OrgSnapshot,
  makers: readonly MainPosition[],
  date: string,
): Promise<Map<string, WitnessOutcome>> {
  const chains = new Map(makers.map((m) => [m.employeeId, superiorChain(org, m.positionId)]));
  const wanted = new Set<string>();
  for (const chain of chains.values()) for (const p of chain) wanted.add(p.id);
  const holders = await holdersOn(ctx.tx, ctx.tenantId, [...wanted], date);
  const result = new Map<string, WitnessOutcome>();
  for (const maker of makers) {
    if (maker.positionKind === 'kepala_daerah') {
      result.set(maker.employeeId, { kind: 'none' });
      continue;
    }
    const chain = chains.get(maker.employeeId) ?? [];
    const witness = chain.find((p) => {
      const holder = holders.get(p.id);
      return holder !== undefined && holder.employee.id !== maker.employeeId;
    });
    const holder = witness ? holders.get(witness.id) : undefined;
    if (witness && holder) {
      result.set(maker.employeeId, {
        kind: 'found',
        positionId: witness.id,
        positionTitle: witness.title,
        holder,
      });
    } else if (chain.length === 0) {
      result.set(maker.employeeId, {
        kind: 'missing',
        reason: `Atasan dari jabatan ${maker.positionTitle} tidak ditemukan di struktur organisasi; lengkapi struktur di menu Organisasi.`,
      });
    } else {
      result.set(maker.employeeId, {
        kind: 'missing',
        reason: `Tidak ada atasan ${maker.positionTitle} yang menjabat pada tanggal ${formatDate(date)} untuk menjadi saksi; isi penugasan (termasuk Plt/Plh) di menu Organisasi.`,
      });
    }
  }
  return result;
}
