import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleDashed,
  IconClock,
  IconEqual,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconSend,
  IconStar,
  IconThumbUp,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  bandLabel,
  type Capaian,
  type CapaianRules,
  defaultCapaianRules,
  formatCapaian,
  type MonitoringRuleSettings,
  rulesFromSettings,
} from '../../../shared/capaian/index.js';
import type { CapaianBand, QuarterReportStatus } from '../../../shared/codes.js';
import { formatDate } from '../../lib/format.js';
import { tenantQuery } from './queries.js';
import { reportStatusLabels, monitoringStrings as t } from './strings.js';

/** The Pemda's capaian rules (bands and their labels, cap) from its settings; defaults meanwhile. */
export function useCapaianRules(): CapaianRules {
  const tenant = useQuery(tenantQuery());
  const monitoring = tenant.data?.settings?.monitoring as MonitoringRuleSettings | undefined;
  return monitoring?.bands ? rulesFromSettings(monitoring) : defaultCapaianRules;
}

// Each band has its own icon and word, so it never depends on colour alone. Text/background
// pairs keep WCAG AA contrast at badge size.
const bandStyles: Record<CapaianBand, { bg: string; c: string; icon: ReactNode }> = {
  sangat_tinggi: { bg: 'green.0', c: '#237032', icon: <IconStar size={13} aria-hidden /> },
  tinggi: { bg: 'teal.0', c: 'teal.9', icon: <IconCircleCheck size={13} aria-hidden /> },
  sedang: { bg: 'yellow.0', c: '#7a5200', icon: <IconEqual size={13} aria-hidden /> },
  rendah: { bg: 'orange.0', c: '#a33a08', icon: <IconAlertTriangle size={13} aria-hidden /> },
  sangat_rendah: { bg: 'red.0', c: 'red.9', icon: <IconAlertOctagon size={13} aria-hidden /> },
};

export function BandBadge({ band, rules }: { band: CapaianBand; rules: CapaianRules }) {
  const style = bandStyles[band];
  return (
    <Badge
      variant="light"
      size="sm"
      bg={style.bg}
      c={style.c}
      leftSection={style.icon}
      tt="none"
      miw="max-content"
      style={{ flexShrink: 0 }}
      data-band={band}
    >
      {bandLabel(band, rules)}
    </Badge>
  );
}

/** "107,14 %" with its band badge, or "-" with why (never 0 for a missing realisasi). */
export function CapaianFigure({
  capaian,
  rules,
  size = 'md',
}: {
  capaian: Capaian;
  rules: CapaianRules;
  size?: 'sm' | 'md' | 'lg';
}) {
  const fz = size === 'lg' ? 22 : size === 'md' ? 'md' : 'sm';
  if (!capaian.assessed) {
    return (
      <Tooltip label={capaian.message} multiline maw={280} withArrow>
        <Group gap={6} wrap="nowrap" tabIndex={0} aria-label={`- (${capaian.message})`}>
          <Text fz={fz} fw={700} c="gray.7">
            -
          </Text>
          <Badge
            variant="light"
            size="sm"
            bg="gray.1"
            c="gray.8"
            tt="none"
            leftSection={<IconCircleDashed size={13} aria-hidden />}
          >
            Belum dinilai
          </Badge>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz={fz} fw={700} style={{ whiteSpace: 'nowrap' }}>
        {formatCapaian(capaian)}
      </Text>
      <BandBadge band={capaian.band} rules={rules} />
      {capaian.capped && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          ({t.capped(formatCapaian(capaian))})
        </Text>
      )}
    </Group>
  );
}

const statusStyles: Record<QuarterReportStatus, { bg: string; c: string; icon: ReactNode }> = {
  draft: { bg: 'gray.2', c: 'gray.9', icon: <IconPencil size={12} aria-hidden /> },
  submitted: { bg: 'blue.0', c: 'blue.9', icon: <IconSend size={12} aria-hidden /> },
  approved: { bg: 'indigo.0', c: 'indigo.9', icon: <IconThumbUp size={12} aria-hidden /> },
  verified: { bg: 'green.0', c: '#237032', icon: <IconCircleCheck size={12} aria-hidden /> },
  returned: { bg: 'orange.0', c: '#a33a08', icon: <IconArrowBackUp size={12} aria-hidden /> },
};

export function ReportStatusBadge({ status }: { status: QuarterReportStatus | null }) {
  if (status === null) {
    return (
      <Badge variant="outline" size="sm" color="gray.7" c="gray.8" tt="none" miw="max-content">
        {t.notOpened}
      </Badge>
    );
  }
  const style = statusStyles[status];
  return (
    <Badge
      variant="light"
      size="sm"
      bg={style.bg}
      c={style.c}
      leftSection={style.icon}
      tt="none"
      miw="max-content"
      style={{ flexShrink: 0 }}
    >
      {reportStatusLabels[status]}
    </Badge>
  );
}

export function LockBadge({ unlockedUntil }: { unlockedUntil?: string | null }) {
  if (unlockedUntil) {
    return (
      <Badge
        variant="light"
        size="sm"
        bg="teal.0"
        c="teal.9"
        tt="none"
        leftSection={<IconLockOpen size={12} aria-hidden />}
      >
        Dibuka kembali
      </Badge>
    );
  }
  return (
    <Badge
      variant="light"
      size="sm"
      bg="gray.1"
      c="gray.9"
      tt="none"
      leftSection={<IconLock size={12} aria-hidden />}
      miw="max-content"
    >
      {t.locked}
    </Badge>
  );
}

/** Whole days from today to a date (negative when past); both YYYY-MM-DD. */
export function daysBetween(today: string, day: string): number {
  const a = Date.UTC(
    Number(today.slice(0, 4)),
    Number(today.slice(5, 7)) - 1,
    Number(today.slice(8, 10)),
  );
  const b = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
  );
  return Math.round((b - a) / 86_400_000);
}

/** A deadline with the days left, or "Terkunci" (icon + word). */
export function DeadlineLine({
  deadline,
  today,
  locked,
}: {
  deadline: string;
  today: string;
  locked: boolean;
}) {
  const days = daysBetween(today, deadline);
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(deadline)}
      </Text>
      {locked ? (
        <Group gap={4} wrap="nowrap">
          <IconLock size={14} aria-hidden />
          <Text size="xs" fw={700}>
            {t.locked}
          </Text>
        </Group>
      ) : (
        <Group gap={4} wrap="nowrap" c={days < 0 ? 'red.9' : days <= 3 ? '#a33a08' : 'gray.7'}>
          {days < 0 ? (
            <IconAlertTriangle size={14} aria-hidden />
          ) : (
            <IconClock size={14} aria-hidden />
          )}
          <Text size="xs" fw={days <= 3 ? 700 : 400} c="inherit">
            {t.daysLeft(days)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
