import {
  normalizeDecimal,
  normalizeScaleCode,
  type TargetValue,
} from '../../../shared/target-value.js';

/**
 * One version of a PK as the revision rules see it: plain data, no ids of the database beyond
 * what matching needs. Loaded by load-snapshot.ts, compared by diff-agreements.ts and
 * past-quarter-lock.ts (both pure).
 */
export interface SnapshotParty {
  positionId: string;
  positionTitle: string;
  employeeId: string;
  name: string;
  nip: string | null;
  assignmentKind: string;
}

/** Targets of one year: the annual target and TW I–IV (always four entries, null = unplanned). */
export interface SnapshotTargetYear {
  year: number;
  annual: TargetValue | null;
  quarters: [TargetValue | null, TargetValue | null, TargetValue | null, TargetValue | null];
}

export interface SnapshotIndicator {
  id: string;
  sourceIndicatorId: string | null;
  name: string;
  satuan: string;
  polarity: string;
  method: string;
  aggregation: string;
  isIku: boolean;
  /** One entry per year startYear..endYear, in order. */
  targets: SnapshotTargetYear[];
}

export interface SnapshotObjective {
  id: string;
  sourceNodeId: string | null;
  title: string;
  /** Title of the higher PK's sasaran this one supports (compared by title, see diff). */
  supportsTitle: string | null;
  indicators: SnapshotIndicator[];
}

export interface SnapshotBudget {
  id: string;
  sourceNodeId: string | null;
  programCode: string;
  programName: string;
  kegiatanCode: string | null;
  kegiatanName: string | null;
  subKegiatanCode: string | null;
  subKegiatanName: string | null;
  /** Exact decimal with two places ("1500000.00"). */
  amount: string;
}

export interface AgreementSnapshot {
  id: string;
  startYear: number;
  endYear: number;
  firstParty: SnapshotParty;
  secondParty: SnapshotParty | null;
  objectives: SnapshotObjective[];
  budgets: SnapshotBudget[];
}

/** Names and titles match ignoring case, spacing and punctuation at the ends. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,]+$/, '');
}

/** Two targets are equal when they are the same number/range/scale code, written any way. */
export function sameTarget(a: TargetValue | null, b: TargetValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'number' && b.kind === 'number') {
    return normalizeDecimal(a.value) === normalizeDecimal(b.value);
  }
  if (a.kind === 'range' && b.kind === 'range') {
    return (
      normalizeDecimal(a.low) === normalizeDecimal(b.low) &&
      normalizeDecimal(a.high) === normalizeDecimal(b.high)
    );
  }
  if (a.kind === 'scale' && b.kind === 'scale') {
    return normalizeScaleCode(a.code) === normalizeScaleCode(b.code);
  }
  return false;
}

/** The target of a year and quarter (0 = annual, 1–4 = TW I–IV), null when absent. */
export function targetAt(
  indicator: SnapshotIndicator,
  year: number,
  quarter: number,
): TargetValue | null {
  const entry = indicator.targets.find((t) => t.year === year);
  if (!entry) return null;
  return quarter === 0 ? entry.annual : (entry.quarters[quarter - 1] ?? null);
}

/**
 * Pairs the indicators of a sasaran in two versions: first by the plan indicator they were taken
 * from, then by normalized name. Returns pairs plus the unmatched on each side, in order.
 */
export function matchIndicators(
  older: readonly SnapshotIndicator[],
  newer: readonly SnapshotIndicator[],
): {
  pairs: [SnapshotIndicator, SnapshotIndicator][];
  removed: SnapshotIndicator[];
  added: SnapshotIndicator[];
} {
  return matchBy(older, newer, [
    (i) => (i.sourceIndicatorId ? `src:${i.sourceIndicatorId}` : null),
    (i) => `name:${normalizeText(i.name)}`,
  ]);
}

/** Pairs sasaran: by the plan node they were taken from, then by normalized title. */
export function matchObjectives(
  older: readonly SnapshotObjective[],
  newer: readonly SnapshotObjective[],
) {
  return matchBy(older, newer, [
    (o) => (o.sourceNodeId ? `src:${o.sourceNodeId}` : null),
    (o) => `title:${normalizeText(o.title)}`,
  ]);
}

/** Pairs budget rows: by plan node, then by the program/kegiatan/sub kegiatan codes. */
export function matchBudgets(older: readonly SnapshotBudget[], newer: readonly SnapshotBudget[]) {
  return matchBy(older, newer, [
    (b) => (b.sourceNodeId ? `src:${b.sourceNodeId}` : null),
    (b) =>
      `code:${normalizeText(b.programCode)}|${normalizeText(b.kegiatanCode ?? '')}|${normalizeText(
        b.subKegiatanCode ?? '',
      )}`,
  ]);
}

/**
 * Greedy matching over a list of keys, strongest first: an item pairs with the first unpaired
 * item of the other side that has the same key. Keeps the newer side's order for pairs.
 */
function matchBy<T>(
  older: readonly T[],
  newer: readonly T[],
  keys: readonly ((item: T) => string | null)[],
): { pairs: [T, T][]; removed: T[]; added: T[] } {
  const partnerOfNew = new Map<number, number>();
  const usedOld = new Set<number>();
  for (const key of keys) {
    const oldByKey = new Map<string, number[]>();
    older.forEach((item, index) => {
      if (usedOld.has(index)) return;
      const k = key(item);
      if (k === null) return;
      const list = oldByKey.get(k) ?? [];
      list.push(index);
      oldByKey.set(k, list);
    });
    newer.forEach((item, index) => {
      if (partnerOfNew.has(index)) return;
      const k = key(item);
      if (k === null) return;
      const candidates = oldByKey.get(k);
      const oldIndex = candidates?.shift();
      if (oldIndex === undefined) return;
      partnerOfNew.set(index, oldIndex);
      usedOld.add(oldIndex);
    });
  }
  const pairs: [T, T][] = [];
  const added: T[] = [];
  newer.forEach((item, index) => {
    const oldIndex = partnerOfNew.get(index);
    if (oldIndex === undefined) added.push(item);
    else pairs.push([older[oldIndex] as T, item]);
  });
  const removed = older.filter((_, index) => !usedOld.has(index));
  return { pairs, removed, added };
}
