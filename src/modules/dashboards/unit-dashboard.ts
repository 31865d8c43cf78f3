import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { RealisasiValue } from '../../shared/capaian/index.js';
import type { AgreementLevel, AgreementStatus, CapaianBand } from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { formatFullName } from '../org/names.js';
import {
  absorptionOf,
  averageOf,
  bandInfo,
  basis,
  capaianValue,
  countedSql,
  currentSql,
  dashboardEnv,
  deadlineOf,
  iso,
  money,
  reportStatusOf,
  resolvePeriod,
  stored,
} from './dashboard-common.js';
import type { UnitDashboard, unitDashboardQuery } from './dashboard-schemas.js';

/**
 * The dashboard of one unit (a PD, or an eselon III/IV unit): its own signed PKs and those of
 * the eselon III/IV units below it, each indicator with its target path, the counted realisasi
 * of TW I–IV and the engine's stored capaian at the selected quarter; each child unit's capaian;
 * the budget of the unit's own PK with the counted spending per quarter; and the supervisory
 * notes on the unit. Another tenant's unit id is 404. Seven queries whatever the size.
 *
 * Figures are those of each PK's current version (realisasi of a superseded version before a PK
 * Perubahan are not carried over to the new indicators here; the Pemda dashboard does count them).
 */
