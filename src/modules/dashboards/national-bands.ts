import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.js';
import { type CapaianBand, capaianBands } from '../../shared/codes.js';
import { basis, countedSql, currentSql, emptyBandCounts } from './dashboard-common.js';
import type { NationalBands } from './dashboard-schemas.js';

/**
 * The national aggregate (platform admin, across every Pemda): per province — the first two
 * digits of the tenants' region codes, so a provinsi and its kab/kota fall together — how many
 * indicators of the heads of PD's PKs sit in each capaian band at the end of the year (TW IV),
 * and how many are not assessed.
 *
 * It only COUNTS the bands the engine stored (realisasi.band); nothing is computed. Basis as
 * every dashboard: counted reports (approved / verified) of current signed head-of-PD PKs.
 * Two grouped statements, both driven from the PKs rather than from realisasi:
 * - bands: head PKs of the year → their TW IV counted report (quarter_reports_key) → its rows
 *   (realisasi_report_idx) with a band; the index realisasi_period_band_idx (year, quarter,
 *   tenant_id, band) serves the planner when it prefers to scan the year's TW IV rows instead;
 * - totals: head PKs of the year → their indicators (agreement_indicators_agreement_idx).
 * Not assessed = indicators − banded rows. See docs/benchmarks.md for the plans and timings.
 */
export async function nationalBandDistribution(
  database: Database | Queryable,
  year: number,
): Promise<NationalBands> {
  const run = async (db: Queryable) => {
    // Compiling these two plans with JIT costs ~100 ms per call and saves nothing here.
    await queryRows(db, sql`select set_config('jit', 'off', true)`);
    const bandRows = await queryRows<{ province: string; band: CapaianBand; n: number }>(
      db,
      nationalBandsSql(year),
    );
    const totalRows = await queryRows<{ province: string; tenants: number; indicators: number }>(
      db,
      nationalIndicatorsSql(year),
    );
    return { bandRows, totalRows };
  };
  const { bandRows, totalRows } =
    'withSystem' in database ? await database.withSystem(run) : await run(database);
  return shapeNational(year, bandRows, totalRows);
}

/** Banded TW IV rows of counted reports of current head-of-PD PKs, per province and band. */
export function nationalBandsSql(year: number): SQL {
  return sql`select left(t.region_code, 2) as province, x.band, count(*)::int as n
      from agreements a
      join quarter_reports r on r.tenant_id = a.tenant_id and r.agreement_id = a.id
           and r.year = ${year} and r.quarter = 4 and r.status in ${countedSql}
      join realisasi x on x.tenant_id = r.tenant_id and x.report_id = r.id
      join tenants t on t.id = a.tenant_id and t.archived_at is null
     where a.level = 'kepala_pd' and a.status in ${currentSql}
       and a.start_year <= ${year} and a.end_year >= ${year}
       and x.band is not null
     group by 1, 2`;
}

/** Tenants with head-of-PD PKs and their indicators, per province. */
export function nationalIndicatorsSql(year: number): SQL {
  return sql`select left(t.region_code, 2) as province, count(distinct a.tenant_id)::int as tenants,
           count(i.id)::int as indicators
      from agreements a
      join agreement_indicators i on i.tenant_id = a.tenant_id and i.agreement_id = a.id
      join tenants t on t.id = a.tenant_id and t.archived_at is null
     where a.level = 'kepala_pd' and a.status in ${currentSql}
       and a.start_year <= ${year} and a.end_year >= ${year}
     group by 1`;
}

function shapeNational(
  year: number,
  bandRows: { province: string; band: CapaianBand; n: number }[],
  totalRows: { province: string; tenants: number; indicators: number }[],
): NationalBands {
  const provinces = new Map<string, NationalBands['provinces'][number]>();
  const entry = (code: string) => {
    let p = provinces.get(code);
    if (!p) {
      p = {
        provinceCode: code,
        tenants: 0,
        indicators: 0,
        bands: emptyBandCounts(),
        notAssessed: 0,
      };
      provinces.set(code, p);
    }
    return p;
  };
  for (const r of totalRows) {
    const p = entry(r.province);
    p.tenants = Number(r.tenants);
    p.indicators = Number(r.indicators);
  }
  for (const r of bandRows) {
    if (!capaianBands.includes(r.band)) continue;
    entry(r.province).bands[r.band] += Number(r.n);
  }
  const total = { tenants: 0, indicators: 0, bands: emptyBandCounts(), notAssessed: 0 };
  const list = [...provinces.values()].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  for (const p of list) {
    const banded = capaianBands.reduce((sum, b) => sum + p.bands[b], 0);
    p.notAssessed = Math.max(p.indicators - banded, 0);
    total.tenants += p.tenants;
    total.indicators += p.indicators;
    total.notAssessed += p.notAssessed;
    for (const b of capaianBands) total.bands[b] += p.bands[b];
  }
  return { year, quarter: 4, basis, provinces: list, total };
}
