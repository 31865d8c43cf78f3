import { z } from 'zod';

/**
 * Per-tenant settings: rules are data (DESIGN.md principle 4). Each later feature adds its own
 * section with regulation defaults; unknown keys are refused so a typo never passes silently.
 */
export const tenantSettingsSchema = z.strictObject({
  security: z
    .strictObject({
      /** Admin Pemda must sign in with TOTP (authenticator app). */
      requireTotpForAdmins: z.boolean().default(false),
      /** Kepala Daerah and unit leaders (the PK signers) must sign in with TOTP. */
      requireTotpForSigners: z.boolean().default(false),
    })
    .default({ requireTotpForAdmins: false, requireTotpForSigners: false }),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function readTenantSettings(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw ?? {});
  // Stored settings were validated on write; a failure here means an older shape, so fall
  // back to defaults for the broken part rather than refusing every request of the tenant.
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}
