import {
  Accordion,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { CapaianRules } from '../../../shared/capaian/types.js';
import { ChartCard } from '../../components/chart/chart-card.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { type Crumb, PageHeader } from '../../components/page.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { BandBadge, type BandLabels, CapaianCell, defaultBandLabels } from './bands.js';
import { barsHeight, budgetOption, capaianBarsOption } from './charts.js';
import { PeriodFilter, usePeriodSearch } from './filters.js';
import {
  capaianText,
  formatRupiah,
  percentText,
  quarterName,
  quarterNames,
  realisasiText,
  rulesFrom,
  storedCapaian,
  targetText,
} from './format.js';
import { NotesPanel } from './notes-panel.js';
import { bandLabelsFrom, ExcelLink, ReportStatusBadge, StatCard, useCompact } from './parts.js';
import { exportUrl, type Period, unitDashboardQuery } from './queries.js';
import { Sparkline } from './sparkline.js';
import { dashboardStrings as t } from './strings.js';
import type { UnitAgreement, UnitDashboard } from './types.js';

/** /dasbor/unit/$unitId: a PD (or sub-unit) with its PKs, eselon III/IV, budget and notes. */
export function UnitDashboardPage() {
  const { unitId } = useParams({ strict: false }) as { unitId: string };
  const [period, setPeriod] = usePeriodSearch();
  const query = useQuery(unitDashboardQuery(unitId, period));
  const crumbs: Crumb[] = [{ label: t.pemdaTitle, to: '/dasbor' }];

  if (query.isPending || query.isError) {
    return (
      <Stack gap={0}>
        <PageHeader title={query.isPending ? t.loadingTitle : t.unitErrorTitle} crumbs={crumbs} />
        {query.isPending ? (
          <LoadingRows rows={8} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return <UnitView data={query.data} onPeriod={setPeriod} />;
}

function UnitView({ data, onPeriod }: { data: UnitDashboard; onPeriod: (p: Period) => void }) {
  const compact = useCompact();
  const labels = useMemo(() => bandLabelsFrom(data.bands, defaultBandLabels), [data.bands]);
  const rules = useMemo(() => rulesFrom(data.bands, data.cap), [data.bands, data.cap]);
  const period = { year: data.year, quarter: data.quarter };
  const search = { tahun: data.year, triwulan: data.quarter };
  const crumbs: Crumb[] = [
    { label: t.pemdaTitle, to: '/dasbor' },
    ...data.unit.path
      .filter((p) => p.id !== data.unit.id)
      .map((p) => ({ label: p.name, to: '/dasbor/unit/$unitId', params: { unitId: p.id } })),
    { label: data.unit.name },
  ];
  const own = data.agreements.filter((a) => a.unitId === data.unit.id);
  const when = `${quarterName(data.quarter)} ${data.year}`;

  return (
    <Stack gap={0}>
      <PageHeader title={data.unit.name} description={t.unitDescription} crumbs={crumbs} />
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
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
          <StatCard
            testId="unit-capaian"
            label={t.unitCapaian}
            value={capaianText(data.capaian)}
            extra={
              <BandBadge band={data.capaian.assessed ? data.capaian.band : null} labels={labels} />
            }
            detail={t.unitCapaianDetail(when)}
          />
          <StatCard
            label={t.unitAgreements}
            value={String(data.agreements.length)}
            detail={t.unitAgreementsDetail(own.length, data.agreements.length - own.length)}
          />
          <StatCard
            label={t.colAbsorption}
            value={percentText(data.budgetTotal.absorption)}
            detail={t.budgetOf(
              formatRupiah(data.budgetTotal.realisedToDate),
              formatRupiah(data.budgetTotal.ceiling),
            )}
          />
        </SimpleGrid>
        <AgreementsSection
          data={data}
          labels={labels}
          rules={rules}
          period={period}
          search={search}
        />
        {data.children.length > 0 ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ChildrenChart data={data} labels={labels} compact={compact} period={period} />
            <BudgetChart data={data} compact={compact} period={period} />
          </SimpleGrid>
        ) : (
          <BudgetChart data={data} compact={compact} period={period} />
        )}
        <NotesPanel unitId={data.unit.id} year={data.year} quarter={data.quarter} />
      </Stack>
    </Stack>
  );
}

function AgreementsSection({
  data,
  labels,
  rules,
  period,
  search,
}: {
  data: UnitDashboard;
  labels: BandLabels;
  rules: CapaianRules;
  period: Period;
  search: { tahun: number; triwulan: number };
}) {
  const first = data.agreements[0]?.id;
  return (
    <Paper withBorder component="section" data-testid="unit-agreements">
      <Group justify="space-between" p={{ base: 'sm', sm: 'md' }} gap="xs">
        <Stack gap={2} style={{ flex: '1 1 240px' }}>
          <Title order={2} fz="md">
            {t.agreementsTitle}
          </Title>
          <Text size="xs" c="dimmed">
            {t.agreementsDescription}
          </Text>
        </Stack>
        {data.agreements.length > 0 && (
          <ExcelLink
            href={exportUrl({ view: 'unit', table: 'indicators', unitId: data.unit.id }, period)}
            tableTitle={t.agreementsTitle}
          />
        )}
      </Group>
      {data.agreements.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t.agreementsEmpty(data.year)}
        </Text>
      ) : (
        <Accordion
          multiple
          defaultValue={first ? [first] : []}
          variant="contained"
          radius={0}
          chevronPosition="left"
        >
          {data.agreements.map((agreement) => (
            <Accordion.Item key={agreement.id} value={agreement.id}>
              <Accordion.Control>
                <AgreementHeader agreement={agreement} labels={labels} rules={rules} />
              </Accordion.Control>
              <Accordion.Panel>
                <IndicatorTable
                  agreement={agreement}
                  labels={labels}
                  quarter={data.quarter}
                  year={data.year}
                  search={search}
                />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Paper>
  );
}

function AgreementHeader({
  agreement,
  labels,
  rules,
}: {
  agreement: UnitAgreement;
  labels: BandLabels;
  rules: CapaianRules;
}) {
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
        <Group gap={6}>
          <Badge
            variant="outline"
            size="sm"
            color="gray.8"
            c="gray.8"
            style={{ textTransform: 'none' }}
          >
            {t.levels[agreement.level]}
          </Badge>
          <Text size="sm" fw={600}>
            {agreement.positionTitle}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {agreement.firstPartyName} · {agreement.unitName}
        </Text>
      </Stack>
      <Group gap="sm" wrap="wrap">
        <Sparkline
          quarters={agreement.trend.map((v) => (v === null ? null : storedCapaian(v, rules)))}
        />
        <CapaianCell capaian={agreement.capaian} labels={labels} />
        <ReportStatusBadge status={agreement.reportStatus} />
      </Group>
    </Group>
  );
}

function IndicatorTable({
  agreement,
  labels,
  quarter,
  year,
  search,
}: {
  agreement: UnitAgreement;
  labels: BandLabels;
  quarter: number;
  year: number;
  search: { tahun: number; triwulan: number };
}) {
  if (agreement.indicators.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.indicatorsEmpty}
      </Text>
    );
  }
  return (
    <DataTable
      minWidth={980}
      head={
        <>
          <Table.Th>{t.colIndicator}</Table.Th>
          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
            {t.colAnnualTarget(year)}
          </Table.Th>
          {quarterNames.map((name, i) => (
            <Table.Th
              key={name}
              ta="right"
              bg={i + 1 === quarter ? 'gray.0' : undefined}
              aria-current={i + 1 === quarter ? 'true' : undefined}
              style={{ whiteSpace: 'nowrap' }}
            >
              {name}
            </Table.Th>
          ))}
          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
            {t.colCapaianToDate(quarterName(quarter))}
          </Table.Th>
          <Table.Th ta="right">{t.colCapaianAnnual}</Table.Th>
        </>
      }
    >
      {agreement.indicators.map((indicator) => (
        <Table.Tr key={indicator.id}>
          <Table.Td maw={320}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              {indicator.isIku && (
                <Badge size="xs" variant="filled" color="amanah" style={{ flexShrink: 0 }}>
                  IKU
                </Badge>
              )}
              <AnchorLink
                to="/dasbor/indikator/$indicatorId"
                params={{ indicatorId: indicator.id }}
                search={search as never}
                size="sm"
              >
                {indicator.name}
              </AnchorLink>
            </Group>
            <Text size="xs" c="dimmed">
              {indicator.satuan}
              {indicator.objectiveTitle ? ` · ${indicator.objectiveTitle}` : ''}
            </Text>
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {targetText(indicator.annualTarget)}
          </Table.Td>
          {quarterNames.map((name, i) => (
            <Table.Td
              key={name}
              ta="right"
              bg={i + 1 === quarter ? 'gray.0' : undefined}
              style={{ whiteSpace: 'nowrap' }}
            >
              <Text size="sm" fw={600}>
                {realisasiText(indicator.realisasi[i])}
              </Text>
              <Text size="xs" c="dimmed">
                {t.targetShort} {targetText(indicator.quarterTargets[i])}
              </Text>
            </Table.Td>
          ))}
          <Table.Td>
            <CapaianCell capaian={indicator.capaian.toDate} labels={labels} />
          </Table.Td>
          <Table.Td ta="right">
            <CapaianCell capaian={indicator.capaian.annual} labels={labels} withBadge={false} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function ChildrenChart({
  data,
  labels,
  compact,
  period,
}: {
  data: UnitDashboard;
  labels: BandLabels;
  compact: boolean;
  period: Period;
}) {
  const option = useMemo(
    () =>
      capaianBarsOption(
        data.children.map((c) => ({ name: c.unitName, capaian: c.capaian })),
        labels,
        compact,
      ),
    [data.children, labels, compact],
  );
  const anything = data.children.some((c) => c.capaian.assessed);
  return (
    <ChartCard
      title={t.childrenTitle}
      description={t.childrenDescription}
      option={option}
      height={barsHeight(data.children.length)}
      exportHref={exportUrl({ view: 'unit', table: 'children', unitId: data.unit.id }, period)}
      emptyTitle={data.children.length === 0 ? t.childrenNoneTitle : undefined}
      emptyText={data.children.length === 0 ? t.childrenNone : t.emptyQuarter}
      columns={[
        { label: t.colSubUnit },
        { label: t.colCapaian, numeric: true },
        { label: t.colBand },
        { label: t.colAssessed, numeric: true },
        { label: t.colReport },
      ]}
      rows={
        anything
          ? data.children.map((c) => ({
              key: c.unitId,
              cells: [
                <AnchorLink
                  key="n"
                  to="/dasbor/unit/$unitId"
                  params={{ unitId: c.unitId }}
                  search={{ tahun: data.year, triwulan: data.quarter } as never}
                  size="sm"
                >
                  {c.unitName}
                </AnchorLink>,
                capaianText(c.capaian),
                <BandBadge
                  key="b"
                  band={c.capaian.assessed ? c.capaian.band : null}
                  labels={labels}
                  size="xs"
                />,
                t.ofTotal(c.assessed, c.indicators),
                <ReportStatusBadge key="s" status={c.reportStatus} />,
              ],
            }))
          : []
      }
      tableMinWidth={640}
      testId="chart-children"
    />
  );
}

function budgetName(row: UnitDashboard['budgets'][number]): string {
  return row.subKegiatanName ?? row.kegiatanName ?? row.programName;
}

function BudgetChart({
  data,
  compact,
  period,
}: {
  data: UnitDashboard;
  compact: boolean;
  period: Period;
}) {
  const option = useMemo(
    () =>
      budgetOption(
        data.budgets.map((b) => ({
          name: budgetName(b),
          ceiling: b.ceiling,
          realised: b.realisedToDate,
        })),
        compact,
      ),
    [data.budgets, compact],
  );
  const total = data.budgetTotal;
  return (
    <ChartCard
      title={t.budgetTitle}
      description={t.budgetDescription(quarterName(data.quarter))}
      option={option}
      height={Math.max(200, 60 + data.budgets.length * 44)}
      exportHref={exportUrl({ view: 'unit', table: 'budget', unitId: data.unit.id }, period)}
      emptyText={t.budgetEmpty}
      columns={[
        { label: t.colSubActivity },
        { label: t.budgetCeiling, numeric: true },
        ...quarterNames.map((name) => ({ label: name, numeric: true })),
        { label: t.budgetRealised, numeric: true },
        { label: t.colAbsorption, numeric: true },
      ]}
      rows={
        data.budgets.length === 0
          ? []
          : [
              ...data.budgets.map((b) => ({
                key: b.id,
                cells: [
                  <Stack key="n" gap={0}>
                    <Text size="sm">
                      {b.subKegiatanCode ? `${b.subKegiatanCode} ` : ''}
                      {budgetName(b)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {b.programName}
                    </Text>
                  </Stack>,
                  formatRupiah(b.ceiling),
                  ...b.realised.map((amount) => (amount === null ? '–' : formatRupiah(amount))),
                  formatRupiah(b.realisedToDate),
                  percentText(b.absorption),
                ],
              })),
              {
                key: 'total',
                cells: [
                  <Text key="n" size="sm" fw={700}>
                    {t.total}
                  </Text>,
                  formatRupiah(total.ceiling),
                  '',
                  '',
                  '',
                  '',
                  formatRupiah(total.realisedToDate),
                  percentText(total.absorption),
                ],
              },
            ]
      }
      tableMinWidth={1000}
      testId="chart-budget"
    />
  );
}
