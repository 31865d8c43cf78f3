import { z } from 'zod';
import { type QualityRule, type QualitySeverity, qualitySeverities } from '../../shared/codes.js';

/** Default severity per quality rule: structural gaps block a PK; judgement calls warn. */
export const defaultQualitySeverity: Record<QualityRule, QualitySeverity> = {
  NO_UNIT: 'error',
  TARGET_NOT_NUMBER: 'error',
  POLARITY_CONTRADICTION: 'warning',
  END_TARGET_NOT_REACHED: 'warning',
  INPUT_ORIENTED: 'warning',
  DUPLICATE_INDICATOR: 'warning',
  IKU_CHANGED: 'warning',
  SASARAN_WITHOUT_INDICATOR: 'error',
};

const severity = z.enum(qualitySeverities);

/**
 * Per-tenant settings: rules are data (DESIGN.md principle 4). Each later feature adds its own
 * section with regulation defaults; unknown keys are refused so a typo never passes silently.
 */
const securitySection = z.strictObject({
  /** Admin Pemda must sign in with TOTP (authenticator app). */
  requireTotpForAdmins: z.boolean().default(false),
  /** Kepala Daerah and unit leaders (the PK signers) must sign in with TOTP. */
  requireTotpForSigners: z.boolean().default(false),
});

const qualitySection = z.strictObject({
  /** Per rule: a warning shown to the drafter, or an error that blocks submitting a PK. */
  severity: z
    .strictObject({
      NO_UNIT: severity.default(defaultQualitySeverity.NO_UNIT),
      TARGET_NOT_NUMBER: severity.default(defaultQualitySeverity.TARGET_NOT_NUMBER),
      POLARITY_CONTRADICTION: severity.default(defaultQualitySeverity.POLARITY_CONTRADICTION),
      END_TARGET_NOT_REACHED: severity.default(defaultQualitySeverity.END_TARGET_NOT_REACHED),
      INPUT_ORIENTED: severity.default(defaultQualitySeverity.INPUT_ORIENTED),
      DUPLICATE_INDICATOR: severity.default(defaultQualitySeverity.DUPLICATE_INDICATOR),
      IKU_CHANGED: severity.default(defaultQualitySeverity.IKU_CHANGED),
      SASARAN_WITHOUT_INDICATOR: severity.default(defaultQualitySeverity.SASARAN_WITHOUT_INDICATOR),
    })
    .default(defaultQualitySeverity),
});

const agreementsSection = z.strictObject({
  /** Whether PKs go down to pelaksana / JF (optional per Pemda policy). */
  includePelaksana: z.boolean().default(false),
  /** Months after the DPA approval a PK is due (REGULATIONS.md: one month). */
  deadlineMonthsAfterDpa: z.number().int().min(1).max(3).default(1),
});

const signingSection = z.strictObject({
  /** Who makes the signatures: the Pemda's own CA, or a BSrE-style service (configured by env). */
  provider: z.enum(['builtin', 'bsre']).default('builtin'),
  /** Signing also asks for the authenticator code (TOTP), on top of the passphrase. */
  requireTotp: z.boolean().default(false),
  /** The place printed above the signatures ("Kota Contoh, 10 Januari 2027"); the Pemda's short name when empty. */
  place: z.string().trim().max(100).default(''),
});

export const tenantSettingsSchema = z.strictObject({
  security: securitySection.default({ requireTotpForAdmins: false, requireTotpForSigners: false }),
  quality: qualitySection.default({ severity: defaultQualitySeverity }),
  agreements: agreementsSection.default({ includePelaksana: false, deadlineMonthsAfterDpa: 1 }),
  signing: signingSection.default({ provider: 'builtin', requireTotp: false, place: '' }),
});

/**
 * What an update may send: any subset of the sections. A section that is sent replaces the
 * stored one (its missing fields take their defaults); a section left out keeps what is stored,
 * so a client that only knows `security` never resets the quality or PK rules.
 */
export const tenantSettingsUpdateSchema = z.strictObject({
  security: securitySection.optional(),
  quality: qualitySection.optional(),
  agreements: agreementsSection.optional(),
  signing: signingSection.optional(),
});

export function mergeTenantSettings(
  stored: unknown,
  update: z.infer<typeof tenantSettingsUpdateSchema>,
): TenantSettings {
  const current = readTenantSettings(stored);
  return {
    security: update.security ?? current.security,
    quality: update.quality ?? current.quality,
    agreements: update.agreements ?? current.agreements,
    signing: update.signing ?? current.signing,
  };
}

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function readTenantSettings(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw ?? {});
  // Stored settings were validated on write; a failure here means an older shape, so fall
  // back to defaults for the broken part rather than refusing every request of the tenant.
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}
