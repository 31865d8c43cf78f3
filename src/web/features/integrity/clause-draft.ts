/**
 * The clause editor's list while it is being edited: pure helpers (kept beside the page and
 * unit-tested). The server checks the same rules again and names each clause it refuses.
 */
export const CLAUSE_MIN = 10;
export const CLAUSE_MAX = 1000;
export const CLAUSES_MAX = 30;

export interface DraftClause {
  /** Stable across edits and moves, for React keys and focus. */
  key: string;
  text: string;
}

let counter = 0;
export const newKey = (): string => {
  counter += 1;
  return `k${counter}`;
};

export const toDraft = (clauses: readonly string[]): DraftClause[] =>
  clauses.map((text) => ({ key: newKey(), text }));

/** As the server stores a clause: one paragraph, single spaces, trimmed. */
export const normaliseClause = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The list with the item at `index` moved by `delta` places (unchanged when it cannot move). */
export function moveClause<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export type ClauseProblem =
  | { kind: 'short' }
  | { kind: 'long' }
  | { kind: 'duplicate'; of: number };

/** What is wrong with each clause (null when fine), in list order. */
export function clauseProblems(texts: readonly string[]): (ClauseProblem | null)[] {
  const seen = new Map<string, number>();
  return texts.map((raw, index) => {
    const text = normaliseClause(raw);
    if (text.length < CLAUSE_MIN) return { kind: 'short' };
    if (text.length > CLAUSE_MAX) return { kind: 'long' };
    const key = text.toLocaleLowerCase('id');
    const first = seen.get(key);
    if (first !== undefined) return { kind: 'duplicate', of: first + 1 };
    seen.set(key, index);
    return null;
  });
}

/** Whether the draft says the same as the saved clauses (nothing to save). */
export function sameClauses(draft: readonly string[], saved: readonly string[]): boolean {
  return (
    draft.length === saved.length &&
    draft.every((text, i) => normaliseClause(text) === normaliseClause(saved[i] ?? ''))
  );
}
