import { z } from 'zod';
import {
  documentKinds,
  signAttemptStates,
  signerRoles,
  signingProviders,
} from '../../shared/codes.js';

/** Request and response shapes of the signing endpoints (also the OpenAPI document). */

// The passphrase is checked by the provider; zod only bounds its size. Never logged (logger.ts).
const passphrase = z.string().min(1, 'wajib diisi').max(1024);
const totp = z.string().trim().max(20).optional();

export const signBody = z.strictObject({ passphrase, totp });

export const batchBody = z.strictObject({
  documentIds: z
    .array(z.uuid('id dokumen harus UUID'))
    .min(1, 'pilih minimal satu dokumen')
    .max(300, 'maksimal 300 dokumen sekali jalan'),
  passphrase,
  totp,
});

const ceremonySchema = z.object({ id: z.uuid(), title: z.string(), eventDate: z.string() });

export const taskItemSchema = z.object({
  documentId: z.uuid(),
  code: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  unitName: z.string().nullable(),
  myRole: z.enum(signerRoles),
  nextSignerName: z.string().nullable(),
  myTurn: z.boolean(),
  signedCount: z.number().int(),
  signerCount: z.number().int(),
  signedAt: z.string().nullable(),
  ceremony: ceremonySchema.nullable(),
  agreementId: z.uuid().nullable(),
  pactId: z.uuid().nullable(),
});

export const tasksSchema = z.object({
  linked: z.boolean(),
  enrolled: z.boolean(),
  requireTotp: z.boolean(),
  toSign: z.array(taskItemSchema),
  waiting: z.array(taskItemSchema),
  recent: z.array(taskItemSchema),
});

export const attemptListQuery = z.strictObject({
  state: z.enum(signAttemptStates).default('unknown'),
});

export const attemptSchema = z.object({
  id: z.uuid(),
  state: z.enum(signAttemptStates),
  documentId: z.uuid(),
  documentCode: z.string().nullable(),
  documentTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  provider: z.enum(signingProviders),
  providerRef: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The error code of a failed or unknown attempt (e.g. PASSPHRASE_WRONG, UnknownOutcome). */
  error: z.string().nullable(),
  /** An in-flight attempt older than the provider timeout: its process stopped mid-request. */
  stale: z.boolean(),
  permissions: z.object({ resolve: z.boolean() }),
});
export type AttemptView = z.infer<typeof attemptSchema>;

export const attemptListSchema = z.object({ items: z.array(attemptSchema) });

export const resolveAttemptBody = z.strictObject({
  /** What the admin found at the provider ("tidak ada di BSrE", "sudah ditandatangani: …"). */
  note: z.string().trim().min(10, 'minimal 10 karakter').max(1000),
});

export const registerBsreBody = z.strictObject({
  nik: z
    .string()
    .trim()
    .regex(/^[0-9]{16}$/, 'NIK terdiri dari 16 angka'),
});

export const bsreIdentitySchema = z.object({
  id: z.uuid(),
  provider: z.literal('bsre'),
  /** Only the first 6 and last 4 digits are shown back. */
  nikMasked: z.string(),
  subjectName: z.string(),
  nip: z.string(),
  jabatan: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export const batchEventSchemas = {
  start: z.object({ total: z.number().int() }),
  progress: z.object({
    documentId: z.uuid(),
    index: z.number().int(),
    status: z.enum(['signed', 'skipped', 'failed']),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    ms: z.number(),
  }),
  done: z.object({
    signed: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    totalMs: z.number(),
    stopped: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
};
