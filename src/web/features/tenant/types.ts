import type { QualityRule, QualitySeverity } from '../../../shared/codes.js';
import type { Tenant } from '../../api/types.js';

/** The tenant settings sections this page edits (src/modules/tenants/settings.ts). */
export interface TenantRulesSettings {
  security: { requireTotpForAdmins: boolean; requireTotpForSigners: boolean };
  quality: { severity: Record<QualityRule, QualitySeverity> };
  agreements: { includePelaksana: boolean; deadlineMonthsAfterDpa: number };
  signing: { provider: 'builtin' | 'bsre'; requireTotp: boolean; place: string };
}

/** GET /api/tenant as this page reads it: the server always sends every settings section. */
export type TenantWithSettings = Omit<Tenant, 'settings'> & { settings: TenantRulesSettings };

/** The values of the tenant settings form. */
export interface TenantFormValues {
  name: string;
  shortName: string;
  timeZone: Tenant['timeZone'];
  requireTotpForAdmins: boolean;
  requireTotpForSigners: boolean;
  severity: Record<QualityRule, QualitySeverity>;
  includePelaksana: boolean;
  /** "1" … "3" (a Select's value). */
  deadlineMonthsAfterDpa: string;
  signingProvider: 'builtin' | 'bsre';
  requireTotpForSigning: boolean;
  signingPlace: string;
}
