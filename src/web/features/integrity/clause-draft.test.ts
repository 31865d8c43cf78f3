import { describe, expect, it } from 'vitest';
import { clauseProblems, moveClause, sameClauses } from './clause-draft.js';

describe('moveClause', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ] as const)('item %d by %d', (index, delta, expected) => {
    expect(moveClause(['a', 'b', 'c'], index, delta)).toEqual(expected);
  });
});

describe('clauseProblems', () => {
  it('names short, long and repeated clauses', () => {
    expect(
      clauseProblems([
        'Bersikap jujur dalam tugas',
        'pendek',
        'x'.repeat(1001),
        '  bersikap JUJUR   dalam tugas ',
      ]),
    ).toEqual([null, { kind: 'short' }, { kind: 'long' }, { kind: 'duplicate', of: 1 }]);
  });
});

describe('sameClauses', () => {
  it('ignores spacing, not order or wording', () => {
    expect(sameClauses(['Satu dua tiga ', 'Empat'], ['Satu  dua tiga', 'Empat'])).toBe(true);
    expect(sameClauses(['Empat', 'Satu dua tiga'], ['Satu dua tiga', 'Empat'])).toBe(false);
    expect(sameClauses(['Satu'], ['Satu', 'Dua'])).toBe(false);
  });
});
