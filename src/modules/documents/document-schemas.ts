import { z } from 'zod';
import {
  documentKinds,
  documentStatuses,
  signerRoles,
  signerStatuses,
} from '../../shared/codes.js';

/** The API shapes of documents (also the OpenAPI document and the web's types). */

export const documentSignerSchema = z.object({
  /** Signing order: 1 signs first. */
  seq: z.number(),
  role: z.enum(signerRoles),
  name: z.string(),
  /** Empty for a Kepala Daerah (no NIP). */
  nip: z.string(),
  pangkat: z.string().nullable(),
  /** As printed, with "Plt." / "Plh." / "Pj." in front when acting. */
  jabatan: z.string(),
  status: z.enum(signerStatuses),
  signedAt: z.string().nullable(),
});

export const documentSummarySchema = z.object({
  id: z.uuid(),
  /** The public id (12 characters of Crockford base32) printed with the QR code. */
  code: z.string(),
  /** "7K3M-9Q2X-A4BC": how the code is printed. */
  printedCode: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  status: z.enum(documentStatuses),
  documentDate: z.string(),
  place: z.string(),
  signerCount: z.number(),
  signedCount: z.number(),
  signers: z.array(documentSignerSchema),
  agreementId: z.uuid().nullable(),
  pactId: z.uuid().nullable(),
  currentSha256: z.string(),
  /** The public verification page (what the QR code opens). */
  verifyUrl: z.string(),
  /** File name the PDF is served with ("PK-2027-dinas-kesehatan-7K3M9Q2XA4BC.pdf"). */
  fileName: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** download: may open the PDF; sign: the signed-in user is the next pending signer. */
  permissions: z.object({ download: z.boolean(), sign: z.boolean() }),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentPdfQuery = z.strictObject({
  /** "1": as an attachment (Unduh) instead of inline (Buka). */
  download: z.enum(['0', '1']).optional(),
  /** A particular issued file (0 = the original, n = after the n-th signature); default current. */
  seq: z.coerce.number().int().min(0).max(2).optional(),
});
