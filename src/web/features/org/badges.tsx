import { Badge, Group, Text } from '@mantine/core';
import type { Holder, UnitLevel } from '../../api/types.js';
import { common } from '../../strings.js';

// Explicit text/background pairs: all meet WCAG AA contrast (4.5:1) at badge size.
const levelColors = {
  eselon_2: { bg: 'amanah.0', c: 'amanah.8' },
  eselon_3: { bg: 'cyan.0', c: 'cyan.9' },
  eselon_4: { bg: 'gray.1', c: 'gray.8' },
} as const;

export function LevelBadge({ level }: { level: UnitLevel | null }) {
  if (!level) return null;
  return (
    <Badge
      variant="light"
      size="sm"
      bg={levelColors[level].bg}
      c={levelColors[level].c}
      miw="max-content"
      style={{ flexShrink: 0 }}
    >
      {common.levels[level]}
    </Badge>
  );
}

/** Plt / Plh / Pj badge (nothing for definitif). */
export function KindBadge({ kind }: { kind: Holder['kind'] }) {
  if (kind === 'definitif') return null;
  return (
    <Badge variant="filled" color="#b4400a" size="sm" miw="max-content" style={{ flexShrink: 0 }}>
      {common.assignmentKinds[kind]}
    </Badge>
  );
}

export function VacantBadge() {
  return (
    <Badge variant="outline" color="red.9" size="sm" miw="max-content" style={{ flexShrink: 0 }}>
      {common.vacant}
    </Badge>
  );
}

/** "Name, titles" with the Plt/Plh/Pj badge, or "Kosong" when nobody holds the position. */
export function HolderLine({ holder, size = 'sm' }: { holder: Holder | null; size?: 'xs' | 'sm' }) {
  if (!holder) return <VacantBadge />;
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <KindBadge kind={holder.kind} />
      <Text size={size} truncate="end">
        {holder.employee.fullName}
      </Text>
    </Group>
  );
}
