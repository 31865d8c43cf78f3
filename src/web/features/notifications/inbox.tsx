import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarDue, IconChevronRight } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client.js';
import { formatDate } from '../../lib/format.js';
import { fillTarget } from './queries.js';
import { inboxKindOrder, notificationStrings as t, taskKindLabels } from './strings.js';
import type { InboxItem, TaskKind } from './types.js';

/** The deadline of a task as text, and "Terlambat" with an icon when it passed. */
export function DueBadge({ item }: { item: Pick<InboxItem, 'dueOn' | 'overdue'> }) {
  if (!item.dueOn) {
    return (
      <Text size="xs" c="dimmed">
        {t.noDue}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Group gap={4} wrap="nowrap" c="gray.8">
        <IconCalendarDue size={14} aria-hidden />
        <Text size="xs" c="gray.8" style={{ whiteSpace: 'nowrap' }}>
          {t.dueOn(formatDate(item.dueOn))}
        </Text>
      </Group>
      {item.overdue && (
        <Badge
          variant="light"
          size="sm"
          bg="red.0"
          c="red.9"
          tt="none"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
        >
          {t.overdue}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The monitoring sections of Tugas Saya (fix, fill, approve, verify, unlock), each task with its
 * deadline and one button. Signing tasks stay in the signing sections of the page.
 */
export function InboxSections({ items }: { items: InboxItem[] }) {
  const groups = inboxKindOrder
    .map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap="xl">
      {groups.map((group) => (
        <Stack
          key={group.kind}
          gap="sm"
          component="section"
          aria-label={taskKindLabels[group.kind].title}
          data-testid={`inbox-${group.kind}`}
        >
          <div>
            <Group gap="xs">
              <Title order={2} fz="lg">
                {taskKindLabels[group.kind].title}
              </Title>
              <Badge variant="filled" size="md" color="gray.7" circle={group.items.length < 10}>
                {group.items.length}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {taskKindLabels[group.kind].hint}
            </Text>
          </div>
          <Paper withBorder>
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {group.items.map((item) => (
                <InboxRow key={item.key} item={item} kind={group.kind} />
              ))}
            </Stack>
          </Paper>
        </Stack>
      ))}
    </Stack>
  );
}

function InboxRow({ item, kind }: { item: InboxItem; kind: TaskKind }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A fill task without a report yet: open it (idempotent) and go straight to the entry page.
  const target =
    kind === 'fill' && !item.link.startsWith('/realisasi/') ? fillTarget(item.key) : null;
  const open = useMutation({
    mutationFn: async () => {
      if (!target) return null;
      return api.post<{ id: string }>('/api/monitoring/reports', target);
    },
    onSuccess: async (report) => {
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      if (report) await navigate({ to: '/realisasi/$reportId', params: { reportId: report.id } });
      else await navigate({ href: item.link });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: item.title, message: errorMessage(error) }),
  });
  const label = taskKindLabels[kind].action;
  return (
    <Group
      component="li"
      justify="space-between"
      align="center"
      gap="sm"
      px="md"
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid={`task-${item.key}`}
    >
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        {item.subtitle && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {item.subtitle}
          </Text>
        )}
        <DueBadge item={item} />
      </Stack>
      <Button
        size="xs"
        variant={kind === 'fix' || item.overdue ? 'filled' : 'light'}
        rightSection={<IconChevronRight size={14} aria-hidden />}
        loading={open.isPending}
        disabled={open.isPending}
        onClick={() => {
          if (target) open.mutate();
          else void navigate({ href: item.link });
        }}
        aria-label={`${label}: ${item.title}${item.subtitle ? ` — ${item.subtitle}` : ''}`}
        style={{ flexShrink: 0 }}
      >
        {label}
      </Button>
    </Group>
  );
}
