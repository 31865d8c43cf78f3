import { z } from 'zod';
import {
  agreementLevels,
  agreementStatuses,
  capaianBands,
  capaianCaps,
  quarterReportStatuses,
} from '../../shared/codes.js';
import { decimalString, targetValueSchema } from '../planning/target-schemas.js';

/**
 * Request and response shapes of the dashboards API (also the OpenAPI document and the contract
 * the web dashboards are built against).
 *
 * Conventions:
 * - Capaian figures are never computed here: they are the engine's stored figures
 *   (realisasi.capaian_*) and the engine's averages (`averageCapaian`), sent as `Capaian`
 *   objects `{ assessed: true, value: "107.14", band, capped } | { assessed: false, reason, message }`.
 *   Format them with the engine's `formatCapaian`; a "not assessed" is never 0.
 * - Only quarter reports that are approved or verified count (`basis`): a draft or submitted
 *   figure is the PD's own claim until the head of the unit approves it.
 * - Numbers are decimal strings: capaian "107.14", Rupiah "1500000.00", absorption (realised
 *   budget / ceiling × 100, a plain ratio, not capaian) "23.45".
 * - Arrays by quarter always have four entries, TW I at index 0.
 */

// ---- Shared pieces ---------------------------------------------------------------------------

const yearQuery = z.coerce.number().int().min(2000).max(2100);
const quarterQuery = z.coerce.number().int().min(1).max(4);
const quarterNumber = z.number().int().min(1).max(4);

export const capaianBandSchema = z.enum(capaianBands);

/** The engine's Capaian (src/shared/capaian/types.ts). */
export const capaianSchema = z.discriminatedUnion('assessed', [
  z.object({
    assessed: z.literal(true),
    /** Rounded half-up to 2 decimals, canonical ("107.14", "100"), after the cap. */
    value: z.string(),
    band: capaianBandSchema,
    /** Above the cap and cut to it. */
    capped: z.boolean(),
  }),
  z.object({
    assessed: z.literal(false),
    reason: z.enum(['no_realisasi', 'no_target', 'zero_target', 'nothing_assessed']),
    /** Indonesian: why "-" is shown. */
    message: z.string(),
  }),
]);
export type CapaianDto = z.infer<typeof capaianSchema>;

/** A realisasi as entered: an exact decimal or a scale code (src/shared/capaian/types.ts). */
export const realisasiValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: decimalString }),
  z.object({ kind: z.literal('scale'), code: z.string() }),
]);

/** Which reports the figures count: approved and verified only. */
export const basisSchema = z.object({
  statuses: z.array(z.enum(quarterReportStatuses)),
  /** Indonesian sentence for the page ("Hanya laporan yang sudah disetujui …"). */
  description: z.string(),
});

/** The tenant's bands, best first: lower bound on the rounded value, label. */
export const bandInfoSchema = z.object({
  key: capaianBandSchema,
  label: z.string(),
  min: z.number(),
});

/** A unit's report status for a quarter; 'none' = no report opened yet. */
export const reportStatusSchema = z.enum(['none', ...quarterReportStatuses]);

export const bandCountsSchema = z.object({
  sangat_tinggi: z.number(),
  tinggi: z.number(),
  sedang: z.number(),
  rendah: z.number(),
  sangat_rendah: z.number(),
});

// ---- Pemda dashboard -------------------------------------------------------------------------

export const pemdaDashboardQuery = z.strictObject({
  /** Default: the latest year with signed PKs. */
  year: yearQuery.optional(),
  /** Default: the latest quarter of the year with any counted data, else 1. */
  quarter: quarterQuery.optional(),
});

export const quadrants = ['on_track', 'efficient', 'spending_without_results', 'lagging'] as const;

