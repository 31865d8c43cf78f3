import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import {
  type Capaian,
  type QuarterCapaian,
  requiresExplanation,
  rulesFromSettings,
} from '../../shared/capaian/index.js';
import type { QuarterReportStatus, UnlockStatus } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { moneyText } from '../planning/replace-budgets.js';
import { capaianAt, loadIndicatorYears } from './indicator-years.js';
import { type LoadedReport, loadReport } from './load-report.js';
import type { ReportDetail } from './monitoring-schemas.js';

interface BudgetSql {
  id: string;
  program_name: string;
  kegiatan_name: string | null;
  sub_code: string | null;
  sub_name: string | null;
  ceiling: string;
  previous: string;
  amount: string | null;
}

interface EvidenceSql {
  id: string;
  indicator_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: string | number;
  uploaded_by_name: string | null;
  created_at: string | Date;
}

interface TransitionSql {
  from_status: QuarterReportStatus | null;
  to_status: QuarterReportStatus;
  actor_name: string | null;
  note: string | null;
  created_at: string | Date;
}

interface UnlockSql {
  id: string;
  status: UnlockStatus;
  reason: string;
  requested_by_name: string | null;
  requested_at: string | Date;
  decided_by_name: string | null;
  decided_at: string | Date | null;
  granted_until: string | Date | null;
  decision_note: string | null;
}

interface ExtrasSql {
  statuses: { quarter: number; status: QuarterReportStatus }[] | null;
  evidence: EvidenceSql[] | null;
  transitions: TransitionSql[] | null;
  unlocks: UnlockSql[] | null;
}

const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: string | Date | null): string | null => (v === null ? null : iso(v));

const unassessable = (message: string): Capaian => ({
  assessed: false,
  reason: 'no_target',
  message,
});

/** GET /api/monitoring/reports/:id: the report with everything the entry page shows. */
export async function getReport(ctx: TenantContext, reportId: string): Promise<ReportDetail> {
  const loaded = await loadReport(ctx, reportId);
  assertCan(ctx.actor, 'monitoring.read');
  return reportDetail(ctx, loaded);
}

/**
 * Builds the ReportDetail of a loaded report in a fixed number of queries (whatever the number
 * of indicators). Capaian is the engine's (src/shared/capaian), from the same values it stored.
 */
