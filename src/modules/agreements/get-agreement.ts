import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type {
  Aggregation,
  AgreementLevel,
  AgreementStatus,
  CalcMethod,
  Polarity,
} from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { readSettings } from './agreement-common.js';
import { agreementQuality } from './agreement-quality.js';
import type { AgreementDetail } from './agreement-schemas.js';
import { querySummaries, toSummary } from './list-agreements.js';

/** Sums of rupiah: decimal.js rounds to 20 significant digits by default, too few for
 * numeric(20, 2) amounts added up (a total of 2,000 rows needs 24). */
const Money = Decimal.clone({ precision: 64 });

interface ExtraRow {
  agreement_date: string;
  second_party_override_reason: string | null;
  plan_period_id: string | null;
  revision_reason: string | null;
  revision_note: string | null;
  parent_id: string | null;
  parent_level: AgreementLevel | null;
  parent_position_title: string | null;
  previous_id: string | null;
  previous_revision_no: number | null;
  previous_status: AgreementStatus | null;
}
interface ObjectiveRow {
  id: string;
  title: string;
  source_node_id: string | null;
  supports_objective_id: string | null;
  supports_title: string | null;
  supports_agreement_id: string | null;
}
interface IndicatorRow {
  id: string;
  objective_id: string;
  source_indicator_id: string | null;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  is_iku: boolean;
  scale_id: string | null;
}
interface TargetRow {
  indicator_id: string;
  year: number;
  quarter: number;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
  target_code: string | null;
}
interface BudgetRow {
  id: string;
  source_node_id: string | null;
  program_code: string;
  program_name: string;
  kegiatan_code: string | null;
  kegiatan_name: string | null;
  sub_kegiatan_code: string | null;
  sub_kegiatan_name: string | null;
  amount: string;
}
interface TransitionRow {
  id: string;
  from_status: AgreementStatus | null;
  to_status: AgreementStatus;
  actor_user_id: string | null;
  actor_name: string | null;
  comment: string | null;
  created_at: string | Date;
}

