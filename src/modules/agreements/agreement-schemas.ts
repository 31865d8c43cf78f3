import { z } from 'zod';
import {
  aggregations,
  agreementLevels,
  agreementStatuses,
  agreementYearStatuses,
  assignmentKinds,
  calcMethods,
  polarities,
  qualityRules,
  qualitySeverities,
} from '../../shared/codes.js';
import { isoDate, permissionsSchema, version } from '../org/org-schemas.js';
import { moneyInput, targetValueInput, targetValueSchema } from '../planning/target-schemas.js';

/**
 * Request and response shapes of the Perjanjian Kinerja API (also the OpenAPI document and the
 * contract the web pages are built against).
 *
 * Conventions:
 * - Numbers (targets, money) travel as canonical decimal STRINGS ("1234.5", dot decimal, no
 *   grouping). Money comes back with exactly two decimals ("1500000.00").
 * - Request target values are checked by the server, not by this schema, so a bad number comes
 *   back as INVALID_NUMBER / INVALID_TARGET / QUARTER_PLAN_INVALID with
 *   `details.fields: [{ path: 'objectives.0.indicators.1.targets.2026.quarters.2', message, code }]`
 *   naming every wrong field at once (the web maps the paths onto its inputs).
 * - Every write body carries the `version` it was based on (409 VERSION_CONFLICT when stale).
 * - Every object comes with a `permissions` record (booleans) so the web never re-implements
 *   a rule: show a button only when its permission is true.
 */

// ---- Shared pieces ---------------------------------------------------------------------------

// Target values and decimal texts: one definition for every module (planning/target-schemas.ts).
export { targetValueInput, targetValueSchema };

const yearNumber = z.number().int().min(2000).max(2100);
/** Querystring year ("2027" in the URL). */
const yearQuery = z.coerce.number().int().min(2000).max(2100);

/** A person signing the PK, resolved from the organisation on the PK date. */
export const partySchema = z.object({
  /** The position (jabatan) the person signs for. */
  positionId: z.uuid(),
  positionTitle: z.string(),
  employeeId: z.uuid(),
  /** Full name with titles ("dr. Siti Aminah, M.Kes"). */
  name: z.string(),
  nip: z.string().nullable(),
  /** Pangkat/golongan. */
  grade: z.string().nullable(),
  /** definitif, or plt/plh/pj for an acting official (printed before the position title). */
  assignmentKind: z.enum(assignmentKinds),
});

/** Findings of the quality (SMART) check; `blocking` is true when any finding is an error. */
export const qualityFindingSchema = z.object({
  /** A SMART rule; QUARTER_PLAN: TW I–IV do not fit the annual target; NO_OBJECTIVES: empty PK. */
  rule: z.union([z.enum(qualityRules), z.literal('QUARTER_PLAN'), z.literal('NO_OBJECTIVES')]),
  severity: z.enum(qualitySeverities),
  /** Id of the indicator (or sasaran) the finding is about. */
  subjectKey: z.string(),
  field: z.string().optional(),
  message: z.string(),
  hint: z.string(),
});
export const qualitySchema = z.object({
  findings: z.array(qualityFindingSchema),
  blocking: z.boolean(),
});

// ---- PK years --------------------------------------------------------------------------------

export const agreementYearSchema = z.object({
  id: z.uuid(),
  year: z.number(),
  /** DPA approval date, YYYY-MM-DD; PKs are due a set number of months after it. */
  dpaApprovedOn: z.string().nullable(),
  /** dpaApprovedOn + settings.agreements.deadlineMonthsAfterDpa months; null without a DPA date. */
  deadline: z.string().nullable(),
  status: z.enum(agreementYearStatuses),
  version: z.number(),
  /** How many PKs of the year (current versions) are in each status; absent statuses are 0. */
  counts: z.record(z.enum(agreementStatuses), z.number()),
  permissions: permissionsSchema,
});
export const agreementYearListSchema = z.object({
  items: z.array(agreementYearSchema),
  /** create: may open a new PK year (admin Pemda). */
  permissions: z.object({ create: z.boolean() }),
});
export const createAgreementYearBody = z.strictObject({
  year: yearNumber,
  dpaApprovedOn: isoDate.nullable().default(null),
});
export const updateAgreementYearBody = z.strictObject({
  version,
  dpaApprovedOn: isoDate.nullable().optional(),
  status: z.enum(agreementYearStatuses).optional(),
});

