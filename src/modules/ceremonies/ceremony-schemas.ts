import { z } from 'zod';
import {
  agreementLevels,
  ceremonyStatuses,
  documentKinds,
  documentStatuses,
  signerRoles,
} from '../../shared/codes.js';
import { isoDate, version } from '../org/org-schemas.js';

/** Request and response shapes of the ceremony API (also the OpenAPI document). */

const title = z.string().trim().min(5, 'minimal 5 karakter').max(300);
const place = z.string().trim().min(2, 'minimal 2 karakter').max(200);
/** "08:30" (a wall-clock time in the Pemda's zone); seconds are accepted and dropped. */
const startTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'format jam HH:MM')
  .transform((v) => v.slice(0, 5));
const fiscalYear = z.number().int().min(2000).max(2100);

export const createCeremonyBody = z.strictObject({
  /** Defaults to "Penandatanganan Perjanjian Kinerja dan Pakta Integritas Tahun {fiscalYear}". */
  title: title.optional(),
  fiscalYear,
  eventDate: isoDate,
  startTime: startTime.nullish(),
  place,
});
export type CreateCeremonyInput = z.infer<typeof createCeremonyBody>;

export const updateCeremonyBody = z.strictObject({
  version,
  title: title.optional(),
  eventDate: isoDate.optional(),
  startTime: startTime.nullable().optional(),
  place: place.optional(),
});
export type UpdateCeremonyInput = z.infer<typeof updateCeremonyBody>;

export const ceremonyActions = ['start', 'complete', 'cancel'] as const;
export type CeremonyAction = (typeof ceremonyActions)[number];

/** At least one id is required; checked by the use case, after the ceremony is found (404 first). */
export const addItemsBody = z.strictObject({
  agreementIds: z.array(z.uuid()).max(500).optional(),
  pactIds: z.array(z.uuid()).max(500).optional(),
});
export type AddItemsInput = z.infer<typeof addItemsBody>;

export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
/**
 * The board token as typed in a URL. Any string is accepted and an unknown one answers 404:
 * a format error (400) would tell a guesser more than "not found" does.
 */
export const boardTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const progressSchema = z.object({
  /** Documents of the ceremony (one per PK or Pakta Integritas, issued or not yet). */
  documents: z.number(),
  /** Documents with every signature. */
  signed: z.number(),
  /** Signatures needed in all (2 per PK, 1 for the Pemda PK, 1–2 per Pakta Integritas). */
  signatures: z.number(),
  signaturesDone: z.number(),
  /** Floor of signaturesDone / signatures × 100: 100 only when everything is signed. */
  percent: z.number(),
});
export type Progress = z.infer<typeof progressSchema>;

/**
 * Where an item stands: not_ready (the PK/pact cannot be signed yet), no_document (ready, the
 * PDF is made by "Siapkan dokumen" or when first opened), pending (nobody signed yet),
 * partly_signed, signed.
 */
export const itemStatuses = [
  'not_ready',
  'no_document',
  'pending',
  'partly_signed',
  'signed',
] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const itemSignerSchema = z.object({
  seq: z.number(),
  role: z.enum(signerRoles),
  employeeId: z.uuid(),
  name: z.string(),
  jabatan: z.string(),
  signedAt: z.string().nullable(),
});

export const ceremonyItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(documentKinds),
  agreementId: z.uuid().nullable(),
  pactId: z.uuid().nullable(),
  title: z.string(),
  /** PK level (null for a Pakta Integritas). */
  level: z.enum(agreementLevels).nullable(),
  unitName: z.string().nullable(),
  /** The PK's or the pact's own status (ready_to_sign, signed, pending …). */
  subjectStatus: z.string(),
  document: z
    .object({ id: z.uuid(), code: z.string(), status: z.enum(documentStatuses) })
    .nullable(),
  status: z.enum(itemStatuses),
  signedCount: z.number(),
  signerCount: z.number(),
  signers: z.array(itemSignerSchema),
});
export type CeremonyItemView = z.infer<typeof ceremonyItemSchema>;

export const ceremonySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fiscalYear: z.number(),
  eventDate: z.string(),
  startTime: z.string().nullable(),
  place: z.string(),
  status: z.enum(ceremonyStatuses),
  progress: progressSchema,
  version: z.number(),
  createdAt: z.string(),
});
export type CeremonySummary = z.infer<typeof ceremonySummarySchema>;

export const ceremonyListSchema = z.object({
  items: z.array(ceremonySummarySchema),
  permissions: z.object({ create: z.boolean() }),
});

