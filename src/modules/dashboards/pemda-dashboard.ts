import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { Capaian } from '../../shared/capaian/index.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import {
  absorptionOf,
  averageOf,
  bandInfo,
  basis,
  type CountedReport,
  type CountedRow,
  capaianValue,
  countedHeadReports,
  currentSql,
  dashboardEnv,
  daysBetween,
  deadlineOf,
  emptyBandCounts,
  type HeadAgreement,
  headAgreements,
  money,
  notSubmitted,
  ReportIndex,
  rankByValue,
  reportStatusOf,
  resolvePeriod,
} from './dashboard-common.js';
import type { PemdaDashboard, pemdaDashboardQuery, quadrants } from './dashboard-schemas.js';

type Quadrant = (typeof quadrants)[number];

/**
 * The Pemda dashboard (Wali Kota / Bupati): capaian per RPJMD sasaran, every PD ranked, the
 * trend over quarters and years, results vs budget absorption, band shares and late units.
 *
 * Figures: the engine's stored capaian to date of each indicator of the heads of PD's PKs
 * (counted reports only), averaged with the engine's `averageCapaian` with weight 1 (only the
 * appreciation score weights IKU). Five set-based queries whatever the number of PD: settings,
 * years (+ default quarter), the head PKs, the counted reports of three years with their stored
 * figures, the Pemda PK's sasaran, and the report status of every PK of the quarter.
 */
