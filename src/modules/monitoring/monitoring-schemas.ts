import { z } from 'zod';
import {
  aggregations,
  agreementLevels,
  agreementStatuses,
  calcMethods,
  capaianBands,
  polarities,
  quarterReportStatuses,
  unlockStatuses,
} from '../../shared/codes.js';
import { version } from '../org/org-schemas.js';
import { decimalInput, decimalString, targetValueSchema } from '../planning/target-schemas.js';

/**
 * Request and response shapes of quarterly monitoring (laporan triwulan): the OpenAPI document
 * and the contract the web pages are built against.
 *
 * Conventions (as the PK API):
 * - Numbers travel as canonical decimal STRINGS ("1234.5"); money with two decimals.
 * - A realisasi is sent as TEXT exactly as the user typed it ("1.234,5", "87,5", "WTP"): the
 *   server parses it (Indonesian or canonical number, or a scale code) and answers every wrong
 *   value at once: 400 with `details.errors: [{ indicatorId, field, message }]`.
 * - Capaian values are computed by the engine (src/shared/capaian) only, never by a client.
 * - Every write carries the report `version` (409 VERSION_CONFLICT when stale).
 * - Every report comes with `permissions` (booleans): show a button only when it is true.
 */

const yearNumber = z.number().int().min(2000).max(2100);
const yearQuery = z.coerce.number().int().min(2000).max(2100);
export const quarterNumber = z.number().int().min(1).max(4);

/** Capaian as the engine gives it (src/shared/capaian/types.ts `Capaian`). */
export const capaianSchema = z.discriminatedUnion('assessed', [
  z.object({
    assessed: z.literal(true),
    /** Rounded half-up to 2 decimals, canonical ("107.14"), after the tenant's cap. */
    value: decimalString,
    band: z.enum(capaianBands),
    /** The raw value was above the cap and was cut to it. */
    capped: z.boolean(),
  }),
  z.object({
    assessed: z.literal(false),
    reason: z.enum(['no_realisasi', 'no_target', 'zero_target', 'nothing_assessed']),
    /** Indonesian: why "-" is shown. */
    message: z.string(),
  }),
]);

/** A realisasi as stored: an exact decimal or a scale code (src/shared/capaian RealisasiValue). */
export const realisasiValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: decimalString }),
  z.object({ kind: z.literal('scale'), code: z.string() }),
]);

export const reportPermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  approve: z.boolean(),
  verify: z.boolean(),
  return: z.boolean(),
  requestUnlock: z.boolean(),
  grantUnlock: z.boolean(),
  writeNote: z.boolean(),
});

