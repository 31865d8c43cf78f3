import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { resolveSuperior } from './holder-rules.js';
import { formatFullName } from './names.js';
import { type assignments, type employees, positions, units } from './schema.js';

export interface HolderInfo {
  assignmentId: string;
  kind: 'definitif' | 'plt' | 'plh' | 'pj';
  startDate: string;
  endDate: string | null;
  employee: {
    id: string;
    nip: string | null;
    fullName: string;
    grade: string | null;
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in the tenant's zone, as YYYY-MM-DD (formatters are costly: one per zone). */
export function todayIn(timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date());
}

interface HolderRow {
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

/**
 * Holders on `date` of many positions at once, keyed by position id, in one query. The rule of
 * who wins when an acting official and a definitif holder overlap lives in the SQL function
 * position_holder_on (migration 0002); pickHolder states the same rule in TypeScript and a test
 * keeps the two in agreement.
 */
export async function holdersOn(
  tx: Tx,
  tenantId: string,
  positionIds: readonly string[],
  date: string,
): Promise<Map<string, HolderInfo>> {
  const result = new Map<string, HolderInfo>();
  if (positionIds.length === 0) return result;
  const rows = await queryRows<HolderRow>(
    tx,
    sql`select q.position_id, h.assignment_id, h.kind, h.start_date::text as start_date,
               h.end_date::text as end_date, e.id as employee_id, e.nip, e.front_title, e.name,
               e.back_title, e.grade
          from unnest(${sql.param([...positionIds])}::uuid[]) as q(position_id)
         cross join lateral position_holder_on(${tenantId}, q.position_id, ${date}::date) h
          join employees e on e.tenant_id = ${tenantId} and e.id = h.employee_id`,
  );
  for (const r of rows) {
    result.set(r.position_id, {
      assignmentId: r.assignment_id,
      kind: r.kind,
      startDate: r.start_date,
      endDate: r.end_date,
      employee: {
        id: r.employee_id,
        nip: r.nip,
        fullName: formatFullName({
          frontTitle: r.front_title,
          name: r.name,
          backTitle: r.back_title,
        }),
        grade: r.grade,
      },
    });
  }
  return result;
}

export function toHolderInfo(
  a: typeof assignments.$inferSelect,
  e: typeof employees.$inferSelect,
): HolderInfo {
  return {
    assignmentId: a.id,
    kind: a.kind,
    startDate: a.startDate,
    endDate: a.endDate,
    employee: { id: e.id, nip: e.nip, fullName: formatFullName(e), grade: e.grade },
  };
}

/** Who holds this position on date D: the one function every later feature uses. */
export async function holderOn(
  tx: Tx,
  tenantId: string,
  positionId: string,
  date: string,
): Promise<HolderInfo | null> {
  return (await holdersOn(tx, tenantId, [positionId], date)).get(positionId) ?? null;
}

type PositionRow = typeof positions.$inferSelect;

/**
 * The superior position: the explicit override if set; otherwise the head of the position's
 * own unit (for staff) or of the nearest ancestor unit that has a head (for a unit head); for
 * a top-level PD head, and for the deputy, the Kepala Daerah. The Kepala Daerah has none.
 */
export async function superiorPositionOf(
  tx: Tx,
  tenantId: string,
  positionId: string,
): Promise<PositionRow | null> {
  const [position] = await tx
    .select()
    .from(positions)
    .where(and(eq(positions.tenantId, tenantId), eq(positions.id, positionId)));
  if (!position || position.kind === 'kepala_daerah') return null;
  if (position.superiorPositionId) {
    const [explicit] = await tx
      .select()
      .from(positions)
      .where(and(eq(positions.tenantId, tenantId), eq(positions.id, position.superiorPositionId)));
    return explicit ?? null;
  }
  const path = position.unitId
    ? ((
        await tx
          .select({ path: units.path })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), eq(units.id, position.unitId)))
      )[0]?.path ?? [])
    : [];
  const heads = path.length
    ? await tx
        .select()
        .from(positions)
        .where(
          and(
            eq(positions.tenantId, tenantId),
            inArray(positions.unitId, path),
            eq(positions.headsUnit, true),
            isNull(positions.archivedAt),
          ),
        )
    : [];
  const [leader] = await tx
    .select()
    .from(positions)
    .where(
      and(
        eq(positions.tenantId, tenantId),
        eq(positions.kind, 'kepala_daerah'),
        isNull(positions.archivedAt),
      ),
    )
    .orderBy(asc(positions.createdAt))
    .limit(1);
  return resolveSuperior(position, path, heads, leader ?? null);
}

/** Who is the superior of this position on date D: the superior position and its holder. */
export async function superiorOf(
  tx: Tx,
  tenantId: string,
  positionId: string,
  date: string,
): Promise<{ position: PositionRow; holder: HolderInfo | null } | null> {
  const position = await superiorPositionOf(tx, tenantId, positionId);
  if (!position) return null;
  return { position, holder: await holderOn(tx, tenantId, position.id, date) };
}
