import { describe, expect, it } from 'vitest';
import type { Aggregation, CalcMethod } from '../codes.js';
import { aggregateRealisasi, type Quarter } from './index.js';
import type { QuarterValues, RealisasiValue } from './types.js';

const n = (value: string): RealisasiValue => ({ kind: 'number', value });
const s = (code: string): RealisasiValue => ({ kind: 'scale', code });
const q = (...v: (RealisasiValue | null)[]): QuarterValues<RealisasiValue> =>
  [v[0] ?? null, v[1] ?? null, v[2] ?? null, v[3] ?? null] as const;

const bpk = [
  { code: 'WTP', score: 4 },
  { code: 'WDP', score: 3 },
];

describe('aggregateRealisasi', () => {
  it.each<
    [string, CalcMethod, Aggregation, QuarterValues<RealisasiValue>, Quarter, RealisasiValue | null]
  >([
    [
      'cumulative of four quarters',
      'ratio',
      'cumulative',
      q(n('10'), n('20'), n('30'), n('40')),
      4,
      n('100'),
    ],
    [
      'cumulative up to TW II',
      'ratio',
      'cumulative',
      q(n('10'), n('20'), n('30'), n('40')),
      2,
      n('30'),
    ],
    [
      'cumulative skips an empty quarter',
      'ratio',
      'cumulative',
      q(n('10'), null, n('30')),
      3,
      n('40'),
    ],
    ['cumulative keeps a real 0', 'ratio', 'cumulative', q(n('0'), n('0')), 2, n('0')],
    ['cumulative exact decimals', 'ratio', 'cumulative', q(n('0.1'), n('0.2')), 2, n('0.3')],
    ['cumulative with negatives', 'ratio', 'cumulative', q(n('-1.5'), n('4')), 2, n('2.5')],
    ['cumulative with nothing filled', 'ratio', 'cumulative', q(), 4, null],
    [
      'cumulative: later quarters do not count',
      'ratio',
      'cumulative',
      q(null, null, n('5')),
      2,
      null,
    ],
    ['last value', 'inverse_difference', 'last', q(n('7'), n('6.5'), n('6')), 3, n('6')],
    ['last value up to TW I', 'inverse_difference', 'last', q(n('7'), n('6.5')), 1, n('7')],
    ['last filled value over a gap', 'ratio', 'last', q(n('7'), n('8'), null, null), 4, n('8')],
    ['average', 'ratio', 'average', q(n('80'), n('90')), 2, n('85')],
    [
      'average over filled quarters only',
      'ratio',
      'average',
      q(n('80'), null, n('91')),
      4,
      n('85.5'),
    ],
    [
      'average keeps full precision',
      'ratio',
      'average',
      q(n('1'), n('1'), n('2')),
      3,
      n('1.333333333333333333333333333333333333333333333333333333333333333'),
    ],
    ['average with nothing filled', 'ratio', 'average', q(), 4, null],
    ['scale: last code', 'scale', 'last', q(s('WDP'), s('WTP')), 4, s('WTP')],
    [
      'scale: last code even when marked cumulative',
      'scale',
      'cumulative',
      q(s('WTP'), s('WDP')),
      2,
      s('WDP'),
    ],
    [
      'range indicator: one value per quarter, summed',
      'range',
      'cumulative',
      q(n('40'), n('45')),
      2,
      n('85'),
    ],
  ])('%s', (_name, method, aggregation, values, upTo, expected) => {
    expect(aggregateRealisasi({ method, aggregation, scale: bpk }, values, upTo)).toEqual(expected);
  });

  it('refuses a code for a number indicator', () => {
    expect(() =>
      aggregateRealisasi({ method: 'ratio', aggregation: 'cumulative' }, q(s('WTP')), 1),
    ).toThrowError(/angka/);
  });
});