export const ceremonyPermissionsSchema = z.object({
  update: z.boolean(),
  manageItems: z.boolean(),
  start: z.boolean(),
  complete: z.boolean(),
  cancel: z.boolean(),
  prepare: z.boolean(),
  resetBoardToken: z.boolean(),
});

export const ceremonyDetailSchema = ceremonySummarySchema.extend({
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  timeZone: z.string(),
  items: z.array(ceremonyItemSchema),
  permissions: ceremonyPermissionsSchema,
});
export type CeremonyDetail = z.infer<typeof ceremonyDetailSchema>;

/** The create and reset answers: the only times the board token is ever shown. */
export const ceremonyWithTokenSchema = ceremonyDetailSchema.extend({
  boardToken: z.string(),
  /** The venue board's address (PUBLIC_URL based). */
  boardUrl: z.string(),
  added: z
    .object({ agreements: z.number(), pacts: z.number(), pactsCreated: z.number() })
    .optional(),
});

export const boardTokenSchema = z.object({ boardToken: z.string(), boardUrl: z.string() });

export const myDocumentsSchema = z.object({
  /** Documents of this ceremony where the current user is the next signer. */
  documentIds: z.array(z.uuid()),
  /** Documents where the user still has to sign but someone else signs first. */
  waitingForOthers: z.number(),
});

export const blockerKinds = [
  'not_enrolled',
  'certificate_expired',
  'certificate_revoked',
  'certificate_locked',
  'not_ready',
  'no_document',
  'no_account',
] as const;
export type BlockerKind = (typeof blockerKinds)[number];

export const certificateStates = ['ok', 'missing', 'expired', 'revoked', 'locked'] as const;
export type CertificateState = (typeof certificateStates)[number];

export const preflightSchema = z.object({
  ready: z.boolean(),
  blockers: z.array(
    z.object({
      kind: z.enum(blockerKinds),
      /** Who or what is blocked, in Indonesian ("Siti Aminah (Kepala Dinas Kesehatan)"). */
      subject: z.string(),
      /** What to do about it. */
      action: z.string(),
    }),
  ),
  signers: z.array(
    z.object({
      employeeId: z.uuid(),
      name: z.string(),
      jabatan: z.string(),
      roles: z.array(z.enum(signerRoles)),
      /** Signature slots of this person in the ceremony, and how many are still open. */
      documents: z.number(),
      pending: z.number(),
      hasAccount: z.boolean(),
      enrolled: z.boolean(),
      certificate: z.enum(certificateStates),
    }),
  ),
});
export type Preflight = z.infer<typeof preflightSchema>;

export const prepareResultSchema = z.object({
  /** Documents made now. */
  issued: z.number(),
  /** Items that already had their document. */
  existing: z.number(),
  /** Items not ready to sign (no document can be made yet). */
  notReady: z.number(),
  failed: z.array(z.object({ title: z.string(), message: z.string() })),
  /** Documents left for the next call (the request stopped at its time budget). */
  remaining: z.number(),
});

// ---- The public venue board -------------------------------------------------------------

export const boardSignatureSchema = z.object({
  role: z.enum(signerRoles),
  signedAt: z.string().nullable(),
});

export const boardDocumentSchema = z.object({
  kind: z.enum(documentKinds),
  status: z.enum(itemStatuses),
  signatures: z.array(boardSignatureSchema),
});

export const publicBoardSchema = z.object({
  title: z.string(),
  eventDate: z.string(),
  startTime: z.string().nullable(),
  place: z.string(),
  status: z.enum(ceremonyStatuses),
  timeZone: z.string(),
  tenant: z.object({ name: z.string(), hasLogo: z.boolean() }),
  rows: z.array(
    z.object({
      name: z.string(),
      jabatan: z.string(),
      unit: z.string().nullable(),
      documents: z.array(boardDocumentSchema),
    }),
  ),
  progress: progressSchema,
  /** When this picture of the board was taken (ISO). */
  at: z.string(),
});
export type PublicBoard = z.infer<typeof publicBoardSchema>;

export type CeremonyList = z.infer<typeof ceremonyListSchema>;
export type CeremonyWithToken = z.infer<typeof ceremonyWithTokenSchema>;
export type BoardLink = z.infer<typeof boardTokenSchema>;
export type MyDocuments = z.infer<typeof myDocumentsSchema>;
export type PrepareResult = z.infer<typeof prepareResultSchema>;
