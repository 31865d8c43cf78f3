import { z } from 'zod';
import { documentStatuses, pactOccasions, pactStatuses } from '../../shared/codes.js';
import { isoDate, permissionsSchema } from '../org/org-schemas.js';
import { clauseLimits } from './clause-rules.js';

/**
 * Request and response shapes of the Pakta Integritas API (also the OpenAPI document and the
 * types the web pages are built against). Dates are YYYY-MM-DD; timestamps ISO strings.
 */

const fiscalYear = z.number().int().min(2000).max(2100);
const fiscalYearQuery = z.coerce.number().int().min(2000).max(2100);

// ---- Clauses -----------------------------------------------------------------------------------

export const clauseVersionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number(),
  note: z.string().nullable(),
  clauseCount: z.number(),
  createdAt: z.string(),
  /** Who saved it; null for version 1 (the standard clauses, made by the system). */
  createdByName: z.string().nullable(),
});

export const clauseVersionSchema = clauseVersionSummarySchema.extend({
  /** As saved, with {instansi} where the Pemda's name goes. */
  clauses: z.array(z.string()),
});

export const clauseDiffEntrySchema = z.object({
  change: z.enum(['unchanged', 'added', 'removed', 'changed']),
  /** Sits elsewhere relative to the other clauses than in the previous version. */
  moved: z.boolean(),
  /** 0-based position in the previous version (null when added). */
  before: z.number().nullable(),
  /** 0-based position in this version (null when removed). */
  after: z.number().nullable(),
  text: z.string(),
  /** The previous text of a changed clause. */
  previousText: z.string().nullable(),
});

export const clauseVersionDetailSchema = clauseVersionSchema.extend({
  /** The version compared with (the one before this), null for version 1. */
  previousVersion: z.number().nullable(),
  diff: z
    .object({
      entries: z.array(clauseDiffEntrySchema),
      counts: z.object({
        unchanged: z.number(),
        added: z.number(),
        removed: z.number(),
        changed: z.number(),
        moved: z.number(),
      }),
    })
    .nullable(),
});

export const clausesOverviewSchema = z.object({
  current: clauseVersionSchema,
  /** Every version, newest first. */
  history: z.array(clauseVersionSummarySchema),
  /** What {instansi} becomes in this Pemda's pacts (the tenant's name). */
  instansi: z.string(),
  /** update: may save a new version (admin Pemda). */
  permissions: permissionsSchema,
});

export const saveClausesBody = z.strictObject({
  clauses: z
    .array(z.string().trim().min(clauseLimits.minLength).max(clauseLimits.maxLength))
    .min(clauseLimits.minCount)
    .max(clauseLimits.maxCount),
  /** Why the clauses changed (shown in the history). */
  note: z.string().trim().max(500).optional(),
  /** The version the edit started from: 409 VERSION_CONFLICT when someone saved since. */
  baseVersion: z.number().int().min(1).optional(),
});
export type SaveClausesInput = z.infer<typeof saveClausesBody>;

// ---- Pacts -------------------------------------------------------------------------------------

export const pactPersonSchema = z.object({
  employeeId: z.uuid(),
  /** Full name with titles. */
  name: z.string(),
  nip: z.string().nullable(),
  /** Pangkat/golongan code ("IV/c"). */
  grade: z.string().nullable(),
  positionId: z.uuid(),
  positionTitle: z.string(),
});

export const pactDocumentSchema = z.object({
  id: z.uuid(),
  /** Public code printed with the QR on every page. */
  code: z.string(),
  status: z.enum(documentStatuses),
  signerCount: z.number(),
  signedCount: z.number(),
  /** GET this for the PDF (the latest file: signed once both have signed). */
  pdfUrl: z.string(),
});

export const pactSummarySchema = z.object({
  id: z.uuid(),
  occasion: z.enum(pactOccasions),
  fiscalYear: z.number(),
  status: z.enum(pactStatuses),
  /** The date printed above the signatures. */
  pactDate: z.string(),
  place: z.string(),
  maker: pactPersonSchema,
  /** The maker's unit when the pact was made (null for the Kepala Daerah and the deputy). */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** "Menyaksikan": the superior on the pact date; null for the Kepala Daerah. */
  witness: pactPersonSchema.nullable(),
  /** The appointment (assignment) of an appointment pact. */
  assignmentId: z.uuid().nullable(),
  clauseVersion: z.number(),
  signedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The PDF to sign, once made (it is made when first opened or signed). */
  document: pactDocumentSchema.nullable(),
  /** void: may void it (pending, nobody signed); document: may open (and so make) its PDF. */
  permissions: permissionsSchema,
});

