import { z } from 'zod';
import { certificateStatuses, revocationReasons, signingProviders } from '../../shared/codes.js';

/**
 * Request and response shapes of the certificate endpoints (also the OpenAPI document). Imports
 * only zod and the shared codes, so the web app may import these schemas too.
 */

/** Why an official asks for a new certificate in place of the active one. */
export const reissueReasons = [
  'passphrase_forgotten',
  'superseded',
  'affiliation_changed',
] as const;
export type ReissueReason = (typeof reissueReasons)[number];

// Long enough for a sentence; the strength rules (passphrase-strength.ts) say what is too weak,
// with reasons, so zod only bounds the size here.
const passphrase = z.string().min(1, 'wajib diisi').max(1024);

export const enrolBody = z.strictObject({
  passphrase,
  /** The same passphrase typed again; when sent it must match. */
  passphraseConfirmation: z.string().max(1024).optional(),
});

export const reissueBody = z.strictObject({
  /** The account password: the old passphrase may be exactly what was forgotten. */
  password: z.string().min(1, 'wajib diisi').max(200),
  passphrase,
  passphraseConfirmation: z.string().max(1024).optional(),
  reason: z.enum(reissueReasons),
});

export const revokeBody = z.strictObject({ reason: z.enum(revocationReasons) });

export const certificateReadinessSchema = z.enum(['ok', 'missing', 'expired', 'revoked', 'locked']);

export const certificateSchema = z.object({
  id: z.uuid(),
  status: z.enum(certificateStatuses),
  provider: z.enum(signingProviders),
  serial: z.string().nullable(),
  subjectName: z.string(),
  nip: z.string(),
  jabatan: z.string(),
  notBefore: z.string().nullable(),
  notAfter: z.string().nullable(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.enum(revocationReasons).nullable(),
  readiness: certificateReadinessSchema,
  caId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type CertificateView = z.infer<typeof certificateSchema>;

export const myCertificateSchema = z.object({
  /** The active certificate, or the last revoked one when none is active; null: never enrolled. */
  certificate: certificateSchema.nullable(),
  /** Whether this account is linked to an employee record (needed to enrol). */
  employeeLinked: z.boolean(),
  /** Who a certificate issued now would name (null when not linked). */
  identity: z
    .object({
      employeeId: z.uuid(),
      fullName: z.string(),
      nip: z.string(),
      jabatan: z.string(),
    })
    .nullable(),
  /** The jabatan today differs from the one in the certificate: re-issue to update it. */
  jabatanChanged: z.boolean(),
  /** Signing also asks for the authenticator code (tenant setting signing.requireTotp). */
  tenantRequiresTotp: z.boolean(),
  totpEnabled: z.boolean(),
  provider: z.enum(signingProviders),
});
export type MyCertificateView = z.infer<typeof myCertificateSchema>;

export const certificateListQuery = z.strictObject({
  status: z.enum(certificateStatuses).optional(),
  /** Part of the name, NIP or serial. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const certificateListItemSchema = certificateSchema.extend({
  employeeId: z.uuid(),
  employeeName: z.string(),
});

export const certificateListSchema = z.object({
  items: z.array(certificateListItemSchema),
  total: z.number().int(),
});

export const caSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 of the DER certificate, hex with colons: what a person compares when trusting it. */
  fingerprintSha256: z.string(),
  links: z.object({ certificate: z.string(), pem: z.string(), crl: z.string() }),
});

export const caParam = z.strictObject({ caId: z.uuid('caId harus UUID') });
