import { Badge, Group, Progress, Text } from '@mantine/core';
import type { CeremonyStatus } from '../../../shared/codes.js';
import { formatNumber } from '../../lib/format.js';
import { ceremonyStatusLabels, itemStatusLabels, ceremonyStrings as t } from './strings.js';
import type { ItemStatus, Progress as ProgressData } from './types.js';

// Explicit text/background pairs: each meets WCAG AA contrast at badge size; the word carries
// the meaning, the colour only helps.
const ceremonyColors: Record<CeremonyStatus, { bg: string; c: string }> = {
  scheduled: { bg: 'blue.0', c: 'blue.9' },
  ongoing: { bg: 'orange.0', c: 'orange.9' },
  completed: { bg: 'green.0', c: '#1e6b30' },
  cancelled: { bg: 'gray.1', c: 'gray.8' },
};

export function CeremonyStatusBadge({ status }: { status: CeremonyStatus }) {
  const colors = ceremonyColors[status];
  return (
    <Badge variant="light" size="sm" bg={colors.bg} c={colors.c} miw="max-content">
      {ceremonyStatusLabels[status]}
    </Badge>
  );
}

const itemColors: Record<ItemStatus, { bg: string; c: string }> = {
  not_ready: { bg: 'red.0', c: 'red.9' },
  no_document: { bg: 'yellow.0', c: 'yellow.9' },
  pending: { bg: 'gray.1', c: 'gray.8' },
  partly_signed: { bg: 'indigo.0', c: 'indigo.9' },
  signed: { bg: 'green.0', c: '#1e6b30' },
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const colors = itemColors[status];
  return (
    <Badge variant="light" size="sm" bg={colors.bg} c={colors.c} miw="max-content">
      {itemStatusLabels[status]}
    </Badge>
  );
}

/** A small progress bar with its numbers in words (screen readers get both). */
export function ProgressCell({ progress }: { progress: ProgressData }) {
  const label = t.signaturesOf(progress.signaturesDone, progress.signatures);
  return (
    <Group gap="xs" wrap="nowrap" miw={180}>
      <ProgressBar progress={progress} size="md" w={90} label={t.progressLabel} />
      <Text size="sm" fw={600} miw={40}>
        {formatNumber(progress.percent)} %
      </Text>
      <Text size="xs" c="dimmed" visibleFrom="lg">
        {label}
      </Text>
    </Group>
  );
}

/** The progress bar as one accessible progressbar: value in percent, text in signatures. */
export function ProgressBar({
  progress,
  label,
  size,
  w,
}: {
  progress: ProgressData;
  label: string;
  size: 'md' | 'lg' | 'xl';
  w?: number | string;
}) {
  return (
    <Progress.Root
      size={size}
      w={w}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress.percent}
      aria-valuetext={t.signaturesOf(progress.signaturesDone, progress.signatures)}
    >
      <Progress.Section
        value={progress.percent}
        color={progress.percent === 100 ? 'green.8' : 'amanah.7'}
        withAria={false}
      />
    </Progress.Root>
  );
}
