import type { AssignmentKind } from './schema.js';

/** Pure rules about assignments over time, shared by the queries and their unit tests. */

export interface AssignmentSpan {
  kind: AssignmentKind;
  startDate: string; // YYYY-MM-DD
  endDate: string | null;
}

/** Inclusive date ranges overlap; an open end runs forever. ISO dates compare as strings. */
export function spansOverlap(a: AssignmentSpan, b: AssignmentSpan): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/** The definitif assignment among `existing` that `candidate` would overlap, if any. */
export function findDefinitifOverlap<T extends AssignmentSpan>(
  candidate: AssignmentSpan,
  existing: readonly T[],
): T | null {
  if (candidate.kind !== 'definitif') return null;
  return existing.find((e) => e.kind === 'definitif' && spansOverlap(candidate, e)) ?? null;
}

export const coversDate = (span: AssignmentSpan, date: string): boolean =>
  span.startDate <= date && (span.endDate === null || span.endDate >= date);

/**
 * Who acts in a position on a date. An acting official (Plh for a temporary absence, Plt for a
 * vacancy, Pj appointed by the government) signs in place of the definitif holder, so acting
 * assignments win; among several, the most recently started one.
 */
const precedence: Record<AssignmentKind, number> = { plh: 0, plt: 1, pj: 2, definitif: 3 };

export function pickHolder<T extends AssignmentSpan>(spans: readonly T[], date: string): T | null {
  const current = spans.filter((s) => coversDate(s, date));
  current.sort(
    (a, b) =>
      precedence[a.kind] - precedence[b.kind] ||
      (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0),
  );
  return current[0] ?? null;
}

export interface PositionLike {
  id: string;
  unitId: string | null;
  kind: string;
  headsUnit: boolean;
  superiorPositionId: string | null;
}

/**
 * The superior position, given the position's unit path (root → unit), the active head positions
 * of the units on that path and the Kepala Daerah position: the head of the position's own unit
 * for staff, of the nearest ancestor unit with a head for a unit head, and the Kepala Daerah above
 * the top-level PD heads and the deputy. The Kepala Daerah has none. (An explicit
 * superiorPositionId is resolved by the caller before this.)
 */
export function resolveSuperior<P extends PositionLike>(
  position: PositionLike,
  unitPath: readonly string[],
  heads: readonly P[],
  leader: P | null,
): P | null {
  if (position.kind === 'kepala_daerah') return null;
  const candidates = (position.headsUnit ? unitPath.slice(0, -1) : unitPath).slice().reverse();
  for (const unitId of candidates) {
    const head = heads.find((h) => h.unitId === unitId && h.headsUnit && h.id !== position.id);
    if (head) return head;
  }
  return leader && leader.id !== position.id ? leader : null;
}
