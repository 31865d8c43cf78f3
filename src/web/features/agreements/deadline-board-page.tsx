import {
  Button,
  Chip,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconClock, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { agreementLevels } from '../../../shared/codes.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { AgreementLevelBadge, StatusBadge } from './badges.js';
import { CreateAgreementDialog } from './create-dialog.js';
import { ListPagination, usePaged } from './list-pagination.js';
import { boardQuery, yearsQuery } from './queries.js';
import { statusLabels, agreementStrings as t } from './strings.js';
import type { Board, BoardRow, BoardStatus } from './types.js';
import { defaultYear, YearSelect } from './year-select.js';

const statusOrder: BoardStatus[] = [
  'not_created',
  'draft',
  'submitted',
  'returned',
  'verified',
  'ready_to_sign',
  'signed',
  'published',
];
const doneStatuses = new Set<BoardStatus>(['signed', 'published', 'superseded']);

/** /pk/pemantauan: every position × level of a year with its PK status and days left. */
export function DeadlineBoardPage() {
  const years = useQuery(yearsQuery());
  const [chosen, setChosen] = useState<number | null>(null);
  const items = years.data?.items ?? [];
  const current =
    items.find((y) => y.year === chosen) ?? (chosen === null ? defaultYear(items) : undefined);
  const board = useQuery({ ...boardQuery(current?.year ?? 0), enabled: current !== undefined });

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.boardTitle}
        description={t.boardDescription}
        crumbs={[{ label: t.listTitle, to: '/pk' }, { label: t.boardTitle }]}
      />
      {years.isPending ? (
        <LoadingRows />
      ) : years.isError ? (
        <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />
      ) : !current ? (
        <Paper withBorder>
          <EmptyState title={t.noYearsTitle} description={t.noYearsAdmin} />
        </Paper>
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <YearSelect years={items} value={current.year} onChange={setChosen} />
            <Text size="sm" c="dimmed">
              {t.deadline}: {current.deadline ? formatDate(current.deadline) : t.noDeadline}
            </Text>
          </Group>
          {board.isPending ? (
            <LoadingRows />
          ) : board.isError ? (
            <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
          ) : (
            <BoardView
              board={board.data}
              yearId={current.id}
              year={current.year}
              open={current.status === 'open'}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}

function BoardView({
  board,
  yearId,
  year,
  open,
}: {
  board: Board;
  yearId: string;
  year: number;
  open: boolean;
}) {
  const [filter, setFilter] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const rows = useMemo(() => {
    const byStatus =
      filter === 'all'
        ? board.rows
        : filter === 'late'
          ? board.rows.filter((r) => r.late)
          : board.rows.filter((r) => r.status === filter);
    const needle = search.trim().toLocaleLowerCase('id');
    const list = needle
      ? byStatus.filter((r) =>
          [r.positionTitle, r.unit?.name, r.pd?.name, r.holderName].some((text) =>
            text?.toLocaleLowerCase('id').includes(needle),
          ),
        )
      : byStatus;
    // Late rows first, then the Pemda PK, then each PD with its levels top-down.
    return [...list].sort(
      (a, b) =>
        Number(b.late) - Number(a.late) ||
        Number(a.unit !== null) - Number(b.unit !== null) ||
        (a.pd ?? a.unit)?.name.localeCompare((b.pd ?? b.unit)?.name ?? '', 'id') ||
        agreementLevels.indexOf(a.level) - agreementLevels.indexOf(b.level) ||
        a.positionTitle.localeCompare(b.positionTitle, 'id'),
    );
  }, [board.rows, filter, search]);
  const count = (key: string) => board.counts[key] ?? 0;
  const { shown, pages, current, setPage } = usePaged(rows, `${filter}|${search}`);

  return (
    <Stack gap="md">
      <ScrollArea type="auto" offsetScrollbars>
        <Chip.Group value={filter} onChange={(v) => setFilter(String(v))}>
          <Group gap="xs" wrap="nowrap" role="radiogroup" aria-label="Saring menurut status">
            <Chip value="all" variant="outline">
              {t.showAll} ({board.rows.length})
            </Chip>
            <Chip
              value="late"
              variant="outline"
              color="red"
              icon={<IconAlertTriangle size={14} aria-hidden />}
            >
              {t.lateCount} ({count('late')})
            </Chip>
            {statusOrder.map((s) => (
              <Chip key={s} value={s} variant="outline">
                {statusLabels[s]} ({count(s)})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </ScrollArea>
      <TextInput
        label={t.search}
        placeholder={t.search}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={480}
      />
      {rows.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={board.rows.length === 0 ? t.boardEmpty : t.boardFilteredEmpty}
            description=""
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <DataTable
            minWidth={880}
            head={
              <>
                <Table.Th>{t.colPosition}</Table.Th>
                <Table.Th>{t.colLevel}</Table.Th>
                <Table.Th>{t.holder}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>{t.colDaysLeft}</Table.Th>
                <Table.Th>{t.colActions}</Table.Th>
              </>
            }
          >
            {shown.map((row) => (
              <BoardLine
                key={row.positionId}
                row={row}
                canCreate={open && row.permissions.create}
                onCreate={() => setCreating(row.positionId)}
              />
            ))}
          </DataTable>
          <ListPagination pages={pages} current={current} onChange={setPage} />
        </Paper>
      )}
      {creating && (
        <CreateAgreementDialog
          opened
          onClose={() => setCreating(null)}
          yearId={yearId}
          year={year}
          initialPositionId={creating}
        />
      )}
    </Stack>
  );
}

function BoardLine({
  row,
  canCreate,
  onCreate,
}: {
  row: BoardRow;
  canCreate: boolean;
  onCreate: () => void;
}) {
  return (
    <Table.Tr bg={row.late ? 'red.0' : undefined} data-late={row.late || undefined}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {row.positionTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {[row.pd?.name, row.unit && row.unit.id !== row.pd?.id ? row.unit.name : null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <AgreementLevelBadge level={row.level} />
      </Table.Td>
      <Table.Td>
        {row.holderName ?? (
          <Text size="sm" c="red.9">
            {t.vacantShort}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={row.status} />
      </Table.Td>
      <Table.Td>
        <DaysLeft row={row} />
      </Table.Td>
      <Table.Td>
        {row.agreement ? (
          <AnchorLink
            to="/pk/dokumen/$agreementId"
            params={{ agreementId: row.agreement.id }}
            size="sm"
            aria-label={`${t.open} PK ${row.positionTitle}`}
          >
            {t.open}
          </AnchorLink>
        ) : (
          canCreate &&
          row.holderName !== null && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={onCreate}
              aria-label={`${t.createFor} ${row.positionTitle}`}
            >
              {t.createFor}
            </Button>
          )
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The deadline is the year's (shown above the table): each row says only how much time is left. */
function DaysLeft({ row }: { row: BoardRow }) {
  if (doneStatuses.has(row.status)) return <Text size="sm">{t.doneOnTime}</Text>;
  if (row.late) {
    return (
      <Group gap={4} wrap="nowrap" c="red.9">
        <IconAlertTriangle size={14} aria-hidden />
        <Text size="sm" fw={700} c="red.9">
          {t.late}
          {row.daysLeft !== null && row.daysLeft < 0 ? ` · ${t.daysLeft(row.daysLeft)}` : ''}
        </Text>
      </Group>
    );
  }
  if (row.daysLeft === null) {
    return (
      <Text size="xs" c="dimmed">
        {t.noDeadline}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" c="gray.8">
      <IconClock size={14} aria-hidden />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t.daysLeft(row.daysLeft)}
      </Text>
    </Group>
  );
}
