import { z } from 'zod';
import { agreementStatuses, revisionReasons } from '../../../shared/codes.js';
import { version } from '../../org/org-schemas.js';
import { agreementDetailSchema, targetValueSchema } from '../agreement-schemas.js';

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
const fieldChange = z.object({
  /** name, satuan, polarity, method, aggregation, isIku; title, supports; amount, programName… */
  field: z.string(),
  old: z.union([z.string(), z.boolean(), z.null()]),
  new: z.union([z.string(), z.boolean(), z.null()]),
});
const targetYear = z.object({
  year: z.number(),
  annual: targetValueSchema.nullable(),
  quarters: z.array(targetValueSchema.nullable()),
});
const indicatorView = z.object({
  id: z.uuid(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.string(),
  method: z.string(),
  aggregation: z.string(),
  isIku: z.boolean(),
  targets: z.array(targetYear),
});
const party = z.object({
  positionId: z.uuid(),
  positionTitle: z.string(),
  employeeId: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  assignmentKind: z.string(),
});
const budgetRow = z.object({
  id: z.uuid(),
  sourceNodeId: z.uuid().nullable(),
  programCode: z.string(),
  programName: z.string(),
  kegiatanCode: z.string().nullable(),
  kegiatanName: z.string().nullable(),
  subKegiatanCode: z.string().nullable(),
  subKegiatanName: z.string().nullable(),
  amount: z.string(),
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
  parties: z.array(
    z.object({
      role: z.enum(['first', 'second']),
      change,
      old: party.nullable(),
      new: party.nullable(),
      fields: z.array(fieldChange),
    }),
  ),
  /** Every sasaran of both versions: the revision's order, then the removed ones. */
  objectives: z.array(
    z.object({
      change,
      old: z
        .object({ id: z.uuid(), title: z.string(), supportsTitle: z.string().nullable() })
        .nullable(),
      new: z
        .object({ id: z.uuid(), title: z.string(), supportsTitle: z.string().nullable() })
        .nullable(),
      fields: z.array(fieldChange),
      indicators: z.array(
        z.object({
          change,
          old: indicatorView.nullable(),
          new: indicatorView.nullable(),
          fields: z.array(fieldChange),
          /** Changed targets: quarter 0 = annual, 1–4 = TW I–IV. */
          targets: z.array(
            z.object({
              year: z.number(),
              quarter: z.number(),
              old: targetValueSchema.nullable(),
              new: targetValueSchema.nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
  budgets: z.object({
    rows: z.array(
      z.object({
        change,
        old: budgetRow.nullable(),
        new: budgetRow.nullable(),
        fields: z.array(fieldChange),
      }),
    ),
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
export type VersionList = z.infer<typeof versionListSchema>;
