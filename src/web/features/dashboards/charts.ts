/**
 * The option objects of the dashboard charts: pure functions of the API's data, so the pages stay
 * small and the shapes are testable. Every figure shown in a label or tooltip is the formatted
 * text of the API's decimal (or the engine's capaian text); floats are only coordinates.
 */
import type { Capaian } from '../../../shared/capaian/types.js';
import { type CapaianBand, capaianBands } from '../../../shared/codes.js';
import type { ChartOption } from '../../components/chart/types.js';
import { type BandLabels, bandChartColors, notAssessedColor } from './bands.js';
import {
  axisNumber,
  capaianText,
  formatRupiah as formatRp,
  percentText,
  plotCapaian,
  plotValue,
  quarterNames,
  realisasiText as realisasiLabel,
  shortRupiah,
  targetText as targetLabel,
} from './format.js';
import { dashboardStrings as t } from './strings.js';
import type { Quadrant } from './types.js';

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const textColor = '#343a40';
const axisColor = '#868e96';

/** Names from the database go into tooltip HTML: escape them. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Data index of a tooltip/label callback (ECharts passes one object or a list). */
function firstIndex(params: unknown): number {
  const first = Array.isArray(params) ? params[0] : params;
  const index = (first as { dataIndex?: unknown } | undefined)?.dataIndex;
  return typeof index === 'number' ? index : -1;
}

function base(): ChartOption {
  return {
    textStyle: { fontFamily, color: textColor },
    tooltip: { confine: true, textStyle: { fontFamily } },
  };
}

const grid = (top = 16, extra: Record<string, number> = {}) => ({
  left: 8,
  right: 24,
  top,
  bottom: 8,
  outerBoundsMode: 'same' as const,
  outerBoundsContain: 'axisLabel' as const,
  ...extra,
});

/** A 0–max percent axis; `interval` fixes the ticks (50 → 0, 50, 100 %) on narrow bar charts. */
const percentAxis = (max: number, compact = false, interval?: number) => ({
  type: 'value' as const,
  min: 0,
  max,
  ...(interval ? { interval } : compact ? { splitNumber: 3 } : {}),
  axisLabel: {
    formatter: (v: number) => `${axisNumber(v)} %`,
    color: textColor,
    hideOverlap: true,
  },
  splitLine: { lineStyle: { color: '#e9ecef' } },
});

/**
 * Names on a horizontal bar chart's category axis: wrapped to at most two lines (long sasaran and
 * unit names often share their first words, so one truncated line would make them look alike).
 */
const categoryLabel = (compact: boolean, width: number) => ({
  width: compact ? 130 : width,
  overflow: 'break' as const,
  lineOverflow: 'truncate' as const,
  height: compact ? 26 : 30,
  lineHeight: compact ? 12 : 14,
  color: textColor,
  fontSize: compact ? 10 : 11,
});

/** A scale top that shows every value and the 100 % line with room for labels. */
export function percentMax(values: readonly (number | null)[], floor = 120): number {
  const top = Math.max(floor, ...values.map((v) => v ?? 0));
  return Math.ceil(top / 20) * 20;
}

const targetLine = {
  silent: true,
  symbol: 'none',
  lineStyle: { color: axisColor, type: 'dashed' as const, width: 1 },
  label: { formatter: '100 %', color: textColor, fontSize: 11, position: 'end' as const },
  data: [{ xAxis: 100 }],
};

export interface CapaianBarItem {
  name: string;
  capaian: Capaian;
}

/**
 * Horizontal bars of capaian per item (sasaran, child unit), coloured and labelled by band; an
 * item not assessed gets no bar and the label "Belum dinilai" (never a bar at 0).
 */
