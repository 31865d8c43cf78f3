import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { now as clockNow, todayIn } from '../../server/clock.js';
import type { AgreementLevel, AgreementStatus, QuarterReportStatus } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { quarterReportPermissions } from '../access/policy.js';
import { statusLabel } from '../agreements/agreement-common.js';
import { formatFullName } from '../org/names.js';
import { readTenantSettings, type TenantSettings } from '../tenants/settings.js';
import {
  isPastDeadline,
  isQuarterOpen,
  isReportLocked,
  reportDeadline,
  unlockInForce,
} from './quarter-lock.js';

/** The PK a quarter report belongs to, as monitoring shows it. */
export interface ReportAgreement {
  id: string;
  /** "PK Kepala Dinas Kesehatan" (+ " (Perubahan n)" for a PK Perubahan). */
  title: string;
  level: AgreementLevel;
  status: AgreementStatus;
  startYear: number;
  endYear: number;
  revisionNo: number;
  rootId: string;
  unitId: string | null;
  unitName: string | null;
  positionTitle: string;
  firstPartyName: string;
  secondPartyName: string | null;
  /** Employee of pihak kedua (the superior), for notifications. */
  secondPartyEmployeeId: string | null;
}

export interface ReportRow {
  id: string;
  agreementId: string;
  unitId: string | null;
  year: number;
  quarter: number;
  status: QuarterReportStatus;
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  unlockedUntil: Date | null;
  version: number;
}

export type ReportPermissions = ReturnType<typeof quarterReportPermissions>;

/** A report with everything a use case needs to decide: PK, unit path, lock, permissions. */
export interface LoadedReport {
  report: ReportRow;
  agreement: ReportAgreement;
  /** Path root → unit of the PK's unit (null for the Pemda PK). */
  unitPath: string[] | null;
  settings: TenantSettings;
  /** Today in the tenant's zone and the current moment (src/server/clock.ts). */
  today: string;
  now: Date;
  deadline: string;
  /** Entry closed: quarter not begun, or deadline passed without an unlock in force. */
  locked: boolean;
  /** The deadline passed (whatever the unlock). */
  pastDeadline: boolean;
  /** An unlock request is waiting for the admin. */
  pendingUnlock: boolean;
  permissions: ReportPermissions;
}

interface Row {
  id: string;
  agreement_id: string;
  unit_id: string | null;
  year: number;
  quarter: number;
  status: QuarterReportStatus;
  submitted_at: string | Date | null;
  submitted_by: string | null;
  approved_at: string | Date | null;
  approved_by: string | null;
  verified_at: string | Date | null;
  verified_by: string | null;
  unlocked_until: string | Date | null;
  version: number;
  a_status: AgreementStatus;
  a_level: AgreementLevel;
  a_start_year: number;
  a_end_year: number;
  a_revision_no: number;
  a_root_id: string;
  a_unit_id: string | null;
  a_second_party_employee_id: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
  position_title: string;
  fp_front: string | null;
  fp_name: string;
  fp_back: string | null;
  sp_front: string | null;
  sp_name: string | null;
  sp_back: string | null;
  pending_unlock: boolean;
  settings: unknown;
}

