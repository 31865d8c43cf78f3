import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { capaianBands } from '../../../shared/codes.js';
import type { BandLabels } from './bands.js';
import { dashboardStrings as t } from './strings.js';
import type { BandInfo, ReportStatus } from './types.js';

/** Phones and narrow windows: charts shorten their labels. */
export function useCompact(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}

/** The tenant's band labels from the API's list (defaults fill any gap). */
export function bandLabelsFrom(bands: readonly BandInfo[], fallback: BandLabels): BandLabels {
  const labels = { ...fallback };
  for (const band of bands) labels[band.key] = band.label;
  return labels;
}

/** "≥ 91 %" / "76–90,99 %": the band's range, from the tenant's lower bounds. */
export function bandRanges(bands: readonly BandInfo[]): Record<string, string> {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const out: Record<string, string> = {};
  sorted.forEach((band, i) => {
    const upper = sorted[i - 1];
    out[band.key] = upper ? t.bandRange(band.min, upper.min) : t.bandFrom(band.min);
  });
  for (const key of capaianBands) out[key] ??= '';
  return out;
}

const statusColors: Record<ReportStatus, { bg: string; c: string }> = {
  none: { bg: '#f1f3f5', c: '#495057' },
  draft: { bg: '#e9ecef', c: '#212529' },
  submitted: { bg: '#e7f5ff', c: '#0b4a8b' },
  returned: { bg: '#fff4e6', c: '#8a3300' },
  approved: { bg: '#e6fcf5', c: '#075e4a' },
  verified: { bg: '#d3f9d8', c: '#1b5e20' },
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const colors = statusColors[status];
  return (
    <Badge
      variant="light"
      size="sm"
      bg={colors.bg}
      c={colors.c}
      miw="max-content"
      style={{ flexShrink: 0, textTransform: 'none' }}
    >
      {t.reportStatus[status]}
    </Badge>
  );
}

/** Whether the quarter's report is in on time: "Terlambat" as icon + text, never colour alone. */
export function TimelinessText({ late, status }: { late: boolean; status: ReportStatus }) {
  if (late) {
    return (
      <Group gap={4} wrap="nowrap" c="red.9">
        <IconAlertTriangle size={14} aria-hidden />
        <Text size="sm" fw={700} c="red.9">
          {t.late}
        </Text>
      </Group>
    );
  }
  const sent = status === 'submitted' || status === 'approved' || status === 'verified';
  return (
    <Group gap={4} wrap="nowrap" c={sent ? 'teal.9' : 'gray.7'}>
      {sent ? <IconCircleCheck size={14} aria-hidden /> : <IconClock size={14} aria-hidden />}
      <Text size="sm" c={sent ? 'teal.9' : 'gray.7'} style={{ whiteSpace: 'nowrap' }}>
        {sent ? t.sent : t.notDue}
      </Text>
    </Group>
  );
}

/** A figure on the dashboard's first row: a label, the value, and a line of context. */
export function StatCard({
  label,
  value,
  detail,
  extra,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap={6}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {label}
        </Text>
        <Group gap="xs" align="center" wrap="wrap">
          <Text fz={26} fw={700} lh={1.1}>
            {value}
          </Text>
          {extra}
        </Group>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The "Excel" download of a dashboard table (the export endpoint, same rows as the page). */
export function ExcelLink({ href, tableTitle }: { href: string; tableTitle: string }) {
  return (
    <Button
      size="xs"
      variant="default"
      component="a"
      href={href}
      download
      leftSection={<IconDownload size={14} aria-hidden />}
      aria-label={t.downloadTable(tableTitle)}
    >
      Excel
    </Button>
  );
}
