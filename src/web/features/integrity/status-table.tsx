import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronRight, IconFilePlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/data-table.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { statusQuery } from './queries.js';
import { integrityStrings as t } from './strings.js';
import type { PactStatusRow } from './types.js';

export interface UnitRef {
  id: string;
  name: string;
}

function ProgressCell({
  signed,
  employees,
  percent,
}: {
  signed: number;
  employees: number;
  percent: string | null;
}) {
  const label = t.progressLabel(signed, employees, percent);
  if (percent === null) {
    return (
      <Text size="sm" c="dimmed">
        {t.noEmployees}
      </Text>
    );
  }
  const value = Number(percent);
  return (
    <Stack gap={4} miw={180}>
      <Progress
        value={value}
        color={value >= 100 ? 'teal' : 'blue'}
        size="md"
        radius="sm"
        aria-label={label}
      />
      <Text size="xs" c="gray.7">
        {label}
      </Text>
    </Stack>
  );
}

/**
 * The status per unit of one fiscal year: the children of the unit shown (or the PD), with how
 * many employees have made and signed their pact; a unit with units below it opens them.
 */
export function StatusTable({
  fiscalYear,
  unit,
  onOpen,
  onCreate,
}: {
  fiscalYear: number;
  unit: UnitRef | null;
  onOpen: (unit: UnitRef | null) => void;
  onCreate: (unit: UnitRef | null) => void;
}) {
  const status = useQuery(statusQuery(fiscalYear, unit?.id ?? null));

  const crumbs = [
    { id: null as string | null, name: t.wholePemda },
    ...(status.data?.path ?? []).map((p) => ({ id: p.id as string | null, name: p.name })),
  ];

  return (
    <Paper withBorder p="md" mb="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4}>
            <Title order={2} fz="lg">
              {t.statusTitle}
            </Title>
            <nav aria-label="Jejak unit">
              <Breadcrumbs
                separator={<IconChevronRight size={14} aria-hidden />}
                separatorMargin={4}
              >
                {crumbs.map((crumb, index) =>
                  index === crumbs.length - 1 ? (
                    <Text key={crumb.id ?? 'pemda'} size="sm" fw={600} aria-current="page">
                      {crumb.name}
                    </Text>
                  ) : (
                    <Anchor
                      key={crumb.id ?? 'pemda'}
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onOpen(crumb.id ? { id: crumb.id, name: crumb.name } : null)}
                    >
                      {crumb.name}
                    </Anchor>
                  ),
                )}
              </Breadcrumbs>
            </nav>
          </Stack>
          {status.data?.permissions.bulkCreate && (
            <Button
              variant="light"
              leftSection={<IconFilePlus size={16} aria-hidden />}
              onClick={() => onCreate(unit)}
            >
              {t.createFor(unit?.name ?? t.wholePemda)}
            </Button>
          )}
        </Group>
        {status.data && (
          <Text size="xs" c="dimmed">
            {t.statusHint(formatDate(status.data.referenceDate))}
          </Text>
        )}
      </Stack>

      {status.isPending ? (
        <LoadingRows rows={4} />
      ) : status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.total.employees === 0 ? (
        <EmptyState title={t.statusEmptyTitle} description={t.statusEmptyText} />
      ) : (
        <DataTable
          minWidth={760}
          head={
            <>
              <Table.Th>{t.colUnit}</Table.Th>
              <Table.Th ta="right">{t.colEmployees}</Table.Th>
              <Table.Th ta="right">{t.colMade}</Table.Th>
              <Table.Th ta="right">{t.colSigned}</Table.Th>
              <Table.Th>{t.colProgress}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t.colActions}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {status.data.rows.map((row) => (
            <StatusRow
              key={row.unit?.id ?? 'direct'}
              row={row}
              onOpen={onOpen}
              onCreate={onCreate}
            />
          ))}
          <Table.Tr fw={700} bg="gray.0">
            <Table.Td>{t.total}</Table.Td>
            <Table.Td ta="right">{formatNumber(status.data.total.employees)}</Table.Td>
            <Table.Td ta="right">{formatNumber(status.data.total.pacts)}</Table.Td>
            <Table.Td ta="right">{formatNumber(status.data.total.signed)}</Table.Td>
            <Table.Td>
              <ProgressCell {...status.data.total} />
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </DataTable>
      )}
    </Paper>
  );
}

function StatusRow({
  row,
  onOpen,
  onCreate,
}: {
  row: PactStatusRow;
  onOpen: (unit: UnitRef) => void;
  onCreate: (unit: UnitRef) => void;
}) {
  const unit = row.unit;
  const missing = row.employees - row.pacts;
  return (
    <Table.Tr>
      <Table.Td>
        {unit?.hasChildren ? (
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            ta="left"
            onClick={() => onOpen(unit)}
            aria-label={t.openUnit(unit.name)}
          >
            {unit.name}
          </Anchor>
        ) : (
          <Text size="sm" fw={unit ? 600 : 400} fs={unit ? undefined : 'italic'}>
            {row.label}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(row.employees)}</Table.Td>
      <Table.Td ta="right">{formatNumber(row.pacts)}</Table.Td>
      <Table.Td ta="right">{formatNumber(row.signed)}</Table.Td>
      <Table.Td>
        <ProgressCell {...row} />
      </Table.Td>
      <Table.Td>
        {unit && row.permissions.bulkCreate && missing > 0 && (
          <Button
            size="xs"
            variant="default"
            onClick={() => onCreate(unit)}
            aria-label={t.createFor(unit.name)}
          >
            {t.createShort}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
