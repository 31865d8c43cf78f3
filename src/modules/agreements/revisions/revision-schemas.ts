import { z } from 'zod';
import { agreementStatuses, revisionReasons } from '../../../shared/codes.js';
import { version } from '../../org/org-schemas.js';
import { targetValueSchema } from '../../planning/target-schemas.js';
import {
  agreementBudgetSchema,
  agreementDetailSchema,
  targetYearSchema,
} from '../agreement-schemas.js';

/** Request and response shapes of PK Perubahan: creation, versions, and the diff. */

export const createRevisionBody = z.strictObject({
  /** Version of the signed PK the revision is made from (409 VERSION_CONFLICT when stale). */
  version,
  reason: z.enum(revisionReasons),
  /** What changed and why, e.g. "APBD-Perubahan 2026 menggeser anggaran sub kegiatan …". */
  note: z.string().trim().min(10, 'uraian alasan minimal 10 karakter').max(4000),
});

export const createdRevisionSchema = z.object({
  id: z.uuid(),
  rootId: z.uuid(),
  previousId: z.uuid(),
  revisionNo: z.number(),
  status: z.enum(agreementStatuses),
  version: z.number(),
  /** The new draft in full, as GET /api/agreements/:id gives it. */
  agreement: agreementDetailSchema,
});

export const versionItemSchema = z.object({
  id: z.uuid(),
  revisionNo: z.number(),
  status: z.enum(agreementStatuses),
  reason: z.enum(revisionReasons).nullable(),
  note: z.string().nullable(),
  previousId: z.uuid().nullable(),
  agreementDate: z.string(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  /** The newest version of the PK (revisions are made from it). */
  latest: z.boolean(),
  version: z.number(),
  /** revise: may create PK Perubahan from this version now. */
  permissions: z.record(z.string(), z.boolean()),
});
export const versionListSchema = z.object({ rootId: z.uuid(), items: z.array(versionItemSchema) });

const change = z.enum(['added', 'removed', 'changed', 'unchanged']);
const fieldValue = z.union([z.string(), z.boolean(), z.null()]);
const fieldChange = z.object({
  /** name, satuan, polarity, method, aggregation, isIku; title, supports; amount, programName… */
  field: z.string(),
  old: fieldValue,
  new: fieldValue,
});
const indicatorView = z.object({
  id: z.uuid(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.string(),
  method: z.string(),
  aggregation: z.string(),
  isIku: z.boolean(),
  targets: z.array(targetYearSchema),
});
const objectiveView = z.object({
  id: z.uuid(),
  title: z.string(),
  supportsTitle: z.string().nullable(),
});
const party = z.object({
  positionId: z.uuid(),
  positionTitle: z.string(),
  employeeId: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  assignmentKind: z.string(),
});
const partyDiff = z.object({
  role: z.enum(['first', 'second']),
  change,
  old: party.nullable(),
  new: party.nullable(),
  fields: z.array(fieldChange),
});
const targetChange = z.object({
  year: z.number(),
  /** 0 = annual, 1–4 = TW I–IV. */
  quarter: z.number(),
  old: targetValueSchema.nullable(),
  new: targetValueSchema.nullable(),
});
const indicatorDiff = z.object({
  change,
  old: indicatorView.nullable(),
  new: indicatorView.nullable(),
  fields: z.array(fieldChange),
  /** Changed targets of a kept indicator. */
  targets: z.array(targetChange),
});
const objectiveDiff = z.object({
  change,
  old: objectiveView.nullable(),
  new: objectiveView.nullable(),
  fields: z.array(fieldChange),
  indicators: z.array(indicatorDiff),
});
const budgetDiff = z.object({
  change,
  old: agreementBudgetSchema.nullable(),
  new: agreementBudgetSchema.nullable(),
  fields: z.array(fieldChange),
});

export const revisionDiffSchema = z.object({
  header: z.object({
    agreementId: z.uuid(),
    revisionNo: z.number(),
    status: z.enum(agreementStatuses),
    reason: z.enum(revisionReasons).nullable(),
    note: z.string().nullable(),
    startYear: z.number(),
    endYear: z.number(),
    previous: z.object({
      id: z.uuid(),
      revisionNo: z.number(),
      status: z.enum(agreementStatuses),
    }),
  }),
  /** Every year either version covers (several for a multi-year PK). */
  years: z.array(z.number()),
  parties: z.array(partyDiff),
  /** Every sasaran of both versions: the revision's order, then the removed ones. */
  objectives: z.array(objectiveDiff),
  budgets: z.object({
    rows: z.array(budgetDiff),
    /** Exact sums, two decimals ("1500000000.00"). */
    totalOld: z.string(),
    totalNew: z.string(),
    totalChanged: z.boolean(),
  }),
  summary: z.object({
    objectivesAdded: z.number(),
    objectivesRemoved: z.number(),
    objectivesChanged: z.number(),
    indicatorsAdded: z.number(),
    indicatorsRemoved: z.number(),
    indicatorsChanged: z.number(),
    targetsChanged: z.number(),
    budgetRowsAdded: z.number(),
    budgetRowsRemoved: z.number(),
    budgetRowsChanged: z.number(),
    partiesChanged: z.number(),
  }),
});

export type CreateRevisionBody = z.infer<typeof createRevisionBody>;
export type RevisionDiffResponse = z.infer<typeof revisionDiffSchema>;
export type VersionItem = z.infer<typeof versionItemSchema>;
export type VersionList = z.infer<typeof versionListSchema>;
export type CreatedRevision = z.infer<typeof createdRevisionSchema>;
/** Pieces of the diff, as the web's side-by-side page reads them. */
export type Change = z.infer<typeof change>;
export type FieldValue = z.infer<typeof fieldValue>;
export type FieldChange = z.infer<typeof fieldChange>;
export type TargetYear = z.infer<typeof targetYearSchema>;
export type IndicatorView = z.infer<typeof indicatorView>;
export type TargetChange = z.infer<typeof targetChange>;
export type IndicatorDiff = z.infer<typeof indicatorDiff>;
export type ObjectiveView = z.infer<typeof objectiveView>;
export type ObjectiveDiff = z.infer<typeof objectiveDiff>;
export type DiffParty = z.infer<typeof party>;
export type PartyDiff = z.infer<typeof partyDiff>;
export type BudgetRow = z.infer<typeof agreementBudgetSchema>;
export type BudgetDiff = z.infer<typeof budgetDiff>;
