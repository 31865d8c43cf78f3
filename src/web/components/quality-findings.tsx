import { Badge, Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useId } from 'react';
import type { QualityFinding } from '../../modules/quality/types.js';
import { qualityStrings as t } from './quality-strings.js';

/** Blocking findings first, then warnings; the order of the check within each group. */
function ordered(findings: readonly QualityFinding[]): QualityFinding[] {
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity !== 'error'),
  ];
}

function SeverityLabel({ error, size }: { error: boolean; size: 'xs' | 'sm' }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon
        size={size === 'xs' ? 18 : 22}
        radius="xl"
        variant="light"
        color={error ? 'red' : 'yellow'}
        c={error ? 'red.9' : 'yellow.9'}
        aria-hidden
      >
        {error ? <IconCircleX size={14} /> : <IconAlertTriangle size={14} />}
      </ThemeIcon>
      <Text size={size} fw={700} c={error ? 'red.9' : 'yellow.9'}>
        {error ? t.blocking : t.warning}
      </Text>
    </Group>
  );
}

/**
 * The findings of the indicator quality check: blocking errors (red, "Menghambat pengajuan")
 * before warnings (yellow, "Peringatan"), each with what is wrong and how to fix it. Severity is
 * carried by icon and words, never by colour alone. `compact` fits under a single indicator.
 */
export function QualityFindings({
  findings,
  title = t.title,
  compact = false,
}: {
  findings: readonly QualityFinding[];
  title?: string;
  compact?: boolean;
}) {
  const headingId = useId();
  const list = ordered(findings);
  const errors = list.filter((f) => f.severity === 'error').length;
  const warnings = list.length - errors;

  if (list.length === 0)
    return (
      <Group gap={6} wrap="nowrap" data-testid="quality-findings-empty">
        <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
        <Text size="sm" c="gray.7">
          {t.empty}
        </Text>
      </Group>
    );

  const items = list.map((f, index) => {
    const error = f.severity === 'error';
    return compact ? (
      <li
        // biome-ignore lint/suspicious/noArrayIndexKey: one check's findings never reorder
        key={`${f.rule}-${f.subjectKey}-${f.field ?? ''}-${index}`}
        data-testid="quality-finding"
        data-severity={f.severity}
        data-rule={f.rule}
      >
        <Stack gap={2}>
          <Group gap={6} align="flex-start" wrap="nowrap">
            <SeverityLabel error={error} size="xs" />
            <Text size="sm" style={{ minWidth: 0 }}>
              {f.message}
            </Text>
          </Group>
          <Text size="xs" c="gray.7">
            {t.fixHint} {f.hint}
          </Text>
        </Stack>
      </li>
    ) : (
      <li
        // biome-ignore lint/suspicious/noArrayIndexKey: one check's findings never reorder
        key={`${f.rule}-${f.subjectKey}-${f.field ?? ''}-${index}`}
        data-testid="quality-finding"
        data-severity={f.severity}
        data-rule={f.rule}
      >
        <Paper
          withBorder
          p="sm"
          radius="sm"
          style={{
            borderLeft: `4px solid var(--mantine-color-${error ? 'red-7' : 'yellow-6'})`,
          }}
        >
          <Stack gap={4}>
            <SeverityLabel error={error} size="sm" />
            <Text size="sm">{f.message}</Text>
            <Text size="sm" c="gray.7">
              <Text span fw={600} inherit>
                {t.fixHint}
              </Text>{' '}
              {f.hint}
            </Text>
          </Stack>
        </Paper>
      </li>
    );
  });

  return (
    <Box
      component="section"
      aria-labelledby={compact ? undefined : headingId}
      aria-label={compact ? title : undefined}
      data-testid="quality-findings"
    >
      <Stack gap={compact ? 6 : 'sm'}>
        {!compact && (
          <Group justify="space-between" align="center" gap="xs">
            <Title order={3} fz="md" id={headingId}>
              {title}
            </Title>
            <Group gap={6}>
              {errors > 0 && (
                <Badge color="red" variant="light" c="red.9">
                  {t.summaryBlocking(errors)}
                </Badge>
              )}
              {warnings > 0 && (
                <Badge color="yellow" variant="light" c="yellow.9">
                  {t.summaryWarnings(warnings)}
                </Badge>
              )}
            </Group>
          </Group>
        )}
        {!compact && errors > 0 && (
          <Text size="sm" c="red.9">
            {t.blockingNote}
          </Text>
        )}
        <Box
          component="ul"
          m={0}
          p={0}
          style={{
            listStyle: 'none',
            display: 'flex',
            flexDirection: 'column',
            gap: compact ? 6 : 'var(--mantine-spacing-xs)',
          }}
        >
          {items}
        </Box>
      </Stack>
    </Box>
  );
}
