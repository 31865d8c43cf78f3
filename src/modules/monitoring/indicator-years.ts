import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.js';
import {
  type Capaian,
  type CapaianRules,
  type IndicatorMeasure,
  type QuarterCapaian,
  quarterCapaian,
  type RealisasiValue,
  type ScaleLevel,
} from '../../shared/capaian/index.js';
import type { Aggregation, CalcMethod, CapaianBand, Polarity } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import {
  normalizeDecimal,
  type TargetValue,
  targetFromColumns,
} from '../../shared/target-value.js';

/**
 * The data the capaian engine needs for one PK indicator in one year: how it is measured, its
 * annual and TW I–IV targets, and the realisasi of the four quarters. Loaded in three set-based
 * queries for any number of indicators (no query per indicator), then handed to the engine.
 * Nothing here computes capaian: `capaianAt` calls src/shared/capaian.
 */
/** The narrative of one quarter's realisasi (analysis, obstacles, follow-up plan). */
export interface Narrative {
  analysis: string;
  obstacles: string;
  followUp: string;
}

export interface IndicatorYear {
  indicatorId: string;
  agreementId: string;
  objectiveId: string;
  objectiveTitle: string;
  year: number;
  name: string;
  satuan: string;
  polarity: Polarity;
  isIku: boolean;
  allowNegative: boolean;
  measure: IndicatorMeasure;
  annualTarget: TargetValue | null;
  quarterTargets: [TargetValue | null, TargetValue | null, TargetValue | null, TargetValue | null];
  realisasi: [
    RealisasiValue | null,
    RealisasiValue | null,
    RealisasiValue | null,
    RealisasiValue | null,
  ];
  /** The narrative stored with each quarter's row (null: no row). */
  narratives: [Narrative | null, Narrative | null, Narrative | null, Narrative | null];
  /** Which quarters have a stored realisasi row (a value, or only a narrative). */
  hasRow: [boolean, boolean, boolean, boolean];
}

export const yearKey = (indicatorId: string, year: number): string => `${indicatorId}:${year}`;

interface IndicatorRowSql {
  id: string;
  agreement_id: string;
  objective_id: string;
  objective_title: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  is_iku: boolean;
  allow_negative: boolean;
  scale: { code: string; score: string }[] | null;
  /** year, quarter, value, low, high, code (numbers as text: JSON numbers would be floats). */
  targets:
    | {
        y: number;
        q: number;
        v: string | null;
        l: string | null;
        h: string | null;
        c: string | null;
      }[]
    | null;
  /** year, quarter, value, code, analysis, obstacles, follow-up. */
  realisasi:
    | {
        y: number;
        q: number;
        v: string | null;
        c: string | null;
        a: string;
        o: string;
        f: string;
      }[]
    | null;
}

/** A stored realisasi (value or code columns) as the engine takes it. */
export function realisasiFromColumns(value: string | null, code: string | null) {
  if (value !== null) return { kind: 'number', value: normalizeDecimal(value) } as const;
  if (code !== null) return { kind: 'scale', code } as const;
  return null;
}

/**
 * Loads the indicator-years of the indicators matching `indicatorWhere` (a condition on `ai`,
 * agreement_indicators) for `years` (all years with targets or realisasi when omitted), in ONE
 * query (targets, realisasi and scale levels as JSON per indicator), ordered as the PK shows
 * them (sasaran, then indicator). Every pair (indicator, year) listed in `years` is returned
 * even without targets or values.
 */
export async function loadIndicatorYears(
  db: Queryable,
  tenantId: string,
  indicatorWhere: SQL,
  years: readonly number[] | null,
): Promise<Map<string, IndicatorYear>> {
  const yearFilter = (column: SQL) =>
    years === null ? sql`true` : sql`${column} = any(${sql.param([...years])}::int[])`;
  const indicators = await queryRows<IndicatorRowSql>(
    db,
    sql`select ai.id, ai.agreement_id, ai.objective_id, o.title as objective_title, ai.name,
               ai.satuan, ai.polarity, ai.method, ai.aggregation, ai.is_iku, ai.allow_negative,
               (select json_agg(json_build_object('code', l.code, 'score', l.score::text)
                                order by l.sort_order, l.code)
                  from rating_scale_levels l
                 where l.tenant_id = ai.tenant_id and l.scale_id = ai.scale_id) as scale,
               (select json_agg(json_build_object('y', t.year, 'q', t.quarter,
                                  'v', t.target_value::text, 'l', t.target_low::text,
                                  'h', t.target_high::text, 'c', t.target_code))
                  from agreement_targets t
                 where t.tenant_id = ai.tenant_id and t.indicator_id = ai.id
                   and ${yearFilter(sql`t.year`)}) as targets,
               (select json_agg(json_build_object('y', r.year, 'q', r.quarter,
                                  'v', r.value::text, 'c', r.code, 'a', r.analysis,
                                  'o', r.obstacles, 'f', r.follow_up))
                  from realisasi r
                 where r.tenant_id = ai.tenant_id and r.indicator_id = ai.id
                   and ${yearFilter(sql`r.year`)}) as realisasi
          from agreement_indicators ai
          join agreement_objectives o on o.tenant_id = ai.tenant_id and o.id = ai.objective_id
         where ai.tenant_id = ${tenantId} and ${indicatorWhere}
         order by ai.agreement_id, o.sort_order, o.id, ai.sort_order, ai.id`,
  );
  const result = new Map<string, IndicatorYear>();
  for (const i of indicators) {
    const scale: ScaleLevel[] | undefined = i.scale
      ? i.scale.map((l) => ({ code: l.code, score: Number(l.score) }))
      : undefined;
    const entry = (year: number): IndicatorYear => {
      const key = yearKey(i.id, year);
      const found = result.get(key);
      if (found) return found;
      const made: IndicatorYear = {
        indicatorId: i.id,
        agreementId: i.agreement_id,
        objectiveId: i.objective_id,
        objectiveTitle: i.objective_title,
        year,
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity,
        isIku: i.is_iku,
        allowNegative: i.allow_negative,
        measure: {
          method: i.method,
          aggregation: i.aggregation,
          ...(i.method === 'scale' && scale ? { scale } : {}),
        },
        annualTarget: null,
        quarterTargets: [null, null, null, null],
        realisasi: [null, null, null, null],
        narratives: [null, null, null, null],
        hasRow: [false, false, false, false],
      };
      result.set(key, made);
      return made;
    };
    if (years !== null) for (const year of years) entry(year);
    for (const t of i.targets ?? []) {
      const e = entry(t.y);
      const target = targetFromColumns({ value: t.v, low: t.l, high: t.h, code: t.c });
      if (t.q === 0) e.annualTarget = target;
      else if (t.q >= 1 && t.q <= 4) e.quarterTargets[t.q - 1] = target;
    }
    for (const r of i.realisasi ?? []) {
      if (r.q < 1 || r.q > 4) continue;
      const e = entry(r.y);
      e.realisasi[r.q - 1] = realisasiFromColumns(r.v, r.c);
      e.narratives[r.q - 1] = { analysis: r.a, obstacles: r.o, followUp: r.f };
      e.hasRow[r.q - 1] = true;
    }
  }
  return result;
}

