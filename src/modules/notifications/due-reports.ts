import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { QuarterReportStatus } from '../../shared/codes.js';
import { type Quarter, quarterEnd } from '../agreements/revisions/quarter-deadlines.js';
import { type LockSettings, reportDeadline } from '../monitoring/quarter-lock.js';

/**
 * The quarters people are asked about: those of the current and the previous year (in the
 * tenant's time zone), with their deadlines. Shared by the Tugas Saya inbox and the reminder
 * scheduler, so both speak of the same reports.
 */
export interface Period {
  year: number;
  quarter: Quarter;
  /** Last day of the quarter. */
  end: string;
  /** Last day of entry (settings.monitoring.deadlineWorkingDays after the end). */
  deadline: string;
}

export function periodsAround(today: string, settings: LockSettings): Period[] {
  const year = Number(today.slice(0, 4));
  const out: Period[] = [];
  for (const y of [year - 1, year]) {
    for (const q of [1, 2, 3, 4] as const) {
      out.push({
        year: y,
        quarter: q,
        end: quarterEnd(y, q),
        deadline: reportDeadline(y, q, settings),
      });
    }
  }
  return out;
}

const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** `iso` plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A quarter of a signed current PK whose report is not submitted yet (missing, draft, returned). */
export interface DueReport {
  agreementId: string;
  unitId: string | null;
  unitPath: string[] | null;
  unitName: string | null;
  positionTitle: string;
  firstPartyEmployeeId: string;
  secondPartyEmployeeId: string | null;
  year: number;
  quarter: Quarter;
  reportId: string | null;
  status: QuarterReportStatus | null;
  /** The note of the last return, for a returned report. */
  returnNote: string | null;
  deadline: string;
}

interface Row {
  agreement_id: string;
  unit_id: string | null;
  unit_path: string[] | null;
  unit_name: string | null;
  position_title: string;
  first_party_employee_id: string;
  second_party_employee_id: string | null;
  revision_no: number;
  signed_on: string | null;
  year: number;
  quarter: number;
  report_id: string | null;
  status: QuarterReportStatus | null;
  return_note: string | null;
}

/**
 * Every (signed current PK × period) whose report is not yet submitted, in ONE query whatever the
 * number of PKs. `scope` narrows the PKs (a SQL condition on `a` and `u`). A PK Perubahan is not
 * asked for the quarters whose deadline passed before it was signed: their realisasi belongs to
 * the PK it replaced.
 */
export async function dueReports(
  tx: Tx,
  tenantId: string,
  periods: readonly Period[],
  scope: SQL = sql`true`,
): Promise<DueReport[]> {
  if (periods.length === 0) return [];
  const deadlineOf = new Map(periods.map((p) => [`${p.year}:${p.quarter}`, p.deadline]));
  const rows = await queryRows<Row>(
    tx,
    sql`select a.id as agreement_id, a.unit_id, to_json(u.path) as unit_path, u.name as unit_name,
               p.title as position_title, a.first_party_employee_id, a.second_party_employee_id,
               a.revision_no, (a.signed_at at time zone 'UTC')::date::text as signed_on,
               per.year, per.quarter, r.id as report_id, r.status,
               case when r.status = 'returned' then (
                 select t.note from quarter_report_transitions t
                  where t.tenant_id = r.tenant_id and t.report_id = r.id and t.to_status = 'returned'
                  order by t.created_at desc limit 1) end as return_note
          from agreements a
          join unnest(${sql.param(periods.map((p) => p.year))}::int[],
                      ${sql.param(periods.map((p) => p.quarter))}::int[]) as per(year, quarter)
            on per.year between a.start_year and a.end_year
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join quarter_reports r on r.tenant_id = a.tenant_id and r.agreement_id = a.id
                and r.year = per.year and r.quarter = per.quarter
         where a.tenant_id = ${tenantId} and a.status in ('signed', 'published')
           and (r.id is null or r.status in ('draft', 'returned'))
           and (${scope})`,
  );
  const out: DueReport[] = [];
  for (const r of rows) {
    const deadline = deadlineOf.get(`${r.year}:${r.quarter}`);
    if (!deadline) continue;
    if (r.revision_no > 0 && r.report_id === null && r.signed_on && deadline < r.signed_on) {
      continue;
    }
    out.push({
      agreementId: r.agreement_id,
      unitId: r.unit_id,
      unitPath: r.unit_path,
      unitName: r.unit_name,
      positionTitle: r.position_title,
      firstPartyEmployeeId: r.first_party_employee_id,
      secondPartyEmployeeId: r.second_party_employee_id,
      year: Number(r.year),
      quarter: Number(r.quarter) as Quarter,
      reportId: r.report_id,
      status: r.status,
      returnNote: r.return_note,
      deadline,
    });
  }
  return out;
}

/** "PK Kepala Dinas Kesehatan — Dinas Kesehatan" (the Pemda PK has no unit). */
export function dueReportTitle(d: Pick<DueReport, 'positionTitle' | 'unitName'>): string {
  return d.unitName ? `${d.unitName} — PK ${d.positionTitle}` : `PK ${d.positionTitle}`;
}

/** Where the report is filled: the report page, or the realisasi list when none exists yet. */
export function dueReportLink(d: Pick<DueReport, 'reportId' | 'year' | 'agreementId'>): string {
  return d.reportId
    ? `/realisasi/${d.reportId}`
    : `/realisasi?year=${d.year}&agreementId=${d.agreementId}`;
}
