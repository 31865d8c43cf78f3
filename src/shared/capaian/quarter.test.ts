import { describe, expect, it } from 'vitest';
import type { Aggregation, CalcMethod } from '../codes.js';
import type { TargetValue } from '../target-value.js';
import { defaultCapaianRules, type Quarter, quarterCapaian } from './index.js';
import type { Capaian, QuarterValues, RealisasiValue } from './types.js';

const n = (value: string): { kind: 'number'; value: string } => ({ kind: 'number', value });
const r = (low: string, high: string): TargetValue => ({ kind: 'range', low, high });
const s = (code: string): { kind: 'scale'; code: string } => ({ kind: 'scale', code });
function q<T>(...v: (T | null)[]): QuarterValues<T> {
  return [v[0] ?? null, v[1] ?? null, v[2] ?? null, v[3] ?? null] as const;
}

const bpk = [
  { code: 'WTP', score: 4 },
  { code: 'WDP', score: 3 },
  { code: 'TW', score: 2 },
  { code: 'TMP', score: 1 },
];

const show = (c: Capaian): string => (c.assessed ? c.value : `-:${c.reason}`);

interface Case {
  name: string;
  method: CalcMethod;
  aggregation: Aggregation;
  annual: TargetValue | null;
  targets: QuarterValues<TargetValue>;
  realisasi: QuarterValues<RealisasiValue>;
  quarter: Quarter;
  expected: { quarter: string; toDate: string; annual: string };
}

