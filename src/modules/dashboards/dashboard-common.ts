import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { now as clockNow, todayIn } from '../../server/clock.js';
import {
  averageCapaian,
  type Capaian,
  type CapaianRules,
  capaianFromStored,
  rulesFromSettings,
  type WeightedCapaian,
} from '../../shared/capaian/index.js';
import { type CapaianBand, capaianBands, type QuarterReportStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { readSettings } from '../agreements/agreement-common.js';
import { reportDeadline } from '../monitoring/quarter-lock.js';
import type { TenantSettings } from '../tenants/settings.js';
import type { bandInfoSchema, basisSchema } from './dashboard-schemas.js';

/**
 * What every dashboard shares: the tenant's rules and time, the counted basis (approved and
 * verified reports only), year and quarter defaults, and small set-based readers. Capaian is
 * never computed here: the per-indicator figures are the engine's stored columns
 * (realisasi.capaian_*) and every average is the engine's `averageCapaian`.
 */

/** Reports whose figures count: a draft or submitted figure is the PD's claim until approved. */
export const countedStatuses = ['approved', 'verified'] as const satisfies QuarterReportStatus[];

/** SQL list of the counted statuses (constants, safe to inline). */
export const countedSql = sql.raw(`('approved', 'verified')`);

export const basis: z.infer<typeof basisSchema> = {
  statuses: [...countedStatuses],
  description:
    'Hanya laporan triwulan yang sudah disetujui kepala unit atau diverifikasi yang dihitung; ' +
    'realisasi yang masih draf atau diajukan belum menjadi angka resmi. ' +
    'Indikator tanpa realisasi tidak dinilai (bukan nol) dan tidak ikut dirata-rata.',
};

/** Statuses of a PK whose version may carry realisasi now or did (superseded keeps its past). */
export const signedSql = sql.raw(`('signed', 'published', 'superseded')`);
export const currentSql = sql.raw(`('signed', 'published')`);

export interface DashboardEnv {
  settings: TenantSettings;
  rules: CapaianRules;
  today: string;
  now: Date;
}

export async function dashboardEnv(ctx: TenantContext): Promise<DashboardEnv> {
  const settings = await readSettings(ctx);
  const now = clockNow();
  return {
    settings,
    rules: rulesFromSettings(settings.monitoring),
    today: todayIn(ctx.actor.timeZone, now),
    now,
  };
}

export function bandInfo(rules: CapaianRules): z.infer<typeof bandInfoSchema>[] {
  return capaianBands.map((key) => ({
    key,
    label: rules.bands[key].label,
    min: rules.bands[key].min,
  }));
}

export const emptyBandCounts = (): Record<CapaianBand, number> => ({
  sangat_tinggi: 0,
  tinggi: 0,
  sedang: 0,
  rendah: 0,
  sangat_rendah: 0,
});

export function deadlineOf(env: DashboardEnv, year: number, quarter: number): string {
  return reportDeadline(year, quarter, env.settings);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), in UTC so no time zone shifts a day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Years that have signed PKs (every year a multi-year PK covers), ascending, and the default:
 * the latest of them up to this year, else the first one, else this year.
 */
export async function signedYears(
  ctx: TenantContext,
  today: string,
): Promise<{ years: number[]; defaultYear: number }> {
  const rows = await queryRows<{ year: number }>(
    ctx.tx,
    sql`select distinct y::int as year
          from agreements a, generate_series(a.start_year, a.end_year) as y
         where a.tenant_id = ${ctx.tenantId} and a.status in ${signedSql}
         order by 1`,
  );
  const years = rows.map((r) => Number(r.year));
  const thisYear = Number(today.slice(0, 4));
  const upToNow = years.filter((y) => y <= thisYear);
  const defaultYear = upToNow.at(-1) ?? years[0] ?? thisYear;
  return { years, defaultYear };
}

/** The latest quarter of the year with any counted report, else 1. */
export async function latestCountedQuarter(ctx: TenantContext, year: number): Promise<number> {
  const [row] = await queryRows<{ quarter: number | null }>(
    ctx.tx,
    sql`select max(quarter)::int as quarter from quarter_reports
         where tenant_id = ${ctx.tenantId} and year = ${year} and status in ${countedSql}`,
  );
  return row?.quarter ? Number(row.quarter) : 1;
}

/** Year and quarter of a request, defaults filled in. */
export async function resolvePeriod(
  ctx: TenantContext,
  env: DashboardEnv,
  query: { year?: number | undefined; quarter?: number | undefined },
): Promise<{ year: number; quarter: number; years: number[] }> {
  const { years, defaultYear } = await signedYears(ctx, env.today);
  const year = query.year ?? defaultYear;
  const quarter = query.quarter ?? (await latestCountedQuarter(ctx, year));
  return { year, quarter, years };
}

const storedCache = new WeakMap<CapaianRules, Map<string, Capaian>>();

/**
 * A stored capaian column as the engine's Capaian (null = not assessed). Memoised per rules
 * object (one per request) and value: a dashboard reads thousands of rows with few distinct
 * values, and the engine's reading of each is pure.
 */
export function stored(value: string | null | undefined, rules: CapaianRules): Capaian {
  if (value === null || value === undefined) return capaianFromStored(null, rules);
  let cache = storedCache.get(rules);
  if (!cache) {
    cache = new Map();
    storedCache.set(rules, cache);
  }
  let c = cache.get(value);
  if (!c) {
    c = capaianFromStored(value, rules);
    cache.set(value, c);
  }
  return c;
}

/** The engine's average of stored values (not assessed skipped), weight 1 unless given. */
export function averageOf(
  items: readonly { value: string | null; weight?: number }[],
  rules: CapaianRules,
): Capaian {
  const weighted: WeightedCapaian[] = [];
  for (const i of items) {
    // Not assessed items are skipped by the engine anyway; leaving them out here saves work.
    if (i.value === null) continue;
    weighted.push({
      capaian: stored(i.value, rules),
      ...(i.weight === undefined ? {} : { weight: i.weight }),
    });
  }
  return averageCapaian(weighted, rules);
}

export const capaianValue = (c: Capaian): string | null => (c.assessed ? c.value : null);

/**
 * Budget absorption: realised / ceiling × 100, half-up to 2 decimals, as a decimal string; null
 * without a ceiling. A plain ratio of Rupiah (decimal.js), not capaian.
 */
export function absorptionOf(realised: string, ceiling: string): string | null {
  const c = new Decimal(ceiling);
  if (c.lte(0)) return null;
  return new Decimal(realised)
    .times(100)
    .dividedBy(c)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

export const money = (value: Decimal.Value): string => new Decimal(value).toFixed(2);

/**
 * Ranks items by a decimal value, best first: ties share a rank (1, 2, 2, 4); items without a
 * value come last, unranked, in their given order.
 */
export function rankByValue<T>(
  items: readonly T[],
  valueOfItem: (item: T) => string | null,
): { item: T; rank: number | null }[] {
  const withValue = items
    .map((item, index) => ({ item, index, value: valueOfItem(item) }))
    .filter((x): x is { item: T; index: number; value: string } => x.value !== null)
    .sort((a, b) => new Decimal(b.value).comparedTo(a.value) || a.index - b.index);
  const out: { item: T; rank: number | null }[] = [];
  withValue.forEach((x, i) => {
    const previous = withValue[i - 1];
    const rank =
      previous && new Decimal(previous.value).equals(x.value) ? (out[i - 1]?.rank ?? i + 1) : i + 1;
    out.push({ item: x.item, rank });
  });
  for (const item of items) {
    if (valueOfItem(item) === null) out.push({ item, rank: null });
  }
  return out;
}

export const reportStatusOf = (status: string | null | undefined) =>
  (status ?? 'none') as QuarterReportStatus | 'none';

/** Not yet submitted (no report, draft, or returned to the operator). */
export const notSubmitted = (status: string | null | undefined): boolean =>
  status === null || status === undefined || status === 'draft' || status === 'returned';

export const iso = (v: string | Date): string =>
  (v instanceof Date ? v : new Date(v)).toISOString();

// ---- Head-of-PD figures (Pemda dashboard, appreciation, exports) -----------------------------

/** A PD: a unit with a current (signed, not superseded) head-of-PD PK in the year. */
export interface HeadAgreement {
  agreementId: string;
  rootId: string;
  unitId: string;
  unitName: string;
  unitPath: string[];
  indicators: number;
  iku: number;
  budgetCeiling: string;
}

/** The current head-of-PD PKs of the year, one per unit, in the organisation's order. */
export async function headAgreements(ctx: TenantContext, year: number): Promise<HeadAgreement[]> {
  const rows = await queryRows<{
    id: string;
    root_id: string;
    unit_id: string;
    unit_name: string;
    unit_path: string[] | string;
    indicators: number;
    iku: number;
    ceiling: string;
  }>(
    ctx.tx,
    sql`select a.id, a.root_id, a.unit_id, u.name as unit_name, to_json(u.path) as unit_path,
               coalesce(ind.indicators, 0)::int as indicators, coalesce(ind.iku, 0)::int as iku,
               coalesce(bud.ceiling, 0)::text as ceiling
          from agreements a
          join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join lateral (
            select count(*) as indicators, count(*) filter (where i.is_iku) as iku
              from agreement_indicators i
             where i.tenant_id = a.tenant_id and i.agreement_id = a.id) ind on true
          left join lateral (
            select sum(b.amount) as ceiling from agreement_budgets b
             where b.tenant_id = a.tenant_id and b.agreement_id = a.id) bud on true
         where a.tenant_id = ${ctx.tenantId} and a.level = 'kepala_pd'
           and a.status in ${currentSql}
           and a.start_year <= ${year} and a.end_year >= ${year}
         order by u.sort_order, u.name, a.start_year desc`,
  );
  const seen = new Set<string>();
  const out: HeadAgreement[] = [];
  for (const r of rows) {
    if (seen.has(r.unit_id)) continue;
    seen.add(r.unit_id);
    out.push({
      agreementId: r.id,
      rootId: r.root_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitPath: typeof r.unit_path === 'string' ? JSON.parse(r.unit_path) : r.unit_path,
      indicators: Number(r.indicators),
      iku: Number(r.iku),
      budgetCeiling: money(r.ceiling),
    });
  }
  return out;
}

/** One counted report of a head-of-PD (or the Pemda) PK, with its assessed indicator rows. */
export interface CountedReport {
  reportId: string;
  agreementId: string;
  level: 'kepala_pd' | 'pemda';
  unitId: string | null;
  year: number;
  quarter: number;
  /** Indicators of that PK version (assessed or not). */
  indicators: number;
  /** Budget spending of that quarter in the report (Rupiah). */
  budgetSpent: string;
  rows: CountedRow[];
}

export interface CountedRow {
  indicatorId: string;
  objectiveId: string;
  /** The Pemda PK sasaran the indicator's sasaran supports (cascade), if any. */
  supportsObjectiveId: string | null;
  isIku: boolean;
  toDate: string | null;
  annual: string | null;
  band: CapaianBand | null;
}

/**
 * The counted reports of the heads of PD and the Pemda for years `fromYear`..`toYear`, with the
 * stored capaian of their indicators. Per PK (all its versions) and quarter the newest version
 * with a counted report is used, so a quarter approved before a PK Perubahan still counts.
 * Indicator rows with no stored figure are left out (not assessed).
 *
 * Five plain statements keyed by id lists (the PKs; their counted reports; the reports'
 * realisasi; the PKs' indicators; the reports' budget spending), joined here: each is an index lookup whatever the
 * planner knows, which matters on PGlite where nothing ever runs ANALYZE (a single statement
 * with CTEs was planned as nested loops re-running aggregates there).
 */
export async function countedHeadReports(
  ctx: TenantContext,
  fromYear: number,
  toYear: number,
): Promise<CountedReport[]> {
  const t = ctx.tenantId;
  const pks = await queryRows<{
    id: string;
    root_id: string;
    level: 'kepala_pd' | 'pemda';
    unit_id: string | null;
    revision_no: number;
  }>(
    ctx.tx,
    sql`select id, root_id, level, unit_id, revision_no from agreements
         where tenant_id = ${t} and level in ('kepala_pd', 'pemda') and status in ${signedSql}
           and start_year <= ${toYear} and end_year >= ${fromYear}`,
  );
  if (pks.length === 0) return [];
  const pkOf = new Map(pks.map((p) => [p.id, p]));
  const counted = await queryRows<{
    id: string;
    agreement_id: string;
    year: number;
    quarter: number;
  }>(
    ctx.tx,
    sql`select id, agreement_id, year, quarter from quarter_reports
         where tenant_id = ${t} and agreement_id = any(${sql.param(pks.map((p) => p.id))}::uuid[])
           and year between ${fromYear} and ${toYear} and status in ${countedSql}`,
  );
  // Per PK (root) and quarter, the newest version's report.
  const chosen = new Map<string, { report: (typeof counted)[number]; revision: number }>();
  for (const r of counted) {
    const pk = pkOf.get(r.agreement_id);
    if (!pk) continue;
    const key = `${pk.root_id}|${r.year}|${r.quarter}`;
    const existing = chosen.get(key);
    if (!existing || Number(pk.revision_no) > existing.revision) {
      chosen.set(key, { report: r, revision: Number(pk.revision_no) });
    }
  }
  const reports = [...chosen.values()].map(({ report }) => {
    const pk = pkOf.get(report.agreement_id) as (typeof pks)[number];
    return { ...report, level: pk.level, unit_id: pk.unit_id };
  });
  if (reports.length === 0) return [];
  const reportIds = reports.map((r) => r.id);
  const agreementIds = [...new Set(reports.map((r) => r.agreement_id))];
  const values = await queryRows<{
    report_id: string;
    indicator_id: string;
    to_date: string | null;
    annual: string | null;
    band: CapaianBand | null;
  }>(
    ctx.tx,
    sql`select x.report_id, x.indicator_id, x.capaian_to_date::text as to_date,
               x.capaian_annual::text as annual, x.band
          from realisasi x
         where x.tenant_id = ${t} and x.report_id = any(${sql.param(reportIds)}::uuid[])
           and (x.capaian_to_date is not null or x.capaian_annual is not null)`,
  );
  const meta = await queryRows<{
    id: string;
    agreement_id: string;
    objective_id: string;
    is_iku: boolean;
    supports_objective_id: string | null;
  }>(
    ctx.tx,
    sql`select i.id, i.agreement_id, i.objective_id, i.is_iku, o.supports_objective_id
          from agreement_indicators i
          join agreement_objectives o on o.tenant_id = i.tenant_id and o.id = i.objective_id
         where i.tenant_id = ${t} and i.agreement_id = any(${sql.param(agreementIds)}::uuid[])`,
  );
  const spending = await queryRows<{ report_id: string; spent: string }>(
    ctx.tx,
    sql`select report_id, sum(amount)::text as spent from budget_realisasi
         where tenant_id = ${t} and report_id = any(${sql.param(reportIds)}::uuid[])
         group by report_id`,
  );

  const indicatorsOf = new Map<string, number>();
  const metaOf = new Map<string, (typeof meta)[number]>();
  for (const m of meta) {
    metaOf.set(m.id, m);
    indicatorsOf.set(m.agreement_id, (indicatorsOf.get(m.agreement_id) ?? 0) + 1);
  }
  const spentOf = new Map(spending.map((s) => [s.report_id, s.spent]));
  const byReport = new Map<string, CountedReport>();
  for (const r of reports) {
    byReport.set(r.id, {
      reportId: r.id,
      agreementId: r.agreement_id,
      level: r.level,
      unitId: r.unit_id,
      year: Number(r.year),
      quarter: Number(r.quarter),
      indicators: indicatorsOf.get(r.agreement_id) ?? 0,
      budgetSpent: money(spentOf.get(r.id) ?? '0'),
      rows: [],
    });
  }
  for (const v of values) {
    const report = byReport.get(v.report_id);
    const m = metaOf.get(v.indicator_id);
    if (!report || !m) continue;
    report.rows.push({
      indicatorId: v.indicator_id,
      objectiveId: m.objective_id,
      supportsObjectiveId: m.supports_objective_id,
      isIku: m.is_iku === true,
      toDate: v.to_date,
      annual: v.annual,
      band: v.band,
    });
  }
  return [...byReport.values()];
}

/** Index of counted reports by unit (null = the Pemda PK), year and quarter. */
export class ReportIndex {
  private readonly map = new Map<string, CountedReport>();

  constructor(reports: readonly CountedReport[]) {
    for (const r of reports) this.map.set(ReportIndex.key(r.unitId, r.year, r.quarter), r);
  }

  private static key(unitId: string | null, year: number, quarter: number): string {
    return `${unitId ?? 'pemda'}|${year}|${quarter}`;
  }

  get(unitId: string | null, year: number, quarter: number): CountedReport | undefined {
    return this.map.get(ReportIndex.key(unitId, year, quarter));
  }
}
