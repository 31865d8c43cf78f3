import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PactStatus } from '../../../shared/codes.js';
import { pactOccasions, pactStatuses } from '../../../shared/codes.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { ensureDocument, pactsQuery, refreshPacts, voidPact } from './queries.js';
import type { UnitRef } from './status-table.js';
import { occasionLabels, pactStatusLabels, integrityStrings as t } from './strings.js';
import type { PactSummary } from './types.js';

// Explicit text/background pairs: each meets WCAG AA contrast at badge size.
const statusColors: Record<PactStatus, { bg: string; c: string }> = {
  pending: { bg: 'indigo.0', c: 'indigo.9' },
  signed: { bg: 'green.0', c: '#1e6b30' },
  void: { bg: 'gray.1', c: 'gray.7' },
};

export function PactStatusBadge({ status }: { status: PactStatus }) {
  const colors = statusColors[status];
  return (
    <Badge variant="light" size="sm" bg={colors.bg} c={colors.c} miw="max-content">
      {pactStatusLabels[status]}
    </Badge>
  );
}

/**
 * Opens a pact's PDF in a new tab, making the document first when it has none. The tab is
 * opened at once, inside the click, so no pop-up blocker stops it; it is sent to the PDF once
 * the server answers, or closed with a message when it cannot.
 */
async function openPactPdf(pact: PactSummary, onMade: () => void) {
  if (pact.document) {
    window.open(pact.document.pdfUrl, '_blank', 'noopener');
    return;
  }
  const tab = window.open('about:blank', '_blank');
  try {
    const document = await ensureDocument(pact.id);
    if (tab) tab.location.href = document.pdfUrl;
    else window.location.href = document.pdfUrl;
    onMade();
  } catch (error) {
    tab?.close();
    notifications.show({ color: 'red', title: t.pdfFailed, message: errorMessage(error) });
  }
}

