import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeCapaian, defaultCapaianRules } from '../../shared/capaian/index.js';
import { buildKotaContoh } from './kota-contoh.js';
import { buildDemoPkSpecs, DEMO_LOWER_LEVEL_PDS } from './monitoring-demo-pks.js';
import {
  absorbedAmount,
  absorptionPermille,
  DEMO_SPENDER_PD,
  DEMO_WEAK_PDS,
  demoMonitoringCalendar,
  demoNarrative,
  demoRealisasi,
  hashUnit,
  performancePermille,
} from './monitoring-demo-values.js';
import { buildPlanningDemo } from './planning-demo.js';

describe('demoMonitoringCalendar', () => {
  it.each([
    // today, Y, past quarters, open quarter
    ['2026-11-24', 2026, [1, 2, 3], 4],
    ['2026-10-14', 2026, [1, 2], 3], // TW III's deadline day: still open
    ['2026-10-15', 2026, [1, 2, 3], 4],
    ['2026-07-01', 2026, [1], 2], // TW II ended, due 14 July; TW III has begun too
    ['2027-01-10', 2026, [1, 2, 3], 4], // before TW I 2027's deadline: still 2026's TW IV
    ['2027-02-01', 2026, [1, 2, 3, 4], null],
    ['2027-06-01', 2026, [1, 2, 3, 4], null], // 2027 is the ceremony's year: kept at 2026
    ['2030-03-03', 2026, [1, 2, 3, 4], null],
    ['2026-02-02', 2026, [], 1], // before the demo's first possible year: kept at 2026
  ] as const)('%s → Y %i, past %j, open %s', (today, year, past, open) => {
    const c = demoMonitoringCalendar(today);
    expect(c).toEqual({
      year,
      previousYear: year - 1,
      pastQuarters: past,
      openQuarter: open,
      lastPastQuarter: past.at(-1) ?? null,
    });
  });
});

