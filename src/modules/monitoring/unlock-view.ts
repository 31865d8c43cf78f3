import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { QuarterReportStatus, UnlockStatus } from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { agreementTitle } from './load-report.js';
import type { LockSettings } from './quarter-lock.js';
import { reportDeadline } from './quarter-lock.js';

/** An unlock request with its report, PK and unit, as lists and decisions show it. */
export interface UnlockView {
  id: string;
  reportId: string;
  status: UnlockStatus;
  reason: string;
  requestedByName: string | null;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  grantedUntil: string | null;
  decisionNote: string | null;
}

export interface UnlockListItem extends UnlockView {
  agreementId: string;
  agreementTitle: string;
  unitId: string | null;
  unitName: string | null;
  year: number;
  quarter: number;
  reportStatus: QuarterReportStatus;
  deadline: string;
}

interface Row {
  id: string;
  report_id: string;
  status: UnlockStatus;
  reason: string;
  requested_by_name: string | null;
  requested_at: string | Date;
  decided_by_name: string | null;
  decided_at: string | Date | null;
  granted_until: string | Date | null;
  decision_note: string | null;
  agreement_id: string;
  position_title: string;
  revision_no: number;
  unit_id: string | null;
  unit_name: string | null;
  year: number;
  quarter: number;
  report_status: QuarterReportStatus;
}

const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

/** The unlock requests matching `where` (a condition on `q` quarter_unlocks / `r` reports). */
export async function queryUnlocks(
  ctx: TenantContext,
  where: SQL,
  settings: LockSettings,
): Promise<UnlockListItem[]> {
  const rows = await queryRows<Row>(
    ctx.tx,
    sql`select q.id, q.report_id, q.status, q.reason, rq.display_name as requested_by_name,
               q.created_at as requested_at, dc.display_name as decided_by_name, q.decided_at,
               q.granted_until, q.decision_note, r.agreement_id, p.title as position_title,
               a.revision_no, a.unit_id, u.name as unit_name, r.year, r.quarter,
               r.status as report_status
          from quarter_unlocks q
          join quarter_reports r on r.tenant_id = q.tenant_id and r.id = q.report_id
          join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join users rq on rq.tenant_id = q.tenant_id and rq.id = q.requested_by
          left join users dc on dc.tenant_id = q.tenant_id and dc.id = q.decided_by
         where q.tenant_id = ${ctx.tenantId} and ${where}
         order by q.created_at, q.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    status: r.status,
    reason: r.reason,
    requestedByName: r.requested_by_name,
    requestedAt: iso(r.requested_at),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
    grantedUntil: r.granted_until === null ? null : iso(r.granted_until),
    decisionNote: r.decision_note,
    agreementId: r.agreement_id,
    agreementTitle: agreementTitle(r.position_title, r.revision_no),
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    quarter: r.quarter,
    reportStatus: r.report_status,
    deadline: reportDeadline(r.year, r.quarter, settings),
  }));
}

/** One unlock request of the tenant (404 otherwise). */
export async function unlockView(ctx: TenantContext, id: string): Promise<UnlockView> {
  const [row] = await queryUnlocks(ctx, sql`q.id = ${id}`, {
    monitoring: { deadlineWorkingDays: 10 },
  });
  if (!row) throw notFound('Permohonan buka kunci');
  return {
    id: row.id,
    reportId: row.reportId,
    status: row.status,
    reason: row.reason,
    requestedByName: row.requestedByName,
    requestedAt: row.requestedAt,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt,
    grantedUntil: row.grantedUntil,
    decisionNote: row.decisionNote,
  };
}
