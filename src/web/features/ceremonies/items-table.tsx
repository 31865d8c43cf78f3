import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import { documentPdfUrl } from '../../api/signing.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { formatDocumentCode, KindBadge } from '../signing/badges.js';
import { roleLabels } from '../signing/strings.js';
import { ItemStatusBadge } from './badges.js';
import { refreshCeremony } from './queries.js';
import { itemStatusLabels, ceremonyStrings as t } from './strings.js';
import type { CeremonyDetail, CeremonyItem, ItemStatus } from './types.js';

const statusOrder: ItemStatus[] = [
  'not_ready',
  'no_document',
  'pending',
  'partly_signed',
  'signed',
];

/** The ceremony's documents with each signature slot, filterable by status. */
export function ItemsTable({ ceremony }: { ceremony: CeremonyDetail }) {
  const [filter, setFilter] = useState<ItemStatus | 'all'>('all');
  const [removing, setRemoving] = useState<CeremonyItem | null>(null);
  const counts = useMemo(() => {
    const out: Partial<Record<ItemStatus, number>> = {};
    for (const item of ceremony.items) out[item.status] = (out[item.status] ?? 0) + 1;
    return out;
  }, [ceremony.items]);
  const options = [
    { value: 'all', label: `${t.filterAll} (${ceremony.items.length})` },
    ...statusOrder
      .filter((s) => counts[s])
      .map((s) => ({ value: s, label: `${itemStatusLabels[s]} (${counts[s]})` })),
  ];
  const shown =
    filter === 'all' ? ceremony.items : ceremony.items.filter((i) => i.status === filter);

  return (
    <Paper withBorder>
      <Stack gap={0}>
        <Group justify="space-between" p="md" gap="sm">
          <Title order={2} size="h4">
            {t.itemsTitle}
          </Title>
          <Select
            aria-label={t.filterLabel}
            data={options}
            value={filter}
            onChange={(v) => setFilter((v as ItemStatus | 'all' | null) ?? 'all')}
            allowDeselect={false}
            w={260}
          />
        </Group>
        {ceremony.items.length === 0 ? (
          <EmptyState title={t.itemsTitle} description={t.noItemsAtAll} />
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t.noItems}
          </Text>
        ) : (
          <DataTable
            minWidth={880}
            head={
              <>
                <Table.Th>{t.colDocument}</Table.Th>
                <Table.Th>{t.colSigners}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>{t.colCode}</Table.Th>
                {ceremony.permissions.manageItems && <Table.Th>{t.colActions}</Table.Th>}
              </>
            }
          >
            {shown.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                timeZone={ceremony.timeZone}
                canRemove={ceremony.permissions.manageItems}
                onRemove={() => setRemoving(item)}
              />
            ))}
          </DataTable>
        )}
      </Stack>
      {removing && (
        <RemoveDialog ceremony={ceremony} item={removing} onClose={() => setRemoving(null)} />
      )}
    </Paper>
  );
}

function ItemRow({
  item,
  timeZone,
  canRemove,
  onRemove,
}: {
  item: CeremonyItem;
  timeZone: string;
  canRemove: boolean;
  onRemove: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td maw={340}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <KindBadge kind={item.kind} />
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {item.title}
            </Text>
            {item.unitName && !item.title.includes(item.unitName) && (
              <Text size="xs" c="dimmed">
                {item.unitName}
              </Text>
            )}
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          {item.signers.map((s) => (
            <Group key={s.seq} gap={6} wrap="nowrap" align="flex-start">
              {s.signedAt ? (
                <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
              ) : (
                <IconClock size={16} color="var(--mantine-color-gray-6)" aria-hidden />
              )}
              <Stack gap={0}>
                <Text size="sm">
                  {s.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({roleLabels[s.role]})
                  </Text>
                </Text>
                <Text size="xs" c={s.signedAt ? 'green.9' : 'dimmed'}>
                  {s.signedAt ? formatDateTime(s.signedAt, timeZone) : t.waiting}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <ItemStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        {item.document ? (
          <Anchor
            href={documentPdfUrl(item.document.id)}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            ff="monospace"
            style={{ whiteSpace: 'nowrap' }}
            aria-label={`${t.openPdf}: ${item.title}`}
          >
            {formatDocumentCode(item.document.code)}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            –
          </Text>
        )}
      </Table.Td>
      {canRemove && (
        <Table.Td>
          {item.status !== 'signed' && (
            <Button size="xs" variant="subtle" color="gray" onClick={onRemove}>
              {t.remove}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function RemoveDialog({
  ceremony,
  item,
  onClose,
}: {
  ceremony: CeremonyDetail;
  item: CeremonyItem;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.delete<CeremonyDetail>(`/api/ceremonies/${ceremony.id}/items/${item.id}`),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['ceremony', ceremony.id], saved);
      await refreshCeremony(queryClient, ceremony.id);
      notifySuccess(t.removed, item.title);
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={t.remove}
      message={t.removeConfirm(item.title)}
      confirmLabel={t.remove}
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error : undefined}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    />
  );
}