export async function getUnitDashboard(
  ctx: TenantContext,
  unitId: string,
  query: z.infer<typeof unitDashboardQuery>,
): Promise<UnitDashboard> {
  assertCan(ctx.actor, 'monitoring.read');
  const t = ctx.tenantId;
  const [unit] = await queryRows<{ id: string; name: string; path: string[] | string }>(
    ctx.tx,
    sql`select id, name, to_json(path) as path from units where tenant_id = ${t} and id = ${unitId}`,
  );
  if (!unit) throw notFound('Unit');
  const unitPath: string[] = typeof unit.path === 'string' ? JSON.parse(unit.path) : unit.path;
  const env = await dashboardEnv(ctx);
  const { rules } = env;
  const { year, quarter, years } = await resolvePeriod(ctx, env, query);

  const breadcrumb = await queryRows<{ id: string; name: string }>(
    ctx.tx,
    sql`select id, name from units
         where tenant_id = ${t} and id = any(${sql.param(unitPath)}::uuid[])
         order by array_position(${sql.param(unitPath)}::uuid[], id)`,
  );

  const pks = await subtreeAgreements(ctx, unitId, year);
  const ids = pks.map((p) => p.id);
  const indicators = ids.length ? await agreementIndicatorsOf(ctx, ids, year) : [];
  const values = ids.length ? await countedValues(ctx, ids, year) : [];
  const statuses = ids.length
    ? await queryRows<{ agreement_id: string; quarter: number; status: string }>(
        ctx.tx,
        sql`select agreement_id, quarter, status from quarter_reports
             where tenant_id = ${t} and year = ${year}
               and agreement_id = any(${sql.param(ids)}::uuid[])`,
      )
    : [];
  const ownIds = pks.filter((p) => p.unitId === unitId).map((p) => p.id);
  const budgets = ownIds.length ? await budgetRows(ctx, ownIds, year) : [];
  const notes = await queryRows<{
    id: string;
    quarter: number;
    author_name: string;
    note: string;
    created_at: string | Date;
  }>(
    ctx.tx,
    sql`select id, quarter, author_name, note, created_at from supervisory_notes
         where tenant_id = ${t} and year = ${year} and unit_id = ${unitId}
         order by created_at desc`,
  );

  const statusOf = (agreementId: string, q: number) =>
    statuses.find((s) => s.agreement_id === agreementId && Number(s.quarter) === q)?.status ?? null;
  const valueAt = new Map(values.map((v) => [`${v.indicator_id}|${v.quarter}`, v]));

  const agreements: UnitDashboard['agreements'] = pks.map((pk) => {
    const own = indicators.filter((i) => i.agreementId === pk.id);
    const reportStatus = reportStatusOf(statusOf(pk.id, quarter));
    const lines = own.map((i) => {
      const at = valueAt.get(`${i.id}|${quarter}`);
      const realisasi = [1, 2, 3, 4].map((q) => realisasiOf(valueAt.get(`${i.id}|${q}`)));
      return {
        id: i.id,
        name: i.name,
        satuan: i.satuan,
        isIku: i.isIku,
        objectiveTitle: i.objectiveTitle,
        annualTarget: i.targets[0] ?? null,
        quarterTargets: [1, 2, 3, 4].map((q) => i.targets[q] ?? null),
        realisasi,
        capaian: {
          quarter: stored(at?.capaian_quarter, rules),
          toDate: stored(at?.capaian_to_date, rules),
          annual: stored(at?.capaian_annual, rules),
        },
        band: (at?.band ?? null) as CapaianBand | null,
        reportStatus,
      };
    });
    const trend = [1, 2, 3, 4].map((q) =>
      capaianValue(
        averageOf(
          own.map((i) => ({ value: valueAt.get(`${i.id}|${q}`)?.capaian_to_date ?? null })),
          rules,
        ),
      ),
    );
    return {
      id: pk.id,
      level: pk.level,
      status: pk.status,
      unitId: pk.unitId,
      unitName: pk.unitName,
      firstPartyName: pk.firstPartyName,
      positionTitle: pk.positionTitle,
      capaian: averageOf(
        lines.map((l) => ({ value: capaianValue(l.capaian.toDate) })),
        rules,
      ),
      trend,
      reportStatus,
      indicators: lines,
    };
  });

  const childIds = [...new Set(pks.filter((p) => p.unitId !== unitId).map((p) => p.unitId))];
  const children: UnitDashboard['children'] = childIds.map((childId) => {
    const theirs = agreements.filter((a) => a.unitId === childId);
    const lines = theirs.flatMap((a) => a.indicators);
    const head = theirs[0];
    return {
      unitId: childId,
      unitName: head?.unitName ?? '',
      capaian: averageOf(
        lines.map((l) => ({ value: capaianValue(l.capaian.toDate) })),
        rules,
      ),
      indicators: lines.length,
      assessed: lines.filter((l) => l.capaian.toDate.assessed).length,
      reportStatus: head?.reportStatus ?? 'none',
    };
  });

  const ownLines = agreements.filter((a) => a.unitId === unitId).flatMap((a) => a.indicators);
  let totalCeiling = new Decimal(0);
  let totalRealised = new Decimal(0);
  const budgetLines: UnitDashboard['budgets'] = budgets.map((b) => {
    const realisedToDate = b.realised
      .slice(0, quarter)
      .reduce((sum: Decimal, v) => (v === null ? sum : sum.plus(v)), new Decimal(0));
    totalCeiling = totalCeiling.plus(b.ceiling);
    totalRealised = totalRealised.plus(realisedToDate);
    return {
      id: b.id,
      programName: b.programName,
      kegiatanName: b.kegiatanName,
      subKegiatanCode: b.subKegiatanCode,
      subKegiatanName: b.subKegiatanName,
      ceiling: b.ceiling,
      realised: b.realised,
      realisedToDate: money(realisedToDate),
      absorption: absorptionOf(money(realisedToDate), b.ceiling),
    };
  });

  return {
    year,
    quarter,
    years,
    basis,
    bands: bandInfo(rules),
    cap: rules.cap,
    deadline: deadlineOf(env, year, quarter),
    unit: { id: unit.id, name: unit.name, path: breadcrumb },
    capaian: averageOf(
      ownLines.map((l) => ({ value: capaianValue(l.capaian.toDate) })),
      rules,
    ),
    agreements,
    children,
    budgets: budgetLines,
    budgetTotal: {
      ceiling: money(totalCeiling),
      realisedToDate: money(totalRealised),
      absorption: absorptionOf(money(totalRealised), money(totalCeiling)),
    },
    notes: notes.map((n) => ({
      id: n.id,
      quarter: Number(n.quarter),
      authorName: n.author_name,
      note: n.note,
      createdAt: iso(n.created_at),
    })),
  };
}

