import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { Employee, Paged } from '../../api/types.js';
import { DataTable } from '../../components/data-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatNip, formatNumber } from '../../lib/format.js';
import { common } from '../../strings.js';
import { EmployeeFormModal } from './employee-form.js';
import { employeeStrings as t } from './strings.js';

const pageSize = 20;

export function EmployeesPage() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  // The page number belongs to one search: a new search starts again at page 1.
  const [paging, setPaging] = useState({ q: '', page: 1 });
  const page = paging.q === q ? paging.page : 1;
  const setPage = (next: number) => setPaging({ q, page: next });
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);

  const list = useQuery({
    queryKey: ['employees', { q, page, pageSize }],
    queryFn: () =>
      api.get<Paged<Employee> & { permissions: { create: boolean } }>('/api/employees', {
        q,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const canManage = list.data?.permissions.create ?? false;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t.add}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md" align="flex-end" justify="space-between">
          <TextInput
            label={t.searchLabel}
            placeholder={t.searchPlaceholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 320px' }}
          />
          {list.data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t.total(formatNumber(list.data.total))}
            </Text>
          )}
        </Group>
        {list.isPending ? (
          <LoadingRows rows={8} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          q ? (
            <EmptyState
              icon={<IconSearch size={26} aria-hidden />}
              title={t.noMatchTitle}
              description={t.noMatchBody}
            />
          ) : (
            <EmptyState
              icon={<IconUsers size={26} aria-hidden />}
              title={t.emptyTitle}
              description={canManage ? t.emptyBody : t.emptyBodyReadonly}
              action={
                canManage && (
                  <Button mt="xs" onClick={() => setEditing('new')}>
                    {t.add}
                  </Button>
                )
              }
            />
          )
        ) : (
          <Stack gap="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <DataTable
              minWidth={760}
              head={
                <>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.nip}</Table.Th>
                  <Table.Th>{t.grade}</Table.Th>
                  <Table.Th>{t.currentPositions}</Table.Th>
                  {canManage && <Table.Th aria-label="Tindakan" />}
                </>
              }
            >
              {list.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {e.fullName}
                    </Text>
                    <Group gap={4} mt={2}>
                      <Badge size="xs" variant="light" color="gray">
                        {t.types[e.employeeType]}
                      </Badge>
                      {e.archived && (
                        <Badge size="xs" color="gray" variant="filled">
                          {common.archived}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="mono" style={{ whiteSpace: 'nowrap' }}>
                      {formatNip(e.nip)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.grade ?? '–'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {e.currentPositions.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t.noPosition}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {e.currentPositions.map((p) => (
                          <Group key={p.positionId} gap={6} wrap="nowrap">
                            {p.kind !== 'definitif' && (
                              <Badge size="xs" color="#b4400a" variant="filled">
                                {common.assignmentKinds[p.kind]}
                              </Badge>
                            )}
                            <Text size="sm">{p.title}</Text>
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {e.permissions.update && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(e)}
                          aria-label={`${t.edit} ${e.fullName}`}
                        >
                          {t.edit}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  siblings={1}
                  getControlProps={(control) => ({
                    'aria-label':
                      control === 'previous'
                        ? 'Halaman sebelumnya'
                        : control === 'next'
                          ? 'Halaman berikutnya'
                          : control,
                  })}
                  aria-label={t.pageLabel}
                />
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      {editing && (
        <EmployeeFormModal
          employee={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
