import { describe, expect, it } from 'vitest';
import type { CalcMethod, CapaianBand, CapaianCap } from '../codes.js';
import { AppError } from '../errors.js';
import type { TargetValue } from '../target-value.js';
import { computeCapaian, defaultCapaianRules } from './index.js';
import type { CapaianRules, IndicatorMeasure, RealisasiValue } from './types.js';

const n = (value: string): { kind: 'number'; value: string } => ({ kind: 'number', value });
const r = (low: string, high: string): TargetValue => ({ kind: 'range', low, high });
const s = (code: string): { kind: 'scale'; code: string } => ({ kind: 'scale', code });

const bpk = [
  { code: 'WTP', score: 4 },
  { code: 'WDP', score: 3 },
  { code: 'TW', score: 2 },
  { code: 'TMP', score: 1 },
];

const rulesWith = (
  cap: CapaianCap,
  zeroTargetRule: CapaianRules['zeroTargetRule'] = 'not_assessed',
) => ({
  ...defaultCapaianRules,
  cap,
  zeroTargetRule,
});

interface Case {
  name: string;
  method: CalcMethod;
  target: TargetValue | null;
  realisasi: RealisasiValue | null;
  cap?: CapaianCap;
  zero?: CapaianRules['zeroTargetRule'];
  /** Expected value, or "-:<reason>" when not assessed. */
  expected: string;
  band?: CapaianBand;
  capped?: boolean;
}

