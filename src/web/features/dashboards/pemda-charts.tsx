import { Group, List, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { capaianBands } from '../../../shared/codes.js';
import { ChartCard } from '../../components/chart/chart-card.js';
import { BandBadge, type BandLabels } from './bands.js';
import {
  bandsOption,
  barsHeight,
  capaianBarsOption,
  quadrantColors,
  scatterOption,
  trendOption,
} from './charts.js';
import { capaianText, percentText, quarterName } from './format.js';
import { exportUrl, type Period } from './queries.js';
import { dashboardStrings as t } from './strings.js';
import type { PemdaDashboard, Quadrant } from './types.js';

/** The charts of the Pemda dashboard (/dasbor), each with its table view and downloads. */

export const shareFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** A count's share of a total, for people ("34,3 %"). */
export function sharePercent(count: number, total: number): string {
  return total === 0 ? '0 %' : `${shareFormat.format((count / total) * 100)} %`;
}

export function ObjectivesChart({
  data,
  labels,
  compact,
  period,
}: {
  data: PemdaDashboard;
  labels: BandLabels;
  compact: boolean;
  period: Period;
}) {
  const counted = data.objectives.filter((o) => o.capaian.assessed);
  const option = useMemo(
    () =>
      capaianBarsOption(
        data.objectives.map((o) => ({ name: o.title, capaian: o.capaian })),
        labels,
        compact,
      ),
    [data.objectives, labels, compact],
  );
  return (
    <ChartCard
      title={t.objectivesTitle}
      description={t.objectivesDescription}
      option={option}
      height={barsHeight(data.objectives.length)}
      exportHref={exportUrl({ view: 'pemda', table: 'objectives' }, period)}
      emptyText={data.objectives.length === 0 ? t.objectivesNone : t.emptyQuarter}
      columns={[
        { label: t.colObjective },
        { label: t.colCapaian, numeric: true },
        { label: t.colBand },
        { label: t.colAssessed, numeric: true },
        { label: t.colSource },
      ]}
      rows={
        counted.length === 0
          ? []
          : data.objectives.map((o) => ({
              key: o.id,
              cells: [
                o.title,
                capaianText(o.capaian),
                <BandBadge
                  key="band"
                  band={o.capaian.assessed ? o.capaian.band : null}
                  labels={labels}
                  size="xs"
                />,
                o.source === 'cascade'
                  ? t.ofTotal(0, o.supportingIndicators)
                  : t.ofTotal(o.assessed, o.indicators),
                t.objectiveSource[o.source],
              ],
            }))
      }
      tableMinWidth={640}
      testId="chart-objectives"
    />
  );
}

export function BandsChart({
  data,
  labels,
  compact,
  period,
}: {
  data: PemdaDashboard;
  labels: BandLabels;
  compact: boolean;
  period: Period;
}) {
  const { summary } = data;
  const option = useMemo(
    () => bandsOption(summary.bandCounts, summary.notAssessed, labels, compact),
    [summary, labels, compact],
  );
  const total = summary.indicators;
  return (
    <ChartCard
      title={t.bandsTitle}
      description={t.bandsDescription}
      option={option}
      height={compact ? 320 : Math.max(280, barsHeight(data.objectives.length))}
      exportHref={exportUrl({ view: 'pemda', table: 'bands' }, period)}
      emptyText={t.emptyQuarter}
      columns={[
        { label: t.colBand },
        { label: t.colIndicators, numeric: true },
        { label: t.colShare, numeric: true },
      ]}
      rows={
        summary.assessed === 0
          ? []
          : [
              ...capaianBands.map((band) => ({
                key: band,
                cells: [
                  <BandBadge key="b" band={band} labels={labels} size="xs" />,
                  String(summary.bandCounts[band]),
                  sharePercent(summary.bandCounts[band], total),
                ],
              })),
              {
                key: 'none',
                cells: [
                  <BandBadge key="b" band={null} labels={labels} size="xs" />,
                  String(summary.notAssessed),
                  sharePercent(summary.notAssessed, total),
                ],
              },
            ]
      }
      testId="chart-bands"
    />
  );
}

export function TrendChart({
  data,
  labels,
  period,
}: {
  data: PemdaDashboard;
  labels: BandLabels;
  period: Period;
}) {
  const option = useMemo(() => trendOption(data.trend), [data.trend]);
  const anything = data.trend.some((p) => p.capaian.assessed);
  return (
    <ChartCard
      title={t.trendTitle}
      description={t.trendDescription}
      option={option}
      height={360}
      exportHref={exportUrl({ view: 'pemda', table: 'trend' }, period)}
      emptyText={t.emptyQuarter}
      columns={[
        { label: t.colYear },
        { label: t.colQuarter },
        { label: t.colCapaian, numeric: true },
        { label: t.colBand },
      ]}
      rows={
        anything
          ? data.trend.map((p) => ({
              key: `${p.year}-${p.quarter}`,
              cells: [
                String(p.year),
                quarterName(p.quarter),
                capaianText(p.capaian),
                <BandBadge
                  key="b"
                  band={p.capaian.assessed ? p.capaian.band : null}
                  labels={labels}
                  size="xs"
                />,
              ],
            }))
          : []
      }
      testId="chart-trend"
    />
  );
}

export function ScatterChart({
  data,
  compact,
  period,
}: {
  data: PemdaDashboard;
  compact: boolean;
  period: Period;
}) {
  const option = useMemo(
    () => scatterOption(data.scatter, data.scatterThresholds, compact),
    [data.scatter, data.scatterThresholds, compact],
  );
  const spenders = data.scatter.filter((p) => p.quadrant === 'spending_without_results');
  const quadrantOrder: Quadrant[] = [
    'spending_without_results',
    'on_track',
    'efficient',
    'lagging',
  ];
  return (
    <ChartCard
      title={t.scatterTitle}
      description={t.scatterDescription(
        shareFormat.format(data.scatterThresholds.capaian),
        shareFormat.format(data.scatterThresholds.absorption),
      )}
      option={option}
      height={compact ? 340 : 360}
      exportHref={exportUrl({ view: 'pemda', table: 'scatter' }, period)}
      emptyText={t.scatterEmpty}
      columns={[
        { label: t.colUnit },
        { label: t.colCapaian, numeric: true },
        { label: t.colAbsorption, numeric: true },
        { label: t.colQuadrant },
      ]}
      rows={data.scatter.map((p) => ({
        key: p.unitId,
        cells: [
          p.unitName,
          percentText(p.capaian),
          percentText(p.absorption),
          t.quadrants[p.quadrant],
        ],
      }))}
      legend={
        <Stack gap={6}>
          <List size="xs" spacing={2} listStyleType="none">
            {quadrantOrder.map((q) => (
              <List.Item key={q}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <QuadrantMark quadrant={q} />
                  <Text size="xs" fw={q === 'spending_without_results' ? 700 : 400}>
                    {t.quadrants[q]}: {t.quadrantHelp[q]} (
                    {data.scatter.filter((p) => p.quadrant === q).length} PD)
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
          {spenders.length > 0 && (
            <Text size="xs" c="red.9">
              <strong>{t.quadrants.spending_without_results}:</strong>{' '}
              {spenders.map((p) => p.unitName).join(', ')}
            </Text>
          )}
        </Stack>
      }
      tableMinWidth={560}
      testId="chart-scatter"
    />
  );
}

/** The chart's marker shape and colour beside each quadrant's name. */
function QuadrantMark({ quadrant }: { quadrant: Quadrant }) {
  const color = quadrantColors[quadrant];
  const shape =
    quadrant === 'on_track' ? (
      <circle cx="6" cy="6" r="5" fill={color} />
    ) : quadrant === 'efficient' ? (
      <path d="M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z" fill={color} />
    ) : quadrant === 'spending_without_results' ? (
      <path d="M6 0.5 L11.5 11.5 L0.5 11.5 Z" fill={color} />
    ) : (
      <rect x="1" y="1" width="10" height="10" fill={color} />
    );
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden
      style={{ flexShrink: 0, marginTop: 2 }}
    >
      {shape}
    </svg>
  );
}
