import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconCertificate,
  IconChecks,
  IconDownload,
  IconExternalLink,
  IconSignature,
  IconUserOff,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { documentPdfUrl, type TaskItem } from '../../api/signing.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useCan, useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { InboxSections } from '../notifications/inbox.js';
import { inboxQuery } from '../notifications/queries.js';
import { notificationStrings } from '../notifications/strings.js';
import { doneGreen, formatDocumentCode, KindBadge } from './badges.js';
import { BatchSignPanel } from './batch-sign-panel.js';
import { tasksQuery } from './queries.js';
import { SignDialog, type SignTarget } from './sign-dialog.js';
import { roleLabels, signingStrings as t } from './strings.js';
import { groupByCeremony, isMyTurn, type TaskGroup } from './task-groups.js';

/**
 * /tugas: everything waiting for me, by deadline: the quarterly realisasi to fill, fix, approve,
 * verify or unlock (GET /api/tasks), then what is waiting for my signature, what waits for others,
 * what I signed lately.
 */
export function TasksPage() {
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery());
  const inbox = useQuery(inboxQuery());
  const inboxItems = (inbox.data?.items ?? []).filter((item) => item.kind !== 'sign');
  const canFill = useCan('fillRealisasi');
  const allDone = (
    <Paper withBorder>
      <EmptyState
        icon={<IconChecks size={26} aria-hidden />}
        title={notificationStrings.everythingDone}
        description={
          canFill
            ? `${notificationStrings.everythingDoneBody} ${notificationStrings.everythingDoneFill}`
            : notificationStrings.everythingDoneBody
        }
        action={
          canFill ? (
            <Button component={Link} to="/realisasi" variant="light" mt="xs">
              {notificationStrings.toRealisasi}
            </Button>
          ) : undefined
        }
      />
    </Paper>
  );
  const [signing, setSigning] = useState<SignTarget | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [batchIds, setBatchIds] = useState<string[] | null>(null);
  const [batchRunning, setBatchRunning] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;

  const data = tasks.data;
  const signable = useMemo(() => (data?.toSign ?? []).filter(isMyTurn), [data]);
  // Mine to sign later: the other party (pihak pertama, the maker) signs first.
  const notYet = useMemo(() => (data?.toSign ?? []).filter((item) => !isMyTurn(item)), [data]);
  // The selection only ever holds documents still waiting for me (the list may have changed).
  const chosen = signable.filter((item) => selected.has(item.documentId));
  const canBatch = !!data?.enrolled && signable.length > 1;
  const batchAction = canBatch ? (
    <Button
      leftSection={<IconChecks size={16} aria-hidden />}
      onClick={() =>
        setBatchIds((chosen.length > 0 ? chosen : signable).map((item) => item.documentId))
      }
    >
      {chosen.length > 0 ? t.signSelected(chosen.length) : t.signAll(signable.length)}
    </Button>
  ) : undefined;

  const header = (
    <PageHeader
      title={t.tasksTitle}
      description={notificationStrings.tasksDescription}
      actions={batchAction}
    />
  );
  const inboxPart = inbox.isError ? (
    <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
  ) : inbox.isPending ? (
    <LoadingRows rows={2} />
  ) : (
    <InboxSections items={inboxItems} />
  );

  if (tasks.isPending) {
    return (
      <>
        {header}
        <LoadingRows rows={5} />
      </>
    );
  }
  if (tasks.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      </>
    );
  }
  const { linked, enrolled, toSign, waiting, recent } = tasks.data;
  if (!linked) {
    // Not an employee: nothing to sign, but monitoring tasks (verify, unlock…) may be waiting.
    return (
      <>
        {header}
        <Stack gap="xl">
          {inboxPart}
          {inbox.isSuccess && inboxItems.length === 0 && allDone}
          <Group gap="xs" wrap="nowrap" align="flex-start" c="gray.7">
            <IconUserOff size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm" c="gray.7">
              <Text span fw={600} inherit>
                {t.notLinkedTitle}.
              </Text>{' '}
              {t.notLinkedBody}
            </Text>
          </Group>
        </Stack>
      </>
    );
  }
  const nothingToSign = toSign.length === 0 && waiting.length === 0 && recent.length === 0;

  const toggle = (ids: string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <>
      {header}
      <Stack gap="xl">
        {inboxPart}
        {!enrolled && (
          <Paper withBorder p="md" bg="yellow.0">
            <Group gap="md" align="flex-start" wrap="nowrap">
              <IconCertificate size={28} aria-hidden style={{ flexShrink: 0 }} />
              <Stack gap="xs">
                <Text fw={700}>{t.notEnrolledTitle}</Text>
                <Text size="sm">{t.notEnrolledBody}</Text>
                <Group>
                  <Button component={Link} to="/akun/tanda-tangan">
                    {t.enrolAction}
                  </Button>
                </Group>
              </Stack>
            </Group>
          </Paper>
        )}

        {nothingToSign ? (
          inboxItems.length === 0 &&
          (inbox.isSuccess ? (
            allDone
          ) : (
            <Paper withBorder>
              <EmptyState
                icon={<IconChecks size={26} aria-hidden />}
                title={t.nothingTitle}
                description={t.nothingBody}
              />
            </Paper>
          ))
        ) : (
          <>
            <Section
              id="tanda-tangan"
              title={t.toSign}
              hint={signable.length > 0 ? t.toSignHint : undefined}
            >
              {signable.length === 0 ? (
                <Paper withBorder p="md">
                  <Text size="sm">{t.nothingNow}</Text>
                </Paper>
              ) : (
                groupByCeremony(signable).map((group) => (
                  <CeremonyGroup
                    key={group.key}
                    group={group}
                    showHeading={signable.some((item) => item.ceremony)}
                    selectable={canBatch}
                    selected={selected}
                    onToggle={toggle}
                  >
                    {(item) => (
                      <TaskRow
                        item={item}
                        selectable={canBatch}
                        checked={selected.has(item.documentId)}
                        onCheck={(on) => toggle([item.documentId], on)}
                        status={<StatusBadge tone="you">{t.waitingYou}</StatusBadge>}
                        action={
                          enrolled ? (
                            <Button
                              size="xs"
                              leftSection={<IconSignature size={14} aria-hidden />}
                              onClick={() =>
                                setSigning({ documentId: item.documentId, title: item.title })
                              }
                            >
                              {t.readAndSign}
                            </Button>
                          ) : (
                            <PdfLink item={item} />
                          )
                        }
                      />
                    )}
                  </CeremonyGroup>
                ))
              )}
            </Section>

            {waiting.length > 0 && (
              <Section title={t.waiting} hint={t.waitingHint}>
                <FoldedList items={waiting}>
                  {(item) => (
                    <TaskRow
                      item={item}
                      status={
                        <StatusBadge tone="wait">
                          {t.waitingFor(item.nextSignerName ?? '–')}
                        </StatusBadge>
                      }
                      action={<PdfLink item={item} />}
                    />
                  )}
                </FoldedList>
              </Section>
            )}

            {recent.length > 0 && (
              <Section title={t.recent}>
                <FoldedList items={recent}>
                  {(item) => (
                    <TaskRow
                      item={item}
                      status={
                        item.signedCount >= item.signerCount ? (
                          <StatusBadge tone="done">{t.complete}</StatusBadge>
                        ) : (
                          <StatusBadge tone="wait">
                            {t.waitingFor(item.nextSignerName ?? '–')}
                          </StatusBadge>
                        )
                      }
                      action={<PdfLink item={item} download />}
                    />
                  )}
                </FoldedList>
              </Section>
            )}

            {notYet.length > 0 && (
              <Section title={t.notYet} hint={t.notYetHint}>
                <FoldedList items={notYet}>
                  {(item) => (
                    <TaskRow
                      item={item}
                      status={
                        <StatusBadge tone="wait">
                          {t.waitingFor(item.nextSignerName ?? '–')}
                        </StatusBadge>
                      }
                      action={<PdfLink item={item} />}
                    />
                  )}
                </FoldedList>
              </Section>
            )}
          </>
        )}
      </Stack>

      <SignDialog
        target={signing}
        requireTotp={tasks.data.requireTotp}
        onClose={() => setSigning(null)}
        onSigned={() => {
          if (signing) toggle([signing.documentId], false);
          void queryClient.invalidateQueries({ queryKey: ['inbox'] });
        }}
      />

      <Modal
        opened={batchIds !== null}
        onClose={() => {
          if (!batchRunning) setBatchIds(null);
        }}
        title={<Text fw={700}>{t.batchTitle}</Text>}
        size="lg"
        fullScreen={isPhone}
        closeOnClickOutside={false}
        closeOnEscape={!batchRunning}
        withCloseButton={!batchRunning}
        closeButtonProps={{ 'aria-label': common.close }}
      >
        {batchIds && (
          <Stack gap="md">
            <BatchSignPanel
              documentIds={batchIds}
              onRunningChange={setBatchRunning}
              onDone={() => {
                setSelected(new Set());
                void queryClient.invalidateQueries({ queryKey: ['inbox'] });
              }}
              onClose={() => setBatchIds(null)}
            />
          </Stack>
        )}
      </Modal>
    </>
  );
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id?: string;
  title: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-label={title} id={id}>
      <div>
        <Title order={2} fz="lg">
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

