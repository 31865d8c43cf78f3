import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CapaianRules } from '../../../shared/capaian/types.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { EmptyState } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { type BandLabels, CapaianCell } from './bands.js';
import { formatRupiah, percentText, quarterName, shortRupiah, storedCapaian } from './format.js';
import { ExcelLink, ReportStatusBadge, TimelinessText } from './parts.js';
import { exportUrl, type Period } from './queries.js';
import { Sparkline } from './sparkline.js';
import { dashboardStrings as t } from './strings.js';
import type { PemdaDashboard, PemdaUnitRow } from './types.js';

/** The PD ranking and the late units of the Pemda dashboard (/dasbor). */

export function RankingTable({
  data,
  labels,
  rules,
  period,
}: {
  data: PemdaDashboard;
  labels: BandLabels;
  rules: CapaianRules;
  period: Period;
}) {
  const search = { tahun: data.year, triwulan: data.quarter };
  return (
    <Paper withBorder component="section" data-testid="ranking">
      <Group justify="space-between" p={{ base: 'sm', sm: 'md' }} pb={0} gap="xs">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Title order={2} fz="md">
            {t.rankingTitle}
          </Title>
          <Text size="xs" c="dimmed">
            {t.rankingDescription}
          </Text>
        </Stack>
        <ExcelLink
          href={exportUrl({ view: 'pemda', table: 'units' }, period)}
          tableTitle={t.rankingTitle}
        />
      </Group>
      {data.units.length === 0 ? (
        <EmptyState title={t.rankingEmpty} description={t.rankingEmptyHelp} />
      ) : (
        <DataTable
          minWidth={1040}
          head={
            <>
              <Table.Th w={56}>{t.colRank}</Table.Th>
              <Table.Th>{t.colUnit}</Table.Th>
              <Table.Th ta="right">{t.colCapaianToDate(quarterName(data.quarter))}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.colTrend}</Table.Th>
              <Table.Th ta="right">
                {t.colPreviousYear(quarterName(data.quarter), data.year - 1)}
              </Table.Th>
              <Table.Th ta="right">{t.colAbsorption}</Table.Th>
              <Table.Th>{t.colReport}</Table.Th>
              <Table.Th>{t.colTimeliness}</Table.Th>
            </>
          }
        >
          {data.units.map((row) => (
            <RankingRow
              key={row.unitId}
              row={row}
              labels={labels}
              trend={row.trend.map((v) => (v === null ? null : storedCapaian(v, rules)))}
              search={search}
            />
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

function RankingRow({
  row,
  labels,
  trend,
  search,
}: {
  row: PemdaUnitRow;
  labels: BandLabels;
  trend: (ReturnType<typeof storedCapaian> | null)[];
  search: { tahun: number; triwulan: number };
}) {
  return (
    <Table.Tr
      data-testid={`unit-row-${row.unitId}`}
      data-late={row.late || undefined}
      bg={row.late ? 'red.0' : undefined}
    >
      <Table.Td>
        <Text size="sm" fw={700}>
          {row.rank ?? '–'}
        </Text>
      </Table.Td>
      <Table.Td>
        <AnchorLink
          to="/dasbor/unit/$unitId"
          params={{ unitId: row.unitId }}
          // The dashboard routes read the period from the address (see filters.tsx).
          search={search as never}
          size="sm"
          fw={600}
        >
          {row.unitName}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {t.ofTotalAssessed(row.assessed, row.indicators)}
        </Text>
      </Table.Td>
      <Table.Td>
        <CapaianCell capaian={row.capaian} labels={labels} />
      </Table.Td>
      <Table.Td>
        <Sparkline quarters={trend} />
      </Table.Td>
      <Table.Td ta="right">
        <CapaianCell capaian={row.previousYear} labels={labels} withBadge={false} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {percentText(row.absorption)}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          style={{ whiteSpace: 'nowrap' }}
          title={`${formatRupiah(row.budgetRealised)} / ${formatRupiah(row.budgetCeiling)}`}
        >
          {shortRupiah(Number(row.budgetRealised))} / {shortRupiah(Number(row.budgetCeiling))}
        </Text>
      </Table.Td>
      <Table.Td>
        <ReportStatusBadge status={row.reportStatus} />
      </Table.Td>
      <Table.Td>
        <TimelinessText late={row.late} status={row.reportStatus} />
      </Table.Td>
    </Table.Tr>
  );
}

export function LateUnits({ data, period }: { data: PemdaDashboard; period: Period }) {
  const search = { tahun: data.year, triwulan: data.quarter };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" data-testid="late-units">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-red-9)" />
            <Title order={2} fz="md">
              {t.lateTitle}
            </Title>
          </Group>
          {data.lateUnits.length > 0 && (
            <ExcelLink
              href={exportUrl({ view: 'pemda', table: 'late' }, period)}
              tableTitle={t.lateTitle}
            />
          )}
        </Group>
        {data.lateUnits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {data.today <= data.deadline ? t.lateNotYet(formatDate(data.deadline)) : t.lateNone}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" ml={0}>
            {data.lateUnits.map((u) => (
              <List.Item key={u.unitId}>
                <Group gap="xs" wrap="wrap" justify="space-between">
                  <AnchorLink
                    to="/dasbor/unit/$unitId"
                    params={{ unitId: u.unitId }}
                    search={search as never}
                    size="sm"
                    fw={600}
                  >
                    {u.unitName}
                  </AnchorLink>
                  <Group gap={6} wrap="nowrap" c="red.9">
                    <IconAlertTriangle size={14} aria-hidden />
                    <Text size="sm" c="red.9">
                      {t.lateDetail(u.missing, u.daysLate)}
                    </Text>
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
