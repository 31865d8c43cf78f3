import {
  Badge,
  Button,
  Code,
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
import { IconCertificate, IconLock, IconSearch, IconShieldOff } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type CertificateStatus,
  certificateStatuses,
  type RevocationReason,
  revocationReasons,
} from '../../../shared/codes.js';
import { type CertificateRow, type SignAttempt, signingApi } from '../../api/signing.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatDateTime, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { CertificateStatusBadge, formatDocumentCode } from './badges.js';
import { certificatesQuery, unknownAttemptsQuery } from './queries.js';
import { certificateStatusLabels, revocationReasonLabels, signingStrings as t } from './strings.js';

const pageSize = 50;

/** /sertifikat: the officials' signing certificates (admin) and unknown remote sign attempts. */
export function CertificatesAdminPage() {
  const timeZone = useTimeZone();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [status, setStatus] = useState<CertificateStatus | null>(null);
  // A page number belongs to one search: a new filter starts again at page 1.
  const filterKey = `${q}|${status ?? ''}`;
  const [paging, setPaging] = useState({ key: '', page: 1 });
  const page = paging.key === filterKey ? paging.page : 1;
  const certificates = useQuery({
    ...certificatesQuery({
      q: q || undefined,
      status: status ?? undefined,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const [revoking, setRevoking] = useState<CertificateRow | null>(null);
  const pages = certificates.data ? Math.max(1, Math.ceil(certificates.data.total / pageSize)) : 1;
  const filtered = q !== '' || status !== null;

  return (
    <>
      <PageHeader title={t.adminTitle} description={t.adminDescription} />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Group gap="sm" mb="md" align="flex-end">
            <TextInput
              label={t.searchLabel}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
              maw={420}
            />
            <Select
              label={t.statusFilter}
              placeholder={t.allStatuses}
              data={certificateStatuses.map((value) => ({
                value,
                label: certificateStatusLabels[value],
              }))}
              value={status}
              onChange={(value) => setStatus(value as CertificateStatus | null)}
              clearable
              w={200}
            />
          </Group>
          {certificates.isPending ? (
            <LoadingRows rows={6} />
          ) : certificates.isError ? (
            <ErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
          ) : certificates.data.items.length === 0 ? (
            filtered ? (
              <EmptyState
                icon={<IconSearch size={26} aria-hidden />}
                title={t.noMatchTitle}
                description={t.noMatchBody}
              />
            ) : (
              <EmptyState
                icon={<IconCertificate size={26} aria-hidden />}
                title={t.noCertificatesTitle}
                description={t.noCertificatesBody}
              />
            )
          ) : (
            <Stack gap="sm">
              <DataTable
                minWidth={860}
                head={
                  <>
                    <Table.Th>{t.colOfficial}</Table.Th>
                    <Table.Th>{t.colJabatan}</Table.Th>
                    <Table.Th>{t.colSerial}</Table.Th>
                    <Table.Th>{t.colValid}</Table.Th>
                    <Table.Th>{t.colStatus}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t.colActions}</VisuallyHidden>
                    </Table.Th>
                  </>
                }
              >
                {certificates.data.items.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.employeeName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.nip ? `NIP ${formatNip(row.nip)}` : common.none}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.jabatan || common.none}</Text>
                    </Table.Td>
                    <Table.Td>
                      {row.serial ? (
                        <Code fz="xs" title={row.serial}>
                          {row.serial.slice(0, 12)}…
                        </Code>
                      ) : (
                        t.providers[row.provider]
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(row.notAfter, timeZone)}
                      </Text>
                      {row.readiness === 'expired' && row.status === 'active' && (
                        <Text size="xs" c="red.9">
                          Kedaluwarsa
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <CertificateStatusBadge status={row.status} />
                        {row.locked && row.lockedUntil && (
                          <Badge
                            variant="light"
                            size="sm"
                            bg="orange.0"
                            c="orange.9"
                            tt="none"
                            leftSection={<IconLock size={12} aria-hidden />}
                          >
                            {t.locked}{' '}
                            {t.lockedUntilShort(formatDateTime(row.lockedUntil, timeZone))}
                          </Badge>
                        )}
                        {row.status !== 'active' && row.revocationReason && (
                          <Text size="xs" c="dimmed">
                            {revocationReasonLabels[row.revocationReason]}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.status === 'active' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconShieldOff size={14} aria-hidden />}
                          onClick={() => setRevoking(row)}
                          aria-label={`${t.revoke}: ${row.employeeName}`}
                        >
                          {t.revoke}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              {pages > 1 && (
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {certificates.data.total} sertifikat
                  </Text>
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={(next) => setPaging({ key: filterKey, page: next })}
                    getControlProps={(control) => ({
                      'aria-label':
                        control === 'next' ? 'Halaman berikutnya' : 'Halaman sebelumnya',
                    })}
                  />
                </Group>
              )}
            </Stack>
          )}
        </Paper>
        <UnknownAttempts />
      </Stack>
      <RevokeDialog row={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeDialog({ row, onClose }: { row: CertificateRow | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<RevocationReason | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (pending) return;
    setReason(null);
    setSubmitted(false);
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setSubmitted(true);
    if (!row || !reason || pending) return;
    setPending(true);
    setError(null);
    try {
      await signingApi.revoke(row.id, reason);
      notifySuccess(`${row.employeeName}`, t.revoked);
      await queryClient.invalidateQueries({ queryKey: ['certificates'] });
      setPending(false);
      setReason(null);
      setSubmitted(false);
      onClose();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };
  return (
    <ConfirmDialog
      opened={row !== null}
      title={row ? t.revokeTitle(row.employeeName) : ''}
      message={t.revokeBody}
      confirmLabel={t.revoke}
      pending={pending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={close}
    >
      <Select
        label={t.reason}
        placeholder="Pilih alasan"
        data={revocationReasons.map((value) => ({
          value,
          label: revocationReasonLabels[value],
        }))}
        value={reason}
        onChange={(value) => setReason(value as RevocationReason | null)}
        required
        error={submitted && !reason ? 'Pilih alasan pencabutan.' : undefined}
      />
    </ConfirmDialog>
  );
}

/** Remote (BSrE) requests whose outcome never came back; hidden when the server has none. */
function UnknownAttempts() {
  const timeZone = useTimeZone();
  const attempts = useQuery(unknownAttemptsQuery());
  const [resolving, setResolving] = useState<SignAttempt | null>(null);
  if (attempts.isPending || attempts.data === null) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t.attemptsTitle}>
      <Title order={2} fz="lg">
        {t.attemptsTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.attemptsHint}
      </Text>
      {attempts.isError ? (
        <ErrorAlert error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : attempts.data.length === 0 ? (
        <Text size="sm">{t.attemptsNone}</Text>
      ) : (
        <DataTable
          minWidth={640}
          head={
            <>
              <Table.Th>{t.colDocument}</Table.Th>
              <Table.Th>{t.colSigner}</Table.Th>
              <Table.Th>{t.colStarted}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t.colActions}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {attempts.data.map((attempt) => (
            <Table.Tr key={attempt.id}>
              <Table.Td>
                <Text size="sm">{attempt.documentTitle ?? common.none}</Text>
                {attempt.documentCode && (
                  <Text size="xs" c="dimmed">
                    {formatDocumentCode(attempt.documentCode)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{attempt.signerName ?? common.none}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(attempt.startedAt, timeZone)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" onClick={() => setResolving(attempt)}>
                  {t.resolve}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ResolveDialog attempt={resolving} onClose={() => setResolving(null)} />
    </Paper>
  );
}

function ResolveDialog({ attempt, onClose }: { attempt: SignAttempt | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooShort = note.trim().length < 10;
  const close = () => {
    if (pending) return;
    setNote('');
    setSubmitted(false);
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setSubmitted(true);
    if (!attempt || tooShort || pending) return;
    setPending(true);
    setError(null);
    try {
      await signingApi.resolveAttempt(attempt.id, note.trim());
      notifySuccess(t.resolved);
      await queryClient.invalidateQueries({ queryKey: ['sign-attempts'] });
      setPending(false);
      setNote('');
      setSubmitted(false);
      onClose();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };
  return (
    <ConfirmDialog
      opened={attempt !== null}
      title={t.resolveTitle}
      message={t.attemptsHint}
      confirmLabel={t.resolve}
      color="blue"
      pending={pending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={close}
    >
      <Textarea
        label={t.resolveNote}
        description={t.resolveNoteHint}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={3}
        required
        error={submitted && tooShort ? t.resolveNoteHint : undefined}
      />
    </ConfirmDialog>
  );
}