// ---- PK list ---------------------------------------------------------------------------------

export const agreementListQuery = z.strictObject({
  year: yearQuery,
  unitId: z.uuid().optional(),
  level: z.enum(agreementLevels).optional(),
  status: z.enum(agreementStatuses).optional(),
  /** Searches the position title, unit name and first party's name/NIP (case-insensitive). */
  q: z.string().trim().max(100).optional(),
});

export const agreementSummarySchema = z.object({
  id: z.uuid(),
  yearId: z.uuid(),
  year: z.number(),
  startYear: z.number(),
  endYear: z.number(),
  level: z.enum(agreementLevels),
  /** Unit of pihak pertama (null for the Pemda PK). */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  position: z.object({ id: z.uuid(), title: z.string() }),
  firstParty: partySchema,
  /** Null only for the Pemda PK (the Kepala Daerah signs alone). */
  secondParty: partySchema.nullable(),
  status: z.enum(agreementStatuses),
  /** 0 for the original PK, n for PK Perubahan n. */
  revisionNo: z.number(),
  /** Id of revision 0: every version of one PK shares it. */
  rootId: z.uuid(),
  /** Due date (YYYY-MM-DD) from the year's DPA date; null when the DPA date is not set yet. */
  deadline: z.string().nullable(),
  /** Days from today (tenant zone) to the deadline; negative when overdue; null without one. */
  daysLeft: z.number().nullable(),
  /** "Terlambat": the deadline passed and the PK is not signed/published. */
  late: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
  permissions: permissionsSchema,
});
export const agreementListSchema = z.object({
  items: z.array(agreementSummarySchema),
  /** create: may draft a PK (some unit); review: may verify/return PKs. */
  permissions: z.object({ create: z.boolean(), review: z.boolean() }),
});

// ---- Deadline board --------------------------------------------------------------------------

export const boardQuery = z.strictObject({ year: yearQuery });
export const boardRowSchema = z.object({
  /** Position that must sign a PK (one row per position). */
  positionId: z.uuid(),
  positionTitle: z.string(),
  /** Null for the Pemda PK row. */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The PD (eselon_2 ancestor) the position belongs to, for grouping; null for Pemda. */
  pd: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  level: z.enum(agreementLevels),
  /** Current holder (today), or null: a PK cannot be drafted before the post is filled. */
  holderName: z.string().nullable(),
  /** The current version of the position's PK, or null ("belum dibuat"). */
  agreement: z
    .object({ id: z.uuid(), status: z.enum(agreementStatuses), revisionNo: z.number() })
    .nullable(),
  /** "not_created" when no PK exists yet, else the PK status. */
  status: z.union([z.enum(agreementStatuses), z.literal('not_created')]),
  deadline: z.string().nullable(),
  daysLeft: z.number().nullable(),
  late: z.boolean(),
  /**
   * create: this user may draft this position's PK now (write access at its unit, tenant-wide
   * for the Pemda PK; the year is open; no PK exists yet). The vacancy is shown separately.
   */
  permissions: z.object({ create: z.boolean() }),
});
export const boardSchema = z.object({
  year: z.number(),
  yearId: z.uuid().nullable(),
  deadline: z.string().nullable(),
  rows: z.array(boardRowSchema),
  /** Rows per status, including not_created; `late` counts late rows. */
  counts: z.record(z.string(), z.number()),
});

// ---- Create / update -------------------------------------------------------------------------

/** Pihak kedua chosen by hand instead of the superior position's holder; a reason is required. */
export const secondPartyOverrideInput = z
  .strictObject({
    /** Position pihak kedua signs for; defaults to the superior position. */
    positionId: z.uuid().optional(),
    /** The person; defaults to the holder of positionId on the PK date. */
    employeeId: z.uuid().optional(),
    reason: z.string().trim().min(10, 'alasan minimal 10 karakter').max(1000),
  })
  .refine((v) => v.positionId !== undefined || v.employeeId !== undefined, {
    message: 'isi jabatan atau pegawai pihak kedua',
  });

