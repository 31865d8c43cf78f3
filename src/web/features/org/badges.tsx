import { Badge, Group, Text } from '@mantine/core';
import type { Holder, UnitLevel } from '../../api/types.js';
import { common } from '../../strings.js';

export function LevelBadge({ level }: { level: UnitLevel | null }) {
  if (!level) return null;
  const color = level === 'eselon_2' ? 'amanah' : level === 'eselon_3' ? 'cyan' : 'gray';
  return (
    <Badge variant="light" color={color} size="sm" style={{ flexShrink: 0 }}>
      {common.levels[level]}
    </Badge>
  );
}

/** Plt / Plh / Pj badge (nothing for definitif). */
export function KindBadge({ kind }: { kind: Holder['kind'] }) {
  if (kind === 'definitif') return null;
  return (
    <Badge variant="filled" color="orange.8" size="sm" style={{ flexShrink: 0 }}>
      {common.assignmentKinds[kind]}
    </Badge>
  );
}

export function VacantBadge() {
  return (
    <Badge variant="outline" color="red.8" size="sm" style={{ flexShrink: 0 }}>
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
