import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconAward, IconChartDots } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { capaianBands } from '../../../shared/codes.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { useSession } from '../../session.js';
import { BandBadge, type BandLabels, defaultBandLabels } from './bands.js';
import { PeriodFilter, usePeriodSearch } from './filters.js';
import { capaianText, quarterName, rulesFrom } from './format.js';
import { bandLabelsFrom, StatCard, useCompact } from './parts.js';
import {
  BandsChart,
  ObjectivesChart,
  ScatterChart,
  sharePercent,
  TrendChart,
} from './pemda-charts.js';
import { type Period, pemdaDashboardQuery } from './queries.js';
import { LateUnits, RankingTable } from './ranking-table.js';
import { dashboardStrings as t } from './strings.js';
import type { PemdaDashboard } from './types.js';

/** /dasbor: the Kepala Daerah's view of the whole Pemda for one quarter. */
export function PemdaDashboardPage() {
  const [period, setPeriod] = usePeriodSearch();
  const query = useQuery(pemdaDashboardQuery(period));
  const session = useSession();

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.pemdaTitle}
        description={session.tenant?.name}
        actions={
          <Button
            component={AnchorLink}
            to="/dasbor/apresiasi"
            variant="light"
            leftSection={<IconAward size={16} aria-hidden />}
          >
            {t.appreciationLink}
          </Button>
        }
      />
      {query.isPending ? (
        <LoadingRows rows={8} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PemdaView data={query.data} onPeriod={setPeriod} />
      )}
    </Stack>
  );
}

function PemdaView({ data, onPeriod }: { data: PemdaDashboard; onPeriod: (p: Period) => void }) {
  const compact = useCompact();
  const rules = useMemo(() => rulesFrom(data.bands, data.cap), [data.bands, data.cap]);
  const labels = useMemo(() => bandLabelsFrom(data.bands, defaultBandLabels), [data.bands]);
  const period = { year: data.year, quarter: data.quarter };
  const nothingCounted = data.summary.assessed === 0;
  const when = `${quarterName(data.quarter)} ${data.year}`;

  return (
    <Stack gap="md">
      <PeriodFilter
        years={data.years}
        year={data.year}
        quarter={data.quarter}
        deadline={data.deadline}
        onChange={onPeriod}
      />
      <Text size="xs" c="dimmed">
        {data.basis.description}
      </Text>
      {nothingCounted && (
        <Paper withBorder data-testid="dashboard-empty">
          <EmptyState
            icon={<IconChartDots size={26} aria-hidden />}
            title={t.emptyQuarter}
            description={data.units.length === 0 ? t.emptyYearHelp(data.year) : t.emptyQuarterHelp}
          />
        </Paper>
      )}
      {data.units.length === 0 ? null : nothingCounted ? (
        // Nothing approved yet: the ranking still tells who has sent what, and who is late.
        <RankingTable data={data} labels={labels} rules={rules} period={period} />
      ) : (
        <>
          <SummaryCards data={data} labels={labels} when={when} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ObjectivesChart data={data} labels={labels} compact={compact} period={period} />
            <BandsChart data={data} labels={labels} compact={compact} period={period} />
          </SimpleGrid>
          <RankingTable data={data} labels={labels} rules={rules} period={period} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <TrendChart data={data} labels={labels} period={period} />
            <ScatterChart data={data} compact={compact} period={period} />
          </SimpleGrid>
        </>
      )}
      {data.units.length > 0 && <LateUnits data={data} period={period} />}
    </Stack>
  );
}

function SummaryCards({
  data,
  labels,
  when,
}: {
  data: PemdaDashboard;
  labels: BandLabels;
  when: string;
}) {
  const { summary } = data;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <StatCard
        testId="summary-capaian"
        label={t.summaryCapaian}
        value={capaianText(summary.capaian)}
        extra={
          <BandBadge
            band={summary.capaian.assessed ? summary.capaian.band : null}
            labels={labels}
          />
        }
        detail={t.summaryCapaianDetail(when)}
      />
      <StatCard
        label={t.summaryAssessed}
        value={t.ofTotal(summary.assessed, summary.indicators)}
        detail={t.summaryNotAssessed(summary.notAssessed)}
      />
      <StatCard
        label={t.summaryLate}
        value={String(data.lateUnits.length)}
        extra={
          data.lateUnits.length > 0 ? (
            <ThemeIcon size="sm" color="red" variant="light">
              <IconAlertTriangle size={14} aria-hidden />
            </ThemeIcon>
          ) : undefined
        }
        detail={t.summaryLateDetail(formatDate(data.deadline))}
      />
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t.summaryBands}
          </Text>
          <Stack gap={4}>
            {capaianBands.map((band) => (
              <Group key={band} justify="space-between" gap="xs" wrap="nowrap">
                <BandBadge band={band} labels={labels} size="xs" />
                <Text size="sm" fw={600}>
                  {summary.bandCounts[band]}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({sharePercent(summary.bandCounts[band], summary.indicators)})
                  </Text>
                </Text>
              </Group>
            ))}
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <BandBadge band={null} labels={labels} size="xs" />
              <Text size="sm" fw={600}>
                {summary.notAssessed}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({sharePercent(summary.notAssessed, summary.indicators)})
                </Text>
              </Text>
            </Group>
          </Stack>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
