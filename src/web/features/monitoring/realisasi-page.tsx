import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconLock, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatNumber, todayIn } from '../../lib/format.js';
import { useCan, useTimeZone } from '../../session.js';
import { daysBetween, ReportStatusBadge } from './badges.js';
import { ExcelPanel } from './excel-panel.js';
import { openReport, periodsQuery, reportQuery } from './queries.js';
import { levelLabels, quarterLabel, monitoringStrings as t } from './strings.js';
import type { PeriodItem, PeriodQuarter, Periods } from './types.js';

/** Search params the page reads (links from Tugas Saya and notifications). */
interface RealisasiSearch {
  year?: number;
  agreementId?: string;
  quarter?: number;
}

function readSearch(search: unknown): RealisasiSearch {
  const s = (search ?? {}) as Record<string, unknown>;
  const year = Number(s.year);
  const quarter = Number(s.quarter);
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(typeof s.agreementId === 'string' && /^[0-9a-f-]{36}$/i.test(s.agreementId)
      ? { agreementId: s.agreementId }
      : {}),
    ...(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? { quarter } : {}),
  };
}

const ROW_LIMIT = 150;

/** /realisasi: the signed PKs of a year × TW I–IV, to open a quarter report; Excel per unit. */
export function RealisasiPage() {
  const search = readSearch(useRouterState({ select: (s) => s.location.search }));
  const canFill = useCan('fillRealisasi');
  const canApprove = useCan('approveRealisasi');
  const [year, setYear] = useState<number | undefined>(search.year);
  const [mine, setMine] = useState<boolean>(canFill || canApprove);
  const periods = useQuery(periodsQuery({ year, mine }));

  const header = (
    <PageHeader
      title={t.listTitle}
      description={t.listDescription}
      actions={
        canFill && (periods.data?.items.length ?? 0) > 0 ? (
          <Button
            onClick={() =>
              document
                .getElementById('isi-lewat-excel')
                ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
            }
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {t.excelTitle}
          </Button>
        ) : undefined
      }
    />
  );
  const data = periods.data;

  return (
    <>
      {header}
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t.year}
            data={(data?.years.length ? data.years : data ? [data.year] : year ? [year] : [])
              .slice()
              .sort((a, b) => b - a)
              .map((y) => String(y))}
            value={data ? String(data.year) : year ? String(year) : null}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={{ base: '100%', xs: 140 }}
            disabled={!data}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="realisasi-scope">
              {t.scope}
            </Text>
            <SegmentedControl
              aria-labelledby="realisasi-scope"
              value={mine ? 'mine' : 'all'}
              onChange={(v) => setMine(v === 'mine')}
              data={[
                { value: 'mine', label: t.scopeMine },
                { value: 'all', label: t.scopeAll },
              ]}
            />
          </Stack>
        </Group>
        {periods.isPending ? (
          <LoadingRows rows={6} />
        ) : periods.isError ? (
          <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <>
            <PeriodTable periods={periods.data} mine={mine} highlight={search.agreementId} />
            {canFill && periods.data.items.length > 0 && <ExcelPanel periods={periods.data} />}
          </>
        )}
      </Stack>
    </>
  );
}