export const pemdaDashboardSchema = z.object({
  year: z.number(),
  quarter: z.number(),
  /** Years with signed PKs (for the filter), ascending. */
  years: z.array(z.number()),
  basis: basisSchema,
  bands: z.array(bandInfoSchema),
  cap: z.enum(capaianCaps),
  /** Realisasi deadline of the quarter (YYYY-MM-DD) and today in the Pemda's time zone. */
  deadline: z.string(),
  today: z.string(),
  /** Over every indicator of the heads of PD's PKs at the quarter (capaian to date, weight 1). */
  summary: z.object({
    capaian: capaianSchema,
    indicators: z.number(),
    assessed: z.number(),
    notAssessed: z.number(),
    bandCounts: bandCountsSchema,
  }),
  /**
   * The Pemda PK's sasaran (RPJMD sasaran). `capaian` averages the Pemda PK's own indicators;
   * when none of them is assessed it falls back to the heads of PD's indicators whose sasaran
   * supports this one in the cascade (`source` says which; 'none' = neither has a figure).
   */
  objectives: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      capaian: capaianSchema,
      indicators: z.number(),
      assessed: z.number(),
      source: z.enum(['indicators', 'cascade', 'none']),
      /** The cascade's figure (heads of PD's indicators supporting this sasaran). */
      cascadeCapaian: capaianSchema,
      supportingIndicators: z.number(),
    }),
  ),
  /**
   * Every PD (unit with a signed head-of-PD PK this year), ranked by capaian to date (weight 1;
   * only the appreciation score weights IKU); ties share a rank, not assessed come last without
   * a rank.
   */
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      agreementId: z.uuid(),
      rank: z.number().nullable(),
      capaian: capaianSchema,
      /** Capaian to date value at TW I–IV of the year (null: not assessed / not yet). */
      trend: z.array(z.string().nullable()),
      /** The same quarter of the year before. */
      previousYear: capaianSchema,
      /** Sum of the head PK's budget rows (Rupiah) and what was realised up to the quarter. */
      budgetCeiling: decimalString,
      budgetRealised: decimalString,
      /** budgetRealised / budgetCeiling × 100, 2 decimals; null without a ceiling. */
      absorption: z.string().nullable(),
      indicators: z.number(),
      assessed: z.number(),
      /** The deadline passed and some PK of the PD has not submitted the quarter. */
      late: z.boolean(),
      /** The head PK's report of the quarter. */
      reportStatus: reportStatusSchema,
    }),
  ),
  /** Pemda-wide capaian to date per quarter of this year and the two before. */
  trend: z.array(z.object({ year: z.number(), quarter: z.number(), capaian: capaianSchema })),
  /** Results vs budget: only PD with both a capaian and an absorption. */
  scatter: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      capaian: z.string(),
      absorption: z.string(),
      quadrant: z.enum(quadrants),
    }),
  ),
  /** The quadrant lines: capaian ≥ the "Tinggi" lower bound; absorption ≥ quarter × 25 %. */
  scatterThresholds: z.object({ capaian: z.number(), absorption: z.number() }),
  /** PD with PKs whose report of the quarter is not submitted after the deadline. */
  lateUnits: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      /** PKs of the PD (head and eselon III/IV) whose report is not submitted. */
      missing: z.number(),
      deadline: z.string(),
      daysLate: z.number(),
    }),
  ),
});
export type PemdaDashboard = z.infer<typeof pemdaDashboardSchema>;

// ---- Unit dashboard --------------------------------------------------------------------------

export const unitDashboardParams = z.strictObject({ unitId: z.uuid('unitId harus UUID') });
export const unitDashboardQuery = pemdaDashboardQuery;

export const unitIndicatorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  satuan: z.string(),
  isIku: z.boolean(),
  objectiveTitle: z.string(),
  annualTarget: targetValueSchema.nullable(),
  quarterTargets: z.array(targetValueSchema.nullable()),
  /** Counted realisasi of TW I–IV (null: not entered or not yet approved). */
  realisasi: z.array(realisasiValueSchema.nullable()),
  /** At the selected quarter. */
  capaian: z.object({ quarter: capaianSchema, toDate: capaianSchema, annual: capaianSchema }),
  band: capaianBandSchema.nullable(),
  /** The PK's report of the selected quarter. */
  reportStatus: reportStatusSchema,
});