export async function getPemdaDashboard(
  ctx: TenantContext,
  query: z.infer<typeof pemdaDashboardQuery>,
): Promise<PemdaDashboard> {
  assertCan(ctx.actor, 'monitoring.read');
  const env = await dashboardEnv(ctx);
  const { rules } = env;
  const { year, quarter, years } = await resolvePeriod(ctx, env, query);
  // One transaction, one connection: the queries run one after the other.
  const heads = await headAgreements(ctx, year);
  const reports = await countedHeadReports(ctx, year - 2, year);
  const objectives = await pemdaObjectives(ctx, year);
  const statuses = await reportStatuses(ctx, year, quarter);
  const index = new ReportIndex(reports);
  const headUnits = new Set(heads.map((h) => h.unitId));
  const unitRows = (unitId: string, y: number, q: number): CountedRow[] =>
    index.get(unitId, y, q)?.rows ?? [];
  const toDate = (rows: readonly CountedRow[]): Capaian =>
    averageOf(
      rows.map((r) => ({ value: r.toDate })),
      rules,
    );

  // Summary and band shares: every indicator of the heads of PD's PKs at the quarter.
  const bandCounts = emptyBandCounts();
  let indicators = 0;
  let assessed = 0;
  const allRows: CountedRow[] = [];
  for (const head of heads) {
    const report = index.get(head.unitId, year, quarter);
    indicators += report ? report.indicators : head.indicators;
    for (const row of report?.rows ?? []) {
      if (row.toDate === null || row.band === null) continue;
      assessed += 1;
      bandCounts[row.band] += 1;
      allRows.push(row);
    }
  }

  // Report status and lateness per PD: the head PK's report, and every PK of the PD's subtree.
  const deadline = deadlineOf(env, year, quarter);
  const pastDeadline = deadline < env.today;
  const late = new Map<string, number>();
  const headStatus = new Map<string, string | null>();
  for (const s of statuses) {
    const pd = s.unitPath.find((u) => headUnits.has(u));
    if (!pd) continue;
    if (s.level === 'kepala_pd' && s.unitId === pd) headStatus.set(pd, s.status);
    if (pastDeadline && notSubmitted(s.status)) late.set(pd, (late.get(pd) ?? 0) + 1);
  }

  // One line per PD.
  const lines = heads.map((head) => unitLine(head, year, quarter, index, unitRows, toDate));
  const ranked = rankByValue(lines, (l) => capaianValue(l.capaian));
  const units: PemdaDashboard['units'] = ranked.map(({ item, rank }) => ({
    unitId: item.head.unitId,
    unitName: item.head.unitName,
    agreementId: item.head.agreementId,
    rank,
    capaian: item.capaian,
    trend: item.trend,
    previousYear: item.previousYear,
    budgetCeiling: item.head.budgetCeiling,
    budgetRealised: item.budgetRealised,
    absorption: item.absorption,
    indicators: item.indicators,
    assessed: item.assessed,
    late: late.has(item.head.unitId),
    reportStatus: reportStatusOf(headStatus.get(item.head.unitId)),
  }));

  // Results vs budget.
  const capaianLine = rules.bands.tinggi.min;
  const absorptionLine = quarter * 25;
  const scatter: PemdaDashboard['scatter'] = [];
  for (const u of units) {
    const c = capaianValue(u.capaian);
    if (c === null || u.absorption === null) continue;
    const high = new Decimal(c).gte(capaianLine);
    const spent = new Decimal(u.absorption).gte(absorptionLine);
    const quadrant: Quadrant = high
      ? spent
        ? 'on_track'
        : 'efficient'
      : spent
        ? 'spending_without_results'
        : 'lagging';
    scatter.push({
      unitId: u.unitId,
      unitName: u.unitName,
      capaian: c,
      absorption: u.absorption,
      quadrant,
    });
  }

  // Pemda-wide trend: this year and the two before, every quarter.
  const trend: PemdaDashboard['trend'] = [];
  for (let y = year - 2; y <= year; y += 1) {
    for (let q = 1; q <= 4; q += 1) {
      const rows = reports
        .filter((r) => r.level === 'kepala_pd' && r.year === y && r.quarter === q)
        .flatMap((r) => r.rows);
      trend.push({ year: y, quarter: q, capaian: toDate(rows) });
    }
  }

  // Capaian per RPJMD sasaran: the Pemda PK's own indicators, else the cascade below it.
  const pemdaRows = index.get(null, year, quarter)?.rows ?? [];
  const objectiveLines: PemdaDashboard['objectives'] = objectives.map((o) => {
    const own = pemdaRows.filter((r) => r.objectiveId === o.id && r.toDate !== null);
    const supporting = allRows.filter((r) => r.supportsObjectiveId === o.id);
    const ownCapaian = toDate(own);
    const cascadeCapaian = toDate(supporting);
    const source = ownCapaian.assessed
      ? 'indicators'
      : cascadeCapaian.assessed
        ? 'cascade'
        : 'none';
    return {
      id: o.id,
      title: o.title,
      capaian: source === 'cascade' ? cascadeCapaian : ownCapaian,
      indicators: o.indicators,
      assessed: own.length,
      source,
      cascadeCapaian,
      supportingIndicators: o.supportingIndicators,
    };
  });

  const lateUnits: PemdaDashboard['lateUnits'] = pastDeadline
    ? heads
        .filter((h) => late.has(h.unitId))
        .map((h) => ({
          unitId: h.unitId,
          unitName: h.unitName,
          missing: late.get(h.unitId) ?? 0,
          deadline,
          daysLate: daysBetween(deadline, env.today),
        }))
    : [];

  return {
    year,
    quarter,
    years,
    basis,
    bands: bandInfo(rules),
    cap: rules.cap,
    deadline,
    today: env.today,
    summary: {
      capaian: toDate(allRows),
      indicators,
      assessed,
      notAssessed: Math.max(indicators - assessed, 0),
      bandCounts,
    },
    objectives: objectiveLines,
    units,
    trend,
    scatter,
    scatterThresholds: { capaian: capaianLine, absorption: absorptionLine },
    lateUnits,
  };
}

interface UnitLine {
  head: HeadAgreement;
  capaian: Capaian;
  trend: (string | null)[];
  previousYear: Capaian;
  budgetRealised: string;
  absorption: string | null;
  indicators: number;
  assessed: number;
}

