import { describe, expect, it } from 'vitest';
import type { Aggregation, CalcMethod } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import { checkQuarterPlan } from './quarter-plan.js';

const n = (value: string): TargetValue => ({ kind: 'number', value });
const r = (low: string, high: string): TargetValue => ({ kind: 'range', low, high });
const s = (code: string): TargetValue => ({ kind: 'scale', code });

interface Case {
  name: string;
  method?: CalcMethod;
  aggregation: Aggregation;
  annual: TargetValue | null;
  quarters: (TargetValue | null)[];
  /** Expected problems as [field, part of the message]; [] = the plan is fine. */
  problems: [string, string][];
}

const cases: Case[] = [
  {
    name: 'no quarterly plan at all',
    aggregation: 'cumulative',
    annual: n('100'),
    quarters: [null, null, null, null],
    problems: [],
  },
  {
    name: 'cumulative that adds up',
    aggregation: 'cumulative',
    annual: n('100'),
    quarters: [n('10'), n('20'), n('30'), n('40')],
    problems: [],
  },
  {
    name: 'cumulative 0.1 + 0.2 + 0.3 + 0.4 = 1 exactly',
    aggregation: 'cumulative',
    annual: n('1'),
    quarters: [n('0.1'), n('0.2'), n('0.3'), n('0.4')],
    problems: [],
  },
  {
    name: 'cumulative 0.1 + 0.2 = 0.3 exactly (no float drift)',
    aggregation: 'cumulative',
    annual: n('0.3'),
    quarters: [n('0.1'), n('0.2'), n('0'), n('0')],
    problems: [],
  },
  {
    name: 'cumulative with 18-digit amounts stays exact',
    aggregation: 'cumulative',
    annual: n('400000000000000000.000004'),
    quarters: [
      n('100000000000000000.000001'),
      n('100000000000000000.000001'),
      n('100000000000000000.000001'),
      n('100000000000000000.000001'),
    ],
    problems: [],
  },
  {
    name: 'cumulative off by a millionth',
    aggregation: 'cumulative',
    annual: n('1'),
    quarters: [n('0.25'), n('0.25'), n('0.25'), n('0.249999')],
    problems: [['quarters', 'Jumlah target TW I–IV adalah 0,999999, seharusnya sama dengan']],
  },
  {
    name: 'cumulative sum named with Indonesian formatting',
    aggregation: 'cumulative',
    annual: n('1234.5'),
    quarters: [n('1000'), n('200'), n('30'), n('4')],
    problems: [['quarters', 'adalah 1.234, seharusnya sama dengan target tahunan 1.234,5']],
  },
  {
    name: 'cumulative typed "up to the quarter" gets a hint',
    aggregation: 'cumulative',
    annual: n('100'),
    quarters: [n('25'), n('50'), n('75'), n('100')],
    problems: [['quarters', 'target s.d. triwulan']],
  },
  {
    name: 'cumulative with a negative quarter',
    aggregation: 'cumulative',
    annual: n('10'),
    quarters: [n('5'), n('-5'), n('5'), n('5')],
    problems: [['quarters.1', 'TW II tidak boleh negatif (-5)']],
  },
  {
    name: 'cumulative ranges: lows and highs add up',
    method: 'range',
    aggregation: 'cumulative',
    annual: r('80', '100'),
    quarters: [r('20', '25'), r('20', '25'), r('20', '25'), r('20', '25')],
    problems: [],
  },
  {
    name: 'cumulative ranges: highs do not add up',
    method: 'range',
    aggregation: 'cumulative',
    annual: r('80', '100'),
    quarters: [r('20', '25'), r('20', '25'), r('20', '25'), r('20', '20')],
    problems: [['quarters', 'Jumlah batas atas target TW I–IV adalah 95']],
  },
  {
    name: 'last value: TW IV equals the annual target',
    aggregation: 'last',
    annual: n('85.5'),
    quarters: [n('80'), n('82'), n('84'), n('85.50')],
    problems: [],
  },
  {
    name: 'last value: TW IV differs',
    aggregation: 'last',
    annual: n('85.5'),
    quarters: [n('80'), n('82'), n('84'), n('85')],
    problems: [['quarters.3', 'Target TW IV (85) harus sama dengan target tahunan (85,5)']],
  },
  {
    name: 'last value range: same bounds',
    method: 'range',
    aggregation: 'last',
    annual: r('80', '90'),
    quarters: [r('70', '80'), r('75', '85'), r('78', '88'), r('80', '90')],
    problems: [],
  },
  {
    name: 'last value range: different bounds',
    method: 'range',
    aggregation: 'last',
    annual: r('80', '90'),
    quarters: [r('70', '80'), r('75', '85'), r('78', '88'), r('80', '95')],
    problems: [['quarters.3', '(80–95) harus sama dengan target tahunan (80–90)']],
  },
  {
    name: 'scale: TW IV code matches case- and space-insensitively',
    method: 'scale',
    aggregation: 'last',
    annual: s('WTP'),
    quarters: [s('WDP'), s('WDP'), s('wdp'), s(' wtp ')],
    problems: [],
  },
  {
    name: 'scale: TW IV code differs',
    method: 'scale',
    aggregation: 'last',
    annual: s('WTP'),
    quarters: [s('WDP'), s('WDP'), s('WDP'), s('WDP')],
    problems: [['quarters.3', '(WDP) harus sama dengan target tahunan (WTP)']],
  },
  {
    name: 'scale with cumulative aggregation is read as last value',
    method: 'scale',
    aggregation: 'cumulative',
    annual: s('A'),
    quarters: [s('B'), s('B'), s('BB'), s('A')],
    problems: [],
  },
  {
    name: 'average that matches',
    aggregation: 'average',
    annual: n('75.25'),
    quarters: [n('70'), n('75'), n('76'), n('80')],
    problems: [],
  },
  {
    name: 'average that does not match',
    aggregation: 'average',
    annual: n('75'),
    quarters: [n('70'), n('75'), n('76'), n('80')],
    problems: [['quarters', 'Rata-rata target TW I–IV adalah 75,25, seharusnya sama dengan']],
  },
  {
    name: 'average of ranges: both bounds',
    method: 'range',
    aggregation: 'average',
    annual: r('80', '90'),
    quarters: [r('78', '88'), r('80', '90'), r('80', '90'), r('82', '92')],
    problems: [],
  },
  {
    name: 'partial plan names the missing quarters',
    aggregation: 'cumulative',
    annual: n('100'),
    quarters: [n('50'), null, n('50'), null],
    problems: [
      ['quarters.1', 'TW II belum diisi'],
      ['quarters.3', 'TW IV belum diisi'],
    ],
  },
  {
    name: 'a range quarter for a ratio indicator',
    method: 'ratio',
    aggregation: 'last',
    annual: n('90'),
    quarters: [n('80'), r('80', '85'), n('85'), n('90')],
    problems: [['quarters.1', 'TW II harus berupa angka']],
  },
  {
    name: 'a number quarter for a range indicator',
    method: 'range',
    aggregation: 'last',
    annual: r('80', '90'),
    quarters: [r('70', '80'), r('70', '80'), n('85'), r('80', '90')],
    problems: [['quarters.2', 'TW III harus berupa rentang']],
  },
  {
    name: 'a number quarter for a scale indicator',
    method: 'scale',
    aggregation: 'last',
    annual: s('WTP'),
    quarters: [s('WDP'), s('WDP'), s('WDP'), n('4')],
    problems: [['quarters.3', 'TW IV harus berupa kode skala']],
  },
  {
    name: 'inverse method takes numbers',
    method: 'inverse_difference',
    aggregation: 'last',
    annual: n('7'),
    quarters: [n('9'), n('8.5'), n('8'), n('7')],
    problems: [],
  },
  {
    name: 'a range quarter with low above high',
    method: 'range',
    aggregation: 'last',
    annual: r('80', '90'),
    quarters: [r('70', '80'), r('90', '80'), r('78', '88'), r('80', '90')],
    problems: [['quarters.1', 'TW II: batas bawah (90) lebih besar dari batas atas (80)']],
  },
  {
    name: 'a malformed number',
    aggregation: 'last',
    annual: n('10'),
    quarters: [n('1'), n('1,5'), n('2'), n('10')],
    problems: [['quarters.1', 'TW II berisi angka yang tidak valid']],
  },
  {
    name: 'quarters without an annual target',
    aggregation: 'cumulative',
    annual: null,
    quarters: [n('1'), n('1'), n('1'), n('1')],
    problems: [['quarters', 'Isi target tahunan']],
  },
  {
    name: 'annual target of the wrong form is left to the target check',
    aggregation: 'cumulative',
    annual: s('WTP'),
    quarters: [n('1'), n('1'), n('1'), n('1')],
    problems: [],
  },
  {
    name: 'not four quarters',
    aggregation: 'cumulative',
    annual: n('3'),
    quarters: [n('1'), n('1'), n('1')],
    problems: [['quarters', 'tepat empat triwulan']],
  },
  {
    name: 'negative annual (e.g. a decrease) allows negative quarters',
    aggregation: 'cumulative',
    annual: n('-4'),
    quarters: [n('-1'), n('-1'), n('-1'), n('-1')],
    problems: [],
  },
];

describe('checkQuarterPlan', () => {
  it.each(cases)('$name', ({ method = 'ratio', aggregation, annual, quarters, problems }) => {
    const result = checkQuarterPlan({ method, aggregation, annual, quarters });
    expect(result.map((p) => p.field)).toEqual(problems.map(([field]) => field));
    problems.forEach(([, part], i) => {
      expect(result[i]?.message).toContain(part);
    });
  });
});
