import { z } from 'zod';
import { documentKinds, signerRoles } from '../../shared/codes.js';

/**
 * What the public verification API answers. Only what is printed on the document (or embedded
 * in its signatures) goes out: no internal ids, no tenant ids, no e-mail or account data. The
 * web page infers its types from these schemas.
 */

export const documentStatuses = [
  'menunggu_tanda_tangan',
  'ditandatangani',
  'digantikan',
  'dibatalkan',
] as const;
export type PublicDocumentStatus = (typeof documentStatuses)[number];

/**
 * A certificate as we know it: valid (active, within its dates), revoked (revoked or replaced,
 * with the date), expired, or unknown (not one we issued: another CA, or a forged copy).
 * `validAtSigning` says whether the signature was made while it was valid (null: no time).
 */
export const certificateStatusSchema = z.object({
  serial: z.string().nullable(),
  status: z.enum(['valid', 'revoked', 'expired', 'unknown']),
  revokedAt: z.string().nullable(),
  notAfter: z.string().nullable(),
  validAtSigning: z.boolean().nullable(),
  /** builtin: the Pemda's own CA (uncertified electronic signature); bsre: a licensed PSrE. */
  provider: z.enum(['builtin', 'bsre']).nullable(),
  /**
   * Where the Pemda CA certificate is published (the address every certificate we issue names
   * in its Authority Information Access), to trust it in a PDF reader. Built-in CA only.
   */
  caCertificateUrl: z.string().nullable(),
});
export type CertificateStatusView = z.infer<typeof certificateStatusSchema>;

export const documentSignerSchema = z.object({
  seq: z.number().int(),
  role: z.enum(signerRoles),
  roleLabel: z.string(),
  name: z.string(),
  nip: z.string(),
  pangkat: z.string().nullable(),
  jabatan: z.string(),
  signedAt: z.string().nullable(),
  certificate: certificateStatusSchema.nullable(),
});

export const documentVerificationSchema = z.object({
  /** The stored code; `printedCode` is how it appears on paper (XXXX-XXXX-XXXX). */
  code: z.string(),
  printedCode: z.string(),
  kind: z.enum(documentKinds),
  kindLabel: z.string(),
  title: z.string(),
  pemdaName: z.string(),
  /** The Pemda's time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura): times are shown in it. */
  timeZone: z.string(),
  documentDate: z.string(),
  place: z.string(),
  status: z.enum(documentStatuses),
  /** When the last party signed. */
  signedAt: z.string().nullable(),
  /** The signed PK Perubahan that replaced this PK. */
  supersededBy: z
    .object({ code: z.string(), printedCode: z.string(), signedAt: z.string().nullable() })
    .nullable(),
  signers: z.array(documentSignerSchema),
  /** SHA-256 of the latest file we issued (after the last signature so far). */
  currentSha256: z.string(),
  fileCount: z.number().int(),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;

export const fileSignatureSchema = z.object({
  index: z.number().int(),
  signerName: z.string().nullable(),
  nip: z.string().nullable(),
  jabatan: z.string().nullable(),
  issuerName: z.string().nullable(),
  signingTime: z.string().nullable(),
  integrity: z.enum(['valid', 'digest_mismatch', 'bad_signature', 'malformed']),
  coversWholeFile: z.boolean(),
  certificate: certificateStatusSchema,
});
export type FileSignature = z.infer<typeof fileSignatureSchema>;

export const uploadVerificationSchema = z.object({
  /**
   * exact: byte for byte a file we issued; modified: carries a known document code but is not
   * one of our files; unknown: no document of ours.
   */
  match: z.enum(['exact', 'modified', 'unknown']),
  sha256: z.string(),
  byteSize: z.number().int(),
  /** For an exact match: which of the document's files it is. */
  version: z
    .object({
      seq: z.number().int(),
      label: z.string(),
      /** The latest file of the document (no later signature exists). */
      isCurrent: z.boolean(),
    })
    .nullable(),
  document: documentVerificationSchema.nullable(),
  signatures: z.array(fileSignatureSchema),
  /** Bytes follow the last signature: the file was changed after it was signed. */
  changedAfterLastSignature: z.boolean(),
});
export type UploadVerification = z.infer<typeof uploadVerificationSchema>;