function unitLine(
  head: HeadAgreement,
  year: number,
  quarter: number,
  index: ReportIndex,
  unitRows: (unitId: string, y: number, q: number) => CountedRow[],
  toDate: (rows: readonly CountedRow[]) => Capaian,
): UnitLine {
  const rows = unitRows(head.unitId, year, quarter);
  const report: CountedReport | undefined = index.get(head.unitId, year, quarter);
  let realised = new Decimal(0);
  for (let q = 1; q <= quarter; q += 1) {
    const r = index.get(head.unitId, year, q);
    if (r) realised = realised.plus(r.budgetSpent);
  }
  const budgetRealised = money(realised);
  return {
    head,
    capaian: toDate(rows),
    trend: [1, 2, 3, 4].map((q) => capaianValue(toDate(unitRows(head.unitId, year, q)))),
    previousYear: toDate(unitRows(head.unitId, year - 1, quarter)),
    budgetRealised,
    absorption: absorptionOf(budgetRealised, head.budgetCeiling),
    indicators: report ? report.indicators : head.indicators,
    assessed: rows.filter((r) => r.toDate !== null).length,
  };
}

interface PemdaObjective {
  id: string;
  title: string;
  indicators: number;
  supportingIndicators: number;
}

/**
 * The sasaran of the current Pemda PK of the year with their indicator counts and the number of
 * heads of PD's indicators whose sasaran supports each (the cascade).
 */
async function pemdaObjectives(ctx: TenantContext, year: number): Promise<PemdaObjective[]> {
  const t = ctx.tenantId;
  const rows = await queryRows<{
    id: string;
    title: string;
    indicators: number;
    supporting: number;
  }>(
    ctx.tx,
    sql`with pk as (
          select a.id from agreements a
           where a.tenant_id = ${t} and a.level = 'pemda' and a.status in ${currentSql}
             and a.start_year <= ${year} and a.end_year >= ${year}
           order by a.start_year desc limit 1)
        select o.id, o.title,
               (select count(*) from agreement_indicators i
                 where i.tenant_id = ${t} and i.objective_id = o.id)::int as indicators,
               (select count(*) from agreement_objectives so
                  join agreements sa on sa.tenant_id = so.tenant_id and sa.id = so.agreement_id
                  join agreement_indicators si on si.tenant_id = so.tenant_id and si.objective_id = so.id
                 where so.tenant_id = ${t} and so.supports_objective_id = o.id
                   and sa.level = 'kepala_pd' and sa.status in ${currentSql})::int as supporting
          from pk join agreement_objectives o on o.tenant_id = ${t} and o.agreement_id = pk.id
         order by o.sort_order, o.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    indicators: Number(r.indicators),
    supportingIndicators: Number(r.supporting),
  }));
}

interface PkStatus {
  agreementId: string;
  level: string;
  unitId: string;
  unitPath: string[];
  status: string | null;
}

/** Every current head / eselon III / eselon IV PK of the year with its report status at the quarter. */
async function reportStatuses(
  ctx: TenantContext,
  year: number,
  quarter: number,
): Promise<PkStatus[]> {
  const t = ctx.tenantId;
  const rows = await queryRows<{
    id: string;
    level: string;
    unit_id: string;
    unit_path: string[] | string;
    status: string | null;
  }>(
    ctx.tx,
    sql`select a.id, a.level, a.unit_id, to_json(u.path) as unit_path, r.status
          from agreements a
          join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join quarter_reports r on r.tenant_id = a.tenant_id and r.agreement_id = a.id
               and r.year = ${year} and r.quarter = ${quarter}
         where a.tenant_id = ${t} and a.level in ('kepala_pd', 'eselon_iii', 'eselon_iv')
           and a.status in ${currentSql}
           and a.start_year <= ${year} and a.end_year >= ${year}`,
  );
  return rows.map((r) => ({
    agreementId: r.id,
    level: r.level,
    unitId: r.unit_id,
    unitPath: typeof r.unit_path === 'string' ? JSON.parse(r.unit_path) : r.unit_path,
    status: r.status,
  }));
}