export function capaianBarsOption(
  items: readonly CapaianBarItem[],
  labels: BandLabels,
  compact: boolean,
): ChartOption {
  // Top to bottom in the order given: ECharts draws the first category at the bottom.
  const shown = [...items].reverse();
  const values = shown.map((item) => plotCapaian(item.capaian));
  const max = percentMax(values);
  return {
    ...base(),
    // Room on the right for the value and band written after each bar.
    grid: grid(24, { right: compact ? 64 : 132 }),
    tooltip: {
      confine: true,
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = shown[firstIndex(params)];
        if (!item) return '';
        const band = item.capaian.assessed ? labels[item.capaian.band] : t.notAssessed;
        return `<strong>${escapeHtml(item.name)}</strong><br/>${escapeHtml(
          capaianText(item.capaian),
        )} · ${escapeHtml(band)}`;
      },
    },
    // Few ticks: these charts are often half the page wide.
    xAxis: percentAxis(max, true, 50),
    yAxis: {
      type: 'category',
      data: shown.map((item) => item.name),
      axisLabel: categoryLabel(compact, 150),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: shown.map((item, i) => ({
          value: values[i] ?? 0,
          itemStyle: {
            color: item.capaian.assessed ? bandChartColors[item.capaian.band] : 'transparent',
          },
          label: {
            show: true,
            position: 'right' as const,
            color: textColor,
            fontSize: 11,
            formatter: item.capaian.assessed
              ? compact
                ? capaianText(item.capaian)
                : `${capaianText(item.capaian)} · ${labels[item.capaian.band]}`
              : t.notAssessed,
          },
        })),
        markLine: targetLine,
      },
    ],
  };
}

/** Height of a horizontal bar chart with `count` bars. */
export const barsHeight = (count: number): number => Math.max(160, 56 + count * 40);

export interface TrendPoint {
  year: number;
  quarter: number;
  capaian: Capaian;
}

/** Capaian to date by quarter, one line per year (the selected year and the ones before). */
export function trendOption(points: readonly TrendPoint[]): ChartOption {
  // A year without any figure would be an empty legend entry: the table view still lists it.
  const years = [...new Set(points.filter((p) => p.capaian.assessed).map((p) => p.year))].sort(
    (a, b) => a - b,
  );
  const palette = ['#adb5bd', '#6c9bd6', '#134f8f'];
  const at = (year: number, quarter: number) =>
    points.find((p) => p.year === year && p.quarter === quarter)?.capaian ?? null;
  const values = points.map((p) => plotCapaian(p.capaian));
  return {
    ...base(),
    grid: grid(40),
    legend: { top: 0, textStyle: { color: textColor } },
    tooltip: {
      confine: true,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const quarter = firstIndex(params) + 1;
        const lines = years.map((year) => `${year}: ${escapeHtml(capaianText(at(year, quarter)))}`);
        return [`<strong>${quarterNames[quarter - 1] ?? ''}</strong>`, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: [...quarterNames],
      axisLabel: { color: textColor },
    },
    yAxis: percentAxis(percentMax(values)),
    series: years.map((year, i) => ({
      type: 'line' as const,
      name: String(year),
      data: [1, 2, 3, 4].map((q) => plotCapaian(at(year, q))),
      connectNulls: false,
      symbolSize: 8,
      lineStyle: {
        width: i === years.length - 1 ? 3 : 2,
        type: i === years.length - 1 ? ('solid' as const) : ('dashed' as const),
      },
      itemStyle: { color: palette[palette.length - years.length + i] ?? '#134f8f' },
      ...(i === years.length - 1
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: axisColor, type: 'dotted' as const },
              label: {
                formatter: '100 %',
                color: textColor,
                fontSize: 11,
                position: 'insideEndTop' as const,
              },
              data: [{ yAxis: 100 }],
            },
          }
        : {}),
    })),
  };
}

export interface ScatterPoint {
  unitName: string;
  capaian: string;
  absorption: string;
  quadrant: Quadrant;
}

export const quadrantColors: Record<Quadrant, string> = {
  on_track: '#2b8a3e',
  efficient: '#1971c2',
  spending_without_results: '#c92a2a',
  lagging: '#e8590c',
};

const quadrantSymbols: Record<Quadrant, string> = {
  on_track: 'circle',
  efficient: 'diamond',
  spending_without_results: 'triangle',
  lagging: 'rect',
};