export const createAgreementBody = z.strictObject({
  yearId: z.uuid(),
  /** Pihak pertama's position; the level is derived from it. */
  positionId: z.uuid(),
  /**
   * The date the parties are resolved on. Default: today in the tenant zone, clamped into the
   * PK year (Jan 2 of the year when today is earlier, Dec 31 when later).
   */
  agreementDate: isoDate.optional(),
  /** Last year of a multi-year PK (≤ start + 4); default the PK year. */
  endYear: yearNumber.optional(),
  /** Copy sasaran, indicators, targets and budgets from the Renstra/DPA (default true). */
  pullFromPlan: z.boolean().default(true),
  secondParty: secondPartyOverrideInput.optional(),
});

export const updateAgreementBody = z.strictObject({
  version,
  agreementDate: isoDate.optional(),
  /** An override, or null to go back to the superior position's holder on agreementDate. */
  secondParty: secondPartyOverrideInput.nullable().optional(),
  /** The higher PK this one cascades from (null to unlink). */
  parentAgreementId: z.uuid().nullable().optional(),
});

export const targetYearInput = z.strictObject({
  year: yearNumber,
  /** Annual target (null: not set yet; the quality check flags it). */
  annual: targetValueInput.nullable(),
  /** TW I–IV: four entries (null each when unplanned), or an empty array for none. */
  quarters: z.array(targetValueInput.nullable()).max(4).default([]),
});

export const indicatorInput = z.strictObject({
  /** Existing indicator id of this PK to keep (update in place); omit for a new one. */
  id: z.uuid().optional(),
  sourceIndicatorId: z.uuid().nullable().optional(),
  name: z.string().trim().min(3, 'minimal 3 karakter').max(1000),
  satuan: z.string().trim().max(100),
  polarity: z.enum(polarities),
  method: z.enum(calcMethods),
  aggregation: z.enum(aggregations),
  isIku: z.boolean().default(false),
  /** A realisasi below zero is a real value (growth rates). Omitted: unchanged (new: false). */
  allowNegative: z.boolean().optional(),
  /** Required when method = scale. */
  scaleId: z.uuid().nullable().optional(),
  targets: z.array(targetYearInput).max(5),
});

export const objectiveInput = z.strictObject({
  /** Existing sasaran id of this PK to keep (a lower PK may point at it); omit for a new one. */
  id: z.uuid().optional(),
  title: z.string().trim().min(2, 'minimal 2 karakter').max(1000),
  sourceNodeId: z.uuid().nullable().optional(),
  /** A sasaran of the parent PK this one supports (see candidateParentObjectives). */
  supportsObjectiveId: z.uuid().nullable().optional(),
  indicators: z.array(indicatorInput).max(50),
});

export const budgetInput = z.strictObject({
  sourceNodeId: z.uuid().nullable().optional(),
  programCode: z.string().trim().min(1).max(40),
  programName: z.string().trim().min(2).max(1000),
  kegiatanCode: z.string().trim().max(40).nullable().optional(),
  kegiatanName: z.string().trim().max(1000).nullable().optional(),
  subKegiatanCode: z.string().trim().max(40).nullable().optional(),
  subKegiatanName: z.string().trim().max(1000).nullable().optional(),
  /** Rupiah as a decimal string, ≥ 0, at most 2 decimals. */
  amount: moneyInput,
});

/** Replaces the whole content (sasaran with indicators and targets, budget rows). */
export const agreementContentBody = z.strictObject({
  version,
  objectives: z.array(objectiveInput).max(100),
  budgets: z.array(budgetInput).max(2000),
});

export const transitionActions = ['submit', 'withdraw', 'return', 'verify', 'mark_ready'] as const;
export type TransitionAction = (typeof transitionActions)[number];
export const transitionBody = z.strictObject({
  version,
  action: z.enum(transitionActions),
  /** Required (≥ 5 characters) for return. */
  comment: z.string().trim().max(4000).optional(),
});

// ---- Detail ----------------------------------------------------------------------------------

