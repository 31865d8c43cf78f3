import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconCircleDashed,
  IconPlayerSkipForward,
  IconPlayerStop,
  IconSignature,
  IconX,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { type BatchEvent, type BatchItemStatus, streamBatchSign } from '../../api/signing.js';
import { formatNumber } from '../../lib/format.js';
import { useSession } from '../../session.js';
import { common } from '../../strings.js';
import { doneGreen, formatDocumentCode } from './badges.js';
import { refreshAfterSigning, tasksQuery } from './queries.js';
import { useSecretInput } from './secret-input.js';
import { SigningSecretFields } from './signing-secret-fields.js';
import { signingStrings as t } from './strings.js';

export interface BatchSummary {
  signed: number;
  skipped: number;
  failed: number;
  totalMs: number;
  /** False when the run was stopped or the connection broke before the end. */
  complete: boolean;
}

interface ItemResult {
  status: BatchItemStatus;
  error?: { code: string; message: string } | undefined;
  ms: number;
}

type Phase = 'entry' | 'running' | 'finished' | 'stopped' | 'interrupted';

/**
 * Signs many documents with one passphrase entry (the Wali Kota's 48 PKs): the server opens the
 * key once and signs each document in its own transaction, streaming progress as SSE. Stopping
 * or losing the connection leaves every document signed or untouched; running again skips the
 * signed ones. Used by Tugas Saya and by the ceremony page.
 */
