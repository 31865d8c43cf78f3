import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { requiresExplanation, rulesFromSettings } from '../../shared/capaian/index.js';
import type { QuarterReportStatus } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { notifyReportTransition } from '../notifications/report-events.js';
import { assertVersion } from '../org/units/find-unit.js';
import { capaianAt, loadIndicatorYears } from './indicator-years.js';
import { assertAgreementCurrent, type LoadedReport, loadReport } from './load-report.js';
import type { ReportAction } from './monitoring-schemas.js';
import { assertReportOpen, quarterLabel } from './quarter-lock.js';

export interface TransitionInput {
  version: number;
  action: ReportAction;
  note?: string | undefined;
}

const targetOf: Record<ReportAction, QuarterReportStatus> = {
  submit: 'submitted',
  withdraw: 'draft',
  approve: 'approved',
  verify: 'verified',
  return: 'returned',
};

const statusLabels: Record<QuarterReportStatus, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  approved: 'disetujui',
  verified: 'diverifikasi',
  returned: 'dikembalikan',
};

const fromAllowed: Record<ReportAction, readonly QuarterReportStatus[]> = {
  submit: ['draft', 'returned'],
  withdraw: ['submitted'],
  approve: ['submitted'],
  verify: ['approved'],
  return: ['submitted', 'approved', 'verified'],
};

/**
 * The workflow of a quarter report: the operator submits (or withdraws), the head of the unit
 * approves, the verifier (admin Pemda, Inspektorat) verifies; the head returns a submitted report,
 * the verifier an approved or verified one, always with a note. Every change is recorded in
 * quarter_report_transitions (the history), audited, and told to the people concerned
 * (notifyReportTransition) in the same transaction.
 *
 * A repeated request (double click: same action, the version it was based on, and the report
 * already moved by that action) answers the current report instead of an error.
 * Returns the loaded report after the change.
 */