/**
 * Results (capaian) against budget absorption, one point per PD; the threshold lines cut four
 * quadrants, and "Belanja tanpa hasil" (high spending, low results) is shaded and named.
 */
export function scatterOption(
  points: readonly ScatterPoint[],
  thresholds: { capaian: number; absorption: number },
  compact: boolean,
): ChartOption {
  const xs = points.map((p) => plotValue(p.absorption));
  const ys = points.map((p) => plotValue(p.capaian));
  const xMax = percentMax([...xs, thresholds.absorption], 100);
  const yMax = percentMax([...ys, thresholds.capaian]);
  const quadrantLabel = (
    quadrant: Quadrant,
    position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight',
  ) => ({
    show: true,
    position,
    color: quadrant === 'spending_without_results' ? '#8f1d1d' : '#495057',
    fontWeight: quadrant === 'spending_without_results' ? ('bold' as const) : ('normal' as const),
    fontSize: compact ? 10 : 12,
    formatter: t.quadrants[quadrant],
  });
  const area = (
    quadrant: Quadrant,
    from: [number, number],
    to: [number, number],
    position: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight',
  ) => [
    {
      xAxis: from[0],
      yAxis: from[1],
      itemStyle: {
        color:
          quadrant === 'spending_without_results' ? 'rgba(224, 49, 49, 0.10)' : 'rgba(0,0,0,0)',
      },
      label: quadrantLabel(quadrant, position),
    },
    { xAxis: to[0], yAxis: to[1] },
  ];
  return {
    ...base(),
    grid: grid(16, { bottom: 28, left: 16 }),
    tooltip: {
      confine: true,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = points[firstIndex(params)];
        if (!p) return '';
        return `<strong>${escapeHtml(p.unitName)}</strong><br/>${t.scatterCapaian}: ${escapeHtml(
          percentText(p.capaian),
        )}<br/>${t.scatterAbsorption}: ${escapeHtml(percentText(p.absorption))}<br/>${escapeHtml(
          t.quadrants[p.quadrant],
        )}`;
      },
    },
    xAxis: {
      ...percentAxis(xMax, compact),
      name: t.scatterAbsorption,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: textColor },
    },
    yAxis: {
      ...percentAxis(yMax),
      name: t.scatterCapaian,
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: textColor },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data: points.map((p, i) => ({
          value: [xs[i] ?? 0, ys[i] ?? 0],
          name: p.unitName,
          symbol: quadrantSymbols[p.quadrant],
          itemStyle: { color: quadrantColors[p.quadrant], borderColor: '#fff', borderWidth: 1 },
          label: {
            show: p.quadrant === 'spending_without_results',
            // These points sit on the right of the chart: their names go to the left.
            position: 'left' as const,
            fontSize: 10,
            color: '#8f1d1d',
            width: compact ? 80 : 140,
            overflow: 'truncate' as const,
            formatter: p.unitName,
          },
        })),
        labelLayout: { hideOverlap: true },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#495057', type: 'dashed', width: 1 },
          label: { show: false },
          data: [{ xAxis: thresholds.absorption }, { yAxis: thresholds.capaian }],
        },
        markArea: {
          silent: true,
          data: [
            area(
              'efficient',
              [0, thresholds.capaian],
              [thresholds.absorption, yMax],
              'insideTopLeft',
            ),
            area(
              'on_track',
              [thresholds.absorption, thresholds.capaian],
              [xMax, yMax],
              'insideTopRight',
            ),
            area(
              'lagging',
              [0, 0],
              [thresholds.absorption, thresholds.capaian],
              'insideBottomLeft',
            ),
            area(
              'spending_without_results',
              [thresholds.absorption, 0],
              [xMax, thresholds.capaian],
              'insideBottomRight',
            ),
          ] as never,
        },
      },
    ],
  };
}