export async function reportDetail(
  ctx: TenantContext,
  loaded: LoadedReport,
): Promise<ReportDetail> {
  const { report, agreement } = loaded;
  const tenantId = ctx.tenantId;
  const rules = rulesFromSettings(loaded.settings.monitoring);

  const years = await loadIndicatorYears(
    ctx.tx,
    tenantId,
    sql`ai.agreement_id = ${report.agreementId}`,
    [report.year],
  );
  const budgets = await queryRows<BudgetSql>(
    ctx.tx,
    sql`select b.id, b.program_name, b.kegiatan_name, b.sub_kegiatan_code as sub_code,
               b.sub_kegiatan_name as sub_name, b.amount::text as ceiling,
               (select coalesce(sum(br.amount), 0)::text from budget_realisasi br
                 where br.tenant_id = b.tenant_id and br.budget_id = b.id
                   and br.year = ${report.year} and br.quarter < ${report.quarter}) as previous,
               (select br.amount::text from budget_realisasi br
                 where br.tenant_id = b.tenant_id and br.budget_id = b.id
                   and br.year = ${report.year} and br.quarter = ${report.quarter}) as amount
          from agreement_budgets b
         where b.tenant_id = ${tenantId} and b.agreement_id = ${report.agreementId}
         order by b.sort_order, b.program_code, b.sub_kegiatan_code, b.id`,
  );
  // The report's other parts in one round trip: quarter statuses, evidence, history, unlocks.
  const [extras] = await queryRows<ExtrasSql>(
    ctx.tx,
    sql`select
          (select json_agg(json_build_object('quarter', r.quarter, 'status', r.status))
             from quarter_reports r
            where r.tenant_id = ${tenantId} and r.agreement_id = ${report.agreementId}
              and r.year = ${report.year}) as statuses,
          (select json_agg(json_build_object('id', e.id, 'indicator_id', e.indicator_id,
                    'file_name', e.file_name, 'content_type', e.content_type,
                    'size_bytes', e.size_bytes, 'uploaded_by_name', u.display_name,
                    'created_at', e.created_at) order by e.created_at, e.id)
             from evidence_files e
             left join users u on u.tenant_id = e.tenant_id and u.id = e.uploaded_by
            where e.tenant_id = ${tenantId} and e.report_id = ${report.id}
              and e.deleted_at is null) as evidence,
          (select json_agg(json_build_object('from_status', t.from_status,
                    'to_status', t.to_status, 'actor_name', u.display_name, 'note', t.note,
                    'created_at', t.created_at) order by t.created_at, t.id)
             from quarter_report_transitions t
             left join users u on u.tenant_id = t.tenant_id and u.id = t.actor_user_id
            where t.tenant_id = ${tenantId} and t.report_id = ${report.id}) as transitions,
          (select json_agg(json_build_object('id', q.id, 'status', q.status, 'reason', q.reason,
                    'requested_by_name', rq.display_name, 'requested_at', q.created_at,
                    'decided_by_name', dc.display_name, 'decided_at', q.decided_at,
                    'granted_until', q.granted_until, 'decision_note', q.decision_note)
                    order by q.created_at, q.id)
             from quarter_unlocks q
             left join users rq on rq.tenant_id = q.tenant_id and rq.id = q.requested_by
             left join users dc on dc.tenant_id = q.tenant_id and dc.id = q.decided_by
            where q.tenant_id = ${tenantId} and q.report_id = ${report.id}) as unlocks`,
  );
  const evidence = extras?.evidence ?? [];
  const transitions = extras?.transitions ?? [];
  const unlocks = extras?.unlocks ?? [];
  const statusBy = new Map((extras?.statuses ?? []).map((s) => [s.quarter, s.status]));
  const evidenceCount = new Map<string, number>();
  for (const e of evidence) {
    if (e.indicator_id)
      evidenceCount.set(e.indicator_id, (evidenceCount.get(e.indicator_id) ?? 0) + 1);
  }
  const qi = report.quarter - 1;

  return {
    id: report.id,
    agreementId: report.agreementId,
    agreement: {
      title: agreement.title,
      level: agreement.level,
      unitId: agreement.unitId,
      unitName: agreement.unitName,
      firstPartyName: agreement.firstPartyName,
      secondPartyName: agreement.secondPartyName,
      status: agreement.status,
    },
    year: report.year,
    quarter: report.quarter,
    status: report.status,
    version: report.version,
    deadline: loaded.deadline,
    locked: loaded.locked,
    unlockedUntil: report.unlockedUntil?.toISOString() ?? null,
    indicators: [...years.values()].map((iy) => {
      let capaian: QuarterCapaian | null = null;
      try {
        capaian = capaianAt(iy, report.quarter, rules);
      } catch (error) {
        // Only the engine's refusals (a target that does not fit the method) mean "not assessed".
        if (!(error instanceof AppError)) throw error;
        capaian = null; // a target that does not fit the method: shown as not assessable
      }
      const fallback = unassessable('Target indikator tidak sesuai metode perhitungan.');
      const narrative = iy.narratives[qi];
      const value = iy.realisasi[qi] ?? null;
      const toDate = capaian?.toDate ?? fallback;
      return {
        id: iy.indicatorId,
        objectiveId: iy.objectiveId,
        objectiveTitle: iy.objectiveTitle,
        name: iy.name,
        satuan: iy.satuan,
        polarity: iy.polarity,
        method: iy.measure.method,
        aggregation: iy.measure.aggregation,
        isIku: iy.isIku,
        allowNegative: iy.allowNegative,
        scale: iy.measure.scale ? iy.measure.scale.map((l) => ({ ...l })) : null,
        annualTarget: iy.annualTarget,
        quarterTarget: iy.quarterTargets[qi] ?? null,
        history: [1, 2, 3, 4].map((quarter) => ({
          quarter,
          value: iy.realisasi[quarter - 1] ?? null,
          status: statusBy.get(quarter) ?? null,
        })),
        value,
        analysis: narrative?.analysis ?? '',
        obstacles: narrative?.obstacles ?? '',
        followUp: narrative?.followUp ?? '',
        capaian: {
          quarter: capaian?.quarter ?? fallback,
          toDate,
          annual: capaian?.annual ?? fallback,
        },
        explanationRequired: value === null || requiresExplanation(toDate, rules),
        evidenceCount: evidenceCount.get(iy.indicatorId) ?? 0,
      };
    }),
    budgets: budgets.map((b) => {
      const ceiling = new Decimal(b.ceiling);
      const spent = new Decimal(b.previous).plus(b.amount ?? 0);
      return {
        id: b.id,
        programName: b.program_name,
        kegiatanName: b.kegiatan_name,
        subKegiatanCode: b.sub_code,
        subKegiatanName: b.sub_name,
        ceiling: moneyText(b.ceiling),
        previous: moneyText(b.previous),
        amount: b.amount === null ? null : moneyText(b.amount),
        absorption: ceiling.isZero()
          ? null
          : spent
              .dividedBy(ceiling)
              .times(100)
              .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
              .toFixed(2),
      };
    }),
    evidence: evidence.map((e) => ({
      id: e.id,
      indicatorId: e.indicator_id,
      fileName: e.file_name,
      contentType: e.content_type,
      sizeBytes: Number(e.size_bytes),
      uploadedByName: e.uploaded_by_name,
      createdAt: iso(e.created_at),
    })),
    transitions: transitions.map((t) => ({
      fromStatus: t.from_status,
      toStatus: t.to_status,
      actorName: t.actor_name,
      note: t.note,
      createdAt: iso(t.created_at),
    })),
    unlocks: unlocks.map((u) => ({
      id: u.id,
      status: u.status,
      reason: u.reason,
      requestedByName: u.requested_by_name,
      requestedAt: iso(u.requested_at),
      decidedByName: u.decided_by_name,
      decidedAt: isoOrNull(u.decided_at),
      grantedUntil: isoOrNull(u.granted_until),
      decisionNote: u.decision_note,
    })),
    permissions: loaded.permissions,
  };
}