function PeriodTable({
  periods,
  mine,
  highlight,
}: {
  periods: Periods;
  mine: boolean;
  highlight: string | undefined;
}) {
  const timeZone = useTimeZone();
  const today = todayIn(timeZone);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const items = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const list = periods.items.filter((item) => {
      if (words.length === 0) return true;
      const text = `${item.title} ${item.unitName ?? ''} ${item.firstPartyName}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    // The PK a task pointed at comes first.
    return highlight
      ? [...list].sort(
          (a, b) => Number(b.agreementId === highlight) - Number(a.agreementId === highlight),
        )
      : list;
  }, [periods.items, filter, highlight]);

  if (periods.items.length === 0) {
    return (
      <Paper withBorder>
        <EmptyState
          title={mine ? t.noMineTitle : t.noPeriodsTitle}
          description={mine ? t.noMineBody : t.noPeriodsBody}
        />
      </Paper>
    );
  }
  const shown = showAll ? items : items.slice(0, ROW_LIMIT);

  const list = isPhone ? (
    <Stack gap="sm">
      {shown.map((item) => (
        <PeriodCard
          key={item.agreementId}
          item={item}
          year={periods.year}
          quarters={periods.quarters}
          today={today}
          highlighted={item.agreementId === highlight}
        />
      ))}
    </Stack>
  ) : (
    <Paper withBorder>
      <DataTable
        minWidth={900}
        head={
          <>
            <Table.Th miw={260}>{t.pkColumn}</Table.Th>
            {periods.quarters.map((q) => (
              <Table.Th key={q.quarter} w={140}>
                <Stack gap={0}>
                  <Text size="sm" fw={700}>
                    {quarterLabel(q.quarter)}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
                    {t.deadlineRow} {formatDate(q.deadline)}
                  </Text>
                  <QuarterState quarter={q} today={today} />
                </Stack>
              </Table.Th>
            ))}
          </>
        }
      >
        {shown.map((item) => (
          <PeriodRow
            key={item.agreementId}
            item={item}
            year={periods.year}
            quarters={periods.quarters}
            highlighted={item.agreementId === highlight}
          />
        ))}
      </DataTable>
    </Paper>
  );

  return (
    <Stack gap="xs">
      {periods.items.length > 8 && (
        <TextInput
          label={t.searchPk}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          maw={420}
        />
      )}
      {list}
      {items.length > shown.length && (
        <Group justify="center">
          <UnstyledButton onClick={() => setShowAll(true)}>
            <Text size="sm" c="amanah.8" fw={600}>
              {t.showingCount(formatNumber(shown.length), formatNumber(items.length))} · Tampilkan
              semua
            </Text>
          </UnstyledButton>
        </Group>
      )}
    </Stack>
  );
}

function QuarterState({ quarter, today }: { quarter: Periods['quarters'][number]; today: string }) {
  if (!quarter.open)
    return (
      <Text size="xs" c="dimmed" fw={400}>
        {t.notStarted}
      </Text>
    );
  if (quarter.locked)
    return (
      <Group gap={4} wrap="nowrap">
        <IconLock size={12} aria-hidden />
        <Text size="xs" fw={600}>
          {t.lockedShort}
        </Text>
      </Group>
    );
  const days = daysBetween(today, quarter.deadline);
  return (
    <Text size="xs" fw={600} c={days <= 3 ? '#a33a08' : 'teal.9'}>
      {t.daysLeft(days)}
    </Text>
  );
}

function PeriodRow({
  item,
  year,
  quarters,
  highlighted,
}: {
  item: PeriodItem;
  year: number;
  quarters: Periods['quarters'];
  highlighted: boolean;
}) {
  return (
    <Table.Tr
      data-testid={`period-${item.agreementId}`}
      bg={highlighted ? 'amanah.0' : undefined}
      aria-current={highlighted ? 'true' : undefined}
    >
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Badge variant="outline" size="xs" color="gray.8" c="gray.8" miw="max-content">
            {levelLabels[item.level]}
          </Badge>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {[item.unitName, item.firstPartyName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Table.Td>
      {quarters.map((q) => {
        const cell = item.quarters.find((c) => c.quarter === q.quarter);
        return (
          <Table.Td key={q.quarter}>
            <QuarterCell item={item} year={year} period={q} cell={cell} />
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}

/** On a phone: one card per PK with its four quarters in a grid. */
function PeriodCard({
  item,
  year,
  quarters,
  today,
  highlighted,
}: {
  item: PeriodItem;
  year: number;
  quarters: Periods['quarters'];
  today: string;
  highlighted: boolean;
}) {
  return (
    <Paper
      withBorder
      p="sm"
      bg={highlighted ? 'amanah.0' : undefined}
      data-testid={`period-${item.agreementId}`}
    >
      <Stack gap="xs">
        <Stack gap={2} align="flex-start">
          <Badge variant="outline" size="xs" color="gray.8" c="gray.8" miw="max-content">
            {levelLabels[item.level]}
          </Badge>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {[item.unitName, item.firstPartyName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <SimpleGrid cols={2} spacing="xs">
          {quarters.map((q) => (
            <Stack key={q.quarter} gap={2}>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" fw={700}>
                  {quarterLabel(q.quarter)}
                </Text>
                <QuarterState quarter={q} today={today} />
              </Group>
              <QuarterCell
                item={item}
                year={year}
                period={q}
                cell={item.quarters.find((c) => c.quarter === q.quarter)}
              />
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function QuarterCell({
  item,
  year,
  period,
  cell,
}: {
  item: PeriodItem;
  year: number;
  period: Periods['quarters'][number];
  cell: PeriodQuarter | undefined;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => openReport({ agreementId: item.agreementId, year, quarter: period.quarter }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(reportQuery(detail.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: ['monitoring-periods'] });
      await navigate({ to: '/realisasi/$reportId', params: { reportId: detail.id } });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t.listTitle, message: errorMessage(error) }),
  });

  if (!period.open && !cell?.reportId) {
    return (
      <Text size="xs" c="dimmed">
        –
      </Text>
    );
  }
  const label = t.openQuarter(item.title, `${quarterLabel(period.quarter)} ${year}`);
  const content = (
    <Stack gap={4} align="flex-start">
      <Group gap={4} wrap="nowrap">
        <ReportStatusBadge status={cell?.status ?? null} />
        {cell?.locked && <IconLock size={14} aria-label={t.lockedShort} role="img" />}
      </Group>
      {cell && cell.total > 0 && (
        <Text size="xs" c={cell.filled === cell.total ? 'teal.9' : 'gray.7'}>
          {t.filled(cell.filled, cell.total)}
        </Text>
      )}
    </Stack>
  );
  return (
    <UnstyledButton
      aria-label={label}
      title={label}
      onClick={() => {
        if (open.isPending) return;
        if (cell?.reportId) {
          void navigate({ to: '/realisasi/$reportId', params: { reportId: cell.reportId } });
        } else {
          open.mutate();
        }
      }}
      disabled={open.isPending}
      aria-busy={open.isPending}
      p={6}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        border: '1px solid var(--mantine-color-gray-3)',
        width: '100%',
        opacity: open.isPending ? 0.6 : 1,
      }}
    >
      {open.isPending ? <Text size="xs">{t.opening}</Text> : content}
    </UnstyledButton>
  );
}