/** One PK with its content, quality findings, history and what the actor may do with it. */
export async function getAgreementDetail(ctx: TenantContext, id: string): Promise<AgreementDetail> {
  const settings = await readSettings(ctx);
  const [summary] = await querySummaries(ctx, sql`a.id = ${id}`, settings);
  if (!summary) throw notFound('Perjanjian Kinerja');
  const t = ctx.tenantId;

  const [extra] = await queryRows<ExtraRow>(
    ctx.tx,
    sql`select a.agreement_date::text as agreement_date, a.second_party_override_reason,
               a.plan_period_id, a.revision_reason, a.revision_note,
               pa.id as parent_id, pa.level as parent_level, pp.title as parent_position_title,
               pv.id as previous_id, pv.revision_no as previous_revision_no,
               pv.status as previous_status
          from agreements a
          left join agreements pa on pa.tenant_id = a.tenant_id and pa.id = a.parent_agreement_id
          left join positions pp on pp.tenant_id = pa.tenant_id and pp.id = pa.position_id
          left join agreements pv on pv.tenant_id = a.tenant_id and pv.id = a.previous_id
         where a.tenant_id = ${t} and a.id = ${id}`,
  );
  if (!extra) throw notFound('Perjanjian Kinerja');

  const objectiveRows = await queryRows<ObjectiveRow>(
    ctx.tx,
    sql`select o.id, o.title, o.source_node_id, o.supports_objective_id,
                   s.title as supports_title, s.agreement_id as supports_agreement_id
              from agreement_objectives o
              left join agreement_objectives s
                on s.tenant_id = o.tenant_id and s.id = o.supports_objective_id
             where o.tenant_id = ${t} and o.agreement_id = ${id}
             order by o.sort_order, o.id`,
  );
  const indicatorRows = await queryRows<IndicatorRow>(
    ctx.tx,
    sql`select id, objective_id, source_indicator_id, name, satuan, polarity, method,
                   aggregation, is_iku, scale_id
              from agreement_indicators
             where tenant_id = ${t} and agreement_id = ${id}
             order by sort_order, id`,
  );
  const targetRows = await queryRows<TargetRow>(
    ctx.tx,
    sql`select indicator_id, year, quarter, target_value::text as target_value,
                   target_low::text as target_low, target_high::text as target_high, target_code
              from agreement_targets
             where tenant_id = ${t} and agreement_id = ${id}`,
  );
  const budgetRows = await queryRows<BudgetRow>(
    ctx.tx,
    sql`select id, source_node_id, program_code, program_name, kegiatan_code, kegiatan_name,
                   sub_kegiatan_code, sub_kegiatan_name, amount::text as amount
              from agreement_budgets
             where tenant_id = ${t} and agreement_id = ${id}
             order by sort_order, id`,
  );
  const transitionRows = await queryRows<TransitionRow>(
    ctx.tx,
    sql`select tr.id, tr.from_status, tr.to_status, tr.actor_user_id,
                   u.display_name as actor_name, tr.comment, tr.created_at
              from agreement_transitions tr
              left join users u on u.tenant_id = tr.tenant_id and u.id = tr.actor_user_id
             where tr.tenant_id = ${t} and tr.agreement_id = ${id}
             order by tr.created_at, tr.id`,
  );
  const candidates = extra.parent_id
    ? await queryRows<{ id: string; title: string }>(
        ctx.tx,
        sql`select id, title from agreement_objectives
                 where tenant_id = ${t} and agreement_id = ${extra.parent_id}
                 order by sort_order, id`,
      )
    : [];

  const years: number[] = [];
  for (let y = summary.startYear; y <= summary.endYear; y += 1) years.push(y);
  const targetsByIndicator = new Map<string, Map<number, (TargetValue | null)[]>>();
  for (const r of targetRows) {
    let byYear = targetsByIndicator.get(r.indicator_id);
    if (!byYear) {
      byYear = new Map();
      targetsByIndicator.set(r.indicator_id, byYear);
    }
    const slots = byYear.get(r.year) ?? [null, null, null, null, null];
    slots[r.quarter] = targetFromColumns({
      value: r.target_value,
      low: r.target_low,
      high: r.target_high,
      code: r.target_code,
    });
    byYear.set(r.year, slots);
  }
  const indicatorsByObjective = new Map<
    string,
    AgreementDetail['objectives'][number]['indicators']
  >();
  for (const i of indicatorRows) {
    const byYear = targetsByIndicator.get(i.id);
    const list = indicatorsByObjective.get(i.objective_id) ?? [];
    list.push({
      id: i.id,
      sourceIndicatorId: i.source_indicator_id,
      name: i.name,
      satuan: i.satuan,
      polarity: i.polarity,
      method: i.method,
      aggregation: i.aggregation,
      isIku: i.is_iku,
      scaleId: i.scale_id,
      // Years of the PK plus any stray year stored (never dropped silently).
      targets: [...new Set([...years, ...(byYear?.keys() ?? [])])]
        .sort((a, b) => a - b)
        .map((year) => {
          const slots = byYear?.get(year) ?? [null, null, null, null, null];
          return { year, annual: slots[0] ?? null, quarters: slots.slice(1, 5) };
        }),
    });
    indicatorsByObjective.set(i.objective_id, list);
  }
  const objectives: AgreementDetail['objectives'] = objectiveRows.map((o) => ({
    id: o.id,
    title: o.title,
    sourceNodeId: o.source_node_id,
    supportsObjectiveId: o.supports_objective_id,
    supports:
      o.supports_objective_id && o.supports_title && o.supports_agreement_id
        ? {
            objectiveId: o.supports_objective_id,
            title: o.supports_title,
            agreementId: o.supports_agreement_id,
          }
        : null,
    indicators: indicatorsByObjective.get(o.id) ?? [],
  }));
  const budgets = budgetRows.map((b) => ({
    id: b.id,
    sourceNodeId: b.source_node_id,
    programCode: b.program_code,
    programName: b.program_name,
    kegiatanCode: b.kegiatan_code,
    kegiatanName: b.kegiatan_name,
    subKegiatanCode: b.sub_kegiatan_code,
    subKegiatanName: b.sub_kegiatan_name,
    amount: new Decimal(b.amount).toFixed(2),
  }));
  const budgetTotal = budgets.reduce((sum, b) => sum.plus(b.amount), new Money(0)).toFixed(2);

  return {
    ...toSummary(summary),
    agreementDate: extra.agreement_date,
    secondPartyOverrideReason: extra.second_party_override_reason,
    planPeriodId: extra.plan_period_id,
    revisionReason: extra.revision_reason,
    revisionNote: extra.revision_note,
    parent:
      extra.parent_id && extra.parent_level
        ? {
            id: extra.parent_id,
            level: extra.parent_level,
            positionTitle: extra.parent_position_title ?? '',
          }
        : null,
    previous:
      extra.previous_id && extra.previous_status !== null && extra.previous_revision_no !== null
        ? {
            id: extra.previous_id,
            revisionNo: extra.previous_revision_no,
            status: extra.previous_status,
          }
        : null,
    objectives,
    budgets,
    budgetTotal,
    quality: await agreementQuality(ctx, summary.level, objectives, settings),
    transitions: transitionRows.map((r) => ({
      id: r.id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
      comment: r.comment,
      at: new Date(r.created_at).toISOString(),
    })),
    candidateParentObjectives: candidates,
    permissions: { ...summary.permissions, editContent: summary.permissions.update ?? false },
  };
}
