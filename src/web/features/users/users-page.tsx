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
import { IconPlus, IconSearch, IconUserShield } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { Paged, User } from '../../api/types.js';
import { DataTable } from '../../components/data-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { roleLabel } from '../../strings.js';
import { CreateUserModal } from './create-user.js';
import { ManageUserModal } from './manage-user.js';
import { userStrings as t } from './strings.js';

const pageSize = 50;

export function UsersPage() {
  const timeZone = useTimeZone();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  // The page number belongs to one search: a new search starts again at page 1.
  const [paging, setPaging] = useState({ q: '', page: 1 });
  const page = paging.q === q ? paging.page : 1;
  const setPage = (next: number) => setPaging({ q, page: next });
  const [creating, setCreating] = useState(false);
  const [managingId, setManagingId] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['users', { q, page }],
    queryFn: () => api.get<Paged<User>>('/api/users', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / pageSize)) : 1;
  const managing = users.data?.items.find((u) => u.id === managingId) ?? null;

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t.add}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <TextInput
          label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          mb="md"
          maw={420}
        />
        {users.isPending ? (
          <LoadingRows rows={6} />
        ) : users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          q ? (
            <EmptyState
              icon={<IconSearch size={26} aria-hidden />}
              title={t.noMatchTitle}
              description={t.noMatchBody}
            />
          ) : (
            <EmptyState
              icon={<IconUserShield size={26} aria-hidden />}
              title={t.emptyTitle}
              description={t.emptyBody}
              action={
                <Button mt="xs" onClick={() => setCreating(true)}>
                  {t.add}
                </Button>
              }
            />
          )
        ) : (
          <Stack gap="md">
            <DataTable
              minWidth={820}
              head={
                <>
                  <Table.Th>{t.user}</Table.Th>
                  <Table.Th>{t.roles}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th>{t.lastLogin}</Table.Th>
                  <Table.Th aria-label="Tindakan" />
                </>
              }
            >
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {user.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.username}
                      {user.employee ? ` · ${user.employee.fullName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {user.roles.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t.noRoles}
                      </Text>
                    ) : (
                      <Stack gap={4}>
                        {user.roles.map((r) => (
                          <Text key={r.id} size="sm">
                            <Text span fw={500} inherit>
                              {roleLabel(r.role)}
                            </Text>
                            <Text span c="dimmed" inherit>
                              {' · '}
                              {r.unitName ?? t.wholeTenant}
                            </Text>
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge
                        size="sm"
                        variant="light"
                        color={user.status === 'active' ? 'teal.9' : 'gray'}
                      >
                        {user.status === 'active' ? t.active : t.disabled}
                      </Badge>
                      {user.locked && (
                        <Badge size="sm" color="red.9" variant="filled">
                          {t.locked}
                        </Badge>
                      )}
                      {user.totpEnabled && (
                        <Badge size="sm" variant="light" color="amanah">
                          {t.totp}
                        </Badge>
                      )}
                      {user.mustChangePassword && (
                        <Badge size="sm" variant="light" color="orange.9">
                          {t.mustChange}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {user.lastLoginAt ? formatDateTime(user.lastLoginAt, timeZone) : t.never}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setManagingId(user.id)}
                      aria-label={`${t.manage} ${user.displayName}`}
                    >
                      {t.manage}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  aria-label="Halaman daftar pengguna"
                />
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
      {managing && <ManageUserModal user={managing} onClose={() => setManagingId(null)} />}
    </>
  );
}