const asDate = (v: string | Date | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(v);

/** "PK Kepala Dinas Kesehatan", "PK Kepala Dinas Kesehatan (Perubahan 1)". */
export function agreementTitle(positionTitle: string, revisionNo: number): string {
  return `PK ${positionTitle}${revisionNo > 0 ? ` (Perubahan ${revisionNo})` : ''}`;
}

/**
 * Reads one quarter report of the tenant with its PK, the unit path, the lock state, the
 * actor's permissions and the tenant's settings, in one query; 404 for an unknown id (another
 * tenant's included). `lock: true` takes the report row `for update of r` (writers: the version
 * check and the status change then see the latest row). Does not check read access: callers do (monitoring.read).
 */
export async function loadReport(
  ctx: TenantContext,
  reportId: string,
  options: { lock?: boolean; settings?: TenantSettings } = {},
): Promise<LoadedReport> {
  const [r] = await queryRows<Row>(
    ctx.tx,
    sql`select r.id, r.agreement_id, r.unit_id, r.year, r.quarter, r.status,
               r.submitted_at, r.submitted_by, r.approved_at, r.approved_by,
               r.verified_at, r.verified_by, r.unlocked_until, r.version,
               a.status as a_status, a.level as a_level, a.start_year as a_start_year,
               a.end_year as a_end_year, a.revision_no as a_revision_no, a.root_id as a_root_id,
               a.unit_id as a_unit_id, a.second_party_employee_id as a_second_party_employee_id,
               u.name as unit_name, to_json(u.path) as unit_path, p.title as position_title,
               fe.front_title as fp_front, fe.name as fp_name, fe.back_title as fp_back,
               se.front_title as sp_front, se.name as sp_name, se.back_title as sp_back,
               exists (select 1 from quarter_unlocks q
                        where q.tenant_id = r.tenant_id and q.report_id = r.id
                          and q.status = 'pending') as pending_unlock,
               ${options.settings ? sql`null::jsonb` : sql`tn.settings`} as settings
          from quarter_reports r
          join tenants tn on tn.id = r.tenant_id
          join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees fe on fe.tenant_id = a.tenant_id and fe.id = a.first_party_employee_id
          left join employees se on se.tenant_id = a.tenant_id and se.id = a.second_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
         where r.tenant_id = ${ctx.tenantId} and r.id = ${reportId}
         ${options.lock ? sql`for update of r` : sql``}`,
  );
  if (!r) throw notFound('Laporan triwulan');
  const settings = options.settings ?? readTenantSettings(r.settings);
  const now = clockNow();
  const today = todayIn(ctx.actor.timeZone, now);
  const report: ReportRow = {
    id: r.id,
    agreementId: r.agreement_id,
    unitId: r.unit_id,
    year: r.year,
    quarter: r.quarter,
    status: r.status,
    submittedAt: asDate(r.submitted_at),
    submittedBy: r.submitted_by,
    approvedAt: asDate(r.approved_at),
    approvedBy: r.approved_by,
    verifiedAt: asDate(r.verified_at),
    verifiedBy: r.verified_by,
    unlockedUntil: asDate(r.unlocked_until),
    version: r.version,
  };
  const agreement: ReportAgreement = {
    id: r.agreement_id,
    title: agreementTitle(r.position_title, r.a_revision_no),
    level: r.a_level,
    status: r.a_status,
    startYear: r.a_start_year,
    endYear: r.a_end_year,
    revisionNo: r.a_revision_no,
    rootId: r.a_root_id,
    unitId: r.a_unit_id,
    unitName: r.unit_name,
    positionTitle: r.position_title,
    firstPartyName: formatFullName({
      frontTitle: r.fp_front,
      name: r.fp_name,
      backTitle: r.fp_back,
    }),
    secondPartyName: r.sp_name
      ? formatFullName({ frontTitle: r.sp_front, name: r.sp_name, backTitle: r.sp_back })
      : null,
    secondPartyEmployeeId: r.a_second_party_employee_id,
  };
  const unitPath = r.a_unit_id ? (r.unit_path ?? [r.a_unit_id]) : null;
  const locked = isReportLocked(report, settings, today, now);
  const pastDeadline = isPastDeadline(report.year, report.quarter, settings, today);
  const permissions = reportPermissions(ctx, {
    report,
    agreement,
    unitPath,
    locked,
    pastDeadline,
    today,
    now,
    pendingUnlock: r.pending_unlock,
  });
  return {
    report,
    agreement,
    unitPath,
    settings,
    today,
    now,
    deadline: reportDeadline(report.year, report.quarter, settings),
    locked,
    pastDeadline,
    pendingUnlock: r.pending_unlock,
    permissions,
  };
}

/**
 * The policy's permissions narrowed by what only monitoring knows: a superseded / unsigned PK
 * takes no new entries; a submission is withdrawn only while entry is open; an unlock is asked
 * only for a quarter whose deadline passed, that is not unlocked now and has no request waiting.
 */
function reportPermissions(
  ctx: TenantContext,
  s: {
    report: ReportRow;
    agreement: ReportAgreement;
    unitPath: string[] | null;
    locked: boolean;
    pastDeadline: boolean;
    today: string;
    now: Date;
    pendingUnlock: boolean;
  },
): ReportPermissions {
  const base = quarterReportPermissions(ctx.actor, {
    unitPath: s.unitPath,
    status: s.report.status,
    locked: s.locked,
  });
  const current = isCurrentAgreement(s.agreement.status);
  const editable = s.report.status === 'draft' || s.report.status === 'returned';
  return {
    ...base,
    edit: base.edit && current,
    submit: base.submit && current,
    withdraw: base.withdraw && !s.locked,
    requestUnlock:
      base.requestUnlock &&
      current &&
      editable &&
      isQuarterOpen(s.report.year, s.report.quarter, s.today) &&
      s.pastDeadline &&
      !unlockInForce(s.report.unlockedUntil, s.now) &&
      !s.pendingUnlock,
    grantUnlock: base.grantUnlock && s.pendingUnlock,
  };
}

/** Realisasi is entered only for a signed current PK (signed or published). */
export const isCurrentAgreement = (status: string): boolean =>
  status === 'signed' || status === 'published';

/** Refuses entries for a PK that is not signed, or superseded by a PK Perubahan (409). */
export function assertAgreementCurrent(agreement: { status: string; revisionNo?: number }): void {
  if (isCurrentAgreement(agreement.status)) return;
  if (agreement.status === 'superseded') {
    throw new AppError(
      'AGREEMENT_NOT_SIGNED',
      'PK ini sudah digantikan PK Perubahan: realisasi diisi pada PK Perubahan yang berlaku.',
      { status: agreement.status },
    );
  }
  throw new AppError(
    'AGREEMENT_NOT_SIGNED',
    `PK ini berstatus "${statusLabel(agreement.status)}": realisasi hanya dapat diisi untuk PK yang sudah ditandatangani.`,
    { status: agreement.status },
  );
}
