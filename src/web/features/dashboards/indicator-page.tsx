import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileText, IconMessage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import type { Aggregation, CalcMethod } from '../../../shared/codes.js';
import { ChartCard } from '../../components/chart/chart-card.js';
import { DataTable } from '../../components/data-table.js';
import { type Crumb, PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { BandBadge, type BandLabels, defaultBandLabels } from './bands.js';
import { type HistoryPoint, historyOption } from './charts.js';
import { usePeriodSearch } from './filters.js';
import {
  capaianText,
  fileSizeText,
  quarterName,
  quarterNames,
  realisasiText,
  targetText,
} from './format.js';
import { bandLabelsFrom } from './parts.js';
import { evidenceUrl, exportUrl, indicatorDashboardQuery } from './queries.js';
import { dashboardStrings as t } from './strings.js';
import type { IndicatorDashboard } from './types.js';

/** /dasbor/indikator/$indicatorId: one indicator's target path, history, narrative and evidence. */
export function IndicatorPage() {
  const { indicatorId } = useParams({ strict: false }) as { indicatorId: string };
  const [period, setPeriod] = usePeriodSearch();
  const query = useQuery(indicatorDashboardQuery(indicatorId, period.year));
  if (query.isPending || query.isError) {
    return (
      <Stack gap={0}>
        <PageHeader
          title={query.isPending ? t.loadingTitle : t.indicatorErrorTitle}
          crumbs={[{ label: t.pemdaTitle, to: '/dasbor' }]}
        />
        {query.isPending ? (
          <LoadingRows rows={8} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return (
    <IndicatorView
      data={query.data}
      onYear={(year) => setPeriod({ year, quarter: period.quarter })}
    />
  );
}

function IndicatorView({
  data,
  onYear,
}: {
  data: IndicatorDashboard;
  onYear: (year: number) => void;
}) {
  const labels = useMemo(() => bandLabelsFrom(data.bands, defaultBandLabels), [data.bands]);
  const crumbs: Crumb[] = [
    { label: t.pemdaTitle, to: '/dasbor' },
    ...(data.unit
      ? [{ label: data.unit.name, to: '/dasbor/unit/$unitId', params: { unitId: data.unit.id } }]
      : []),
    { label: data.indicator.name },
  ];
  const years = [...new Set([...data.years.map((y) => y.year), data.year])].sort((a, b) => b - a);
  return (
    <Stack gap={0}>
      <PageHeader
        title={data.indicator.name}
        crumbs={crumbs}
        badges={
          data.indicator.isIku ? (
            <Badge variant="filled" color="amanah">
              IKU
            </Badge>
          ) : undefined
        }
        description={data.indicator.objectiveTitle}
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <Select
            label={t.filterYear}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={String(data.year)}
            onChange={(value) => value && onYear(Number(value))}
            allowDeselect={false}
            w={{ base: '100%', xs: 130 }}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {data.basis.description}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <IndicatorFacts data={data} />
          <TargetCard data={data} />
        </SimpleGrid>
        <HistoryChart data={data} labels={labels} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Narrative data={data} />
          <Evidence data={data} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function IndicatorFacts({ data }: { data: IndicatorDashboard }) {
  const { indicator, agreement } = data;
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap={6}>
        <Title order={2} fz="md">
          {t.factsTitle}
        </Title>
        <Fact label={t.factUnit}>{data.unit?.name ?? t.pemdaWide}</Fact>
        <Fact label={t.factAgreement}>
          {t.levels[agreement.level]} · {agreement.positionTitle}
          <Text size="xs" c="dimmed">
            {agreement.firstPartyName}
          </Text>
        </Fact>
        <Fact label={t.factSatuan}>{indicator.satuan || '–'}</Fact>
        <Fact label={t.factMethod}>
          {t.methods[indicator.method as CalcMethod] ?? indicator.method}
        </Fact>
        <Fact label={t.factAggregation}>
          {t.aggregations[indicator.aggregation as Aggregation] ?? indicator.aggregation}
        </Fact>
      </Stack>
    </Paper>
  );
}

function TargetCard({ data }: { data: IndicatorDashboard }) {
  const current = data.years.find((y) => y.year === data.year);
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="xs">
        <Title order={2} fz="md">
          {t.targetsTitle(data.year)}
        </Title>
        <Group gap="lg" wrap="wrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t.annualTarget}
            </Text>
            <Text fw={700} fz="lg">
              {targetText(data.targets.annual)}
            </Text>
          </Stack>
          {current && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t.colCapaianAnnual}
              </Text>
              <Text fw={700} fz="lg">
                {capaianText(current.capaianAnnual)}
              </Text>
            </Stack>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs">
          {quarterNames.map((name, i) => (
            <Paper key={name} withBorder p="xs" bg="gray.0">
              <Text size="xs" c="dimmed">
                {name}
              </Text>
              <Text size="sm">
                {t.targetShort} {targetText(data.targets.quarters[i])}
              </Text>
              <Text size="sm" fw={600}>
                R: {realisasiText(current?.realisasi[i])}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function HistoryChart({ data, labels }: { data: IndicatorDashboard; labels: BandLabels }) {
  const points = useMemo<HistoryPoint[]>(
    () =>
      data.years.flatMap((y) =>
        [0, 1, 2, 3].map((i) => ({
          label: `${quarterNames[i]} ${y.year}`,
          target: y.quarterTargets[i] ?? null,
          realisasi: y.realisasi[i] ?? null,
          capaian: y.capaianToDate[i] ?? {
            assessed: false as const,
            reason: 'no_realisasi' as const,
            message: t.notAssessedHelp,
          },
        })),
      ),
    [data.years],
  );
  const option = useMemo(
    () => historyOption(points, data.indicator.satuan),
    [points, data.indicator.satuan],
  );
  const anything = data.years.some((y) => y.realisasi.some((r) => r !== null));
  return (
    <ChartCard
      title={t.historyTitle}
      description={t.historyDescription}
      option={option}
      height={320}
      exportHref={exportUrl(
        { view: 'indicator', table: 'history', indicatorId: data.indicator.id },
        { year: data.year },
      )}
      emptyText={t.emptyQuarter}
      columns={[
        { label: t.colYear },
        { label: t.colQuarter },
        { label: t.target, numeric: true },
        { label: t.realisasi, numeric: true },
        { label: t.capaianToDate, numeric: true },
        { label: t.colBand },
      ]}
      rows={
        anything
          ? data.years.flatMap((y) =>
              [0, 1, 2, 3].map((i) => {
                const capaian = y.capaianToDate[i];
                return {
                  key: `${y.year}-${i}`,
                  cells: [
                    String(y.year),
                    quarterNames[i],
                    targetText(y.quarterTargets[i]),
                    realisasiText(y.realisasi[i]),
                    capaianText(capaian),
                    <BandBadge
                      key="b"
                      band={capaian?.assessed ? capaian.band : null}
                      labels={labels}
                      size="xs"
                    />,
                  ],
                };
              }),
            )
          : []
      }
      tableMinWidth={620}
      testId="chart-history"
    />
  );
}

const narrativeShown = 4;

function Narrative({ data }: { data: IndicatorDashboard }) {
  const [all, setAll] = useState(false);
  const shown = all ? data.narrative : data.narrative.slice(0, narrativeShown);
  const hidden = data.narrative.length - shown.length;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconMessage size={18} aria-hidden />
          <Title order={2} fz="md">
            {t.narrativeTitle}
          </Title>
        </Group>
        {data.narrative.length === 0 ? (
          <EmptyState title={t.narrativeEmpty} description={t.narrativeEmptyHelp} />
        ) : (
          shown.map((n) => (
            <Paper key={`${n.year}-${n.quarter}`} withBorder p="sm" bg="gray.0">
              <Text size="sm" fw={700} mb={4}>
                {quarterName(n.quarter)} {n.year}
              </Text>
              <Stack gap={6}>
                {(
                  [
                    [t.narrativeAnalysis, n.analysis],
                    [t.narrativeObstacles, n.obstacles],
                    [t.narrativeFollowUp, n.followUp],
                  ] as const
                )
                  .filter(([, text]) => text.trim() !== '')
                  .map(([label, text]) => (
                    <div key={label}>
                      <Text size="xs" fw={600} c="dimmed">
                        {label}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {text}
                      </Text>
                    </div>
                  ))}
              </Stack>
            </Paper>
          ))
        )}
        {(hidden > 0 || all) && data.narrative.length > narrativeShown && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setAll(!all)}
            style={{ alignSelf: 'flex-start' }}
          >
            {all ? t.narrativeFewer : t.narrativeMore(hidden)}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Evidence({ data }: { data: IndicatorDashboard }) {
  const timeZone = useTimeZone();
  return (
    <Paper withBorder component="section">
      <Group gap="xs" wrap="nowrap" p={{ base: 'sm', sm: 'md' }} pb="xs">
        <IconFileText size={18} aria-hidden />
        <Title order={2} fz="md">
          {t.evidenceTitle}
        </Title>
      </Group>
      {data.evidence.length === 0 ? (
        <EmptyState title={t.evidenceEmpty} description={t.evidenceEmptyHelp} />
      ) : (
        <DataTable
          minWidth={520}
          head={
            <>
              <Table.Th>{t.evidenceFile}</Table.Th>
              <Table.Th>{t.colQuarter}</Table.Th>
              <Table.Th ta="right">{t.evidenceSize}</Table.Th>
              <Table.Th>{t.evidenceUploaded}</Table.Th>
            </>
          }
        >
          {data.evidence.map((file) => (
            <Table.Tr key={file.id}>
              <Table.Td>
                <Anchor
                  href={evidenceUrl(file.id)}
                  download={file.fileName}
                  size="sm"
                  aria-label={t.evidenceDownload(file.fileName)}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconDownload size={14} aria-hidden style={{ flexShrink: 0 }} />
                    <span>{file.fileName}</span>
                  </Group>
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {quarterName(file.quarter)} {file.year}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {fileSizeText(file.sizeBytes)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(file.createdAt, timeZone)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