/** Indicators per band (and not assessed) as a donut, each slice named with its count and share. */
export function bandsOption(
  counts: Record<CapaianBand, number>,
  notAssessed: number,
  labels: BandLabels,
  compact: boolean,
): ChartOption {
  const slices = [
    ...capaianBands.map((band) => ({
      name: labels[band],
      value: counts[band],
      itemStyle: { color: bandChartColors[band] },
    })),
    { name: t.notAssessed, value: notAssessed, itemStyle: { color: notAssessedColor } },
  ].filter((slice) => slice.value > 0);
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const share = (value: number) =>
    total === 0 ? '0 %' : `${axisNumber(Math.round((value / total) * 1000) / 10)} %`;
  return {
    ...base(),
    tooltip: {
      confine: true,
      trigger: 'item',
      formatter: (params: unknown) => {
        const slice = slices[firstIndex(params)];
        if (!slice) return '';
        return `<strong>${escapeHtml(slice.name)}</strong><br/>${t.indicatorCount(
          slice.value,
        )} (${share(slice.value)})`;
      },
    },
    // The legend names each band with its count and share: small slices need no crowded labels.
    legend: {
      ...(compact
        ? { bottom: 0, left: 'center' }
        : { orient: 'vertical' as const, left: '56%', top: 'middle' }),
      textStyle: { color: textColor, fontSize: compact ? 11 : 12 },
      formatter: (name: string) => {
        const slice = slices.find((s) => s.name === name);
        return slice ? `${name}: ${slice.value} (${share(slice.value)})` : name;
      },
    },
    series: [
      {
        type: 'pie',
        // The donut keeps its own box, clear of the legend (right on wide screens, below on phones).
        ...(compact ? { bottom: 80 } : { right: '46%' }),
        radius: ['45%', '75%'],
        data: slices,
        label: { show: false },
      },
    ],
  };
}

export interface BudgetBar {
  name: string;
  ceiling: string;
  realised: string;
}

/** Ceiling against realised spending to date, per sub kegiatan (horizontal, Rupiah axis). */
export function budgetOption(rows: readonly BudgetBar[], compact: boolean): ChartOption {
  const shown = [...rows].reverse();
  return {
    ...base(),
    grid: grid(36),
    legend: { top: 0, textStyle: { color: textColor } },
    tooltip: {
      confine: true,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = shown[firstIndex(params)];
        if (!row) return '';
        return `<strong>${escapeHtml(row.name)}</strong><br/>${t.budgetCeiling}: ${escapeHtml(
          formatRp(row.ceiling),
        )}<br/>${t.budgetRealised}: ${escapeHtml(formatRp(row.realised))}`;
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => shortRupiah(v), color: textColor, hideOverlap: true },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: categoryLabel(compact, 280),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: t.budgetCeiling,
        data: shown.map((r) => plotValue(r.ceiling)),
        itemStyle: { color: '#a0bfe4' },
        barMaxWidth: 16,
      },
      {
        type: 'bar',
        name: t.budgetRealised,
        data: shown.map((r) => plotValue(r.realised)),
        itemStyle: { color: '#134f8f' },
        barMaxWidth: 16,
      },
    ],
  };
}

export interface HistoryPoint {
  label: string;
  target:
    | { kind: 'number'; value: string }
    | { kind: 'range'; low: string; high: string }
    | { kind: 'scale'; code: string }
    | null;
  realisasi: { kind: 'number'; value: string } | { kind: 'scale'; code: string } | null;
  capaian: Capaian;
}

/**
 * An indicator across quarters and years: the target path (a line; a range as its two bounds)
 * against the counted realisasi (bars). A scale indicator (codes, nothing to plot) shows its
 * capaian to date instead.
 */