export async function transitionReport(
  ctx: TenantContext,
  reportId: string,
  input: TransitionInput,
): Promise<LoadedReport> {
  const loaded = await loadReport(ctx, reportId, { lock: true });
  const { report } = loaded;
  const to = targetOf[input.action];

  if (report.status === to && input.version === report.version - 1) {
    const [last] = await queryRows<{ to_status: string; actor_user_id: string | null }>(
      ctx.tx,
      sql`select to_status, actor_user_id from quarter_report_transitions
           where tenant_id = ${ctx.tenantId} and report_id = ${report.id}
           order by created_at desc, id desc limit 1`,
    );
    if (last?.to_status === to && last.actor_user_id === actorUserId(ctx)) return loaded;
  }

  assertAllowed(ctx, loaded, input.action);
  if (!fromAllowed[input.action].includes(report.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Laporan berstatus "${statusLabels[report.status]}" tidak dapat ${actionVerb[input.action]}.`,
      { status: report.status, action: input.action },
    );
  }
  assertVersion(report, input.version);
  const note = input.note?.trim() || null;
  if (input.action === 'return' && (note === null || note.length < 5)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tuliskan catatan pengembalian (minimal 5 karakter) agar operator tahu apa yang harus diperbaiki.',
      { field: 'note' },
    );
  }
  if (input.action === 'withdraw') {
    // Back in draft after the deadline, the operator could not submit again without an unlock.
    assertReportOpen(report, loaded.settings, loaded.today, loaded.now);
  }
  if (input.action === 'submit') {
    assertAgreementCurrent(loaded.agreement);
    assertReportOpen(report, loaded.settings, loaded.today, loaded.now);
    await assertExplained(ctx, loaded);
  }

  const userId = actorUserId(ctx);
  const stamp = sql`${loaded.now.toISOString()}::timestamptz`;
  const set =
    input.action === 'submit'
      ? sql`, submitted_at = ${stamp}, submitted_by = ${userId}, approved_at = null,
             approved_by = null, verified_at = null, verified_by = null`
      : input.action === 'approve'
        ? sql`, approved_at = ${stamp}, approved_by = ${userId}`
        : input.action === 'verify'
          ? sql`, verified_at = ${stamp}, verified_by = ${userId}`
          : sql``;
  await ctx.tx.execute(
    sql`update quarter_reports set status = ${to}, version = version + 1, updated_at = now() ${set}
         where tenant_id = ${ctx.tenantId} and id = ${report.id}`,
  );
  await ctx.tx.execute(
    sql`insert into quarter_report_transitions
          (tenant_id, id, report_id, from_status, to_status, actor_user_id, note, created_at)
        values (${ctx.tenantId}, ${newId()}, ${report.id}, ${report.status}, ${to}, ${userId},
                ${note}, ${stamp})`,
  );
  await ctx.audit({
    action: `quarter_report.${input.action}`,
    entityType: 'quarter_report',
    entityId: report.id,
    data: {
      agreementId: report.agreementId,
      year: report.year,
      quarter: report.quarter,
      from: report.status,
      to,
      note,
    },
  });
  await notifyReportTransition(ctx, {
    reportId: report.id,
    agreementId: report.agreementId,
    unitId: loaded.agreement.unitId,
    title: [loaded.agreement.unitName, loaded.agreement.title].filter(Boolean).join(' — '),
    year: report.year,
    quarter: report.quarter,
    from: report.status,
    to,
    note,
  });
  return loadReport(ctx, report.id, { settings: loaded.settings });
}

const actionVerb: Record<ReportAction, string> = {
  submit: 'diajukan',
  withdraw: 'ditarik kembali',
  approve: 'disetujui',
  verify: 'diverifikasi',
  return: 'dikembalikan',
};

function assertAllowed(ctx: TenantContext, loaded: LoadedReport, action: ReportAction): void {
  const target = { unitPath: loaded.unitPath };
  switch (action) {
    case 'submit':
    case 'withdraw':
      assertCan(ctx.actor, 'realisasi.write', target);
      return;
    case 'approve':
      assertCan(ctx.actor, 'realisasi.approve', target);
      return;
    case 'verify':
      assertCan(ctx.actor, 'realisasi.verify');
      return;
    case 'return': {
      // The head returns what was submitted to them; the verifier what was approved/verified.
      const status = loaded.report.status;
      const ok =
        status === 'submitted'
          ? can(ctx.actor, 'realisasi.approve', target)
          : can(ctx.actor, 'realisasi.verify');
      if (!ok)
        assertCan(
          ctx.actor,
          status === 'submitted' ? 'realisasi.approve' : 'realisasi.verify',
          target,
        );
      return;
    }
  }
}

/**
 * Before submitting, every indicator must be explained (analysis, obstacles and follow-up all
 * filled) when its realisasi is missing, or when its capaian to date falls in the two lowest
 * bands (the engine's requiresExplanation). 422 EXPLANATION_REQUIRED lists them all.
 */
async function assertExplained(ctx: TenantContext, loaded: LoadedReport): Promise<void> {
  const { report } = loaded;
  const rules = rulesFromSettings(loaded.settings.monitoring);
  const years = await loadIndicatorYears(
    ctx.tx,
    ctx.tenantId,
    sql`ai.agreement_id = ${report.agreementId}`,
    [report.year],
  );
  const missing: {
    indicatorId: string;
    name: string;
    reason: 'no_realisasi' | 'low_band';
    message: string;
  }[] = [];
  for (const iy of years.values()) {
    const n = iy.narratives[report.quarter - 1];
    const explained =
      !!n && n.analysis.trim() !== '' && n.obstacles.trim() !== '' && n.followUp.trim() !== '';
    if (explained) continue;
    if (iy.realisasi[report.quarter - 1] === null) {
      missing.push({
        indicatorId: iy.indicatorId,
        name: iy.name,
        reason: 'no_realisasi',
        message: `${iy.name}: realisasi belum diisi; isi realisasinya, atau jelaskan analisis, kendala, dan tindak lanjutnya.`,
      });
      continue;
    }
    let low = false;
    try {
      low = requiresExplanation(capaianAt(iy, report.quarter, rules).toDate, rules);
    } catch (error) {
      // Only the engine's refusals (a target that does not fit the method) mean "not assessed".
      if (!(error instanceof AppError)) throw error;
      low = false;
    }
    if (low) {
      missing.push({
        indicatorId: iy.indicatorId,
        name: iy.name,
        reason: 'low_band',
        message: `${iy.name}: capaian berada pada kategori rendah; isi analisis, kendala, dan tindak lanjut.`,
      });
    }
  }
  if (missing.length > 0) {
    const order = new Map([...years.values()].map((iy, i) => [iy.indicatorId, i]));
    missing.sort((a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0));
    throw new AppError(
      'EXPLANATION_REQUIRED',
      `Laporan ${quarterLabel(report.year, report.quarter)} belum dapat diajukan: ${missing.length} indikator memerlukan penjelasan (${missing.map((m) => m.name).join('; ')}).`,
      { indicators: missing },
    );
  }
}