function CeremonyGroup({
  group,
  showHeading,
  selectable,
  selected,
  onToggle,
  children,
}: {
  group: TaskGroup;
  showHeading: boolean;
  selectable: boolean;
  selected: Set<string>;
  onToggle: (ids: string[], on: boolean) => void;
  children: (item: TaskItem) => ReactNode;
}) {
  const timeZone = useTimeZone();
  const canSeeCeremonies = useCan('readCeremonies');
  const ids = group.items.filter(isMyTurn).map((item) => item.documentId);
  const count = ids.filter((id) => selected.has(id)).length;
  const name = group.ceremony?.title ?? t.noOtherCeremony;
  return (
    <Paper withBorder>
      {showHeading && (
        <Group
          justify="space-between"
          gap="xs"
          px="md"
          py="xs"
          bg="gray.0"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            {selectable && ids.length > 1 && (
              <Checkbox
                aria-label={t.selectGroup(name)}
                checked={count === ids.length}
                indeterminate={count > 0 && count < ids.length}
                onChange={(event) => onToggle(ids, event.currentTarget.checked)}
              />
            )}
            <div style={{ minWidth: 0 }}>
              {group.ceremony && canSeeCeremonies ? (
                <AnchorLink
                  to="/penandatanganan/$ceremonyId"
                  params={{ ceremonyId: group.ceremony.id }}
                  fw={600}
                  size="sm"
                >
                  {name}
                </AnchorLink>
              ) : (
                <Text fw={600} size="sm">
                  {name}
                </Text>
              )}
              {group.ceremony && (
                <Text size="xs" c="dimmed">
                  {t.ceremonyOn(formatDate(group.ceremony.eventDate, timeZone))}
                </Text>
              )}
            </div>
          </Group>
        </Group>
      )}
      <RowList>
        {group.items.map((item) => (
          <Fragment key={item.documentId}>{children(item)}</Fragment>
        ))}
      </RowList>
    </Paper>
  );
}