/** The engine's answer for an indicator-year at quarter 1–4. */
export function capaianAt(iy: IndicatorYear, quarter: number, rules: CapaianRules): QuarterCapaian {
  return quarterCapaian(
    iy.measure,
    {
      annualTarget: iy.annualTarget,
      quarterTargets: iy.quarterTargets,
      realisasi: iy.realisasi,
    },
    quarter as 1 | 2 | 3 | 4,
    rules,
  );
}

/** What the capaian columns of one realisasi row hold. */
export interface CapaianColumns {
  indicatorId: string;
  year: number;
  quarter: number;
  capaianQuarter: string | null;
  capaianToDate: string | null;
  capaianAnnual: string | null;
  band: CapaianBand | null;
}

const stored = (c: Capaian): string | null => (c.assessed ? c.value : null);

/** The capaian columns of every stored row of an indicator-year, from the engine. */
export function capaianColumns(iy: IndicatorYear, rules: CapaianRules): CapaianColumns[] {
  const rows: CapaianColumns[] = [];
  for (let q = 1; q <= 4; q++) {
    if (!iy.hasRow[q - 1]) continue;
    let c: QuarterCapaian | null = null;
    try {
      c = capaianAt(iy, q, rules);
    } catch (error) {
      // Only the engine's refusals (a target that does not fit the method) mean "not assessed".
      if (!(error instanceof AppError)) throw error;
      // A target that does not fit the method (an old PK, a scale code removed since): the
      // engine refuses it; the row is stored as not assessed rather than failing the save.
      c = null;
    }
    rows.push({
      indicatorId: iy.indicatorId,
      year: iy.year,
      quarter: q,
      capaianQuarter: c ? stored(c.quarter) : null,
      capaianToDate: c ? stored(c.toDate) : null,
      capaianAnnual: c ? stored(c.annual) : null,
      band: c?.toDate.assessed ? c.toDate.band : null,
    });
  }
  return rows;
}

/**
 * Writes capaian columns in multi-row UPDATEs (chunks of 500 rows). Only the capaian columns
 * change, so the database guard lets it through on submitted and verified reports too.
 */
export async function writeCapaianColumns(
  db: Queryable,
  tenantId: string,
  rows: readonly CapaianColumns[],
): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const tuples = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.indicatorId}::uuid, ${r.year}::int, ${r.quarter}::int, ${r.capaianQuarter}::numeric, ${r.capaianToDate}::numeric, ${r.capaianAnnual}::numeric, ${r.band}::text)`,
      ),
      sql`, `,
    );
    await db.execute(
      sql`update realisasi r
             set capaian_quarter = v.cq, capaian_to_date = v.ct, capaian_annual = v.ca, band = v.band
            from (values ${tuples}) as v(indicator_id, year, quarter, cq, ct, ca, band)
           where r.tenant_id = ${tenantId} and r.indicator_id = v.indicator_id
             and r.year = v.year and r.quarter = v.quarter
             and (r.capaian_quarter is distinct from v.cq or r.capaian_to_date is distinct from v.ct
                  or r.capaian_annual is distinct from v.ca or r.band is distinct from v.band)`,
    );
    written += chunk.length;
  }
  return written;
}

/** Recomputes and writes the capaian of the given indicator-years (all their stored rows). */
export async function recomputeIndicatorYears(
  db: Queryable,
  tenantId: string,
  items: Iterable<IndicatorYear>,
  rules: CapaianRules,
): Promise<number> {
  const rows: CapaianColumns[] = [];
  for (const iy of items) rows.push(...capaianColumns(iy, rules));
  if (rows.length === 0) return 0;
  return writeCapaianColumns(db, tenantId, rows);
}
