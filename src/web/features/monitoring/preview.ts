/**
 * The live capaian preview while a value is typed: the engine's own quarterCapaian over the
 * indicator's year (earlier quarters as stored, this quarter as typed). Never a formula here.
 */
import {
  type CapaianRules,
  type QuarterCapaian,
  quarterCapaian,
  type RealisasiValue,
  requiresExplanation,
  type TargetValue,
} from '../../../shared/capaian/index.js';
import type { AgreementDetail } from '../agreements/types.js';
import { measureOf } from './draft.js';
import type { ReportIndicator } from './types.js';

type Four<T> = [T | null, T | null, T | null, T | null];

/** TW I–IV targets of each PK indicator for a year, from the PK (null when it is not loaded). */
export function quarterTargetsOf(
  agreement: AgreementDetail | undefined,
  year: number,
): Map<string, Four<TargetValue>> | null {
  if (!agreement) return null;
  const map = new Map<string, Four<TargetValue>>();
  for (const objective of agreement.objectives) {
    for (const indicator of objective.indicators) {
      const target = indicator.targets.find((t) => t.year === year);
      const q = target?.quarters ?? [];
      map.set(indicator.id, [q[0] ?? null, q[1] ?? null, q[2] ?? null, q[3] ?? null]);
    }
  }
  return map;
}

/**
 * Capaian of the indicator with `value` in place of this quarter's stored realisasi; null when the
 * engine refuses the data (then the stored figures stay on screen).
 */
export function previewCapaian(
  indicator: ReportIndicator,
  value: RealisasiValue | null,
  quarter: 1 | 2 | 3 | 4,
  quarterTargets: Four<TargetValue> | undefined,
  rules: CapaianRules,
): QuarterCapaian | null {
  const realisasi: Four<RealisasiValue> = [null, null, null, null];
  for (const h of indicator.history) {
    if (h.quarter >= 1 && h.quarter <= 4) realisasi[h.quarter - 1] = h.value;
  }
  realisasi[quarter - 1] = value;
  const targets: Four<TargetValue> = quarterTargets
    ? [...quarterTargets]
    : [null, null, null, null];
  if (!quarterTargets) targets[quarter - 1] = indicator.quarterTarget;
  try {
    return quarterCapaian(
      measureOf(indicator),
      { annualTarget: indicator.annualTarget, quarterTargets: targets, realisasi },
      quarter,
      rules,
    );
  } catch {
    return null;
  }
}

/** The narrative is required: no realisasi, or a to-date capaian in the two lowest bands. */
export function explanationNeeded(
  capaian: QuarterCapaian['toDate'] | null,
  value: RealisasiValue | null,
  rules: CapaianRules,
): boolean {
  if (value === null) return true;
  return capaian !== null && requiresExplanation(capaian, rules);
}