export function realisasiOf(
  v: { value: string | null; code: string | null } | undefined,
): RealisasiValue | null {
  if (!v) return null;
  if (v.value !== null) return { kind: 'number', value: normalize(v.value) };
  if (v.code !== null) return { kind: 'scale', code: v.code };
  return null;
}

const normalize = (text: string): string => {
  const t = targetFromColumns({ value: text, low: null, high: null, code: null });
  return t?.kind === 'number' ? t.value : text;
};

interface SubtreePk {
  id: string;
  level: AgreementLevel;
  status: AgreementStatus;
  unitId: string;
  unitName: string;
  positionTitle: string;
  firstPartyName: string;
}

/** Current signed head / eselon III / eselon IV PKs of the year in the unit's subtree. */
async function subtreeAgreements(
  ctx: TenantContext,
  unitId: string,
  year: number,
): Promise<SubtreePk[]> {
  const rows = await queryRows<{
    id: string;
    level: AgreementLevel;
    status: AgreementStatus;
    unit_id: string;
    unit_name: string;
    position_title: string;
    front_title: string | null;
    name: string;
    back_title: string | null;
  }>(
    ctx.tx,
    sql`select a.id, a.level, a.status, a.unit_id, u.name as unit_name, p.title as position_title,
               e.front_title, e.name, e.back_title
          from agreements a
          join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees e on e.tenant_id = a.tenant_id and e.id = a.first_party_employee_id
         where a.tenant_id = ${ctx.tenantId} and u.path @> array[${unitId}]::uuid[]
           and a.level in ('kepala_pd', 'eselon_iii', 'eselon_iv')
           and a.status in ${currentSql}
           and a.start_year <= ${year} and a.end_year >= ${year}
         order by a.unit_id <> ${unitId}, cardinality(u.path), u.sort_order, u.name, p.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    status: r.status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    positionTitle: r.position_title,
    firstPartyName: formatFullName({
      frontTitle: r.front_title,
      name: r.name,
      backTitle: r.back_title,
    }),
  }));
}

export interface IndicatorLine {
  id: string;
  agreementId: string;
  name: string;
  satuan: string;
  isIku: boolean;
  objectiveTitle: string;
  /** Index 0 = annual, 1–4 = TW I–IV. */
  targets: (TargetValue | null)[];
}

/** The indicators of the PKs, in the PKs' order, with their targets of the year. */
export async function agreementIndicatorsOf(
  ctx: TenantContext,
  agreementIds: string[],
  year: number,
): Promise<IndicatorLine[]> {
  const t = ctx.tenantId;
  const rows = await queryRows<{
    id: string;
    agreement_id: string;
    name: string;
    satuan: string;
    is_iku: boolean;
    objective_title: string;
    quarter: number | null;
    target_value: string | null;
    target_low: string | null;
    target_high: string | null;
    target_code: string | null;
  }>(
    ctx.tx,
    sql`select i.id, i.agreement_id, i.name, i.satuan, i.is_iku, o.title as objective_title,
               tg.quarter, tg.target_value::text as target_value, tg.target_low::text as target_low,
               tg.target_high::text as target_high, tg.target_code
          from agreement_indicators i
          join agreement_objectives o on o.tenant_id = i.tenant_id and o.id = i.objective_id
          left join agreement_targets tg on tg.tenant_id = i.tenant_id and tg.indicator_id = i.id
               and tg.year = ${year}
         where i.tenant_id = ${t} and i.agreement_id = any(${sql.param(agreementIds)}::uuid[])
         order by o.sort_order, o.title, i.sort_order, i.name`,
  );
  const out = new Map<string, IndicatorLine>();
  for (const r of rows) {
    let line = out.get(r.id);
    if (!line) {
      line = {
        id: r.id,
        agreementId: r.agreement_id,
        name: r.name,
        satuan: r.satuan,
        isIku: r.is_iku,
        objectiveTitle: r.objective_title,
        targets: [null, null, null, null, null],
      };
      out.set(r.id, line);
    }
    if (r.quarter !== null) {
      line.targets[Number(r.quarter)] = targetFromColumns({
        value: r.target_value,
        low: r.target_low,
        high: r.target_high,
        code: r.target_code,
      });
    }
  }
  return [...out.values()];
}

interface ValueRow {
  indicator_id: string;
  quarter: number;
  value: string | null;
  code: string | null;
  capaian_quarter: string | null;
  capaian_to_date: string | null;
  capaian_annual: string | null;
  band: string | null;
}

/** Counted realisasi rows (approved / verified reports) of the PKs in the year. */
async function countedValues(
  ctx: TenantContext,
  agreementIds: string[],
  year: number,
): Promise<ValueRow[]> {
  const rows = await queryRows<ValueRow>(
    ctx.tx,
    sql`select x.indicator_id, x.quarter, x.value::text as value, x.code,
               x.capaian_quarter::text as capaian_quarter, x.capaian_to_date::text as capaian_to_date,
               x.capaian_annual::text as capaian_annual, x.band
          from realisasi x
          join quarter_reports r on r.tenant_id = x.tenant_id and r.id = x.report_id
         where x.tenant_id = ${ctx.tenantId} and x.year = ${year}
           and x.agreement_id = any(${sql.param(agreementIds)}::uuid[])
           and r.status in ${countedSql}`,
  );
  return rows.map((r) => ({ ...r, quarter: Number(r.quarter) }));
}

interface BudgetLine {
  id: string;
  programName: string;
  kegiatanName: string | null;
  subKegiatanCode: string | null;
  subKegiatanName: string | null;
  ceiling: string;
  realised: (string | null)[];
}

/** Budget rows of the PKs with the counted spending of each quarter of the year. */
async function budgetRows(
  ctx: TenantContext,
  agreementIds: string[],
  year: number,
): Promise<BudgetLine[]> {
  const t = ctx.tenantId;
  const rows = await queryRows<{
    id: string;
    program_name: string;
    kegiatan_name: string | null;
    sub_kegiatan_code: string | null;
    sub_kegiatan_name: string | null;
    amount: string;
    q1: string | null;
    q2: string | null;
    q3: string | null;
    q4: string | null;
  }>(
    ctx.tx,
    sql`select b.id, b.program_name, b.kegiatan_name, b.sub_kegiatan_code, b.sub_kegiatan_name,
               b.amount::text as amount,
               sum(br.amount) filter (where br.quarter = 1)::text as q1,
               sum(br.amount) filter (where br.quarter = 2)::text as q2,
               sum(br.amount) filter (where br.quarter = 3)::text as q3,
               sum(br.amount) filter (where br.quarter = 4)::text as q4
          from agreement_budgets b
          left join (budget_realisasi br
                     join quarter_reports r on r.tenant_id = br.tenant_id and r.id = br.report_id
                          and r.status in ${countedSql})
                 on br.tenant_id = b.tenant_id and br.budget_id = b.id and br.year = ${year}
         where b.tenant_id = ${t} and b.agreement_id = any(${sql.param(agreementIds)}::uuid[])
         group by b.id, b.program_name, b.kegiatan_name, b.sub_kegiatan_code, b.sub_kegiatan_name,
                  b.amount, b.sort_order
         order by b.sort_order, b.sub_kegiatan_code`,
  );
  return rows.map((r) => ({
    id: r.id,
    programName: r.program_name,
    kegiatanName: r.kegiatan_name,
    subKegiatanCode: r.sub_kegiatan_code,
    subKegiatanName: r.sub_kegiatan_name,
    ceiling: money(r.amount),
    realised: [r.q1, r.q2, r.q3, r.q4].map((v) => (v === null ? null : money(v))),
  }));
}
