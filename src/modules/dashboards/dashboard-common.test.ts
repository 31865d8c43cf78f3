import { describe, expect, it } from 'vitest';
import { defaultCapaianRules } from '../../shared/capaian/index.js';
import { absorptionOf, averageOf, daysBetween, rankByValue } from './dashboard-common.js';

describe('rankByValue', () => {
  const rank = (values: (string | null)[]) =>
    rankByValue(
      values.map((v, i) => ({ id: i, v })),
      (x) => x.v,
    ).map(({ item, rank }) => [item.id, rank]);

  it.each([
    {
      values: ['90', '80', '70'],
      expected: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    // Ties share a rank and the next rank skips (1, 2, 2, 4).
    {
      values: ['80', '95.5', '80', '60'],
      expected: [
        [1, 1],
        [0, 2],
        [2, 2],
        [3, 4],
      ],
    },
    // "100" and "100.00" are the same number.
    {
      values: ['100', '100.00'],
      expected: [
        [0, 1],
        [1, 1],
      ],
    },
    // Not assessed last, unranked, in their given order.
    {
      values: [null, '50', null, '75'],
      expected: [
        [3, 1],
        [1, 2],
        [0, null],
        [2, null],
      ],
    },
    { values: [], expected: [] },
  ])('$values → $expected', ({ values, expected }) => {
    expect(rank(values)).toEqual(expected);
  });

  it('compares decimals exactly, not as text', () => {
    expect(rank(['9.5', '10', '100'])).toEqual([
      [2, 1],
      [1, 2],
      [0, 3],
    ]);
  });
});

describe('absorptionOf (a plain ratio, not capaian)', () => {
  it.each([
    ['30000000.00', '150000000.00', '20.00'],
    ['1', '3', '33.33'],
    ['2', '3', '66.67'],
    // Half-up at the second decimal: 1/800 × 100 = 0.125 → 0.13.
    ['1', '800', '0.13'],
    ['0', '100', '0.00'],
    ['150', '100', '150.00'],
    ['10', '0', null],
  ])('%s of %s → %s', (realised, ceiling, expected) => {
    expect(absorptionOf(realised, ceiling)).toBe(expected);
  });
});

describe('averageOf stored figures', () => {
  it('skips not assessed (never 0) and weights', () => {
    const rules = defaultCapaianRules;
    expect(averageOf([{ value: '100' }, { value: null }, { value: '50' }], rules)).toMatchObject({
      assessed: true,
      value: '75',
    });
    expect(averageOf([{ value: '100', weight: 2 }, { value: '40' }], rules)).toMatchObject({
      value: '80',
      band: 'tinggi',
    });
    expect(averageOf([{ value: null }], rules)).toMatchObject({
      assessed: false,
      reason: 'nothing_assessed',
    });
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-07-14', '2026-07-20', 6],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
  ])('%s → %s = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
