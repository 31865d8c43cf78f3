import { describe, expect, it } from 'vitest';
import type { Capaian } from '../../../shared/capaian/types.js';
import { defaultBandLabels } from './bands.js';
import {
  bandsOption,
  capaianBarsOption,
  escapeHtml,
  historyOption,
  percentMax,
  scatterOption,
  trendOption,
} from './charts.js';
import {
  fileSizeText,
  percentText,
  plotCapaian,
  quarterName,
  realisasiText,
  rulesFrom,
  shortRupiah,
  storedCapaian,
  targetText,
} from './format.js';

const assessed = (value: string, band: 'sangat_tinggi' | 'rendah' = 'sangat_tinggi'): Capaian => ({
  assessed: true,
  value,
  band,
  capped: false,
});
const missing: Capaian = { assessed: false, reason: 'no_realisasi', message: 'belum diisi' };
const bands = [
  { key: 'sangat_tinggi' as const, label: 'Sangat Tinggi', min: 91 },
  { key: 'tinggi' as const, label: 'Tinggi', min: 76 },
  { key: 'sedang' as const, label: 'Sedang', min: 66 },
  { key: 'rendah' as const, label: 'Rendah', min: 51 },
  { key: 'sangat_rendah' as const, label: 'Sangat Rendah', min: 0 },
];

// Reads a nested value of an option object without restating ECharts' union types.
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | undefined)?.[key],
    value,
  );

describe('dashboard display helpers', () => {
  it('formats figures the Indonesian way and never plots "not assessed" as zero', () => {
    expect(percentText('85.3')).toBe('85,30 %');
    expect(percentText(null)).toBe('–');
    expect(plotCapaian(missing)).toBeNull();
    expect(plotCapaian(assessed('107.14'))).toBe(107.14);
    expect(quarterName(3)).toBe('TW III');
    expect(shortRupiah(1_250_000_000)).toBe('Rp 1,3 M');
    expect(shortRupiah(250_000_000)).toBe('Rp 250 jt');
    expect(targetText({ kind: 'range', low: '80', high: '90.5' })).toBe('80–90,5');
    expect(targetText(null)).toBe('–');
    expect(realisasiText({ kind: 'scale', code: 'WTP' })).toBe('WTP');
    expect(realisasiText({ kind: 'number', value: '1234.5' })).toBe('1.234,5');
    expect(fileSizeText(123_456)).toBe('120,6 KB');
  });

  it('bands a stored trend value through the engine with the tenant rules', () => {
    const rules = rulesFrom(bands, '120');
    expect(storedCapaian('90.99', rules)).toMatchObject({ assessed: true, band: 'tinggi' });
    expect(storedCapaian('120', rules)).toMatchObject({ band: 'sangat_tinggi', capped: true });
    expect(storedCapaian(null, rules)).toMatchObject({ assessed: false });
  });

  it('escapes names that go into tooltip HTML', () => {
    expect(escapeHtml('<img src=x onerror="a">&\'')).toBe(
      '&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;',
    );
  });

  it('scales percent axes to show every value and the 100 % line', () => {
    expect(percentMax([50, null])).toBe(120);
    expect(percentMax([131])).toBe(140);
    expect(percentMax([20], 100)).toBe(100);
  });
});

describe('dashboard chart options', () => {
  it('draws no bar for a sasaran not assessed and names it in text', () => {
    const option = capaianBarsOption(
      [
        { name: 'Sasaran A', capaian: assessed('95.5') },
        { name: 'Sasaran B', capaian: missing },
      ],
      defaultBandLabels,
      false,
    );
    // First item on top: ECharts draws categories bottom-up, so the order is reversed.
    expect(at(option, 'yAxis', 'data')).toEqual(['Sasaran B', 'Sasaran A']);
    const data = at(option, 'series', 0, 'data') as unknown[];
    expect(at(data[0], 'itemStyle', 'color')).toBe('transparent');
    expect(at(data[0], 'label', 'formatter')).toBe('Belum dinilai');
    expect(at(data[1], 'label', 'formatter')).toBe('95,50 % · Sangat Tinggi');
  });

  it('shades the "Belanja tanpa hasil" quadrant below the capaian line, right of the absorption line', () => {
    const option = scatterOption(
      [
        {
          unitName: 'Dinas A',
          capaian: '60',
          absorption: '70',
          quadrant: 'spending_without_results',
        },
      ],
      { capaian: 76, absorption: 50 },
      false,
    );
    const areas = at(option, 'series', 0, 'markArea', 'data') as unknown[][];
    const highlighted = areas.find(
      (area) => at(area[0], 'label', 'formatter') === 'Belanja tanpa hasil',
    );
    expect(highlighted).toBeDefined();
    expect(at(highlighted?.[0], 'xAxis')).toBe(50);
    expect(at(highlighted?.[1], 'yAxis')).toBe(76);
    expect(at(option, 'series', 0, 'data', 0, 'value')).toEqual([70, 60]);
  });

  it('draws one line per year and leaves quarters without a figure empty', () => {
    const option = trendOption([
      { year: 2025, quarter: 1, capaian: assessed('90') },
      { year: 2026, quarter: 1, capaian: assessed('95') },
      { year: 2026, quarter: 2, capaian: missing },
    ]);
    const series = at(option, 'series') as unknown[];
    expect(series.map((s) => at(s, 'name'))).toEqual(['2025', '2026']);
    expect(at(series[1], 'data')).toEqual([95, null, null, null]);
  });

  it('leaves empty bands out of the donut', () => {
    const option = bandsOption(
      { sangat_tinggi: 3, tinggi: 0, sedang: 1, rendah: 0, sangat_rendah: 0 },
      2,
      defaultBandLabels,
      false,
    );
    const names = (at(option, 'series', 0, 'data') as unknown[]).map((d) => at(d, 'name'));
    expect(names).toEqual(['Sangat Tinggi', 'Sedang', 'Belum dinilai']);
  });

  it('plots a range target as its two bounds and a scale indicator by its capaian', () => {
    const range = historyOption(
      [
        {
          label: 'TW I 2026',
          target: { kind: 'range', low: '80', high: '90' },
          realisasi: { kind: 'number', value: '85' },
          capaian: assessed('100'),
        },
      ],
      'persen',
    );
    expect((at(range, 'series') as unknown[]).map((s) => at(s, 'name'))).toEqual([
      'Realisasi',
      'Target batas bawah',
      'Target batas atas',
    ]);
    const scale = historyOption(
      [
        {
          label: 'TW I 2026',
          target: { kind: 'scale', code: 'WTP' },
          realisasi: { kind: 'scale', code: 'WDP' },
          capaian: assessed('75', 'rendah'),
        },
      ],
      '',
    );
    expect(at(scale, 'series', 0, 'name')).toBe('Capaian s.d. triwulan');
    expect(at(scale, 'series', 0, 'data')).toEqual([75]);
  });
});