export const targetYearSchema = z.object({
  year: z.number(),
  annual: targetValueSchema.nullable(),
  /** Always four entries (TW I–IV), null when unplanned. */
  quarters: z.array(targetValueSchema.nullable()),
});

export const agreementIndicatorSchema = z.object({
  id: z.uuid(),
  sourceIndicatorId: z.uuid().nullable(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.enum(polarities),
  method: z.enum(calcMethods),
  aggregation: z.enum(aggregations),
  isIku: z.boolean(),
  scaleId: z.uuid().nullable(),
  /** One entry per year startYear..endYear. */
  targets: z.array(targetYearSchema),
});

export const agreementObjectiveSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  sourceNodeId: z.uuid().nullable(),
  supportsObjectiveId: z.uuid().nullable(),
  supports: z
    .object({ objectiveId: z.uuid(), title: z.string(), agreementId: z.uuid() })
    .nullable(),
  indicators: z.array(agreementIndicatorSchema),
});

export const agreementBudgetSchema = z.object({
  id: z.uuid(),
  sourceNodeId: z.uuid().nullable(),
  programCode: z.string(),
  programName: z.string(),
  kegiatanCode: z.string().nullable(),
  kegiatanName: z.string().nullable(),
  subKegiatanCode: z.string().nullable(),
  subKegiatanName: z.string().nullable(),
  /** "1500000.00" */
  amount: z.string(),
});

export const agreementTransitionSchema = z.object({
  id: z.uuid(),
  fromStatus: z.enum(agreementStatuses).nullable(),
  toStatus: z.enum(agreementStatuses),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  comment: z.string().nullable(),
  /** ISO timestamp. */
  at: z.string(),
});

export const agreementDetailSchema = agreementSummarySchema.extend({
  agreementDate: z.string(),
  secondPartyOverrideReason: z.string().nullable(),
  planPeriodId: z.uuid().nullable(),
  revisionReason: z.string().nullable(),
  revisionNote: z.string().nullable(),
  /** The higher PK this one cascades from. */
  parent: z
    .object({ id: z.uuid(), level: z.enum(agreementLevels), positionTitle: z.string() })
    .nullable(),
  /** The version this PK Perubahan revises. */
  previous: z
    .object({ id: z.uuid(), revisionNo: z.number(), status: z.enum(agreementStatuses) })
    .nullable(),
  objectives: z.array(agreementObjectiveSchema),
  budgets: z.array(agreementBudgetSchema),
  /** Sum of the budget rows, exact ("12500000.00"). */
  budgetTotal: z.string(),
  quality: qualitySchema,
  /** Oldest first. */
  transitions: z.array(agreementTransitionSchema),
  /** The parent PK's sasaran: the options of the "mendukung sasaran" select. */
  candidateParentObjectives: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /**
   * update, delete, submit, withdraw, return, verify, markReady, revise (agreementPermissions);
   * editContent = update.
   */
  permissions: permissionsSchema,
});

export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;
export type AgreementContentInput = z.infer<typeof agreementContentBody>;
export type CreateAgreementInput = z.infer<typeof createAgreementBody>;
export type UpdateAgreementInput = z.infer<typeof updateAgreementBody>;
export type AgreementListFilter = z.infer<typeof agreementListQuery>;
export type TransitionInput = z.infer<typeof transitionBody>;
export type Party = z.infer<typeof partySchema>;
export type QualityFinding = z.infer<typeof qualityFindingSchema>;
export type AgreementYear = z.infer<typeof agreementYearSchema>;
export type AgreementYearList = z.infer<typeof agreementYearListSchema>;
export type AgreementList = z.infer<typeof agreementListSchema>;
export type BoardRow = z.infer<typeof boardRowSchema>;
export type Board = z.infer<typeof boardSchema>;
export type TargetYear = z.infer<typeof targetYearSchema>;
export type AgreementIndicator = z.infer<typeof agreementIndicatorSchema>;
export type AgreementObjective = z.infer<typeof agreementObjectiveSchema>;
export type AgreementBudget = z.infer<typeof agreementBudgetSchema>;
export type AgreementTransition = z.infer<typeof agreementTransitionSchema>;
