import { nameTokens } from './text-normalize.js';

/**
 * Words that say how a thing is counted, not what is counted: "Persentase rumah tangga ber-PHBS"
 * and "Jumlah rumah tangga ber-PHBS" measure the same result twice. Plus common Indonesian
 * function words.
 */
const fillerWords = new Set([
  'persentase',
  'presentase',
  'prosentase',
  'jumlah',
  'banyaknya',
  'angka',
  'tingkat',
  'rasio',
  'nilai',
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'pada',
  'dalam',
  'untuk',
  'oleh',
  'serta',
  'atau',
  'terhadap',
]);

/** Two names count as the same indicator at or above these similarities (see findNearDuplicate). */
const minJaccard = 0.85;
const minEditRatio = 0.9;

function contentTokens(name: string): string[] {
  const all = nameTokens(name);
  const content = all.filter((t) => !fillerWords.has(t));
  // A name made only of filler ("Jumlah") still compares by what it says.
  return content.length > 0 ? content : all;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Levenshtein distance, two rows (names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const numbersOf = (tokens: readonly string[]) =>
  tokens
    .filter((t) => /\d/.test(t))
    .sort()
    .join(' ');

/**
 * Whether two indicator names are the same or nearly so: the same words apart from filler
 * (Jaccard ≥ 0.85 on word sets), or a typo's distance apart (edit ratio ≥ 0.9). Names that
 * differ in a number ("kategori 1" / "kategori 2") are never duplicates.
 */
export function isNearDuplicateName(a: string, b: string): boolean {
  const ta = contentTokens(a);
  const tb = contentTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  if (numbersOf(ta) !== numbersOf(tb)) return false;
  if (jaccard(new Set(ta), new Set(tb)) >= minJaccard) return true;
  const ja = ta.join(' ');
  const jb = tb.join(' ');
  const longest = Math.max(ja.length, jb.length);
  return 1 - editDistance(ja, jb) / longest >= minEditRatio;
}

/** The first earlier indicator whose name nearly equals this one's, or null. */
export function findNearDuplicate<T extends { key: string; name: string }>(
  indicator: { key: string; name: string },
  earlier: readonly T[],
): T | null {
  return (
    earlier.find((e) => e.key !== indicator.key && isNearDuplicateName(e.name, indicator.name)) ??
    null
  );
}
