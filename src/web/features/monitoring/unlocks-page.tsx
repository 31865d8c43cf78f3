import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconLockOpen, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { DataTable } from '../../components/data-table.js';
import { FormActions } from '../../components/form-actions.js';
import { AnchorLink } from '../../components/links.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useCan, useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { ReportStatusBadge } from './badges.js';
import { decideUnlock, refreshMonitoring, tenantQuery, unlocksQuery } from './queries.js';
import { levelLabels, quarterLabel, monitoringStrings as t } from './strings.js';
import type { UnlockListItem } from './types.js';

type Decision = { item: UnlockListItem; decision: 'grant' | 'refuse' };

/** /realisasi/buka-kunci: the admin's list of pending unlock requests, grant for N days or refuse. */
export function UnlocksPage() {
  const canGrant = useCan('grantUnlocks');
  const timeZone = useTimeZone();
  const list = useQuery({ ...unlocksQuery(), enabled: canGrant });
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const header = (
    <PageHeader
      title={t.unlocksTitle}
      description={t.unlocksDescription}
      crumbs={[{ label: t.listTitle, to: '/realisasi' }, { label: t.unlocksTitle }]}
    />
  );

  if (!canGrant) {
    return (
      <>
        {header}
        <Paper withBorder>
          <EmptyState title={t.unlocksTitle} description={t.noRightsUnlocks} />
        </Paper>
      </>
    );
  }
  if (list.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={4} />
      </>
    );
  }
  if (list.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      </>
    );
  }
  const items = list.data.items.filter((i) => i.status === 'pending');

  return (
    <>
      {header}
      {items.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            icon={<IconLockOpen size={26} aria-hidden />}
            title={t.unlocksEmptyTitle}
            description={t.unlocksEmptyBody}
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <DataTable
            minWidth={820}
            head={
              <>
                <Table.Th>{t.unlocksReport}</Table.Th>
                <Table.Th>{t.unlocksReason}</Table.Th>
                <Table.Th>{t.unlocksRequested}</Table.Th>
                <Table.Th>{t.unlocksDecision}</Table.Th>
              </>
            }
          >
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`unlock-${item.id}`}>
                <Table.Td>
                  <Stack gap={2}>
                    <AnchorLink
                      to="/realisasi/$reportId"
                      params={{ reportId: item.reportId }}
                      fw={600}
                      size="sm"
                    >
                      {`${quarterLabel(item.quarter)} ${item.year} · ${item.agreementTitle}`}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {item.unitName ?? levelLabels.pemda} · {t.deadline}{' '}
                      {formatDate(item.deadline)}
                    </Text>
                    <Group gap={4}>
                      <ReportStatusBadge status={item.reportStatus} />
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.requestedByName ?? t.system}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(item.requestedAt, timeZone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      leftSection={<IconLockOpen size={14} aria-hidden />}
                      onClick={() => setDeciding({ item, decision: 'grant' })}
                      aria-label={`${t.grant}: ${item.agreementTitle} ${quarterLabel(item.quarter)}`}
                    >
                      {t.grant}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      leftSection={<IconX size={14} aria-hidden />}
                      onClick={() => setDeciding({ item, decision: 'refuse' })}
                      aria-label={`${t.refuse}: ${item.agreementTitle} ${quarterLabel(item.quarter)}`}
                    >
                      {t.refuse}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
      )}
      <DecisionDialog deciding={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

function DecisionDialog({ deciding, onClose }: { deciding: Decision | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const tenant = useQuery(tenantQuery());
  const maxDays = Number(tenant.data?.settings?.monitoring?.unlockMaxDays ?? 7);
  const [days, setDays] = useState<number | string>(3);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const grant = deciding?.decision === 'grant';

  const decide = useMutation({
    mutationFn: (d: Decision) => {
      const trimmed = note.trim();
      return decideUnlock(d.item.id, {
        decision: d.decision,
        ...(d.decision === 'grant'
          ? { days: Math.min(Math.max(1, Math.round(Number(days) || 1)), maxDays) }
          : {}),
        ...(trimmed ? { note: trimmed } : {}),
      });
    },
    onSuccess: async (_, d) => {
      notifySuccess(d.decision === 'grant' ? t.granted : t.refused);
      close();
      await refreshMonitoring(queryClient);
    },
  });

  const close = () => {
    setNote('');
    setNoteError(null);
    setDays(Math.min(3, maxDays));
    decide.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!deciding || decide.isPending) return;
    if (!grant && note.trim().length < 5) {
      setNoteError(t.refuseNoteRequired);
      return;
    }
    decide.mutate(deciding);
  };

  return (
    <Modal
      opened={deciding !== null}
      onClose={close}
      title={<Text fw={700}>{grant ? t.grantTitle : t.refuseTitle}</Text>}
      centered
      closeButtonProps={{ 'aria-label': common.close }}
    >
      {deciding && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {`${quarterLabel(deciding.item.quarter)} ${deciding.item.year} · ${deciding.item.agreementTitle}`}
            </Text>
            {grant && (
              <NumberInput
                label={t.grantDays}
                description={t.grantDaysHint(maxDays)}
                min={1}
                max={maxDays}
                clampBehavior="strict"
                allowDecimal={false}
                value={days}
                onChange={setDays}
                required
                data-autofocus
              />
            )}
            <Textarea
              label={t.decisionNote}
              description={grant ? undefined : t.refuseNoteHint}
              required={!grant}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              error={noteError}
              onChange={(e) => {
                setNoteError(null);
                setNote(e.currentTarget.value);
              }}
            />
            <MutationError mutation={decide} />
            <FormActions
              onCancel={close}
              pending={decide.isPending}
              submitLabel={grant ? t.grant : t.refuse}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
