import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListDetails, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { AuditEvent, AuditPage as AuditPageData, AuditVerifyResult } from '../../api/types.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { actionLabels, entityLabels, auditStrings as t } from './strings.js';

const actionOptions = Object.entries(actionLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'id'));

/** A short description of what the event was about, from its data. */
function describeObject(event: AuditEvent): string {
  const data = event.data as Record<string, unknown>;
  const entity = entityLabels[event.entityType] ?? event.entityType;
  const name =
    (typeof data.name === 'string' && data.name) ||
    (typeof data.title === 'string' && data.title) ||
    (typeof data.fullName === 'string' && data.fullName) ||
    (typeof data.username === 'string' && data.username) ||
    (typeof data.route === 'string' && `${String(data.method ?? '')} ${data.route}`) ||
    '';
  return name ? `${entity}: ${name}` : entity;
}

export function AuditPage() {
  const timeZone = useTimeZone();
  const [action, setAction] = useState<string | null>(null);
  const [actorText, setActorText] = useState('');
  const [actor] = useDebouncedValue(actorText.trim(), 300);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const filtered = !!(action || actor || outcome || range[0] || range[1]);

  const log = useInfiniteQuery({
    queryKey: ['audit', { action, actor, outcome, from: range[0], to: range[1] }],
    queryFn: ({ pageParam }) =>
      api.get<AuditPageData>('/api/audit', {
        action,
        actor,
        outcome,
        from: range[0],
        to: range[1],
        before: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  const verify = useMutation({
    mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify'),
  });

  const events = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            disabled={verify.isPending}
          >
            {t.verify}
          </Button>
        }
      />
      {verify.data && (
        <Alert
          mb="md"
          color={verify.data.intact ? 'teal' : 'red'}
          variant="light"
          title={verify.data.intact ? t.intactTitle : t.brokenTitle}
          icon={
            verify.data.intact ? (
              <IconShieldCheck size={18} aria-hidden />
            ) : (
              <IconShieldX size={18} aria-hidden />
            )
          }
          role="status"
          withCloseButton
          closeButtonLabel="Tutup"
          onClose={() => verify.reset()}
        >
          {verify.data.intact
            ? t.intact(formatNumber(verify.data.events))
            : t.broken(
                String(verify.data.firstBreak?.seq ?? '?'),
                verify.data.firstBreak?.reason ?? '',
              )}
        </Alert>
      )}
      {verify.isError && (
        <Stack mb="md">
          <ErrorAlert error={verify.error} onRetry={() => verify.mutate()} />
        </Stack>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
          <Select
            label={t.filterAction}
            placeholder={t.allActions}
            data={actionOptions}
            value={action}
            onChange={setAction}
            searchable
            clearable
          />
          <TextInput
            label={t.filterActor}
            placeholder={t.filterActorPlaceholder}
            value={actorText}
            onChange={(e) => setActorText(e.currentTarget.value)}
          />
          <Select
            label={t.filterOutcome}
            placeholder={t.allOutcomes}
            data={[
              { value: 'ok', label: t.ok },
              { value: 'refused', label: t.refused },
            ]}
            value={outcome}
            onChange={setOutcome}
            clearable
          />
          <DatePickerInput
            type="range"
            label={t.filterRange}
            placeholder={t.filterRangePlaceholder}
            value={range}
            onChange={(value) => setRange([value[0] ?? null, value[1] ?? null])}
            valueFormat="D MMM YYYY"
            clearable
            allowSingleDateInRange
          />
        </SimpleGrid>
        {filtered && (
          <Group mb="sm">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                setAction(null);
                setActorText('');
                setOutcome(null);
                setRange([null, null]);
              }}
            >
              {t.reset}
            </Button>
          </Group>
        )}
        {log.isPending ? (
          <LoadingRows rows={10} />
        ) : log.isError ? (
          <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState
            icon={<IconListDetails size={26} aria-hidden />}
            title={filtered ? t.noMatchTitle : t.emptyTitle}
            description={filtered ? t.noMatchBody : t.emptyBody}
          />
        ) : (
          <Stack gap="md">
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" striped highlightOnHover data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.when}</Table.Th>
                    <Table.Th>{t.who}</Table.Th>
                    <Table.Th>{t.what}</Table.Th>
                    <Table.Th>{t.object}</Table.Th>
                    <Table.Th>{t.result}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateTime(event.at, timeZone)}</Text>
                        <Text size="xs" c="dimmed">
                          #{event.seq}
                          {event.ip ? ` · ${event.ip}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{event.actorLabel || t.anonymous}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={event.action} withArrow>
                          <Text size="sm" fw={500}>
                            {actionLabels[event.action] ?? event.action}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeObject(event)}</Text>
                        {event.outcome === 'refused' && typeof event.data.code === 'string' && (
                          <Code fz="xs">{event.data.code}</Code>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={event.outcome === 'ok' ? 'teal.9' : 'red.9'}
                          variant={event.outcome === 'ok' ? 'light' : 'filled'}
                          size="sm"
                        >
                          {event.outcome === 'ok' ? t.ok : t.refused}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="center">
              {log.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                  disabled={log.isFetchingNextPage}
                >
                  {t.loadMore}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t.end}
                </Text>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </>
  );
}