export function historyOption(points: readonly HistoryPoint[], satuan: string): ChartOption {
  const numeric = points.some(
    (p) => p.realisasi?.kind === 'number' || (p.target && p.target.kind !== 'scale'),
  );
  const categories = points.map((p) => p.label);
  const tooltip = {
    confine: true,
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const p = points[firstIndex(params)];
      if (!p) return '';
      return [
        `<strong>${escapeHtml(p.label)}</strong>`,
        `${t.target}: ${escapeHtml(targetLabel(p.target))}`,
        `${t.realisasi}: ${escapeHtml(realisasiLabel(p.realisasi))}`,
        `${t.capaianToDate}: ${escapeHtml(capaianText(p.capaian))}`,
      ].join('<br/>');
    },
  };
  if (!numeric) {
    const values = points.map((p) => plotCapaian(p.capaian));
    return {
      ...base(),
      grid: grid(36, { bottom: 8 }),
      legend: { top: 0, textStyle: { color: textColor } },
      tooltip,
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { color: textColor, rotate: 0, hideOverlap: true },
      },
      yAxis: percentAxis(percentMax(values)),
      series: [
        {
          type: 'line',
          name: t.capaianToDate,
          data: values,
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: '#134f8f' },
        },
      ],
    };
  }
  const low = points.map((p) =>
    p.target?.kind === 'number'
      ? plotValue(p.target.value)
      : p.target?.kind === 'range'
        ? plotValue(p.target.low)
        : null,
  );
  const high = points.map((p) => (p.target?.kind === 'range' ? plotValue(p.target.high) : null));
  const hasRange = high.some((v) => v !== null);
  const realised = points.map((p) =>
    p.realisasi?.kind === 'number' ? plotValue(p.realisasi.value) : null,
  );
  return {
    ...base(),
    grid: grid(36, { bottom: 8 }),
    legend: { top: 0, textStyle: { color: textColor } },
    tooltip,
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { color: textColor, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: satuan,
      nameTextStyle: { color: textColor, align: 'left' },
      axisLabel: { formatter: (v: number) => axisNumber(v), color: textColor },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    series: [
      {
        type: 'bar',
        name: t.realisasi,
        data: realised,
        itemStyle: { color: '#134f8f' },
        barMaxWidth: 28,
      },
      {
        type: 'line',
        name: hasRange ? t.targetLow : t.target,
        data: low,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { type: 'dashed', width: 2 },
        itemStyle: { color: '#e8590c' },
      },
      ...(hasRange
        ? [
            {
              type: 'line' as const,
              name: t.targetHigh,
              data: high,
              connectNulls: false,
              symbol: 'circle',
              symbolSize: 6,
              lineStyle: { type: 'dashed' as const, width: 2 },
              itemStyle: { color: '#f59f00' },
            },
          ]
        : []),
    ],
  };
}

export interface ScoreBar {
  unitName: string;
  score: string | null;
  band: CapaianBand | null;
  proposal: 'appreciation' | 'evaluation' | null;
}

/** Appreciation scores per PD (best at the top) with the evaluation threshold. */
export function scoresOption(
  rows: readonly ScoreBar[],
  threshold: number,
  labels: BandLabels,
  compact: boolean,
): ChartOption {
  const shown = [...rows].reverse();
  const values = shown.map((r) => plotValue(r.score));
  return {
    ...base(),
    grid: grid(28, { right: compact ? 56 : 72 }),
    tooltip: {
      confine: true,
      trigger: 'item',
      formatter: (params: unknown) => {
        const row = shown[firstIndex(params)];
        if (!row) return '';
        const proposal = row.proposal ? ` · ${t.proposals[row.proposal]}` : '';
        return `<strong>${escapeHtml(row.unitName)}</strong><br/>${t.score}: ${escapeHtml(
          percentText(row.score),
        )}${row.band ? ` · ${escapeHtml(labels[row.band])}` : ''}${escapeHtml(proposal)}`;
      },
    },
    xAxis: percentAxis(percentMax(values), compact, compact ? 50 : 20),
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.unitName),
      axisLabel: categoryLabel(compact, 200),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: shown.map((r, i) => ({
          value: values[i] ?? 0,
          itemStyle: { color: r.band ? bandChartColors[r.band] : 'transparent' },
          label: {
            show: true,
            position: 'right' as const,
            fontSize: 11,
            color: textColor,
            formatter: r.score === null ? t.notAssessed : percentText(r.score),
          },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#c92a2a', type: 'dashed', width: 1.5 },
          label: {
            formatter: `${t.evaluationThreshold} ${axisNumber(threshold)} %`,
            color: '#8f1d1d',
            fontSize: 11,
            position: 'end',
          },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
}