const cases: Case[] = [
  // REGULATIONS.md worked examples (lower is better, default formula).
  {
    name: 'worked example T 7, R 6.5',
    method: 'inverse_difference',
    target: n('7'),
    realisasi: n('6.5'),
    expected: '107.14',
    band: 'sangat_tinggi',
  },
  {
    name: 'worked example T 8, R 9',
    method: 'inverse_difference',
    target: n('8'),
    realisasi: n('9'),
    expected: '87.5',
    band: 'tinggi',
  },
  // ratio (higher is better)
  {
    name: 'ratio 80/100',
    method: 'ratio',
    target: n('100'),
    realisasi: n('80'),
    expected: '80',
    band: 'tinggi',
  },
  {
    name: 'ratio on target',
    method: 'ratio',
    target: n('100'),
    realisasi: n('100'),
    expected: '100',
    band: 'sangat_tinggi',
    capped: false,
  },
  {
    name: 'ratio 2/3 rounds up',
    method: 'ratio',
    target: n('3'),
    realisasi: n('2'),
    expected: '66.67',
    band: 'sedang',
  },
  {
    name: 'ratio 1/3 rounds down',
    method: 'ratio',
    target: n('3'),
    realisasi: n('1'),
    expected: '33.33',
    band: 'sangat_rendah',
  },
  {
    name: 'ratio 130 % capped at 120',
    method: 'ratio',
    target: n('100'),
    realisasi: n('130'),
    cap: '120',
    expected: '120',
    capped: true,
  },
  {
    name: 'ratio 130 % capped at 110',
    method: 'ratio',
    target: n('100'),
    realisasi: n('130'),
    cap: '110',
    expected: '110',
    capped: true,
  },
  {
    name: 'ratio 130 % without cap',
    method: 'ratio',
    target: n('100'),
    realisasi: n('130'),
    cap: 'none',
    expected: '130',
    capped: false,
  },
  {
    name: 'ratio 115 % under cap 120',
    method: 'ratio',
    target: n('100'),
    realisasi: n('115'),
    cap: '120',
    expected: '115',
    capped: false,
  },
  {
    name: 'ratio 115 % over cap 110',
    method: 'ratio',
    target: n('100'),
    realisasi: n('115'),
    cap: '110',
    expected: '110',
    capped: true,
  },
  {
    name: 'ratio realisasi 0 is a real 0',
    method: 'ratio',
    target: n('100'),
    realisasi: n('0'),
    expected: '0',
    band: 'sangat_rendah',
  },
  {
    name: 'ratio negative realisasi floors at 0',
    method: 'ratio',
    target: n('100'),
    realisasi: n('-5'),
    expected: '0',
  },
  {
    name: 'ratio decimals',
    method: 'ratio',
    target: n('12.5'),
    realisasi: n('11.25'),
    expected: '90',
    band: 'tinggi',
  },
  // zero cases, higher is better
  {
    name: 'ratio T 0, R > 0 → cap 120',
    method: 'ratio',
    target: n('0'),
    realisasi: n('5'),
    cap: '120',
    expected: '120',
    capped: true,
  },
  {
    name: 'ratio T 0, R > 0 → cap 110',
    method: 'ratio',
    target: n('0'),
    realisasi: n('5'),
    cap: '110',
    expected: '110',
    capped: true,
  },
  {
    name: 'ratio T 0, R > 0 → 100 without cap',
    method: 'ratio',
    target: n('0'),
    realisasi: n('5'),
    cap: 'none',
    expected: '100',
    capped: false,
  },
  {
    name: 'ratio T 0, R 0 → 100',
    method: 'ratio',
    target: n('0'),
    realisasi: n('0'),
    expected: '100',
  },
  {
    name: 'ratio T 0, R < 0 → tenant "-"',
    method: 'ratio',
    target: n('0'),
    realisasi: n('-1'),
    expected: '-:zero_target',
  },
  {
    name: 'ratio T 0, R < 0 → tenant 0',
    method: 'ratio',
    target: n('0'),
    realisasi: n('-1'),
    zero: 'zero',
    expected: '0',
  },
  // missing values
  {
    name: 'no realisasi is not 0',
    method: 'ratio',
    target: n('100'),
    realisasi: null,
    expected: '-:no_realisasi',
  },
  { name: 'no target', method: 'ratio', target: null, realisasi: n('5'), expected: '-:no_target' },
  {
    name: 'neither target nor realisasi',
    method: 'inverse_difference',
    target: null,
    realisasi: null,
    expected: '-:no_realisasi',
  },
  // inverse_difference (2T − R) / T
  {
    name: 'inv diff half the target → 150 capped',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('5'),
    cap: '120',
    expected: '120',
    capped: true,
  },
  {
    name: 'inv diff half the target, no cap',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('5'),
    cap: 'none',
    expected: '150',
  },
  {
    name: 'inv diff half the target, cap 110',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('5'),
    cap: '110',
    expected: '110',
  },
  {
    name: 'inv diff double the target → 0',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('20'),
    expected: '0',
  },
  {
    name: 'inv diff far past target floors at 0',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('25'),
    expected: '0',
    band: 'sangat_rendah',
  },
  {
    name: 'inv diff R 0, no cap → 200',
    method: 'inverse_difference',
    target: n('10'),
    realisasi: n('0'),
    cap: 'none',
    expected: '200',
  },
  {
    name: 'inv diff T 0, R 0 → 100',
    method: 'inverse_difference',
    target: n('0'),
    realisasi: n('0'),
    expected: '100',
  },
  {
    name: 'inv diff T 0, R > 0 → tenant "-"',
    method: 'inverse_difference',
    target: n('0'),
    realisasi: n('3'),
    expected: '-:zero_target',
  },
  {
    name: 'inv diff T 0, R > 0 → tenant 0',
    method: 'inverse_difference',
    target: n('0'),
    realisasi: n('3'),
    zero: 'zero',
    expected: '0',
    band: 'sangat_rendah',
  },
  {
    name: 'inv diff T 0, R < 0 → tenant "-"',
    method: 'inverse_difference',
    target: n('0'),
    realisasi: n('-3'),
    expected: '-:zero_target',
  },
  // inverse_ratio T / R
  {
    name: 'inv ratio T 8, R 9',
    method: 'inverse_ratio',
    target: n('8'),
    realisasi: n('9'),
    expected: '88.89',
    band: 'tinggi',
  },
  {
    name: 'inv ratio T 7, R 6.5',
    method: 'inverse_ratio',
    target: n('7'),
    realisasi: n('6.5'),
    expected: '107.69',
  },
  {
    name: 'inv ratio R 0 → cap 120',
    method: 'inverse_ratio',
    target: n('10'),
    realisasi: n('0'),
    cap: '120',
    expected: '120',
    capped: true,
  },
  {
    name: 'inv ratio R 0 → cap 110',
    method: 'inverse_ratio',
    target: n('10'),
    realisasi: n('0'),
    cap: '110',
    expected: '110',
    capped: true,
  },
  {
    name: 'inv ratio R 0 → 100 without cap',
    method: 'inverse_ratio',
    target: n('10'),
    realisasi: n('0'),
    cap: 'none',
    expected: '100',
  },
  {
    name: 'inv ratio T 0, R 0 → 100',
    method: 'inverse_ratio',
    target: n('0'),
    realisasi: n('0'),
    expected: '100',
    capped: false,
  },
  {
    name: 'inv ratio T 0, R > 0 → tenant "-"',
    method: 'inverse_ratio',
    target: n('0'),
    realisasi: n('5'),
    expected: '-:zero_target',
  },
  {
    name: 'inv ratio T 0, R > 0 → tenant 0',
    method: 'inverse_ratio',
    target: n('0'),
    realisasi: n('5'),
    zero: 'zero',
    expected: '0',
  },
  {
    name: 'inv ratio negative R floors at 0',
    method: 'inverse_ratio',
    target: n('10'),
    realisasi: n('-5'),
    expected: '0',
  },
  {
    name: 'inv ratio half → 200 no cap',
    method: 'inverse_ratio',
    target: n('10'),
    realisasi: n('5'),
    cap: 'none',
    expected: '200',
  },
  // range
  {
    name: 'range inside',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('85'),
    expected: '100',
  },
  {
    name: 'range at lower bound',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('80'),
    expected: '100',
  },
  {
    name: 'range at upper bound',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('90'),
    expected: '100',
  },
  {
    name: 'range below → R / low',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('72'),
    expected: '90',
    band: 'tinggi',
  },
  {
    name: 'range far below',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('40'),
    expected: '50',
    band: 'sangat_rendah',
  },
  {
    name: 'range above → (2H − R) / H',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('99'),
    expected: '90',
  },
  {
    name: 'range above, rounding',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('100'),
    expected: '88.89',
  },
  {
    name: 'range far above floors at 0',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('200'),
    expected: '0',
  },
  {
    name: 'range never above 100 even without cap',
    method: 'range',
    target: r('80', '90'),
    realisasi: n('85'),
    cap: 'none',
    expected: '100',
    capped: false,
  },
  {
    name: 'range from 0, above',
    method: 'range',
    target: r('0', '10'),
    realisasi: n('15'),
    expected: '50',
  },
  {
    name: 'range 0–0, R 0 → 100',
    method: 'range',
    target: r('0', '0'),
    realisasi: n('0'),
    expected: '100',
  },
  {
    name: 'range 0–0, R above → tenant "-"',
    method: 'range',
    target: r('0', '0'),
    realisasi: n('5'),
    expected: '-:zero_target',
  },
  {
    name: 'range 0–0, R above → tenant 0',
    method: 'range',
    target: r('0', '0'),
    realisasi: n('5'),
    zero: 'zero',
    expected: '0',
  },
  {
    name: 'range of negative bounds, below',
    method: 'range',
    target: r('-10', '-5'),
    realisasi: n('-12'),
    expected: '80',
  },
  {
    name: 'range method with a single number target',
    method: 'range',
    target: n('85'),
    realisasi: n('85'),
    expected: '100',
  },
  // scale (BPK opinion)
  {
    name: 'scale WDP against WTP = 75',
    method: 'scale',
    target: s('WTP'),
    realisasi: s('WDP'),
    expected: '75',
    band: 'sedang',
  },
  {
    name: 'scale WTP against WTP',
    method: 'scale',
    target: s('WTP'),
    realisasi: s('WTP'),
    expected: '100',
  },
  {
    name: 'scale codes case/space-insensitive',
    method: 'scale',
    target: s(' wtp'),
    realisasi: s('w d p '),
    expected: '75',
  },
  {
    name: 'scale TMP against WTP',
    method: 'scale',
    target: s('WTP'),
    realisasi: s('TMP'),
    expected: '25',
    band: 'sangat_rendah',
  },
  {
    name: 'scale above target capped',
    method: 'scale',
    target: s('WDP'),
    realisasi: s('WTP'),
    cap: '120',
    expected: '120',
    capped: true,
  },
  {
    name: 'scale above target no cap',
    method: 'scale',
    target: s('WDP'),
    realisasi: s('WTP'),
    cap: 'none',
    expected: '133.33',
  },
  {
    name: 'scale TW against WDP',
    method: 'scale',
    target: s('WDP'),
    realisasi: s('TW'),
    expected: '66.67',
    band: 'sedang',
  },
  {
    name: 'scale without realisasi',
    method: 'scale',
    target: s('WTP'),
    realisasi: null,
    expected: '-:no_realisasi',
  },
  // rounding half-up and band boundaries on the ROUNDED value
  {
    name: '90.995 rounds to 91 → Sangat Tinggi',
    method: 'ratio',
    target: n('200'),
    realisasi: n('181.99'),
    expected: '91',
    band: 'sangat_tinggi',
  },
  {
    name: '90.99 stays Tinggi',
    method: 'ratio',
    target: n('200'),
    realisasi: n('181.98'),
    expected: '90.99',
    band: 'tinggi',
  },
  {
    name: '90.005 rounds half-up to 90.01',
    method: 'ratio',
    target: n('1000'),
    realisasi: n('900.05'),
    expected: '90.01',
  },
  {
    name: '90.0049 rounds down to 90',
    method: 'ratio',
    target: n('10000'),
    realisasi: n('9000.49'),
    expected: '90',
  },
  {
    name: '76 exactly → Tinggi',
    method: 'ratio',
    target: n('100'),
    realisasi: n('76'),
    expected: '76',
    band: 'tinggi',
  },
  {
    name: '75.995 rounds to 76 → Tinggi',
    method: 'ratio',
    target: n('100'),
    realisasi: n('75.995'),
    expected: '76',
    band: 'tinggi',
  },
  {
    name: '75.994 → 75.99 Sedang',
    method: 'ratio',
    target: n('100'),
    realisasi: n('75.994'),
    expected: '75.99',
    band: 'sedang',
  },
  {
    name: '66 exactly → Sedang',
    method: 'ratio',
    target: n('100'),
    realisasi: n('66'),
    expected: '66',
    band: 'sedang',
  },
  {
    name: '65.99 → Rendah',
    method: 'ratio',
    target: n('100'),
    realisasi: n('65.99'),
    expected: '65.99',
    band: 'rendah',
  },
  {
    name: '51 exactly → Rendah',
    method: 'ratio',
    target: n('100'),
    realisasi: n('51'),
    expected: '51',
    band: 'rendah',
  },
  {
    name: '50.995 rounds to 51 → Rendah',
    method: 'ratio',
    target: n('100'),
    realisasi: n('50.995'),
    expected: '51',
    band: 'rendah',
  },
  {
    name: '50.99 → Sangat Rendah',
    method: 'ratio',
    target: n('100'),
    realisasi: n('50.99'),
    expected: '50.99',
    band: 'sangat_rendah',
  },
  {
    name: 'inv diff half-up at x.xx5',
    method: 'inverse_difference',
    target: n('200'),
    realisasi: n('18.01'),
    cap: 'none',
    expected: '191',
  },
  {
    name: 'large exact values, no float drift',
    method: 'ratio',
    target: n('300000000000000000'),
    realisasi: n('100000000000000000.000001'),
    expected: '33.33',
  },
  {
    name: 'tiny exact values',
    method: 'ratio',
    target: n('0.000003'),
    realisasi: n('0.000002'),
    expected: '66.67',
  },
];