export const unitDashboardSchema = z.object({
  year: z.number(),
  quarter: z.number(),
  years: z.array(z.number()),
  basis: basisSchema,
  bands: z.array(bandInfoSchema),
  cap: z.enum(capaianCaps),
  deadline: z.string(),
  unit: z.object({
    id: z.uuid(),
    name: z.string(),
    /** Root → this unit, for the breadcrumb. */
    path: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  /** Average of the unit's own PK indicators (capaian to date). */
  capaian: capaianSchema,
  /** The unit's signed PKs and those of its eselon III/IV, the unit's own first. */
  agreements: z.array(
    z.object({
      id: z.uuid(),
      level: z.enum(agreementLevels),
      status: z.enum(agreementStatuses),
      unitId: z.uuid(),
      unitName: z.string(),
      firstPartyName: z.string(),
      positionTitle: z.string(),
      capaian: capaianSchema,
      /** Capaian to date of the PK at TW I–IV. */
      trend: z.array(z.string().nullable()),
      reportStatus: reportStatusSchema,
      indicators: z.array(unitIndicatorSchema),
    }),
  ),
  /** Each child unit (eselon III/IV) with a signed PK in the subtree: its capaian to date. */
  children: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      capaian: capaianSchema,
      indicators: z.number(),
      assessed: z.number(),
      reportStatus: reportStatusSchema,
    }),
  ),
  /** Budget rows of the unit's own PK with the counted spending per quarter. */
  budgets: z.array(
    z.object({
      id: z.uuid(),
      programName: z.string(),
      kegiatanName: z.string().nullable(),
      subKegiatanCode: z.string().nullable(),
      subKegiatanName: z.string().nullable(),
      ceiling: decimalString,
      /** Spending of TW I–IV (null: nothing counted for that quarter). */
      realised: z.array(decimalString.nullable()),
      /** Up to the selected quarter. */
      realisedToDate: decimalString,
      absorption: z.string().nullable(),
    }),
  ),
  budgetTotal: z.object({
    ceiling: decimalString,
    realisedToDate: decimalString,
    absorption: z.string().nullable(),
  }),
  /** Supervisory notes (catatan supervisi) on this unit in the year, newest first. */
  notes: z.array(
    z.object({
      id: z.uuid(),
      quarter: z.number(),
      authorName: z.string(),
      note: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type UnitDashboard = z.infer<typeof unitDashboardSchema>;

// ---- Indicator page --------------------------------------------------------------------------

export const indicatorDashboardParams = z.strictObject({
  indicatorId: z.uuid('indicatorId harus UUID'),
});
export const indicatorDashboardQuery = z.strictObject({
  /** The year whose targets are shown; default: the PK's latest year up to this year. */
  year: yearQuery.optional(),
});

export const indicatorDashboardSchema = z.object({
  basis: basisSchema,
  bands: z.array(bandInfoSchema),
  indicator: z.object({
    id: z.uuid(),
    name: z.string(),
    satuan: z.string(),
    isIku: z.boolean(),
    polarity: z.string(),
    method: z.string(),
    aggregation: z.string(),
    objectiveTitle: z.string(),
    sourceIndicatorId: z.uuid().nullable(),
  }),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  agreement: z.object({
    id: z.uuid(),
    level: z.enum(agreementLevels),
    status: z.enum(agreementStatuses),
    startYear: z.number(),
    endYear: z.number(),
    firstPartyName: z.string(),
    positionTitle: z.string(),
  }),
  /** The targets of `year`. */
  year: z.number(),
  targets: z.object({
    annual: targetValueSchema.nullable(),
    quarters: z.array(targetValueSchema.nullable()),
  }),
  /**
   * The same indicator across PK years (same plan indicator, else same name in the PKs of the
   * same position), oldest first, with counted realisasi and capaian per quarter.
   */
  years: z.array(
    z.object({
      year: z.number(),
      agreementId: z.uuid(),
      indicatorId: z.uuid(),
      annualTarget: targetValueSchema.nullable(),
      quarterTargets: z.array(targetValueSchema.nullable()),
      realisasi: z.array(realisasiValueSchema.nullable()),
      capaianToDate: z.array(capaianSchema),
      /** At the last counted quarter of the year. */
      capaianAnnual: capaianSchema,
    }),
  ),
  /** Narrative of counted quarters (any field filled), newest first. */
  narrative: z.array(
    z.object({
      year: z.number(),
      quarter: z.number(),
      analysis: z.string(),
      obstacles: z.string(),
      followUp: z.string(),
    }),
  ),
  /** Evidence of counted reports for this indicator (download: /api/monitoring/evidence/:id). */
  evidence: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      createdAt: z.string(),
      year: z.number(),
      quarter: z.number(),
    }),
  ),
});
export type IndicatorDashboard = z.infer<typeof indicatorDashboardSchema>;

// ---- Appreciation ranking --------------------------------------------------------------------

export const appreciationQuery = z.strictObject({
  year: yearQuery.optional(),
  /** Default: the last quarter of the year with counted data (at year end: TW IV). */
  quarter: quarterQuery.optional(),
});

export const appreciationSchema = z.object({
  year: z.number(),
  quarter: z.number(),
  years: z.array(z.number()),
  settings: z.object({
    ikuWeight: z.number(),
    appreciationCount: z.number(),
    evaluationThreshold: z.number(),
  }),
  basis: basisSchema,
  bands: z.array(bandInfoSchema),
  /**
   * Score = weighted average of the annual capaian (against the annual target) of the head PK's
   * indicators at `quarter`, IKU counted ikuWeight times. Ties share a rank; not assessed last.
   * Proposal: 'evaluation' below the threshold; else 'appreciation' for rank ≤ appreciationCount.
   */
  ranking: z.array(
    z.object({
      rank: z.number().nullable(),
      unitId: z.uuid(),
      unitName: z.string(),
      score: z.string().nullable(),
      indicators: z.number(),
      assessed: z.number(),
      iku: z.number(),
      band: capaianBandSchema.nullable(),
      proposal: z.enum(['appreciation', 'evaluation']).nullable(),
      notes: z.array(
        z.object({
          quarter: quarterNumber,
          authorName: z.string(),
          note: z.string(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});
export type Appreciation = z.infer<typeof appreciationSchema>;

// ---- Exports ---------------------------------------------------------------------------------

/**
 * Table downloads (xlsx), exactly the rows of a table on a page:
 * - view=pemda: table=units | objectives | late | scatter | trend | bands
 * - view=unit (unitId): table=indicators | children | budget
 * - view=indicator (indicatorId): table=history
 * - view=appreciation: table=ranking
 */
export const exportTables = {
  pemda: ['units', 'objectives', 'late', 'scatter', 'trend', 'bands'],
  unit: ['indicators', 'children', 'budget'],
  indicator: ['history'],
  appreciation: ['ranking'],
} as const;

export const exportQuery = z.strictObject({
  view: z.enum(['pemda', 'unit', 'appreciation', 'indicator']),
  table: z.string().trim().min(1).max(40),
  year: yearQuery.optional(),
  quarter: quarterQuery.optional(),
  unitId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
});

// ---- National aggregate (platform admin) ------------------------------------------------------

export const nationalBandsQuery = z.strictObject({ year: yearQuery });

export const nationalBandsSchema = z.object({
  year: z.number(),
  quarter: z.literal(4),
  basis: basisSchema,
  /** Per province (first two digits of the region code), ascending. */
  provinces: z.array(
    z.object({
      provinceCode: z.string(),
      tenants: z.number(),
      indicators: z.number(),
      bands: bandCountsSchema,
      notAssessed: z.number(),
    }),
  ),
  total: z.object({
    tenants: z.number(),
    indicators: z.number(),
    bands: bandCountsSchema,
    notAssessed: z.number(),
  }),
});
export type NationalBands = z.infer<typeof nationalBandsSchema>;