export const reportIndicatorSchema = z.object({
  /** The PK indicator (agreement_indicators.id). */
  id: z.uuid(),
  objectiveId: z.uuid(),
  objectiveTitle: z.string(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.enum(polarities),
  method: z.enum(calcMethods),
  aggregation: z.enum(aggregations),
  isIku: z.boolean(),
  /** A realisasi below zero is accepted (growth rates). */
  allowNegative: z.boolean(),
  /** The levels of the scale when method = 'scale' (best has the highest score). */
  scale: z.array(z.object({ code: z.string(), score: z.number() })).nullable(),
  annualTarget: targetValueSchema.nullable(),
  quarterTarget: targetValueSchema.nullable(),
  /** TW I–IV of the same year (index 0 = TW I), this quarter included. */
  history: z
    .array(
      z.object({
        quarter: quarterNumber,
        value: realisasiValueSchema.nullable(),
        /** Status of that quarter's report; null when no report was opened. */
        status: z.enum(quarterReportStatuses).nullable(),
      }),
    )
    .length(4),
  /** This quarter's realisasi (null: not entered, "not assessed", never zero). */
  value: realisasiValueSchema.nullable(),
  analysis: z.string(),
  obstacles: z.string(),
  followUp: z.string(),
  capaian: z.object({
    /** This quarter against its target. */
    quarter: capaianSchema,
    /** To date: what bands and dashboards use. */
    toDate: capaianSchema,
    /** The quarters so far, aggregated, against the annual target. */
    annual: capaianSchema,
  }),
  /**
   * Analysis, obstacles and follow-up must all be filled before submitting: the to-date capaian
   * is in one of the two lowest bands, or no realisasi is entered.
   */
  explanationRequired: z.boolean(),
  evidenceCount: z.number(),
});

export const reportBudgetSchema = z.object({
  /** The PK budget row (agreement_budgets.id). */
  id: z.uuid(),
  programName: z.string(),
  kegiatanName: z.string().nullable(),
  subKegiatanCode: z.string().nullable(),
  subKegiatanName: z.string().nullable(),
  /** Pagu (Rupiah, two decimals). */
  ceiling: decimalString,
  /** Spending of the earlier quarters of the year (sum; "0.00" when none). */
  previous: decimalString,
  /** Spending of this quarter (null: not entered). */
  amount: decimalString.nullable(),
  /** (previous + amount) / ceiling × 100, 2 decimals half-up; null when the pagu is 0. Not capaian. */
  absorption: decimalString.nullable(),
});

export const reportEvidenceSchema = z.object({
  id: z.uuid(),
  indicatorId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const reportTransitionSchema = z.object({
  fromStatus: z.enum(quarterReportStatuses).nullable(),
  toStatus: z.enum(quarterReportStatuses),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const reportUnlockSchema = z.object({
  id: z.uuid(),
  status: z.enum(unlockStatuses),
  reason: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  grantedUntil: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

/** A quarter report with everything the entry page shows. */
export const reportDetailSchema = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  agreement: z.object({
    title: z.string(),
    level: z.enum(agreementLevels),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    firstPartyName: z.string(),
    secondPartyName: z.string().nullable(),
    status: z.enum(agreementStatuses),
  }),
  year: z.number(),
  quarter: quarterNumber,
  status: z.enum(quarterReportStatuses),
  version: z.number(),
  /** Last day to enter realisasi (YYYY-MM-DD, quarter end + N working days). */
  deadline: z.string(),
  /** Entry is closed: the deadline passed and no unlock is in force (or the quarter not begun). */
  locked: z.boolean(),
  /** A granted unlock keeps entry open until this moment (ISO timestamp). */
  unlockedUntil: z.string().nullable(),
  indicators: z.array(reportIndicatorSchema),
  budgets: z.array(reportBudgetSchema),
  evidence: z.array(reportEvidenceSchema),
  transitions: z.array(reportTransitionSchema),
  unlocks: z.array(reportUnlockSchema),
  permissions: reportPermissionsSchema,
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

// ---- Requests --------------------------------------------------------------------------------

export const openReportBody = z.strictObject({
  agreementId: z.uuid(),
  year: yearNumber,
  quarter: quarterNumber,
});

const narrative = z.string().max(5000);

export const saveValuesBody = z.strictObject({
  version,
  values: z
    .array(
      z.strictObject({
        indicatorId: z.uuid(),
        /**
         * As typed ("1.234,5", "87,5", "WTP"); null or "" clears the value; omitted leaves it
         * unchanged (e.g. only the narrative is sent).
         */
        value: z.string().max(60).nullable().optional(),
        analysis: narrative.optional(),
        obstacles: narrative.optional(),
        followUp: narrative.optional(),
      }),
    )
    .max(500),
  budgets: z
    .array(
      z.strictObject({
        budgetId: z.uuid(),
        /** Rupiah as typed ("1.500.000", "1500000.50"); null or "" clears. */
        amount: decimalInput.nullable(),
      }),
    )
    .max(500)
    .optional(),
});
export type SaveValuesInput = z.infer<typeof saveValuesBody>;

export const reportActions = ['submit', 'withdraw', 'approve', 'verify', 'return'] as const;
export type ReportAction = (typeof reportActions)[number];

export const transitionBody = z.strictObject({
  version,
  action: z.enum(reportActions),
  /** Required (≥ 5 characters) to return a report. */
  note: z.string().trim().max(2000).optional(),
});

export const unlockRequestBody = z.strictObject({
  reason: z.string().trim().min(10, 'alasan minimal 10 karakter').max(2000),
});

export const unlockDecisionBody = z.strictObject({
  decision: z.enum(['grant', 'refuse']),
  /** Days the quarter stays open (grant only): 1..settings.monitoring.unlockMaxDays (default it). */
  days: z.number().int().min(1).max(30).optional(),
  note: z.string().trim().max(2000).optional(),
});

export const unlockListQuery = z.strictObject({
  status: z.enum(unlockStatuses).optional(),
});

export const unlockListItemSchema = reportUnlockSchema.extend({
  reportId: z.uuid(),
  agreementId: z.uuid(),
  agreementTitle: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  year: z.number(),
  quarter: quarterNumber,
  reportStatus: z.enum(quarterReportStatuses),
  deadline: z.string(),
});
export const unlockListSchema = z.object({ items: z.array(unlockListItemSchema) });

export const unlockSchema = reportUnlockSchema.extend({ reportId: z.uuid() });

// ---- Periods (what to fill) -------------------------------------------------------------------

export const periodsQuery = z.strictObject({
  /** Defaults to the current year (tenant time zone). */
  year: yearQuery.optional(),
  unitId: z.uuid().optional(),
  /** "true": only units where the actor may write or approve realisasi. */
  mine: z.enum(['true', 'false']).optional(),
});

export const periodsSchema = z.object({
  year: z.number(),
  /** Years with signed PKs (for the year select), ascending. */
  years: z.array(z.number()),
  quarters: z.array(
    z.object({
      quarter: quarterNumber,
      deadline: z.string(),
      /** The deadline passed (entry closed unless a report is unlocked). */
      locked: z.boolean(),
      /** The quarter has begun (entry is possible from its first day). */
      open: z.boolean(),
    }),
  ),
  items: z.array(
    z.object({
      agreementId: z.uuid(),
      title: z.string(),
      level: z.enum(agreementLevels),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      firstPartyName: z.string(),
      quarters: z.array(
        z.object({
          quarter: quarterNumber,
          /** Null when the report was not opened yet (POST /api/monitoring/reports makes it). */
          reportId: z.uuid().nullable(),
          status: z.enum(quarterReportStatuses).nullable(),
          /** Indicators with a realisasi entered / all indicators of the PK. */
          filled: z.number(),
          total: z.number(),
          /** Entry closed for this report (deadline passed, no unlock in force). */
          locked: z.boolean(),
        }),
      ),
    }),
  ),
});
export type Periods = z.infer<typeof periodsSchema>;