const FOLD_AT = 5;

/** A list that shows its first rows and the rest on request (the Wali Kota has 48 of each). */
function FoldedList({
  items,
  children,
}: {
  items: TaskItem[];
  children: (item: TaskItem) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, FOLD_AT);
  return (
    <Paper withBorder>
      <RowList>
        {shown.map((item) => (
          <Fragment key={item.documentId}>{children(item)}</Fragment>
        ))}
      </RowList>
      {items.length > FOLD_AT && (
        <Group justify="center" p="xs">
          <Button variant="subtle" size="xs" onClick={() => setOpen((value) => !value)}>
            {open ? t.showLess : t.showAll(items.length)}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function RowList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

function TaskRow({
  item,
  status,
  action,
  selectable = false,
  checked = false,
  onCheck,
}: {
  item: TaskItem;
  status: ReactNode;
  action: ReactNode;
  selectable?: boolean;
  checked?: boolean;
  onCheck?: (on: boolean) => void;
}) {
  const timeZone = useTimeZone();
  return (
    <Group
      component="li"
      justify="space-between"
      align="center"
      gap="sm"
      px="md"
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
        {selectable ? (
          <Checkbox
            mt={2}
            aria-label={t.selectRow(item.title)}
            checked={checked}
            onChange={(event) => onCheck?.(event.currentTarget.checked)}
          />
        ) : null}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <KindBadge kind={item.kind} />
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {[
              item.unitName,
              `${t.yourRole}: ${roleLabels[item.myRole]}`,
              formatDocumentCode(item.code),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Group gap="xs">
            {status}
            <Text size="xs" c="dimmed">
              {t.progress(item.signedCount, item.signerCount)}
              {item.signedAt ? ` · ${t.signedAt(formatDateTime(item.signedAt, timeZone))}` : ''}
            </Text>
          </Group>
        </Stack>
      </Group>
      <Group gap="xs" style={{ flexShrink: 0 }}>
        {action}
      </Group>
    </Group>
  );
}

const tones = {
  you: { bg: 'indigo.0', c: 'indigo.9' },
  wait: { bg: 'gray.1', c: 'gray.8' },
  done: { bg: 'green.0', c: doneGreen },
} as const;

function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <Badge variant="light" size="sm" bg={tones[tone].bg} c={tones[tone].c} tt="none">
      {children}
    </Badge>
  );
}

function PdfLink({ item, download = false }: { item: TaskItem; download?: boolean }) {
  return (
    <Anchor
      href={documentPdfUrl(item.documentId, download)}
      target={download ? undefined : '_blank'}
      rel={download ? undefined : 'noopener'}
      size="sm"
      fw={600}
      aria-label={`${download ? t.downloadPdf : t.open}: ${item.title}`}
    >
      <Group gap={4} wrap="nowrap">
        {download ? (
          <IconDownload size={16} aria-hidden />
        ) : (
          <IconExternalLink size={16} aria-hidden />
        )}
        {download ? t.downloadPdf : t.open}
      </Group>
    </Anchor>
  );
}