/** The pacts of the year in the unit shown, with filters, 50 per page. */
export function PactsList({ fiscalYear, unit }: { fiscalYear: number; unit: UnitRef | null }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [occasion, setOccasion] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [voiding, setVoiding] = useState<PactSummary | null>(null);
  const [reason, setReason] = useState('');
  const filterKey = `${fiscalYear}|${unit?.id}|${status}|${occasion}|${q}`;
  const [pagedFor, setPagedFor] = useState(filterKey);
  if (pagedFor !== filterKey) {
    setPagedFor(filterKey);
    setPage(1);
  }
  const list = useQuery({
    ...pactsQuery({
      fiscalYear,
      unitId: unit?.id,
      status: status ?? undefined,
      occasion: occasion ?? undefined,
      q: q || undefined,
      page,
    }),
    placeholderData: keepPreviousData,
  });
  const doVoid = useMutation({
    mutationFn: () => voidPact(voiding?.id ?? '', reason.trim()),
    onSuccess: async () => {
      notifySuccess(t.voided);
      setVoiding(null);
      setReason('');
      await refreshPacts(queryClient);
    },
  });
  const filtered = !!(status || occasion || q);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const from = list.data ? (list.data.page - 1) * list.data.pageSize : 0;

  return (
    <Paper withBorder>
      <Stack gap="sm" p="md" pb="xs">
        <Title order={2} fz="lg">
          {unit ? t.listIn(unit.name) : t.listTitle}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t.status}
            placeholder={t.allStatuses}
            data={pactStatuses.map((s) => ({ value: s, label: pactStatusLabels[s] }))}
            value={status}
            onChange={setStatus}
            clearable
            w={{ base: '100%', xs: 210 }}
          />
          <Select
            label={t.occasion}
            placeholder={t.allOccasions}
            data={pactOccasions.map((o) => ({ value: o, label: occasionLabels[o] }))}
            value={occasion}
            onChange={setOccasion}
            clearable
            w={{ base: '100%', xs: 170 }}
          />
          <TextInput
            label={t.search}
            type="search"
            placeholder={t.search}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
          />
        </Group>
      </Stack>

      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t.emptyFiltered : t.emptyTitle}
          description={filtered ? '' : list.data.permissions.create ? t.emptyCreate : t.emptyRead}
          action={
            filtered && (
              <Button
                variant="default"
                onClick={() => {
                  setStatus(null);
                  setOccasion(null);
                  setSearch('');
                }}
              >
                {t.clearFilters}
              </Button>
            )
          }
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" px="md" aria-live="polite">
            {pages > 1
              ? t.pageOf(from + 1, from + list.data.items.length, list.data.total)
              : t.resultCount(list.data.total)}
          </Text>
          <DataTable
            minWidth={900}
            head={
              <>
                <Table.Th w="32%">{t.colMaker}</Table.Th>
                <Table.Th w="18%">{t.colUnit}</Table.Th>
                <Table.Th w="24%">{t.colWitness}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t.colActions}</VisuallyHidden>
                </Table.Th>
              </>
            }
          >
            {list.data.items.map((pact) => (
              <PactRow
                key={pact.id}
                pact={pact}
                onOpen={() => void openPactPdf(pact, () => void refreshPacts(queryClient))}
                onVoid={() => {
                  doVoid.reset();
                  setReason('');
                  setVoiding(pact);
                }}
              />
            ))}
          </DataTable>
          {pages > 1 && (
            <Group justify="center" p="sm">
              <Pagination
                total={pages}
                value={list.data.page}
                onChange={setPage}
                aria-label={t.pagination}
                getItemProps={(n) => ({ 'aria-label': `Halaman ${n}` })}
                getControlProps={(control) => ({
                  'aria-label': {
                    first: 'Halaman pertama',
                    last: 'Halaman terakhir',
                    next: 'Halaman berikutnya',
                    previous: 'Halaman sebelumnya',
                  }[control],
                })}
                siblings={1}
                size="sm"
              />
            </Group>
          )}
        </>
      )}

      <ConfirmDialog
        opened={voiding !== null}
        title={t.voidTitle}
        message={t.voidMessage(voiding?.maker.name ?? '')}
        confirmLabel={t.voidConfirm}
        pending={doVoid.isPending}
        error={doVoid.error}
        onConfirm={() => {
          if (reason.trim().length >= 3) doVoid.mutate();
        }}
        onClose={() => setVoiding(null)}
      >
        <Textarea
          label={t.voidReason}
          description={t.voidReasonHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          minLength={3}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
        />
      </ConfirmDialog>
    </Paper>
  );
}

function PactRow({
  pact,
  onOpen,
  onVoid,
}: {
  pact: PactSummary;
  onOpen: () => void;
  onVoid: () => void;
}) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {pact.maker.name}
        </Text>
        <Text size="xs" c="gray.7">
          {formatNip(pact.maker.nip)} · {pact.maker.positionTitle}
        </Text>
        <Text size="xs" c="dimmed">
          {occasionLabels[pact.occasion]} · {t.pactDate(formatDate(pact.pactDate))}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{pact.unit?.name ?? '–'}</Text>
      </Table.Td>
      <Table.Td>
        {pact.witness ? (
          <>
            <Text size="sm">{pact.witness.name}</Text>
            <Text size="xs" c="gray.7">
              {pact.witness.positionTitle}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {t.noWitness}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <PactStatusBadge status={pact.status} />
          {pact.document && pact.status === 'pending' && (
            <Text size="xs" c="gray.7">
              {t.signedCount(pact.document.signedCount, pact.document.signerCount)}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          {pact.permissions.document && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconFileTypePdf size={14} aria-hidden />}
              onClick={onOpen}
              aria-label={t.openPdfFor(pact.maker.name)}
            >
              {t.openPdf}
            </Button>
          )}
          {pact.permissions.void && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={onVoid}
              aria-label={t.voidFor(pact.maker.name)}
            >
              {t.voidPact}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
