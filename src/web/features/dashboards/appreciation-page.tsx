import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconAward, IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ChartCard } from '../../components/chart/chart-card.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { BandBadge, type BandLabels, defaultBandLabels } from './bands.js';
import { barsHeight, scoresOption } from './charts.js';
import { PeriodFilter, usePeriodSearch } from './filters.js';
import { axisNumber, percentText, quarterName } from './format.js';
import { bandLabelsFrom, ExcelLink, useCompact } from './parts.js';
import { appreciationQuery, exportUrl, type Period } from './queries.js';
import { dashboardStrings as t } from './strings.js';
import type { Appreciation } from './types.js';

type RankingRow = Appreciation['ranking'][number];

const crumbs = [{ label: t.pemdaTitle, to: '/dasbor' }, { label: t.appreciationTitle }];

/** /dasbor/apresiasi: PD ranked by score, with the appreciation and evaluation proposals. */
export function AppreciationPage() {
  const [period, setPeriod] = usePeriodSearch();
  const query = useQuery(appreciationQuery(period));
  return (
    <Stack gap={0}>
      <PageHeader
        title={t.appreciationTitle}
        description={t.appreciationDescription}
        crumbs={crumbs}
      />
      {query.isPending ? (
        <LoadingRows rows={8} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <AppreciationView data={query.data} onPeriod={setPeriod} />
      )}
    </Stack>
  );
}

function AppreciationView({
  data,
  onPeriod,
}: {
  data: Appreciation;
  onPeriod: (p: Period) => void;
}) {
  const compact = useCompact();
  const labels = useMemo(() => bandLabelsFrom(data.bands, defaultBandLabels), [data.bands]);
  const period = { year: data.year, quarter: data.quarter };
  const appreciation = data.ranking.filter((r) => r.proposal === 'appreciation');
  const evaluation = data.ranking.filter((r) => r.proposal === 'evaluation');
  const scored = data.ranking.filter((r) => r.score !== null);
  const option = useMemo(
    () => scoresOption(data.ranking, data.settings.evaluationThreshold, labels, compact),
    [data.ranking, data.settings.evaluationThreshold, labels, compact],
  );
  const search = { tahun: data.year, triwulan: data.quarter };

  return (
    <Stack gap="md">
      <PeriodFilter
        years={data.years}
        year={data.year}
        quarter={data.quarter}
        onChange={onPeriod}
      />
      <Text size="xs" c="dimmed">
        {data.basis.description}
      </Text>
      <Paper withBorder p="md" component="section" data-testid="appreciation-settings">
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap">
            <IconSettings size={18} aria-hidden />
            <Title order={2} fz="md">
              {t.settingsTitle}
            </Title>
          </Group>
          <List size="sm" spacing={2}>
            <List.Item>{t.settingScore(quarterName(data.quarter), data.year)}</List.Item>
            <List.Item>{t.settingIku(axisNumber(data.settings.ikuWeight))}</List.Item>
            <List.Item>{t.settingCount(data.settings.appreciationCount)}</List.Item>
            <List.Item>
              {t.settingThreshold(axisNumber(data.settings.evaluationThreshold))}
            </List.Item>
          </List>
        </Stack>
      </Paper>
      {scored.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t.emptyQuarter} description={t.emptyQuarterHelp} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ProposalList
            title={t.appreciationListTitle}
            rows={appreciation}
            kind="appreciation"
            empty={t.appreciationListEmpty}
            search={search}
          />
          <ProposalList
            title={t.evaluationListTitle}
            rows={evaluation}
            kind="evaluation"
            empty={t.evaluationListEmpty}
            search={search}
          />
        </SimpleGrid>
      )}
      <ChartCard
        title={t.scoresTitle}
        description={t.scoresDescription}
        option={option}
        height={barsHeight(data.ranking.length)}
        exportHref={exportUrl({ view: 'appreciation', table: 'ranking' }, period)}
        emptyText={t.emptyQuarter}
        columns={[
          { label: t.colRank },
          { label: t.colUnit },
          { label: t.score, numeric: true },
          { label: t.colBand },
          { label: t.colProposal },
        ]}
        rows={
          scored.length === 0
            ? []
            : data.ranking.map((r) => ({
                key: r.unitId,
                cells: [
                  r.rank === null ? '–' : String(r.rank),
                  r.unitName,
                  percentText(r.score),
                  <BandBadge key="b" band={r.band} labels={labels} size="xs" />,
                  r.proposal ? t.proposals[r.proposal] : '–',
                ],
              }))
        }
        tableMinWidth={560}
        testId="chart-scores"
      />
      <RankingTable data={data} labels={labels} period={period} search={search} />
    </Stack>
  );
}

