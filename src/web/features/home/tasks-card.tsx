import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatNumber } from '../../lib/format.js';
import { useCan } from '../../session.js';
import { inboxQuery } from '../notifications/queries.js';
import { notificationStrings, taskKindLabels } from '../notifications/strings.js';
import type { TaskKind } from '../notifications/types.js';
import { tasksQuery } from '../signing/queries.js';

const kinds: TaskKind[] = ['fix', 'fill', 'approve', 'verify', 'unlock', 'sign'];

/**
 * "Tugas Saya" on the home page: shown only when something waits for this user (realisasi to
 * fill, fix, approve, verify, an unlock to decide, a document to sign, or a certificate to make
 * first), so other users see nothing new.
 */
export function TasksCard() {
  const canSign = useCan('signDocuments');
  const inbox = useQuery({ ...inboxQuery(), enabled: canSign });
  const signing = useQuery({ ...tasksQuery(), enabled: canSign });
  if (!canSign) return null;

  const counts = inbox.data?.counts;
  const total = counts ? kinds.reduce((n, k) => n + counts[k], 0) : 0;
  const overdue = inbox.data?.items.filter((i) => i.overdue).length ?? 0;
  const mustEnrol =
    !!signing.data?.linked &&
    !signing.data.enrolled &&
    signing.data.toSign.some((item) => item.myTurn);

  if (total === 0 && !mustEnrol) return null;

  if (total === 0 && mustEnrol) {
    const waiting = signing.data?.toSign.filter((item) => item.myTurn).length ?? 0;
    return (
      <Paper withBorder p="md" mb="lg" bg="indigo.0" component="section" aria-label="Tugas Saya">
        <Group justify="space-between" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="white" color="indigo.9">
              <IconSignature size={22} aria-hidden />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={700}>{formatNumber(waiting)} dokumen menunggu tanda tangan Anda</Text>
              <Text size="sm" c="gray.8">
                Buat sertifikat tanda tangan dahulu, lalu tandatangani di Tugas Saya.
              </Text>
            </Stack>
          </Group>
          <Button component={Link} to="/akun/tanda-tangan" color="indigo.9">
            Buat sertifikat
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" mb="lg" bg="indigo.0" component="section" aria-label="Tugas Saya">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="white" color="indigo.9">
            <IconChecklist size={22} aria-hidden />
          </ThemeIcon>
          <Stack gap={4}>
            <Text fw={700}>{notificationStrings.homeTitle(formatNumber(total))}</Text>
            <Group gap={6}>
              {counts &&
                kinds
                  .filter((k) => counts[k] > 0)
                  .map((k) => (
                    <Badge key={k} variant="white" color="indigo.9" c="indigo.9" tt="none">
                      {taskKindLabels[k].title}: {formatNumber(counts[k])}
                    </Badge>
                  ))}
              {overdue > 0 && (
                <Badge
                  variant="white"
                  c="red.9"
                  tt="none"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  {notificationStrings.homeOverdue(formatNumber(overdue))}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="gray.8">
              {mustEnrol
                ? 'Buat sertifikat tanda tangan dahulu untuk menandatangani dokumen.'
                : notificationStrings.homeHint}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to="/tugas" color="indigo.9">
          {notificationStrings.toTasks}
        </Button>
      </Group>
    </Paper>
  );
}
