import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileSpark,
  IconListCheck,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { api } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { notifySuccess } from '../../lib/forms.js';
import { roleLabels } from '../signing/strings.js';
import { preflightQuery, refreshCeremony } from './queries.js';
import { blockerLabels, certificateStateLabels, ceremonyStrings as t } from './strings.js';
import type { CeremonyDetail, Preflight, PrepareResult } from './types.js';

/**
 * "Is everything ready?": each blocker names who or what and what to do about it; missing PDFs
 * can be made here in one go. Below, every signer with their account and certificate state.
 */
export function PreflightPanel({ ceremony }: { ceremony: CeremonyDetail }) {
  const queryClient = useQueryClient();
  const preflight = useQuery(
    preflightQuery(ceremony.id, ceremony.version, ceremony.progress.signaturesDone),
  );
  const missing = ceremony.items.filter((i) => i.status === 'no_document').length;
  const [made, setMade] = useState<{ issued: number; remaining: number } | null>(null);
  const prepare = useMutation({
    // The server renders for a limited time per request and says how many are left: ask again
    // until none are, showing the count as it goes.
    mutationFn: async () => {
      const total: PrepareResult = {
        issued: 0,
        existing: 0,
        notReady: 0,
        failed: [],
        remaining: 0,
      };
      setMade({ issued: 0, remaining: missing });
      for (;;) {
        const r = await api.post<PrepareResult>(`/api/ceremonies/${ceremony.id}/prepare`);
        total.issued += r.issued;
        total.failed.push(...r.failed);
        setMade({ issued: total.issued, remaining: r.remaining });
        if (r.remaining === 0 || r.issued + r.failed.length === 0) return total;
      }
    },
    onSettled: () => setMade(null),
    onSuccess: async (result) => {
      await refreshCeremony(queryClient, ceremony.id);
      if (result.failed.length === 0) notifySuccess(t.prepared(result.issued));
    },
  });

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <IconListCheck size={20} aria-hidden />
          <Title order={2} size="h4">
            {t.preflightTitle}
          </Title>
        </Group>
        {preflight.isPending ? (
          <LoadingRows rows={2} />
        ) : preflight.isError ? (
          <ErrorAlert error={preflight.error} onRetry={() => void preflight.refetch()} />
        ) : (
          <PreflightBody
            preflight={preflight.data}
            prepareSlot={
              ceremony.permissions.prepare && missing > 0 ? (
                <Stack gap={4} mt={4}>
                  <Group>
                    <Button
                      size="sm"
                      leftSection={<IconFileSpark size={16} aria-hidden />}
                      loading={prepare.isPending}
                      onClick={() => prepare.mutate()}
                    >
                      {t.prepare(missing)}
                    </Button>
                  </Group>
                  <Text size="xs" c="dimmed" role="status">
                    {made ? t.preparing(made.issued, made.issued + made.remaining) : t.prepareHint}
                  </Text>
                </Stack>
              ) : null
            }
          />
        )}
        {prepare.isError && <ErrorAlert error={prepare.error} />}
        {prepare.data && prepare.data.failed.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t.prepareFailed(prepare.data.failed.length)}
          >
            <List size="sm">
              {prepare.data.failed.map((f) => (
                <List.Item key={f.title}>
                  <Text span fw={600} size="sm">
                    {f.title}
                  </Text>
                  : {f.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function PreflightBody({
  preflight,
  prepareSlot,
}: {
  preflight: Preflight;
  /** The "Siapkan dokumen" button, shown with the missing-PDF blockers. */
  prepareSlot: ReactNode;
}) {
  const readySigners = preflight.signers.filter(
    (s) => s.pending === 0 || (s.hasAccount && s.certificate === 'ok'),
  ).length;
  return (
    <Stack gap="sm">
      {preflight.ready ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} aria-hidden />}
          role="status"
        >
          <Text size="sm">{t.preflightReady}</Text>
        </Alert>
      ) : (
        <>
          <Text size="sm">{t.preflightBlocked(preflight.blockers.length)}</Text>
          <Stack gap="sm">
            {groupBlockers(preflight.blockers).map((g) => (
              <BlockerGroup key={`${g.kind}-${g.action}`} group={g}>
                {g.kind === 'no_document' ? prepareSlot : null}
              </BlockerGroup>
            ))}
          </Stack>
        </>
      )}
      {preflight.signers.length > 0 && (
        <Accordion variant="contained">
          <Accordion.Item value="signers">
            <Accordion.Control>
              {t.signersTitle(readySigners, preflight.signers.length)}
            </Accordion.Control>
            <Accordion.Panel>
              <DataTable
                minWidth={640}
                head={
                  <>
                    <Table.Th>{t.colSigner}</Table.Th>
                    <Table.Th>{t.colRoles}</Table.Th>
                    <Table.Th>{t.colDocuments}</Table.Th>
                    <Table.Th>{t.colAccount}</Table.Th>
                    <Table.Th>{t.colCertificate}</Table.Th>
                  </>
                }
              >
                {preflight.signers.map((s) => (
                  <Table.Tr key={s.employeeId}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.jabatan}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{s.roles.map((r) => roleLabels[r]).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.pendingOf(s.pending, s.documents)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge
                        ok={s.hasAccount}
                        label={s.hasAccount ? t.hasAccount : t.noAccount}
                      />
                    </Table.Td>
                    <Table.Td>
                      <StateBadge
                        ok={s.certificate === 'ok'}
                        label={certificateStateLabels[s.certificate]}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}

function StateBadge({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Badge
      variant="light"
      size="sm"
      bg={ok ? 'green.0' : 'orange.0'}
      c={ok ? 'green.9' : 'orange.9'}
      miw="max-content"
    >
      {label}
    </Badge>
  );
}

type Blocker = Preflight['blockers'][number];
interface Group_ {
  kind: Blocker['kind'];
  action: string;
  subjects: string[];
}

/** Blockers of one kind (and the same advice) together: 96 missing PDFs are one line, not 96. */
function groupBlockers(blockers: readonly Blocker[]): Group_[] {
  const groups = new Map<string, Group_>();
  for (const b of blockers) {
    const key = `${b.kind}|${b.action}`;
    const group = groups.get(key) ?? { kind: b.kind, action: b.action, subjects: [] };
    group.subjects.push(b.subject);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const SHOWN = 3;

function BlockerGroup({ group, children }: { group: Group_; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const many = group.subjects.length > SHOWN + 1;
  const shown = many && !open ? group.subjects.slice(0, SHOWN) : group.subjects;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon color="orange.8" variant="light" size="md" mt={2}>
        <IconAlertTriangle size={16} aria-hidden />
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {blockerLabels[group.kind]} ({group.subjects.length})
        </Text>
        <Text size="sm">{group.action}</Text>
        <List size="sm" c="dimmed" id={listId} spacing={0}>
          {shown.map((subject) => (
            <List.Item key={subject}>{subject}</List.Item>
          ))}
        </List>
        {many && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? t.showLess : t.showAll(group.subjects.length)}
          </Anchor>
        )}
        {children}
      </Stack>
    </Group>
  );
}
