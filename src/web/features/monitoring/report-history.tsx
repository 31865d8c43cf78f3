import { Badge, Blockquote, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { reportStatusLabels, monitoringStrings as t } from './strings.js';
import type { ReportTransition, ReportUnlock } from './types.js';

/** Every status change, oldest first, with who, when and the note (a return always has one). */
export function ReportHistory({ transitions }: { transitions: ReportTransition[] }) {
  const timeZone = useTimeZone();
  if (transitions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.historyEmpty}
      </Text>
    );
  }
  return (
    <Timeline active={transitions.length - 1} bulletSize={14} lineWidth={2}>
      {transitions.map((tr, index) => (
        <Timeline.Item
          // Transitions have no id in the API; the list only grows at its end, never reorders.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only history
          key={`${tr.createdAt}-${index}`}
          title={
            <Text size="sm" fw={600}>
              {tr.fromStatus === null && tr.toStatus === 'draft'
                ? t.historyOpened
                : reportStatusLabels[tr.toStatus]}
            </Text>
          }
        >
          <Text size="xs" c="gray.7">
            {tr.actorName ?? t.system} · {formatDateTime(tr.createdAt, timeZone)}
          </Text>
          {tr.note && (
            <Blockquote p="xs" mt={4} color="gray" fz="sm" iconSize={0}>
              {tr.note}
            </Blockquote>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

const unlockColors: Record<string, { bg: string; c: string }> = {
  pending: { bg: 'yellow.0', c: '#7a5200' },
  granted: { bg: 'teal.0', c: 'teal.9' },
  refused: { bg: 'red.0', c: 'red.9' },
};

/** Unlock requests of the report with their decisions. */
export function UnlockHistory({ unlocks }: { unlocks: ReportUnlock[] }) {
  const timeZone = useTimeZone();
  if (unlocks.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm">
        {t.unlockHistory}
      </Title>
      {unlocks.map((u) => {
        const colors = unlockColors[u.status] ?? { bg: 'gray.1', c: 'gray.8' };
        return (
          <Stack key={u.id} gap={2}>
            <Group gap="xs">
              <Badge variant="light" size="sm" bg={colors.bg} c={colors.c} tt="none">
                {t.unlockStatusLabels[u.status] ?? u.status}
              </Badge>
              <Text size="xs" c="gray.7">
                {t.unlockBy(u.requestedByName ?? t.system, formatDateTime(u.requestedAt, timeZone))}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {u.reason}
            </Text>
            {u.decidedAt && (
              <Text size="xs" c="gray.7">
                {t.unlockBy(u.decidedByName ?? t.system, formatDateTime(u.decidedAt, timeZone))}
                {u.grantedUntil
                  ? ` · ${t.unlockGrantedUntil(formatDateTime(u.grantedUntil, timeZone))}`
                  : ''}
                {u.decisionNote ? ` · ${u.decisionNote}` : ''}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
