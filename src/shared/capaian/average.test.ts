import { describe, expect, it } from 'vitest';
import { averageCapaian, defaultCapaianRules, type WeightedCapaian } from './index.js';
import type { Capaian } from './types.js';

const rules = defaultCapaianRules;
const a = (value: string, capped = false): Capaian => ({
  assessed: true,
  value,
  band: 'tinggi',
  capped,
});
const na: Capaian = { assessed: false, reason: 'no_realisasi', message: 'Realisasi belum diisi.' };
const show = (c: Capaian): string => (c.assessed ? `${c.value} ${c.band}` : `-:${c.reason}`);

describe('averageCapaian', () => {
  it.each<[string, WeightedCapaian[], string]>([
    ['plain mean', [{ capaian: a('80') }, { capaian: a('100') }], '90 tinggi'],
    [
      'skips not assessed (never 0)',
      [{ capaian: a('80') }, { capaian: na }, { capaian: a('100') }],
      '90 tinggi',
    ],
    ['all not assessed', [{ capaian: na }, { capaian: na }], '-:nothing_assessed'],
    ['empty list', [], '-:nothing_assessed'],
    ['IKU weighted double', [{ capaian: a('60'), weight: 2 }, { capaian: a('90') }], '70 sedang'],
    [
      'weight 0 leaves an item out',
      [{ capaian: a('10'), weight: 0 }, { capaian: a('95') }],
      '95 sangat_tinggi',
    ],
    ['only weight 0', [{ capaian: a('10'), weight: 0 }], '-:nothing_assessed'],
    ['rounded half-up', [{ capaian: a('90.99') }, { capaian: a('91') }], '91 sangat_tinggi'],
    [
      'mean of thirds rounds',
      [{ capaian: a('100') }, { capaian: a('100') }, { capaian: a('0') }],
      '66.67 sedang',
    ],
    ['a real 0 counts', [{ capaian: a('0') }, { capaian: a('100') }], '50 sangat_rendah'],
    [
      'averages the rounded values as given',
      [{ capaian: a('66.67') }, { capaian: a('66.67') }],
      '66.67 sedang',
    ],
    [
      'capped items stay capped; no second cap',
      [{ capaian: a('120', true) }, { capaian: a('120', true) }],
      '120 sangat_tinggi',
    ],
    ['band boundary 75.995 → 76', [{ capaian: a('75.99') }, { capaian: a('76') }], '76 tinggi'],
  ])('%s', (_name, items, expected) => {
    expect(show(averageCapaian(items, rules))).toBe(expected);
  });

  it('is never marked capped', () => {
    const c = averageCapaian([{ capaian: a('120', true) }], rules);
    expect(c.assessed && c.capped).toBe(false);
  });

  it('refuses a negative weight', () => {
    expect(() => averageCapaian([{ capaian: a('10'), weight: -1 }], rules)).toThrowError(/Bobot/);
  });
});
