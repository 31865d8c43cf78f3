import { z } from 'zod';
import {
  capaianCaps,
  type QualityRule,
  type QualitySeverity,
  qualitySeverities,
} from '../../shared/codes.js';

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

/** The default capaian bands (REGULATIONS.md): lower bounds on the value rounded to 2 decimals. */
export const defaultCapaianBands = {
  sangat_tinggi: { min: 91, label: 'Sangat Tinggi' },
  tinggi: { min: 76, label: 'Tinggi' },
  sedang: { min: 66, label: 'Sedang' },
  rendah: { min: 51, label: 'Rendah' },
  sangat_rendah: { min: 0, label: 'Sangat Rendah' },
} as const;

const band = (d: { min: number; label: string }) =>
  z
    .strictObject({
      min: z.number().min(0).max(1000),
      label: z.string().trim().min(2).max(40),
    })
    .default(d);

const monitoringSection = z
  .strictObject({
    /** Capaian never goes above this (REGULATIONS.md: none, 110 or 120). */
    cap: z.enum(capaianCaps).default('120'),
    /**
     * Bands by lower bound, best first; the lowest always starts at 0. The two lowest bands
     * require an explanation (analysis, obstacles, follow-up) before a report is submitted.
     */
    bands: z
      .strictObject({
        sangat_tinggi: band(defaultCapaianBands.sangat_tinggi),
        tinggi: band(defaultCapaianBands.tinggi),
        sedang: band(defaultCapaianBands.sedang),
        rendah: band(defaultCapaianBands.rendah),
        sangat_rendah: band(defaultCapaianBands.sangat_rendah),
      })
      .default(defaultCapaianBands)
      .refine(
        (b) =>
          b.sangat_rendah.min === 0 &&
          b.rendah.min > b.sangat_rendah.min &&
          b.sedang.min > b.rendah.min &&
          b.tinggi.min > b.sedang.min &&
          b.sangat_tinggi.min > b.tinggi.min,
        'batas bawah kategori harus naik dari Sangat Rendah (0) ke Sangat Tinggi',
      ),
    /**
     * The zero cases REGULATIONS.md leaves to the Pemda (e.g. lower-is-better with target 0 and
     * a realisasi above it): shown as "-" with a reason, or counted as 0 %.
     */
    zeroTargetRule: z.enum(['not_assessed', 'zero']).default('not_assessed'),
    /** Realisasi of a quarter is due N working days after the quarter ends (default 10). */
    deadlineWorkingDays: z.number().int().min(0).max(30).default(10),
    /** Reminders go out this many days before the deadline (each once per report). */
    reminderDaysBefore: z
      .array(z.number().int().min(0).max(30))
      .max(5)
      .refine((days) => new Set(days).size === days.length, 'hari pengingat tidak boleh berulang')
      .default([7, 3, 1]),
    /** A report still not submitted this many days after the deadline goes to the superior. */
    escalateAfterDaysLate: z.number().int().min(0).max(30).default(1),
    /** Longest time an unlock can be granted for. */
    unlockMaxDays: z.number().int().min(1).max(30).default(7),
    /** Evidence files larger than this are refused. */
    evidenceMaxMb: z.number().int().min(1).max(50).default(20),
    /** Appreciation ranking: IKU count this many times in a PD's average (default double). */
    ikuWeight: z.number().min(1).max(5).default(2),
    /** How many PD the ranking proposes for appreciation. */
    appreciationCount: z.number().int().min(1).max(20).default(3),
    /** PD whose score is under this are proposed for evaluation. */
    evaluationThreshold: z.number().min(0).max(200).default(66),
  })
  .default(() => monitoringDefaults());

function monitoringDefaults() {
  return {
    cap: '120' as const,
    bands: defaultCapaianBands,
    zeroTargetRule: 'not_assessed' as const,
    deadlineWorkingDays: 10,
    reminderDaysBefore: [7, 3, 1],
    escalateAfterDaysLate: 1,
    unlockMaxDays: 7,
    evidenceMaxMb: 20,
    ikuWeight: 2,
    appreciationCount: 3,
    evaluationThreshold: 66,
  };
}

export const tenantSettingsSchema = z.strictObject({
  security: securitySection.default({ requireTotpForAdmins: false, requireTotpForSigners: false }),
  quality: qualitySection.default({ severity: defaultQualitySeverity }),
  agreements: agreementsSection.default({ includePelaksana: false, deadlineMonthsAfterDpa: 1 }),
  signing: signingSection.default({ provider: 'builtin', requireTotp: false, place: '' }),
  monitoring: monitoringSection,
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
  monitoring: monitoringSection.optional(),
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
    monitoring: update.monitoring ?? current.monitoring,
  };
}

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function readTenantSettings(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw ?? {});
  // Stored settings were validated on write; a failure here means an older shape, so fall
  // back to defaults for the broken part rather than refusing every request of the tenant.
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}