export const pactDetailSchema = pactSummarySchema.extend({
  /** The clause text of this pact ({instansi} filled in), whatever changed since. */
  clauses: z.array(z.string()),
});

export const pactListQuery = z.strictObject({
  fiscalYear: fiscalYearQuery,
  /** The subtree of this unit (by the maker's unit on the pact). */
  unitId: z.uuid().optional(),
  status: z.enum(pactStatuses).optional(),
  occasion: z.enum(pactOccasions).optional(),
  /** Searches the maker's name and NIP, the position and the unit (case-insensitive). */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const PACT_PAGE_SIZE = 50;

export const pactListSchema = z.object({
  items: z.array(pactSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** create: may make pacts (for some unit at least). */
  permissions: permissionsSchema,
});

/**
 * One pact. Which of fiscalYear / assignmentId is required depends on the occasion; the use case
 * checks it after finding the employee (so another tenant's employee is a 404 first).
 */
export const createPactBody = z.strictObject({
  employeeId: z.uuid(),
  occasion: z.enum(pactOccasions),
  /** Annual pacts (required): the fiscal year. Appointment pacts take it from the assignment. */
  fiscalYear: fiscalYear.optional(),
  /** Appointment pacts (required): the assignment (pelantikan) the pact belongs to. */
  assignmentId: z.uuid().optional(),
  /** Default: annual, today (kept inside the fiscal year); appointment, the start date. */
  pactDate: isoDate.optional(),
});
export type CreatePactInput = z.infer<typeof createPactBody>;

export const bulkCreateBody = z.strictObject({
  /** Root of the subtree; null: the whole Pemda (the Kepala Daerah and deputy included). */
  unitId: z.uuid().nullable(),
  fiscalYear,
  pactDate: isoDate.optional(),
  /** Only count what would be made (the confirmation), writing nothing. */
  dryRun: z.boolean().default(false),
});
export type BulkCreateInput = z.infer<typeof bulkCreateBody>;

export const bulkCreateResultSchema = z.object({
  /** Pacts made (or, on a dry run, that would be made). */
  created: z.number(),
  /** Employees who already have this year's pact. */
  skipped: z.number(),
  failed: z.array(
    z.object({
      employee: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }),
      reason: z.string(),
    }),
  ),
  pactDate: z.string(),
  dryRun: z.boolean(),
});

export const voidPactBody = z.strictObject({
  reason: z.string().trim().min(3).max(500),
});

// ---- Status per unit ---------------------------------------------------------------------------

export const statusQuery = z.strictObject({
  fiscalYear: fiscalYearQuery,
  /** The unit whose children are listed; absent: the top-level units (PD) of the Pemda. */
  unitId: z.uuid().optional(),
});

const statusCounts = {
  /** Employees whose main position (on the reference date) sits in the unit's subtree. */
  employees: z.number(),
  /** Of them, with this year's annual pact made (pending or signed). */
  pacts: z.number(),
  /** Of them, with it signed. */
  signed: z.number(),
  /** signed / employees × 100, "87.50"; null without employees. */
  percent: z.string().nullable(),
};

export const statusRowSchema = z.object({
  /** A child unit (its whole subtree); null for the row of those directly in the parent unit
   * (or, at the top, the Kepala Daerah and deputy). */
  unit: z.object({ id: z.uuid(), name: z.string(), hasChildren: z.boolean() }).nullable(),
  label: z.string(),
  ...statusCounts,
  /** bulkCreate: may make this subtree's pacts. */
  permissions: permissionsSchema,
});

export const statusSchema = z.object({
  fiscalYear: z.number(),
  /** Who counts as an employee of a unit is read on this date (today, kept inside the year). */
  referenceDate: z.string(),
  /** The unit shown (null: the whole Pemda) and the path to it, root first. */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  path: z.array(z.object({ id: z.uuid(), name: z.string() })),
  rows: z.array(statusRowSchema),
  total: z.object(statusCounts),
  /** bulkCreate: may make the pacts of the whole unit shown (or of the whole Pemda). */
  permissions: permissionsSchema,
});