describe('draws', () => {
  it('are deterministic and spread over [0, 1)', () => {
    expect(hashUnit('a/b/c')).toBe(hashUnit('a/b/c'));
    const draws = Array.from({ length: 2000 }, (_, i) => hashUnit(`k${i}`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, d) => s + d, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('put weak PD and the spender below the usual ones', () => {
    const mean = (pd: string | null) => {
      let sum = 0;
      for (let i = 0; i < 200; i++) sum += performancePermille(pd, `ind${i}`, 2026, 2);
      return sum / 200;
    };
    expect(mean(DEMO_WEAK_PDS[0])).toBeLessThan(700);
    expect(mean(DEMO_SPENDER_PD)).toBeLessThan(700);
    expect(mean('Dinas Kesehatan')).toBeGreaterThan(950);
    expect(mean(null)).toBeGreaterThan(800);
  });
});

describe('demoRealisasi', () => {
  const rules = defaultCapaianRules;
  const ratio = { method: 'ratio', aggregation: 'last', satuan: 'persen' } as const;
  it.each([
    [ratio, { kind: 'number', value: '80' }, 1000, '80'],
    [ratio, { kind: 'number', value: '80' }, 900, '72'],
    [ratio, { kind: 'number', value: '95' }, 1200, '100'], // a percentage stays ≤ 100
    [
      { method: 'inverse_difference', aggregation: 'last', satuan: 'persen' },
      { kind: 'number', value: '17.2' },
      800,
      '20.6',
    ],
    [
      { method: 'inverse_ratio', aggregation: 'last', satuan: 'kasus' },
      { kind: 'number', value: '10' },
      1250,
      '8',
    ],
    [
      { method: 'ratio', aggregation: 'cumulative', satuan: 'laporan' },
      { kind: 'number', value: '3' },
      700,
      '2',
    ],
    [
      { method: 'range', aggregation: 'last', satuan: 'poin' },
      { kind: 'range', low: '80', high: '85' },
      1040,
      '82',
    ],
    [
      { method: 'range', aggregation: 'last', satuan: 'poin' },
      { kind: 'range', low: '80', high: '85' },
      900,
      '72',
    ],
  ] as const)('%j target %j at %i ‰ → %s', (def, target, permille, expected) => {
    expect(demoRealisasi(def, target, permille)).toEqual({ kind: 'number', value: expected });
  });

  it('picks the scale code nearest to the level, never above the target', () => {
    const scale = [
      { code: 'WTP', score: '4' },
      { code: 'WDP', score: '3' },
      { code: 'TW', score: '2' },
      { code: 'TMP', score: '1' },
    ];
    const def = { method: 'scale', aggregation: 'last', satuan: 'opini' } as const;
    const wtp = { kind: 'scale', code: 'WTP' } as const;
    expect(demoRealisasi(def, wtp, 1200, scale)).toEqual({ kind: 'scale', code: 'WTP' });
    expect(demoRealisasi(def, wtp, 950, scale)).toEqual({ kind: 'scale', code: 'WTP' });
    expect(demoRealisasi(def, wtp, 760, scale)).toEqual({ kind: 'scale', code: 'WDP' });
    expect(demoRealisasi(def, wtp, 400, scale)).toEqual({ kind: 'scale', code: 'TW' });
    expect(demoRealisasi(def, wtp, 300, scale)).toEqual({ kind: 'scale', code: 'TMP' });
  });

  it('lands near the intended capaian through the engine', () => {
    for (const permille of [500, 650, 800, 950, 1100]) {
      const value = demoRealisasi(ratio, { kind: 'number', value: '60' }, permille);
      const c = computeCapaian(
        { method: 'ratio', aggregation: 'last' },
        { kind: 'number', value: '60' },
        value,
        rules,
      );
      expect(c.assessed && Math.abs(Number(c.value) - permille / 10)).toBeLessThan(0.2);
    }
  });
});

describe('demoNarrative', () => {
  const base = {
    key: 'k',
    quarterLabel: 'TW II 2026',
    satuan: 'persen',
    realisasi: { kind: 'number', value: '60.5' },
    target: { kind: 'number', value: '80' },
  } as const;
  it('explains a low result with obstacles and a follow-up, in Indonesian numbers', () => {
    const n = demoNarrative({ ...base, band: 'rendah', capaianText: '75,63 %' });
    expect(n.analysis).toContain(
      'Realisasi TW II 2026 sebesar 60,5 persen terhadap target 80 persen',
    );
    expect(n.obstacles.length).toBeGreaterThan(20);
    expect(n.followUp.length).toBeGreaterThan(20);
  });
  it('says so when nothing stands in the way', () => {
    const n = demoNarrative({ ...base, band: 'sangat_tinggi', capaianText: '100 %' });
    expect(n.obstacles).toBe('Tidak ada kendala yang berarti.');
  });
});

describe('budget absorption', () => {
  it('never spends more than the ceiling in a year, whatever the PD', () => {
    for (const pd of [null, 'Dinas Kesehatan', DEMO_SPENDER_PD, ...DEMO_WEAK_PDS]) {
      for (let row = 0; row < 50; row++) {
        let spent = new Decimal(0);
        for (const q of [1, 2, 3, 4] as const) {
          const permille = absorptionPermille(pd, `b${row}`, 2026, q);
          const amount = absorbedAmount('1000000000.00', permille, spent.toFixed(2));
          expect(amount).toMatch(/^\d+\.00$/);
          spent = spent.plus(amount);
        }
        expect(spent.lessThanOrEqualTo(1_000_000_000)).toBe(true);
      }
    }
  });
  it('has the spender ahead of everyone by TW III, weak PD behind', () => {
    const byQ3 = (pd: string | null) => {
      let sum = 0;
      for (let row = 0; row < 50; row++) {
        for (const q of [1, 2, 3] as const) sum += absorptionPermille(pd, `b${row}`, 2026, q);
      }
      return sum / 50;
    };
    expect(byQ3(DEMO_SPENDER_PD)).toBeGreaterThan(byQ3('Dinas Kesehatan') + 100);
    expect(byQ3(DEMO_SPENDER_PD)).toBeGreaterThan(800);
    expect(byQ3('Dinas Kesehatan')).toBeGreaterThan(600);
    expect(byQ3(DEMO_WEAK_PDS[0])).toBeLessThan(600);
  });
});

describe('buildDemoPkSpecs', () => {
  const org = buildKotaContoh();
  const demo = buildPlanningDemo(org);
  const specs = buildDemoPkSpecs(org, demo, 2026);

  it('is deterministic', () => {
    expect(buildDemoPkSpecs(org, demo, 2026)).toEqual(specs);
  });

  it('has the Pemda PK, a head PK for every PD, and lower levels only where asked', () => {
    expect(specs.filter((s) => s.level === 'pemda')).toHaveLength(1);
    expect(specs.filter((s) => s.level === 'kepala_pd')).toHaveLength(org.units.length);
    const lower = new Set(
      specs.filter((s) => s.level === 'eselon_iii' || s.level === 'eselon_iv').map((s) => s.pdName),
    );
    expect(lower).toEqual(new Set(DEMO_LOWER_LEVEL_PDS));
  });

  it('links every sasaran to one of the parent PK and takes the targets of that year', () => {
    const byKey = new Map(specs.map((s) => [s.key, s]));
    for (const s of specs) {
      const parent = s.parentKey ? byKey.get(s.parentKey) : undefined;
      if (s.parentKey) expect(parent, s.key).toBeDefined();
      for (const o of s.objectives) {
        if (o.supportsNodeKey) {
          expect(parent!.objectives.map((p) => p.nodeKey)).toContain(o.supportsNodeKey);
        }
        for (const i of o.indicators) expect(i.annual).toEqual(i.draft.def.targets[1]);
      }
    }
  });

  it('derives budgets from the pagu when the plan has no DPA for the year', () => {
    const amounts = specs.flatMap((s) => s.budgets.map((b) => b.amount));
    expect(amounts.length).toBeGreaterThan(300);
    for (const a of amounts) expect(a).toMatch(/^[1-9]\d*000\.00$/);
  });
});
