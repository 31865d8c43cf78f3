import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { Aggregation, CalcMethod, Polarity } from '../../shared/codes.js';
import { targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { type AgreementRow, pdOf, unitPathOf } from './agreement-common.js';
import type {
  AgreementContent,
  ContentBudget,
  ContentIndicator,
  ContentObjective,
} from './content-validation.js';
import { existingContentIds } from './write-content.js';

interface NodeRow {
  id: string;
  title: string;
  /** The plan node whose PK sasaran this one supports (see linkNodeOf). */
  link_node_id: string | null;
}
interface IndicatorRow {
  id: string;
  node_id: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  scale_id: string | null;
  is_iku: boolean;
  allow_negative: boolean;
}
interface TargetRow {
  indicator_id: string;
  year: number;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
  target_code: string | null;
}
interface BudgetRow {
  id: string;
  program_code: string;
  program_name: string;
  kegiatan_code: string;
  kegiatan_name: string;
  sub_code: string;
  sub_name: string;
  amount: string | null;
}

/**
 * What a PK takes from the plan, per level (the PK year's plan period, the PD's Renstra):
 * - pemda: the RPJMD sasaran with their indicators (IKU daerah);
 * - kepala_pd: the PD's Renstra sasaran with their indicators; every sub kegiatan of the PD;
 * - eselon_iii: the PD's programs with indicators whose responsible unit is this unit or below
 *   it (only those indicators); the sub kegiatan under those programs;
 * - eselon_iv: likewise with kegiatan; the sub kegiatan under them;
 * - pelaksana: nothing (individual indicators are typed in).
 * Targets: the yearly targets for startYear..endYear (no quarterly targets: the operator adds
 * them). Budgets: the DPA-Perubahan of the PK's first year (after APBD-P), else its DPA, else
 * the Renstra's pagu indikatif.
 * Cascade: each sasaran supports the parent PK's sasaran drafted from the node above its source
 * (the RPJMD sasaran a Renstra sasaran supports; a program's Renstra sasaran; a kegiatan's
 * program). Existing sasaran/indicators with the same source keep their ids.
 */
export async function pullFromPlan(
  ctx: TenantContext,
  agreement: AgreementRow,
): Promise<AgreementContent> {
  const periodId = agreement.planPeriodId;
  if (periodId === null || agreement.level === 'pelaksana') return { objectives: [], budgets: [] };
  const tenantId = ctx.tenantId;
  const unitPath = await unitPathOf(ctx, agreement.unitId);
  const pdId = unitPath ? await pdOf(ctx, unitPath) : null;
  const unitId = agreement.unitId;

  // Responsible-unit filter of eselon III/IV: indicators of this unit or a unit below it.
  const responsible = sql`exists (select 1 from units ru
      where ru.tenant_id = ${tenantId} and ru.id = i.responsible_unit_id
        and ${unitId}::uuid = any(ru.path))`;
  let nodeKind: string;
  let nodeScope: SQL;
  let linkColumn: SQL;
  let indicatorFilter: SQL = sql`true`;
  switch (agreement.level) {
    case 'pemda':
      nodeKind = 'sasaran';
      nodeScope = sql`n.unit_id is null`;
      linkColumn = sql`null::uuid`;
      break;
    case 'kepala_pd':
      nodeKind = 'sasaran';
      nodeScope = sql`n.unit_id = ${pdId}`;
      linkColumn = sql`n.supports_node_id`;
      break;
    default:
      nodeKind = agreement.level === 'eselon_iii' ? 'program' : 'kegiatan';
      nodeScope = sql`n.unit_id = ${pdId}`;
      linkColumn = sql`n.parent_id`;
      indicatorFilter = responsible;
      break;
  }

  // Eselon III/IV take only the programs/kegiatan they answer for.
  const nodeFilter =
    agreement.level === 'eselon_iii' || agreement.level === 'eselon_iv'
      ? sql`and exists (select 1 from indicators i
              where i.tenant_id = n.tenant_id and i.node_id = n.id and i.archived_at is null
                and ${indicatorFilter})`
      : sql``;
  const nodes = await queryRows<NodeRow>(
    ctx.tx,
    sql`select n.id, n.title, ${linkColumn} as link_node_id
          from plan_nodes n
          left join plan_nodes p on p.tenant_id = n.tenant_id and p.id = n.parent_id
         where n.tenant_id = ${tenantId} and n.period_id = ${periodId} and n.kind = ${nodeKind}
           and ${nodeScope} and n.archived_at is null
           ${nodeFilter}
         order by p.sort_order nulls first, p.code nulls first, n.sort_order, n.code, n.created_at`,
  );
  const nodeIds = nodes.map((n) => n.id);
  const indicatorRows = nodeIds.length
    ? await queryRows<IndicatorRow>(
        ctx.tx,
        sql`select i.id, i.node_id, i.name, i.satuan, i.polarity, i.method, i.aggregation,
                   i.scale_id, i.is_iku, i.allow_negative
              from indicators i
             where i.tenant_id = ${tenantId} and i.node_id = any(${sql.param(nodeIds)}::uuid[])
               and i.archived_at is null and ${indicatorFilter}
             order by i.sort_order, i.created_at`,
      )
    : [];
  const targetRows = indicatorRows.length
    ? await queryRows<TargetRow>(
        ctx.tx,
        sql`select indicator_id, year, target_value::text as target_value,
                   target_low::text as target_low, target_high::text as target_high, target_code
              from indicator_targets
             where tenant_id = ${tenantId}
               and indicator_id = any(${sql.param(indicatorRows.map((i) => i.id))}::uuid[])
               and year between ${agreement.startYear} and ${agreement.endYear}`,
      )
    : [];

  // The parent PK's sasaran by their source node, for the cascade links.
  const parentObjectives = agreement.parentAgreementId
    ? await queryRows<{ id: string; source_node_id: string | null }>(
        ctx.tx,
        sql`select id, source_node_id from agreement_objectives
             where tenant_id = ${tenantId} and agreement_id = ${agreement.parentAgreementId}
             order by sort_order`,
      )
    : [];
  const parentBySource = new Map<string, string>();
  for (const p of parentObjectives) {
    if (p.source_node_id && !parentBySource.has(p.source_node_id)) {
      parentBySource.set(p.source_node_id, p.id);
    }
  }

  const existing = await existingContentIds(ctx, agreement.id);
  const existingObjective = new Map<string, string>();
  for (const o of existing.objectives) {
    if (o.sourceNodeId) existingObjective.set(o.sourceNodeId, o.id);
  }
  const existingIndicator = new Map<string, string>();
  for (const i of existing.indicators) {
    if (i.sourceIndicatorId) existingIndicator.set(i.sourceIndicatorId, i.id);
  }

  const targetsOf = new Map<string, TargetRow[]>();
  for (const t of targetRows) {
    const list = targetsOf.get(t.indicator_id) ?? [];
    list.push(t);
    targetsOf.set(t.indicator_id, list);
  }
  const years: number[] = [];
  for (let y = agreement.startYear; y <= agreement.endYear; y += 1) years.push(y);

  const objectives: ContentObjective[] = nodes.map((n) => ({
    id: existingObjective.get(n.id),
    title: n.title,
    sourceNodeId: n.id,
    supportsObjectiveId: n.link_node_id ? (parentBySource.get(n.link_node_id) ?? null) : null,
    indicators: indicatorRows
      .filter((i) => i.node_id === n.id)
      .map(
        (i): ContentIndicator => ({
          id: existingIndicator.get(i.id),
          sourceIndicatorId: i.id,
          name: i.name,
          satuan: i.satuan,
          polarity: i.polarity,
          method: i.method,
          aggregation: i.aggregation,
          isIku: i.is_iku,
          scaleId: i.scale_id,
          allowNegative: i.allow_negative,
          targets: years.map((year) => {
            const row = targetsOf.get(i.id)?.find((t) => t.year === year);
            return {
              year,
              annual: row
                ? targetFromColumns({
                    value: row.target_value,
                    low: row.target_low,
                    high: row.target_high,
                    code: row.target_code,
                  })
                : null,
              quarters: [],
            };
          }),
        }),
      ),
  }));

  const budgets = pdId ? await pullBudgets(ctx, agreement, periodId, pdId, nodeIds) : [];
  return { objectives, budgets };
}

async function pullBudgets(
  ctx: TenantContext,
  agreement: AgreementRow,
  periodId: string,
  pdId: string,
  nodeIds: string[],
): Promise<ContentBudget[]> {
  if (agreement.level === 'pemda' || agreement.level === 'pelaksana') return [];
  if (agreement.level !== 'kepala_pd' && nodeIds.length === 0) return [];
  const scope =
    agreement.level === 'eselon_iii'
      ? sql`and p.id = any(${sql.param(nodeIds)}::uuid[])`
      : agreement.level === 'eselon_iv'
        ? sql`and k.id = any(${sql.param(nodeIds)}::uuid[])`
        : sql``;
  const tenantId = ctx.tenantId;
  const rows = await queryRows<BudgetRow>(
    ctx.tx,
    sql`select s.id, p.code as program_code, p.title as program_name, k.code as kegiatan_code,
               k.title as kegiatan_name, s.code as sub_code, s.title as sub_name,
               coalesce(dpap.amount, dpa.amount, pagu.amount)::text as amount
          from plan_nodes s
          join plan_nodes k on k.tenant_id = s.tenant_id and k.id = s.parent_id
          join plan_nodes p on p.tenant_id = k.tenant_id and p.id = k.parent_id
          left join budget_lines dpap on dpap.tenant_id = s.tenant_id and dpap.node_id = s.id
               and dpap.year = ${agreement.startYear} and dpap.kind = 'dpa_perubahan'
          left join budget_lines dpa on dpa.tenant_id = s.tenant_id and dpa.node_id = s.id
               and dpa.year = ${agreement.startYear} and dpa.kind = 'dpa'
          left join budget_lines pagu on pagu.tenant_id = s.tenant_id and pagu.node_id = s.id
               and pagu.year = ${agreement.startYear} and pagu.kind = 'pagu_indikatif'
         where s.tenant_id = ${tenantId} and s.period_id = ${periodId} and s.unit_id = ${pdId}
           and s.kind = 'sub_kegiatan' and s.archived_at is null and k.archived_at is null
           and p.archived_at is null ${scope}
         order by s.code`,
  );
  return rows.map((r) => ({
    sourceNodeId: r.id,
    programCode: r.program_code,
    programName: r.program_name,
    kegiatanCode: r.kegiatan_code,
    kegiatanName: r.kegiatan_name,
    subKegiatanCode: r.sub_code,
    subKegiatanName: r.sub_name,
    amount: new Decimal(r.amount ?? '0').toFixed(2),
  }));
}
