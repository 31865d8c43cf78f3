import { Blockquote, Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { statusLabels, agreementStrings as t } from './strings.js';
import type { AgreementTransition } from './types.js';

/** Every status change, oldest first: what, who, when (Pemda time zone), and the comment. */
export function TransitionHistory({ transitions }: { transitions: AgreementTransition[] }) {
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
      {transitions.map((tr) => (
        <Timeline.Item
          key={tr.id}
          title={
            <Text size="sm" fw={600}>
              {tr.fromStatus === null ? t.historyCreated : statusLabels[tr.toStatus]}
            </Text>
          }
        >
          <Text size="xs" c="gray.7">
            {tr.actor?.displayName ?? t.system} · {formatDateTime(tr.at, timeZone)}
          </Text>
          {tr.comment && (
            <Blockquote p="xs" mt={4} color="gray" fz="sm" iconSize={0}>
              {tr.comment}
            </Blockquote>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
