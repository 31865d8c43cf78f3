import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconCircleCheck,
  IconFileDownload,
  IconPencil,
  IconPlayerPlay,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { formatDate, formatNumber, zoneLabel } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useCan } from '../../session.js';
import { CeremonyStatusBadge, ProgressBar } from './badges.js';
import { BoardLinkCard } from './board-link-card.js';
import { CeremonyForm } from './ceremony-form.js';
import { ItemsTable } from './items-table.js';
import { MyDocumentsCard } from './my-documents-card.js';
import { PreflightPanel } from './preflight-panel.js';
import { boardLinkKey, ceremonyQuery, refreshCeremony, reportUrl } from './queries.js';
import { ceremonyStrings as t } from './strings.js';
import type { CeremonyDetail } from './types.js';

type Move = 'start' | 'complete' | 'cancel';

/**
 * /penandatanganan/$ceremonyId: the ceremony at a glance (progress, what blocks it, the board
 * link, the report) and, for a signer with documents here, the batch signing panel. While the
 * ceremony is open the page refreshes itself so the progress moves during the event.
 */
export function CeremonyPage() {
  const { ceremonyId } = useParams({ from: '/_app/penandatanganan/$ceremonyId' });
  const query = useQuery({
    ...ceremonyQuery(ceremonyId),
    refetchInterval: (q) =>
      q.state.data && ['scheduled', 'ongoing'].includes(q.state.data.status) ? 10_000 : false,
  });
  const crumbs = [{ label: t.listTitle, to: '/penandatanganan' }];
  return (
    <QueryPage query={query} errorTitle={t.detailError} crumbs={crumbs}>
      {(ceremony) => <CeremonyView ceremony={ceremony} crumbs={crumbs} />}
    </QueryPage>
  );
}

function CeremonyView({
  ceremony,
  crumbs,
}: {
  ceremony: CeremonyDetail;
  crumbs: { label: string; to: string }[];
}) {
  const [editing, setEditing] = useState(false);
  const [move, setMove] = useState<Move | null>(null);
  const p = ceremony.permissions;
  // A signer without a role sees the ceremony and signs here; the pre-flight (other people's
  // accounts and certificates) and the report are for those who read ceremonies.
  const canRead = useCan('readCeremonies');
  const boardLinkShown = useQueryClient().getQueryData(boardLinkKey(ceremony.id)) !== undefined;
  const when = [
    formatDate(ceremony.eventDate),
    ceremony.startTime ? t.timeAt(ceremony.startTime, zoneLabel(ceremony.timeZone)) : null,
    ceremony.place,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="lg">
      <PageHeader
        title={ceremony.title}
        crumbs={[...crumbs, { label: ceremony.title }]}
        badges={<CeremonyStatusBadge status={ceremony.status} />}
        description={when}
        actions={
          <>
            {p.update && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t.edit}
              </Button>
            )}
            {p.start && (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => setMove('start')}
              >
                {t.start}
              </Button>
            )}
            {p.complete && (
              <Button
                color="green.8"
                leftSection={<IconCircleCheck size={16} aria-hidden />}
                onClick={() => setMove('complete')}
              >
                {t.complete}
              </Button>
            )}
            {p.cancel && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => setMove('cancel')}
              >
                {t.cancel}
              </Button>
            )}
          </>
        }
      />

      {/* The board link is the organisers' business: others only see the progress. */}
      {p.resetBoardToken || boardLinkShown ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ProgressCard ceremony={ceremony} withReport={canRead} />
          <BoardLinkCard ceremony={ceremony} />
        </SimpleGrid>
      ) : (
        <ProgressCard ceremony={ceremony} withReport={canRead} />
      )}

      <MyDocumentsCard ceremony={ceremony} />
      {canRead && ceremony.status !== 'cancelled' && <PreflightPanel ceremony={ceremony} />}
      <ItemsTable ceremony={ceremony} />

      {editing && (
        <CeremonyForm mode="edit" ceremony={ceremony} onClose={() => setEditing(false)} />
      )}
      {move && <MoveDialog ceremony={ceremony} move={move} onClose={() => setMove(null)} />}
    </Stack>
  );
}

function ProgressCard({ ceremony, withReport }: { ceremony: CeremonyDetail; withReport: boolean }) {
  const progress = ceremony.progress;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t.progressTitle}
          </Title>
          <Text fz={36} fw={700} lh={1} c={progress.percent === 100 ? 'green.9' : undefined}>
            {formatNumber(progress.percent)} %
          </Text>
        </Group>
        <ProgressBar progress={progress} size="xl" label={t.progressLabel} />
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t.signaturesOf(progress.signaturesDone, progress.signatures)}</Text>
          <Text size="sm" c="dimmed">
            {t.documentsOf(progress.signed, progress.documents)}
          </Text>
        </Group>
        {withReport && (
          <Group gap="xs" mt="xs">
            <Button
              component="a"
              href={reportUrl(ceremony.id)}
              variant="default"
              leftSection={<IconFileDownload size={16} aria-hidden />}
            >
              {t.report}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function MoveDialog({
  ceremony,
  move,
  onClose,
}: {
  ceremony: CeremonyDetail;
  move: Move;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      api.post<CeremonyDetail>(`/api/ceremonies/${ceremony.id}/${move}`, {
        version: ceremony.version,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['ceremony', ceremony.id], saved);
      await refreshCeremony(queryClient, ceremony.id);
      notifySuccess(t.moved[move]);
      onClose();
    },
  });
  const left = ceremony.progress.signatures - ceremony.progress.signaturesDone;
  const message =
    move === 'start'
      ? t.startConfirm
      : move === 'complete'
        ? t.completeConfirm(left)
        : t.cancelConfirm;
  const title = move === 'start' ? t.start : move === 'complete' ? t.complete : t.cancel;
  return (
    <ConfirmDialog
      opened
      title={title}
      message={message}
      confirmLabel={title}
      color={move === 'cancel' ? 'red' : move === 'complete' ? 'green.8' : 'amanah'}
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error : undefined}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    />
  );
}
