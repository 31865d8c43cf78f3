import { INSTANSI_PLACEHOLDER } from './default-clauses.js';

/**
 * Pure rules of Pakta Integritas clause versions: normalising what an admin typed, checking a
 * list before it becomes a version, filling in the Pemda's name, and the difference between two
 * versions for the history view. The use cases and the API schema share these numbers.
 */
export const clauseLimits = { minCount: 1, maxCount: 30, minLength: 10, maxLength: 1000 } as const;

const placeholderPattern = /\{[^{}]*\}/g;
const looseInstansi = /\{\s*instansi\s*\}/gi;

/**
 * One clause as stored: trimmed, every run of spaces or line breaks made one space (a clause is
 * one printed paragraph), and `{ Instansi }` written the one way the filler knows.
 */
export function normaliseClause(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(looseInstansi, INSTANSI_PLACEHOLDER);
}

export interface ClauseProblem {
  /** Index of the clause (0-based) or null for the list as a whole. */
  index: number | null;
  message: string;
}

const duplicateKey = (clause: string) => clause.toLocaleLowerCase('id');

/**
 * Normalises a list and says everything wrong with it at once: the count, each clause's length,
 * placeholders other than {instansi} (a typo would be printed as is), and duplicates.
 */
export function checkClauses(input: readonly string[]): {
  clauses: string[];
  problems: ClauseProblem[];
} {
  const clauses = input.map(normaliseClause);
  const problems: ClauseProblem[] = [];
  const { minCount, maxCount, minLength, maxLength } = clauseLimits;
  if (clauses.length < minCount || clauses.length > maxCount) {
    problems.push({
      index: null,
      message: `Jumlah klausul harus ${minCount} sampai ${maxCount}; saat ini ${clauses.length}.`,
    });
  }
  const seen = new Map<string, number>();
  clauses.forEach((clause, index) => {
    if (clause.length < minLength) {
      problems.push({ index, message: `Klausul terlalu pendek (minimal ${minLength} karakter).` });
    } else if (clause.length > maxLength) {
      problems.push({
        index,
        message: `Klausul terlalu panjang (maksimal ${maxLength} karakter; saat ini ${clause.length}).`,
      });
    }
    const unknown = (clause.match(placeholderPattern) ?? []).filter(
      (p) => p !== INSTANSI_PLACEHOLDER,
    );
    if (unknown.length > 0) {
      problems.push({
        index,
        message: `Penanda ${unknown.join(', ')} tidak dikenal; yang dapat dipakai hanya ${INSTANSI_PLACEHOLDER} (diganti nama Pemda).`,
      });
    }
    const key = duplicateKey(clause);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ index, message: `Klausul ini sama dengan klausul nomor ${first + 1}.` });
    } else {
      seen.set(key, index);
    }
  });
  return { clauses, problems };
}

/** The clauses as a pact prints them: {instansi} becomes the Pemda's name. */
export function fillInstansi(clauses: readonly string[], instansi: string): string[] {
  return clauses.map((clause) => clause.split(INSTANSI_PLACEHOLDER).join(instansi));
}

// ---- Difference between two versions ---------------------------------------------------------

export type ClauseChange = 'unchanged' | 'added' | 'removed' | 'changed';

export interface ClauseDiffEntry {
  change: ClauseChange;
  /** The clause now sits elsewhere relative to the others (only for unchanged or changed). */
  moved: boolean;
  /** 0-based position in the older version (null when added). */
  before: number | null;
  /** 0-based position in the newer version (null when removed). */
  after: number | null;
  /** The newer text (the removed text for a removed clause). */
  text: string;
  /** The older text of a changed clause. */
  previousText: string | null;
}

export interface ClauseDiff {
  entries: ClauseDiffEntry[];
  counts: { unchanged: number; added: number; removed: number; changed: number; moved: number };
}

/** A changed clause shares at least this share of its words with its older text. */
const SIMILAR_ENOUGH = 0.5;

const words = (text: string): string[] =>
  text.toLocaleLowerCase('id').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice coefficient over the words (as a multiset) of two texts, 0…1. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (
        (values[j] as number) < (values[i] as number) &&
        (length[j] as number) + 1 > (length[i] as number)
      ) {
        length[i] = (length[j] as number) + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < values.length; i += 1) {
    if (end === -1 || (length[i] as number) > (length[end] as number)) end = i;
  }
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = previous[i] as number) kept.add(i);
  return kept;
}

/**
 * What changed from `before` to `after`: identical texts are matched first (wherever they sit),
 * then the remaining clauses are paired by word similarity (most similar first) as "changed";
 * what is left was added or removed. Matched clauses that left the longest run kept in the same
 * relative order are "moved". Entries come in the newer order, each removed clause after the
 * clause that preceded it in the older version.
 */
export function diffClauses(before: readonly string[], after: readonly string[]): ClauseDiff {
  const pairOfAfter = new Map<number, number>(); // after index → before index
  const usedBefore = new Set<number>();
  const beforeByText = new Map<string, number[]>();
  before.forEach((text, i) => {
    beforeByText.set(text, [...(beforeByText.get(text) ?? []), i]);
  });
  after.forEach((text, j) => {
    const candidates = beforeByText.get(text);
    const i = candidates?.shift();
    if (i !== undefined) {
      pairOfAfter.set(j, i);
      usedBefore.add(i);
    }
  });

  const changed = new Set<number>();
  const options: { i: number; j: number; score: number }[] = [];
  before.forEach((a, i) => {
    if (usedBefore.has(i)) return;
    after.forEach((b, j) => {
      if (pairOfAfter.has(j)) return;
      const score = similarity(a, b);
      if (score >= SIMILAR_ENOUGH) options.push({ i, j, score });
    });
  });
  options.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  for (const { i, j } of options) {
    if (usedBefore.has(i) || pairOfAfter.has(j)) continue;
    pairOfAfter.set(j, i);
    usedBefore.add(i);
    changed.add(j);
  }

  const matchedAfter = [...pairOfAfter.keys()].sort((x, y) => x - y);
  const inOrder = longestIncreasing(matchedAfter.map((j) => pairOfAfter.get(j) as number));
  const moved = new Set(matchedAfter.filter((_, k) => !inOrder.has(k)));

  const entries: ClauseDiffEntry[] = after.map((text, j) => {
    const i = pairOfAfter.get(j);
    if (i === undefined) {
      return { change: 'added', moved: false, before: null, after: j, text, previousText: null };
    }
    const isChanged = changed.has(j);
    return {
      change: isChanged ? 'changed' : 'unchanged',
      moved: moved.has(j),
      before: i,
      after: j,
      text,
      previousText: isChanged ? (before[i] as string) : null,
    };
  });
  before.forEach((text, i) => {
    if (usedBefore.has(i)) return;
    const removed: ClauseDiffEntry = {
      change: 'removed',
      moved: false,
      before: i,
      after: null,
      text,
      previousText: null,
    };
    // After the last entry that came before it in the older version (or first of all).
    let at = 0;
    entries.forEach((e, k) => {
      if (e.before !== null && e.before < i) at = k + 1;
    });
    entries.splice(at, 0, removed);
  });

  const counts = { unchanged: 0, added: 0, removed: 0, changed: 0, moved: 0 };
  for (const e of entries) {
    counts[e.change] += 1;
    if (e.moved) counts.moved += 1;
  }
  return { entries, counts };
}