const cases: Case[] = [
  {
    name: 'cumulative: TW II against TW I + TW II targets',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(n('10'), n('20'), n('30'), n('40')),
    realisasi: q(n('12'), n('15')),
    quarter: 2,
    expected: { quarter: '75', toDate: '90', annual: '27' },
  },
  {
    name: 'cumulative: a gap counts only the filled quarters and their targets',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(n('10'), n('20'), n('30'), n('40')),
    realisasi: q(n('10'), null, n('30')),
    quarter: 3,
    expected: { quarter: '100', toDate: '100', annual: '40' },
  },
  {
    name: 'cumulative: the current quarter empty → quarter not assessed, to date from earlier',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(n('25'), n('25'), n('25'), n('25')),
    realisasi: q(n('20')),
    quarter: 2,
    expected: { quarter: '-:no_realisasi', toDate: '80', annual: '20' },
  },
  {
    name: 'cumulative: nothing filled',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(n('25'), n('25'), n('25'), n('25')),
    realisasi: q(),
    quarter: 4,
    expected: { quarter: '-:no_realisasi', toDate: '-:no_realisasi', annual: '-:no_realisasi' },
  },
  {
    name: 'cumulative: no quarter targets → to date falls back to the annual target',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(),
    realisasi: q(n('30'), n('30')),
    quarter: 2,
    expected: { quarter: '-:no_target', toDate: '60', annual: '60' },
  },
  {
    name: 'cumulative: a quarter target of 0 with a realisasi of 0',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('10'),
    targets: q(n('0'), n('5'), n('5'), n('0')),
    realisasi: q(n('0')),
    quarter: 1,
    expected: { quarter: '100', toDate: '100', annual: '0' },
  },
  {
    name: 'cumulative full year equals annual',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: n('100'),
    targets: q(n('25'), n('25'), n('25'), n('25')),
    realisasi: q(n('25'), n('25'), n('25'), n('20')),
    quarter: 4,
    expected: { quarter: '80', toDate: '95', annual: '95' },
  },
  {
    name: 'last value, lower is better: worked example at TW IV',
    method: 'inverse_difference',
    aggregation: 'last',
    annual: n('7'),
    targets: q(n('8'), n('7.5'), n('7.2'), n('7')),
    realisasi: q(n('8.2'), n('7.4'), n('7'), n('6.5')),
    quarter: 4,
    expected: { quarter: '107.14', toDate: '107.14', annual: '107.14' },
  },
  {
    name: 'last value: TW I worked example T 8, R 9',
    method: 'inverse_difference',
    aggregation: 'last',
    annual: n('7'),
    targets: q(n('8'), n('7.5'), n('7.2'), n('7')),
    realisasi: q(n('9')),
    quarter: 1,
    expected: { quarter: '87.5', toDate: '87.5', annual: '71.43' },
  },
  {
    name: 'last value: the last filled quarter against its own target',
    method: 'ratio',
    aggregation: 'last',
    annual: n('90'),
    targets: q(n('60'), n('70'), n('80'), n('90')),
    realisasi: q(n('60'), n('63')),
    quarter: 3,
    expected: { quarter: '-:no_realisasi', toDate: '90', annual: '70' },
  },
  {
    name: 'last value: missing quarter target → annual target',
    method: 'ratio',
    aggregation: 'last',
    annual: n('90'),
    targets: q(),
    realisasi: q(n('45')),
    quarter: 1,
    expected: { quarter: '-:no_target', toDate: '50', annual: '50' },
  },
  {
    name: 'average: mean of filled against mean of their targets',
    method: 'ratio',
    aggregation: 'average',
    annual: n('80'),
    targets: q(n('70'), n('80'), n('90'), n('80')),
    realisasi: q(n('70'), null, n('81')),
    quarter: 3,
    expected: { quarter: '90', toDate: '94.38', annual: '94.38' },
  },
  {
    name: 'average: TW I only',
    method: 'ratio',
    aggregation: 'average',
    annual: n('80'),
    targets: q(n('60'), n('80'), n('90'), n('90')),
    realisasi: q(n('60')),
    quarter: 1,
    expected: { quarter: '100', toDate: '100', annual: '75' },
  },
  {
    name: 'scale: last code against its quarter target',
    method: 'scale',
    aggregation: 'last',
    annual: s('WTP'),
    targets: q(null, s('WDP'), null, s('WTP')),
    realisasi: q(null, s('WDP')),
    quarter: 2,
    expected: { quarter: '100', toDate: '100', annual: '75' },
  },
  {
    name: 'range, average: inside the averaged range',
    method: 'range',
    aggregation: 'average',
    annual: r('80', '90'),
    targets: q(r('70', '80'), r('80', '90')),
    realisasi: q(n('75'), n('85')),
    quarter: 2,
    expected: { quarter: '100', toDate: '100', annual: '100' },
  },
  {
    name: 'range, last: above the range',
    method: 'range',
    aggregation: 'last',
    annual: r('80', '90'),
    targets: q(r('80', '90'), r('80', '90'), r('80', '90'), r('80', '90')),
    realisasi: q(n('99')),
    quarter: 1,
    expected: { quarter: '90', toDate: '90', annual: '90' },
  },
  {
    name: 'no annual target',
    method: 'ratio',
    aggregation: 'cumulative',
    annual: null,
    targets: q(n('10')),
    realisasi: q(n('10')),
    quarter: 1,
    expected: { quarter: '100', toDate: '100', annual: '-:no_target' },
  },
];

describe('quarterCapaian', () => {
  it.each(cases)('$name', (c) => {
    const result = quarterCapaian(
      { method: c.method, aggregation: c.aggregation, scale: bpk },
      { annualTarget: c.annual, quarterTargets: c.targets, realisasi: c.realisasi },
      c.quarter,
      defaultCapaianRules,
    );
    expect({
      quarter: show(result.quarter),
      toDate: show(result.toDate),
      annual: show(result.annual),
    }).toEqual(c.expected);
  });

  it('returns the realisasi to date', () => {
    const result = quarterCapaian(
      { method: 'ratio', aggregation: 'cumulative' },
      {
        annualTarget: n('100'),
        quarterTargets: q(),
        realisasi: q(n('1.5'), n('2')),
      },
      2,
      defaultCapaianRules,
    );
    expect(result.realisasiToDate).toEqual(n('3.5'));
  });
});