export function ProposalBadge({ proposal }: { proposal: RankingRow['proposal'] }) {
  if (!proposal) return null;
  const appreciation = proposal === 'appreciation';
  return (
    <Badge
      variant="light"
      size="sm"
      bg={appreciation ? '#d3f9d8' : '#ffe3e3'}
      c={appreciation ? '#1b5e20' : '#8f1d1d'}
      leftSection={
        appreciation ? (
          <IconAward size={12} aria-hidden />
        ) : (
          <IconAlertTriangle size={12} aria-hidden />
        )
      }
      style={{ textTransform: 'none', flexShrink: 0 }}
      miw="max-content"
    >
      {t.proposals[proposal]}
    </Badge>
  );
}

function ProposalList({
  title,
  rows,
  kind,
  empty,
  search,
}: {
  title: string;
  rows: RankingRow[];
  kind: 'appreciation' | 'evaluation';
  empty: string;
  search: { tahun: number; triwulan: number };
}) {
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      data-testid={`proposals-${kind}`}
      style={{
        borderLeft: `4px solid ${kind === 'appreciation' ? '#2b8a3e' : '#c92a2a'}`,
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          {kind === 'appreciation' ? (
            <IconAward size={18} aria-hidden />
          ) : (
            <IconAlertTriangle size={18} aria-hidden />
          )}
          <Title order={2} fz="md">
            {title}
          </Title>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <List spacing={6} listStyleType="none">
            {rows.map((r) => (
              <List.Item key={r.unitId}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={700} w={24}>
                      {r.rank ?? '–'}
                    </Text>
                    <AnchorLink
                      to="/dasbor/unit/$unitId"
                      params={{ unitId: r.unitId }}
                      search={search as never}
                      size="sm"
                    >
                      {r.unitName}
                    </AnchorLink>
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {percentText(r.score)}
                    </Text>
                    <ProposalBadge proposal={r.proposal} />
                  </Group>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

function NotesCell({ notes }: { notes: RankingRow['notes'] }) {
  if (notes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t.noNotes}
      </Text>
    );
  }
  const sorted = [...notes].sort((a, b) => a.quarter - b.quarter);
  return (
    <Stack gap={4}>
      {sorted.map((note) => (
        <Text key={`${note.quarter}-${note.createdAt}`} size="xs" lineClamp={3} title={note.note}>
          <Text span fw={700} size="xs">
            {quarterName(note.quarter)}:
          </Text>{' '}
          {note.note}{' '}
          <Text span c="dimmed" size="xs">
            — {note.authorName}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

function RankingTable({
  data,
  labels,
  period,
  search,
}: {
  data: Appreciation;
  labels: BandLabels;
  period: Period;
  search: { tahun: number; triwulan: number };
}) {
  return (
    <Paper withBorder component="section" data-testid="appreciation-ranking">
      <Group justify="space-between" p={{ base: 'sm', sm: 'md' }} pb={0} gap="xs">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Title order={2} fz="md">
            {t.appreciationRankingTitle}
          </Title>
          <Text size="xs" c="dimmed">
            {t.appreciationRankingDescription}
          </Text>
        </Stack>
        <ExcelLink
          href={exportUrl({ view: 'appreciation', table: 'ranking' }, period)}
          tableTitle={t.appreciationRankingTitle}
        />
      </Group>
      {data.ranking.length === 0 ? (
        <EmptyState title={t.rankingEmpty} description={t.rankingEmptyHelp} />
      ) : (
        <DataTable
          minWidth={960}
          head={
            <>
              <Table.Th w={56}>{t.colRank}</Table.Th>
              <Table.Th>{t.colUnit}</Table.Th>
              <Table.Th ta="right">{t.score}</Table.Th>
              <Table.Th>{t.colBand}</Table.Th>
              <Table.Th ta="right">{t.colAssessed}</Table.Th>
              <Table.Th>{t.colProposal}</Table.Th>
              <Table.Th w={340}>{t.colNotes}</Table.Th>
            </>
          }
        >
          {data.ranking.map((r) => (
            <Table.Tr key={r.unitId} data-testid={`appreciation-row-${r.unitId}`}>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {r.rank ?? '–'}
                </Text>
              </Table.Td>
              <Table.Td>
                <AnchorLink
                  to="/dasbor/unit/$unitId"
                  params={{ unitId: r.unitId }}
                  search={search as never}
                  size="sm"
                  fw={600}
                >
                  {r.unitName}
                </AnchorLink>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {percentText(r.score)}
                </Text>
              </Table.Td>
              <Table.Td>
                <BandBadge band={r.band} labels={labels} size="xs" />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{t.ofTotal(r.assessed, r.indicators)}</Text>
                <Text size="xs" c="dimmed">
                  {t.ikuCount(r.iku)}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.proposal ? <ProposalBadge proposal={r.proposal} /> : <Text size="sm">–</Text>}
              </Table.Td>
              <Table.Td>
                <NotesCell notes={r.notes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