export function BatchSignPanel({
  documentIds,
  title,
  labels,
  onDone,
  onRunningChange,
  onClose,
}: {
  documentIds: string[];
  title?: string;
  /** Document titles by id for the result list; read from Tugas Saya when not given. */
  labels?: Record<string, string>;
  onDone?: (summary: BatchSummary) => void;
  /** Told when a run starts and ends, e.g. so a surrounding dialog cannot be closed mid-run. */
  onRunningChange?: (running: boolean) => void;
  /** When the panel sits in a dialog: adds "Batal" before a run and "Selesai" after one. */
  onClose?: () => void;
}) {
  const session = useSession();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery());
  const requireTotp = tasks.data?.requireTotp ?? false;
  const passphrase = useSecretInput();
  const totp = useSecretInput();

  const [phase, setPhase] = useState<Phase>('entry');
  const [runIds, setRunIds] = useState<string[]>(documentIds);
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [total, setTotal] = useState(documentIds.length);
  const [agreed, setAgreed] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [totalMs, setTotalMs] = useState<number | null>(null);
  const [stopping, setStopping] = useState(false);
  /** The server stopped the run early (an unexpected error between documents). */
  const [serverStop, setServerStop] = useState<{ code: string; message: string } | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops the run after the current document, like "Hentikan".
  useEffect(() => () => controller.current?.abort(), []);

  useEffect(() => {
    onRunningChange?.(phase === 'running');
  }, [phase, onRunningChange]);

  useEffect(() => {
    if (phase !== 'running') return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [phase]);

  const titles = useMemo(() => {
    const map: Record<string, string> = {};
    for (const item of [
      ...(tasks.data?.toSign ?? []),
      ...(tasks.data?.waiting ?? []),
      ...(tasks.data?.recent ?? []),
    ]) {
      map[item.documentId] = `${item.title} (${formatDocumentCode(item.code)})`;
    }
    return { ...map, ...labels };
  }, [tasks.data, labels]);

  const counts = useMemo(() => {
    const c = { signed: 0, skipped: 0, failed: 0 };
    for (const r of Object.values(results)) c[r.status] += 1;
    return c;
  }, [results]);
  const processed = counts.signed + counts.skipped + counts.failed;
  // What was asked for, plus anything the server reported that was not (it answers per id).
  const listedIds = useMemo(
    () => [...runIds, ...Object.keys(results).filter((id) => !runIds.includes(id))],
    [runIds, results],
  );
  const failedIds = listedIds.filter((id) => results[id]?.status === 'failed');
  const remainingIds = listedIds.filter((id) => {
    const status = results[id]?.status;
    return status !== 'signed' && status !== 'skipped';
  });
  const elapsedMs = totalMs ?? (startedAt === null ? 0 : now - startedAt);

  const run = async (ids: string[]) => {
    if (controller.current) return; // one run at a time, whatever is clicked
    const abort = new AbortController();
    controller.current = abort;
    const secret = passphrase.take();
    const code = requireTotp ? totp.take().replace(/\s+/g, '') : undefined;
    setRefusal(null);
    setServerStop(null);
    setRunIds(ids);
    setResults({});
    setTotal(ids.length);
    setTotalMs(null);
    setStopping(false);
    const started = Date.now();
    setStartedAt(started);
    setNow(started);
    setPhase('running');
    let finished: Extract<BatchEvent, { type: 'done' }> | null = null;
    let outcome: Phase = 'interrupted';
    try {
      finished = await streamBatchSign(
        { documentIds: ids, passphrase: secret, totp: code },
        {
          csrfToken: session.csrfToken,
          signal: abort.signal,
          onEvent: (event) => {
            if (event.type === 'start') setTotal(event.total);
            else if (event.type === 'progress') {
              setResults((previous) => ({
                ...previous,
                [event.documentId]: { status: event.status, error: event.error, ms: event.ms },
              }));
            } else {
              setTotalMs(event.totalMs);
              setServerStop(event.stopped);
            }
          },
        },
      );
      outcome = finished ? 'finished' : 'interrupted';
    } catch (error) {
      if (abort.signal.aborted) outcome = 'stopped';
      else if (error instanceof ApiError) {
        // Refused before anything was signed (wrong passphrase, locked, …): back to the form.
        setRefusal(error);
        outcome = 'entry';
        setStartedAt(null);
      }
    } finally {
      controller.current = null;
      setStopping(false);
    }
    setPhase(outcome);
    if (outcome === 'entry') {
      passphrase.focus();
      return;
    }
    if (!finished) setTotalMs((previous) => previous ?? Date.now() - started);
    await refreshAfterSigning(queryClient);
    onDone?.({
      signed: finished?.signed ?? 0,
      skipped: finished?.skipped ?? 0,
      failed: finished?.failed ?? 0,
      totalMs: finished?.totalMs ?? 0,
      complete: finished !== null,
    });
  };

  // After a stop or failures the next run covers only what is left; otherwise all given ids.
  const [retryIds, setRetryIds] = useState<string[] | null>(null);
  const nextIds = retryIds ?? documentIds;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!agreed || !passphrase.filled || (requireTotp && !totp.filled)) return;
    void run(nextIds);
  };
  const again = (ids: string[]) => {
    setRetryIds(ids);
    setSubmitted(false);
    setRefusal(null);
    setPhase('entry');
  };

  const percent = total === 0 ? 0 : Math.round((processed / total) * 100);

  return (
    <Stack gap="md">
      {title && (
        <Title order={2} fz="lg">
          {title}
        </Title>
      )}
      {phase === 'entry' ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t.batchIntro(nextIds.length)}</Text>
            <SigningSecretFields
              statement={t.batchStatement}
              agreed={agreed}
              onAgreedChange={setAgreed}
              passphrase={passphrase}
              totp={totp}
              requireTotp={requireTotp}
              submitted={submitted}
              refusal={refusal}
            />
            <Group justify="flex-end" gap="xs">
              {onClose && (
                <Button variant="default" onClick={onClose}>
                  {common.cancel}
                </Button>
              )}
              <Button
                type="submit"
                leftSection={<IconSignature size={16} aria-hidden />}
                disabled={nextIds.length === 0}
              >
                {t.batchStart(nextIds.length)}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600} id="batch-progress-label">
                {t.progressLabel}
              </Text>
              <Text size="sm" fw={600}>
                {t.progressText(processed, total)} · {formatNumber(percent)}%
              </Text>
            </Group>
            <Progress.Root
              size="xl"
              role="progressbar"
              aria-labelledby="batch-progress-label"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={processed}
              aria-valuetext={t.progressText(processed, total)}
            >
              <Progress.Section
                value={percent}
                color="teal.7"
                withAria={false}
                animated={phase === 'running'}
              />
            </Progress.Root>
          </Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Counter
              icon={<IconCircleCheck size={18} aria-hidden />}
              label={t.countSigned}
              value={counts.signed}
              color={doneGreen}
            />
            <Counter
              icon={<IconPlayerSkipForward size={18} aria-hidden />}
              label={t.countSkipped}
              value={counts.skipped}
              color="gray.8"
            />
            <Counter
              icon={<IconX size={18} aria-hidden />}
              label={t.countFailed}
              value={counts.failed}
              color={counts.failed > 0 ? 'red.9' : 'gray.8'}
            />
            <Counter label={t.elapsed} value={`${t.seconds(elapsedMs)} dtk`} color="gray.8" />
          </SimpleGrid>
          <div aria-live="polite">
            {phase === 'finished' && (
              <Alert
                color={counts.failed > 0 ? 'orange' : 'teal'}
                variant="light"
                title={t.doneTitle}
                icon={
                  counts.failed > 0 ? (
                    <IconAlertTriangle size={18} aria-hidden />
                  ) : (
                    <IconCheck size={18} aria-hidden />
                  )
                }
              >
                <Text size="sm">
                  {t.doneSummary(
                    counts.signed,
                    counts.skipped,
                    counts.failed,
                    t.seconds(elapsedMs),
                  )}
                </Text>
                {failedIds.length > 0 && (
                  <Stack gap={4} mt="xs">
                    <Text size="sm" fw={600}>
                      {t.failedList}
                    </Text>
                    <List size="sm" spacing={4}>
                      {failedIds.map((id) => (
                        <List.Item key={id}>
                          {titles[id] ?? id}: {results[id]?.error?.message ?? t.statusFailed}
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                )}
              </Alert>
            )}
            {phase === 'finished' && serverStop && (
              <Alert color="orange" variant="light" title={t.interruptedTitle} mt="xs">
                {serverStop.message} {t.interruptedBody}
              </Alert>
            )}
            {phase === 'stopped' && (
              <Alert color="orange" variant="light" title={t.stoppedTitle}>
                {t.stoppedBody}
              </Alert>
            )}
            {phase === 'interrupted' && (
              <Alert color="orange" variant="light" title={t.interruptedTitle}>
                {t.interruptedBody}
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="xs">
            {phase === 'running' ? (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={16} aria-hidden />}
                loading={stopping}
                onClick={() => {
                  setStopping(true);
                  controller.current?.abort();
                }}
              >
                {t.stop}
              </Button>
            ) : (
              <>
                {(phase === 'stopped' || phase === 'interrupted') && remainingIds.length > 0 && (
                  <Button variant="default" onClick={() => again(remainingIds)}>
                    {t.resume(remainingIds.length)}
                  </Button>
                )}
                {phase === 'finished' && serverStop && remainingIds.length > 0 && (
                  <Button variant="default" onClick={() => again(remainingIds)}>
                    {t.resume(remainingIds.length)}
                  </Button>
                )}
                {phase === 'finished' && !serverStop && failedIds.length > 0 && (
                  <Button variant="default" onClick={() => again(failedIds)}>
                    {t.retryFailed(failedIds.length)}
                  </Button>
                )}
                {onClose && <Button onClick={onClose}>{t.finish}</Button>}
              </>
            )}
          </Group>
          <Paper withBorder p={0}>
            <Text size="sm" fw={600} px="sm" pt="xs">
              {t.results}
            </Text>
            <ScrollArea.Autosize mah={320} type="auto">
              <Stack
                component="ol"
                gap={0}
                py="xs"
                pl="xs"
                pr="md"
                m={0}
                style={{ listStyle: 'none' }}
              >
                {listedIds.map((id, index) => (
                  <ResultRow
                    key={id}
                    label={titles[id] ?? t.documentN(index + 1)}
                    result={results[id]}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}

function Counter({
  icon,
  label,
  value,
  color,
}: {
  icon?: ReactNode;
  label: string;
  value: number | string;
  color: string;
}) {
  return (
    <Paper withBorder p="xs">
      <Group gap={6} wrap="nowrap" c={color}>
        {icon}
        <Text fz="xl" fw={700} lh={1.1}>
          {typeof value === 'number' ? formatNumber(value) : value}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

const statusView: Record<
  BatchItemStatus | 'pending',
  { text: string; color: string; icon: ReactNode }
> = {
  signed: {
    text: t.statusSigned,
    color: doneGreen,
    icon: <IconCircleCheck size={16} aria-hidden />,
  },
  skipped: {
    text: t.statusSkipped,
    color: 'gray.7',
    icon: <IconPlayerSkipForward size={16} aria-hidden />,
  },
  failed: { text: t.statusFailed, color: 'red.9', icon: <IconX size={16} aria-hidden /> },
  pending: {
    text: t.statusPending,
    color: 'dimmed',
    icon: <IconCircleDashed size={16} aria-hidden />,
  },
};

function ResultRow({ label, result }: { label: string; result: ItemResult | undefined }) {
  const view = statusView[result?.status ?? 'pending'];
  return (
    <li>
      <Group
        justify="space-between"
        gap="xs"
        wrap="nowrap"
        align="flex-start"
        py={6}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      >
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm">{label}</Text>
          {result?.error && (
            <Text size="xs" c="red.9">
              {result.error.message}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap" c={view.color} style={{ flexShrink: 0 }}>
          {view.icon}
          <Text size="xs" fw={600}>
            {view.text}
          </Text>
        </Group>
      </Group>
    </li>
  );
}
