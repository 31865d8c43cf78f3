import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatNumber } from '../../lib/format.js';
import { useCan } from '../../session.js';
import { tasksQuery } from '../signing/queries.js';

/**
 * "Tugas Saya" on the home page: shown only to an official with documents waiting for their
 * signature (or who must enrol first), so other users see nothing new.
 */
export function TasksCard() {
  const canSign = useCan('signDocuments');
  const tasks = useQuery({ ...tasksQuery(), enabled: canSign });
  if (!canSign || !tasks.data?.linked) return null;
  const waiting = tasks.data.toSign.filter((item) => item.myTurn).length;
  if (waiting === 0) return null;
  const enrolled = tasks.data.enrolled;
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
              {enrolled
                ? 'Baca lalu tandatangani di Tugas Saya.'
                : 'Buat sertifikat tanda tangan dahulu, lalu tandatangani di Tugas Saya.'}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to={enrolled ? '/tugas' : '/akun/tanda-tangan'} color="indigo.9">
          {enrolled ? 'Buka Tugas Saya' : 'Buat sertifikat'}
        </Button>
      </Group>
    </Paper>
  );
}
