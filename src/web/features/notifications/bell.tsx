import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { markAllRead, markRead, notificationsQuery, refreshNotifications } from './queries.js';
import { notificationKindLabels, notificationStrings as t } from './strings.js';
import type { NotificationItem } from './types.js';

/** The header's bell: unread count, and a list of the latest notifications with their links. */
export function NotificationBell() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useQuery(notificationsQuery());
  const unread = list.data?.unread ?? 0;

  const read = useMutation({
    mutationFn: markRead,
    onSettled: () => refreshNotifications(queryClient),
  });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSettled: () => refreshNotifications(queryClient),
  });

  const open = (item: NotificationItem) => {
    if (!item.readAt) read.mutate(item.id);
    setOpened(false);
    if (item.link) void navigate({ href: item.link });
  };

  const label = unread > 0 ? t.bellUnread(unread) : t.bell;
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          radius="xl"
          aria-label={label}
          onClick={() => setOpened((o) => !o)}
          data-testid="notification-bell"
        >
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={18}
            color="red"
            offset={2}
            disabled={unread === 0}
            withBorder
          >
            <IconBell size={22} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t.title} role="dialog">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={700}>{t.title}</Text>
          {unread > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconChecks size={14} aria-hidden />}
              onClick={() => readAll.mutate()}
              loading={readAll.isPending}
            >
              {t.markAll}
            </Button>
          )}
        </Group>
        <Divider />
        {list.isError ? (
          <Text size="sm" c="red.9" p="md" role="alert">
            {t.loadError} {errorMessage(list.error)}
          </Text>
        ) : !list.data || list.data.items.length === 0 ? (
          <Stack gap={4} p="md">
            <Text size="sm" fw={600}>
              {t.empty}
            </Text>
            <Text size="xs" c="dimmed">
              {t.emptyHint}
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {list.data.items.map((item) => (
                <li key={item.id}>
                  <NotificationRow item={item} onOpen={() => open(item)} />
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const timeZone = useTimeZone();
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      onClick={onOpen}
      w="100%"
      px="md"
      py="sm"
      bg={unread ? 'amanah.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', display: 'block' }}
      aria-label={`${unread ? `${t.unread}: ` : ''}${item.title}`}
    >
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {unread && (
            <span
              aria-hidden
              style={{
                width: 8,
                height: 8,
                marginTop: 6,
                borderRadius: 4,
                flexShrink: 0,
                background: 'var(--mantine-color-red-7)',
              }}
            />
          )}
          <Text size="sm" fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
        </Group>
        {item.body && (
          <Text size="xs" c="gray.7" lineClamp={3}>
            {item.body}
          </Text>
        )}
        <Group gap={6}>
          <Badge variant="light" size="xs" color="gray" tt="none">
            {notificationKindLabels[item.kind] ?? item.kind}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt, timeZone)}
          </Text>
          {item.dueOn && (
            <Text size="xs" c="dimmed">
              · {t.due(formatDate(item.dueOn))}
            </Text>
          )}
        </Group>
      </Stack>
    </UnstyledButton>
  );
}
