import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import type { AgreementLevel } from '../../../shared/codes.js';
import { formatDate } from '../../lib/format.js';
import { common } from '../../strings.js';
import { levelLabels, statusLabels, agreementStrings as t } from './strings.js';
import type { BoardStatus, Party } from './types.js';

// Explicit text/background pairs: each meets WCAG AA contrast at badge size.
const statusColors: Record<BoardStatus, { bg: string; c: string }> = {
  not_created: { bg: 'gray.0', c: 'gray.8' },
  draft: { bg: 'gray.2', c: 'gray.9' },
  submitted: { bg: 'blue.0', c: 'blue.9' },
  returned: { bg: 'orange.0', c: 'orange.9' },
  verified: { bg: 'teal.0', c: 'teal.9' },
  ready_to_sign: { bg: 'indigo.0', c: 'indigo.9' },
  // Mantine's green.9 on green.0 is only ~4:1 at badge size: a darker green reads at ~6:1.
  signed: { bg: 'green.0', c: '#1e6b30' },
  published: { bg: 'green.8', c: 'white' },
  superseded: { bg: 'gray.1', c: 'gray.7' },
};

export function StatusBadge({ status }: { status: BoardStatus }) {
  const colors = statusColors[status];
  return (
    <Badge
      variant="light"
      size="sm"
      bg={colors.bg}
      c={colors.c}
      miw="max-content"
      style={{ flexShrink: 0 }}
    >
      {statusLabels[status]}
    </Badge>
  );
}

export function AgreementLevelBadge({ level }: { level: AgreementLevel }) {
  return (
    <Badge
      variant="outline"
      size="sm"
      color="gray.8"
      c="gray.8"
      miw="max-content"
      style={{ flexShrink: 0 }}
    >
      {levelLabels[level]}
    </Badge>
  );
}

/** Plt / Plh / Pj before the position (nothing for definitif). */
export function ActingBadge({ kind }: { kind: Party['assignmentKind'] }) {
  if (kind === 'definitif') return null;
  return (
    <Badge variant="filled" color="#b4400a" size="xs" miw="max-content" style={{ flexShrink: 0 }}>
      {common.assignmentKinds[kind]}
    </Badge>
  );
}

/** A party in a list: name with the acting badge, position below. */
export function PartyLine({ party, label }: { party: Party; label?: string }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      {label && (
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      )}
      <Group gap={6} wrap="nowrap">
        <ActingBadge kind={party.assignmentKind} />
        <Text size="sm" fw={500} truncate="end">
          {party.name}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {party.positionTitle}
      </Text>
    </Stack>
  );
}

/** Deadline with days left, and "Terlambat" as icon + text (never colour alone). */
export function DeadlineText({
  deadline,
  daysLeft,
  late,
}: {
  deadline: string | null;
  daysLeft: number | null;
  late: boolean;
}) {
  if (!deadline) {
    return (
      <Text size="xs" c="dimmed">
        {t.noDeadline}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(deadline)}
      </Text>
      {late ? (
        <Group gap={4} wrap="nowrap" c="red.9">
          <IconAlertTriangle size={14} aria-hidden />
          <Text size="xs" fw={700} c="red.9">
            {t.late}
            {daysLeft !== null && daysLeft < 0 ? ` · ${t.daysLeft(daysLeft)}` : ''}
          </Text>
        </Group>
      ) : (
        daysLeft !== null && (
          <Group gap={4} wrap="nowrap" c="gray.7">
            <IconClock size={14} aria-hidden />
            <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
              {t.daysLeft(daysLeft)}
            </Text>
          </Group>
        )
      )}
    </Stack>
  );
}
