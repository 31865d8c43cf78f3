import { Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarDue, IconCalendarPlus, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { agreementLevels, agreementStatuses } from '../../../shared/codes.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { useCan } from '../../session.js';
import { unitsQuery } from '../org/queries.js';
import { AgreementLevelBadge, DeadlineText, PartyLine, StatusBadge } from './badges.js';
import { CreateAgreementDialog } from './create-dialog.js';
import { ListPagination, usePaged } from './list-pagination.js';
import { agreementsQuery, yearsQuery } from './queries.js';
import { levelLabels, statusLabels, agreementStrings as t } from './strings.js';
import type { AgreementSummary, AgreementYear } from './types.js';
import { defaultYear, YearSelect } from './year-select.js';

const doneStatuses = new Set(['signed', 'published', 'superseded']);

/** /pk: the PKs of one year with filters, and "Buat PK". */
export function AgreementsPage() {
  const years = useQuery(yearsQuery());
  const canManageYears = useCan('manageAgreementYears');
  const canReview = useCan('reviewAgreements');
  const [chosenYear, setChosenYear] = useState<number | null>(null);

  const header = (actions?: ReactNode) => (
    <PageHeader
      title={t.listTitle}
      description={t.listDescription}
      actions={
        <>
          {canReview && (
            <Button
              variant="default"
              component={Link}
              to="/pk/pemantauan"
              leftSection={<IconCalendarDue size={16} aria-hidden />}
            >
              {t.board}
            </Button>
          )}
          {canManageYears && (
            <Button
              variant="default"
              component={Link}
              to="/pk/tahun"
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
            >
              {t.manageYears}
            </Button>
          )}
          {actions}
        </>
      }
    />
  );

  if (years.isPending) {
    return (
      <Stack>
        {header()}
        <LoadingRows />
      </Stack>
    );
  }
  if (years.isError) {
    return (
      <Stack>
        {header()}
        <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />
      </Stack>
    );
  }
  const items = years.data.items;
  const current =
    items.find((y) => y.year === chosenYear) ??
    (chosenYear === null ? defaultYear(items) : undefined);
  if (!current) {
    return (
      <Stack>
        {header()}
        <Paper withBorder>
          <EmptyState
            title={t.noYearsTitle}
            description={canManageYears ? t.noYearsAdmin : t.noYearsOther}
            action={
              canManageYears && (
                <Button component={Link} to="/pk/tahun">
                  {t.openYears}
                </Button>
              )
            }
          />
        </Paper>
      </Stack>
    );
  }
  return (
    <AgreementList
      key={current.id}
      years={items}
      current={current}
      onYear={setChosenYear}
      header={header}
    />
  );
}

function AgreementList({
  years,
  current,
  onYear,
  header,
}: {
  years: AgreementYear[];
  current: AgreementYear;
  onYear: (year: number) => void;
  header: (actions?: ReactNode) => ReactNode;
}) {
  const [unitId, setUnitId] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const units = useQuery(unitsQuery());
  const list = useQuery(
    agreementsQuery({
      year: current.year,
      unitId: unitId ?? undefined,
      level: level ?? undefined,
      status: status ?? undefined,
      q: q || undefined,
    }),
  );
  const filtered = !!(unitId || level || status || q);
  // Back to the first page whenever the filters change.
  const items = list.data?.items ?? [];
  const {
    shown,
    from,
    pages,
    current: currentPage,
    setPage,
  } = usePaged(items, `${unitId}|${level}|${status}|${q}`);
  const canCreate = (list.data?.permissions.create ?? false) && current.status === 'open';

  return (
    <Stack gap={0}>
      {header(
        canCreate && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t.create}
          </Button>
        ),
      )}
      <Paper withBorder p="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <YearSelect years={years} value={current.year} onChange={onYear} />
          <Select
            label={t.unit}
            placeholder={t.allUnits}
            data={(units.data?.items ?? [])
              .filter((u) => !u.archived)
              .map((u) => ({ value: u.id, label: u.name }))}
            value={unitId}
            onChange={setUnitId}
            searchable
            clearable
            w={{ base: '100%', sm: 240 }}
          />
          <Select
            label={t.level}
            placeholder={t.allLevels}
            data={agreementLevels.map((l) => ({ value: l, label: levelLabels[l] }))}
            value={level}
            onChange={setLevel}
            clearable
            w={{ base: '100%', xs: 170 }}
          />
          <Select
            label={t.status}
            placeholder={t.allStatuses}
            data={agreementStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            value={status}
            onChange={setStatus}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            label={t.search}
            type="search"
            placeholder={t.search}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
          />
        </Group>
      </Paper>

      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={filtered ? t.emptyFiltered : t.emptyTitle}
            description={filtered ? '' : canCreate ? t.emptyCreate : t.emptyRead}
            action={
              filtered ? (
                <Button
                  variant="default"
                  onClick={() => {
                    setUnitId(null);
                    setLevel(null);
                    setStatus(null);
                    setSearch('');
                  }}
                >
                  {t.clearFilters}
                </Button>
              ) : (
                canCreate && <Button onClick={() => setCreating(true)}>{t.create}</Button>
              )
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Text size="sm" c="dimmed" px="sm" pt="xs" aria-live="polite">
            {pages > 1
              ? t.pageOf(from + 1, from + shown.length, items.length)
              : t.resultCount(items.length)}
          </Text>
          <DataTable
            minWidth={860}
            head={
              <>
                <Table.Th>{t.colPosition}</Table.Th>
                <Table.Th>{t.colLevel}</Table.Th>
                <Table.Th>{t.colParties}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>{t.colDeadline}</Table.Th>
              </>
            }
          >
            {shown.map((item) => (
              <AgreementRow key={item.id} item={item} />
            ))}
          </DataTable>
          <ListPagination pages={pages} current={currentPage} onChange={setPage} />
        </Paper>
      )}

      {creating && (
        <CreateAgreementDialog
          opened
          onClose={() => setCreating(false)}
          yearId={current.id}
          year={current.year}
        />
      )}
    </Stack>
  );
}

function AgreementRow({ item }: { item: AgreementSummary }) {
  const done = doneStatuses.has(item.status);
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink
          to="/pk/dokumen/$agreementId"
          params={{ agreementId: item.id }}
          fw={600}
          size="sm"
        >
          {item.position.title}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {item.unit?.name ?? levelLabels.pemda}
          {item.revisionNo > 0 ? ` · ${t.revision(item.revisionNo)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <AgreementLevelBadge level={item.level} />
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          <PartyLine party={item.firstParty} label={t.firstParty} />
          {item.secondParty ? (
            <PartyLine party={item.secondParty} label={t.secondParty} />
          ) : (
            <Text size="xs" c="dimmed">
              {t.alone}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        <DeadlineText
          deadline={item.deadline}
          daysLeft={done ? null : item.daysLeft}
          late={item.late}
        />
      </Table.Td>
    </Table.Tr>
  );
}
