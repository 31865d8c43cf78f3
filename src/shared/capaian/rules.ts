/**
 * The tenant's capaian rules: defaults from REGULATIONS.md and the reading of
 * settings.monitoring. Kept here (not imported from the tenant module) so the browser bundle can
 * use the engine without the server's settings code.
 */
import type { CapaianBand, CapaianCap } from '../codes.js';
import type { CapaianRules } from './types.js';

/** Default bands (REGULATIONS.md, Permendagri 86/2017 style): lower bounds on the rounded value. */
export const defaultCapaianBandRules: CapaianRules['bands'] = {
  sangat_tinggi: { min: 91, label: 'Sangat Tinggi' },
  tinggi: { min: 76, label: 'Tinggi' },
  sedang: { min: 66, label: 'Sedang' },
  rendah: { min: 51, label: 'Rendah' },
  sangat_rendah: { min: 0, label: 'Sangat Rendah' },
};

/** The same defaults as settings.monitoring: cap 120 %, default bands, zero cases shown as "-". */
export const defaultCapaianRules: CapaianRules = {
  cap: '120',
  bands: defaultCapaianBandRules,
  zeroTargetRule: 'not_assessed',
};

/** What the engine needs from settings.monitoring (the section has more fields; they are ignored). */
export interface MonitoringRuleSettings {
  cap: CapaianCap;
  bands: Record<CapaianBand, { min: number; label: string }>;
  zeroTargetRule: 'not_assessed' | 'zero';
}

/** The engine's rules from a tenant's settings.monitoring (already validated by its zod schema). */
export function rulesFromSettings(
  monitoring: MonitoringRuleSettings | undefined | null,
): CapaianRules {
  if (!monitoring) return defaultCapaianRules;
  const b = monitoring.bands;
  return {
    cap: monitoring.cap,
    bands: {
      sangat_tinggi: { min: b.sangat_tinggi.min, label: b.sangat_tinggi.label },
      tinggi: { min: b.tinggi.min, label: b.tinggi.label },
      sedang: { min: b.sedang.min, label: b.sedang.label },
      rendah: { min: b.rendah.min, label: b.rendah.label },
      sangat_rendah: { min: b.sangat_rendah.min, label: b.sangat_rendah.label },
    },
    zeroTargetRule: monitoring.zeroTargetRule,
  };
}

/** The cap as a number of percent, or null for 'none'. */
export function capPercent(cap: CapaianCap): number | null {
  return cap === 'none' ? null : Number(cap);
}
