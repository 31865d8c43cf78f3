import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pickHolder } from './holder-rules.js';
import { formatFullName } from './names.js';
import { assignments, employees, positions, units } from './schema.js';

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

/** Today's date in the tenant's zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/**
 * Holders on `date` of many positions at once, keyed by position id (see pickHolder for who
 * wins when an acting official and a definitif holder overlap).
 */
export async function holdersOn(
  tx: Tx,
  tenantId: string,
  positionIds: readonly string[],
  date: string,
): Promise<Map<string, HolderInfo>> {
  const result = new Map<string, HolderInfo>();
  if (positionIds.length === 0) return result;
  const rows = await tx
    .select({ a: assignments, e: employees })
    .from(assignments)
    .innerJoin(
      employees,
      and(eq(employees.tenantId, assignments.tenantId), eq(employees.id, assignments.employeeId)),
    )
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        inArray(assignments.positionId, [...positionIds]),
        sql`${assignments.startDate} <= ${date}`,
        sql`(${assignments.endDate} is null or ${assignments.endDate} >= ${date})`,
      ),
    );
  const byPosition = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) {
    const list = byPosition.get(row.a.positionId) ?? [];
    list.push(row);
    byPosition.set(row.a.positionId, list);
  }
  for (const [positionId, list] of byPosition) {
    const picked = pickHolder(
      list.map((r) => ({ ...r.a, row: r })),
      date,
    );
    if (picked) result.set(positionId, toHolderInfo(picked.row.a, picked.row.e));
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
  if (position.unitId) {
    const [unit] = await tx
      .select({ path: units.path })
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.id, position.unitId)));
    const path = unit?.path ?? [];
    const candidates = (position.headsUnit ? path.slice(0, -1) : path).slice().reverse();
    if (candidates.length > 0) {
      const heads = await tx
        .select()
        .from(positions)
        .where(
          and(
            eq(positions.tenantId, tenantId),
            inArray(positions.unitId, candidates),
            eq(positions.headsUnit, true),
            isNull(positions.archivedAt),
          ),
        );
      for (const unitId of candidates) {
        const head = heads.find((h) => h.unitId === unitId && h.id !== position.id);
        if (head) return head;
      }
    }
  }
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
  return leader ?? null;
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