describe('computeCapaian', () => {
  it('has a table of at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', (c) => {
    const rules = rulesWith(c.cap ?? '120', c.zero ?? 'not_assessed');
    const measure: IndicatorMeasure = { method: c.method, aggregation: 'last', scale: bpk };
    const result = computeCapaian(measure, c.target, c.realisasi, rules);
    if (c.expected.startsWith('-:')) {
      expect(result.assessed).toBe(false);
      if (!result.assessed) {
        expect(result.reason).toBe(c.expected.slice(2));
        expect(result.message.length).toBeGreaterThan(5);
      }
      return;
    }
    expect(result.assessed).toBe(true);
    if (!result.assessed) return;
    expect(result.value).toBe(c.expected);
    if (c.band) expect(result.band).toBe(c.band);
    if (c.capped !== undefined) expect(result.capped).toBe(c.capped);
  });
});

describe('computeCapaian refuses', () => {
  const rules = defaultCapaianRules;
  const scale: IndicatorMeasure = { method: 'scale', aggregation: 'last', scale: bpk };
  const error = (fn: () => unknown): AppError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error('expected an AppError');
  };

  it('a code outside the scale, naming the valid codes', () => {
    const e = error(() => computeCapaian(scale, s('WTP'), s('XYZ'), rules));
    expect(e.code).toBe('INVALID_TARGET');
    expect(e.message).toContain('XYZ');
    expect(e.message).toContain('WTP, WDP, TW, TMP');
  });

  it('a scale indicator without its scale', () => {
    const e = error(() =>
      computeCapaian({ method: 'scale', aggregation: 'last' }, s('WTP'), s('WTP'), rules),
    );
    expect(e.code).toBe('INVALID_TARGET');
  });

  it('a number target for a scale indicator', () => {
    expect(error(() => computeCapaian(scale, n('4'), s('WTP'), rules)).code).toBe('INVALID_TARGET');
  });

  it('a range target for a ratio indicator', () => {
    const m: IndicatorMeasure = { method: 'ratio', aggregation: 'last' };
    expect(error(() => computeCapaian(m, r('1', '2'), n('1'), rules)).code).toBe('INVALID_TARGET');
  });

  it('a scale code as realisasi of a number indicator', () => {
    const m: IndicatorMeasure = { method: 'ratio', aggregation: 'last' };
    expect(error(() => computeCapaian(m, n('1'), s('WTP'), rules)).code).toBe('INVALID_NUMBER');
  });

  it('text that is not a canonical decimal', () => {
    const m: IndicatorMeasure = { method: 'ratio', aggregation: 'last' };
    expect(error(() => computeCapaian(m, n('1'), n('1,5'), rules)).code).toBe('INVALID_NUMBER');
  });

  it('a range whose low bound is above its high bound', () => {
    const m: IndicatorMeasure = { method: 'range', aggregation: 'last' };
    expect(error(() => computeCapaian(m, r('90', '80'), n('85'), rules)).code).toBe(
      'INVALID_TARGET',
    );
  });
});
