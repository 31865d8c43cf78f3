import { Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronsDown,
  IconChevronsUp,
  IconChevronUp,
  IconCircleDashed,
  IconEqual,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { defaultCapaianBandRules } from '../../../shared/capaian/rules.js';
import type { Capaian } from '../../../shared/capaian/types.js';
import { type CapaianBand, capaianBands } from '../../../shared/codes.js';
import { capaianText } from './format.js';
import { dashboardStrings as t } from './strings.js';

export type BandLabels = Record<CapaianBand, string>;

/** The default labels (REGULATIONS.md) when the API does not send the tenant's own. */
export const defaultBandLabels: BandLabels = Object.fromEntries(
  capaianBands.map((band) => [band, defaultCapaianBandRules[band].label]),
) as BandLabels;

/** Chart colours of the bands, best first; in every chart the band is also named in text. */
export const bandChartColors: Record<CapaianBand, string> = {
  sangat_tinggi: '#2b8a3e',
  tinggi: '#74b816',
  sedang: '#f59f00',
  rendah: '#e8590c',
  sangat_rendah: '#c92a2a',
};
export const notAssessedColor = '#868e96';

// Explicit text/background pairs: each meets WCAG AA contrast at badge size.
const badgeColors: Record<CapaianBand | 'none', { bg: string; c: string }> = {
  sangat_tinggi: { bg: '#d3f9d8', c: '#1b5e20' },
  tinggi: { bg: '#e9fac8', c: '#2f5200' },
  sedang: { bg: '#fff3bf', c: '#5c4400' },
  rendah: { bg: '#ffe8cc', c: '#8a3300' },
  sangat_rendah: { bg: '#ffe3e3', c: '#8f1d1d' },
  none: { bg: '#f1f3f5', c: '#343a40' },
};

/** An ordinal icon per band, so the band reads without colour. */
const bandIcons: Record<CapaianBand | 'none', (size: number) => ReactNode> = {
  sangat_tinggi: (size) => <IconChevronsUp size={size} aria-hidden />,
  tinggi: (size) => <IconChevronUp size={size} aria-hidden />,
  sedang: (size) => <IconEqual size={size} aria-hidden />,
  rendah: (size) => <IconChevronDown size={size} aria-hidden />,
  sangat_rendah: (size) => <IconChevronsDown size={size} aria-hidden />,
  none: (size) => <IconCircleDashed size={size} aria-hidden />,
};

/** A band as a badge: colour, icon and the band's name (never colour alone). */
export function BandBadge({
  band,
  labels = defaultBandLabels,
  size = 'sm',
}: {
  band: CapaianBand | null;
  labels?: BandLabels;
  size?: 'xs' | 'sm' | 'md';
}) {
  const key = band ?? 'none';
  const colors = badgeColors[key];
  return (
    <Badge
      variant="light"
      size={size}
      bg={colors.bg}
      c={colors.c}
      leftSection={bandIcons[key](12)}
      miw="max-content"
      style={{ flexShrink: 0, textTransform: 'none' }}
      data-band={key}
    >
      {band ? labels[band] : t.notAssessed}
    </Badge>
  );
}

/** A capaian value with its band: "107,14 %" and the badge, or "–" with why it is not assessed. */
export function CapaianCell({
  capaian,
  labels,
  withBadge = true,
}: {
  capaian: Capaian | null | undefined;
  labels?: BandLabels | undefined;
  withBadge?: boolean;
}) {
  if (!capaian?.assessed) {
    const message = capaian && !capaian.assessed ? capaian.message : t.notAssessedHelp;
    return (
      <Tooltip label={message} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
        <Text size="sm" c="dimmed" component="span" tabIndex={0} aria-label={`–: ${message}`}>
          –
        </Text>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {capaianText(capaian)}
        {capaian.capped && (
          <Text span size="xs" c="dimmed" title={t.cappedHelp}>
            {' '}
            ({t.capped})
          </Text>
        )}
      </Text>
      {withBadge && (
        <BandBadge band={capaian.band} labels={labels ?? defaultBandLabels} size="xs" />
      )}
    </Group>
  );
}
