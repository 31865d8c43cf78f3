import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, zoneLabel } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { CeremonyStatusBadge, ProgressCell } from './badges.js';
import { CeremonyForm } from './ceremony-form.js';
import { ceremoniesQuery } from './queries.js';
import { ceremonyStrings as t } from './strings.js';

/** /penandatanganan: the ceremonies, newest first, and "Jadwalkan acara" for the admin. */
export function CeremoniesPage() {
  const list = useQuery(ceremoniesQuery());
  const timeZone = useTimeZone();
  const [creating, setCreating] = useState(false);
  const canCreate = list.data?.permissions.create ?? false;
  const scheduleButton = (
    <Button
      leftSection={<IconCalendarPlus size={16} aria-hidden />}
      onClick={() => setCreating(true)}
    >
      {t.schedule}
    </Button>
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.listTitle}
        description={t.listDescription}
        actions={canCreate && scheduleButton}
      />
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={t.emptyTitle}
            description={t.emptyBody}
            action={canCreate && scheduleButton}
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <DataTable
            minWidth={760}
            head={
              <>
                <Table.Th>{t.colCeremony}</Table.Th>
                <Table.Th>{t.colDate}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>{t.colProgress}</Table.Th>
              </>
            }
          >
            {list.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td maw={420}>
                  <AnchorLink
                    to="/penandatanganan/$ceremonyId"
                    params={{ ceremonyId: c.id }}
                    fw={600}
                  >
                    {c.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {c.place} · {t.documentsCount(c.progress.documents)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(c.eventDate)}</Text>
                  {c.startTime && (
                    <Text size="xs" c="dimmed">
                      {t.timeAt(c.startTime, zoneLabel(timeZone))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <CeremonyStatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <ProgressCell progress={c.progress} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
      )}
      {creating && <CeremonyForm mode="create" onClose={() => setCreating(false)} />}
    </Stack>
  );
}
