import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuilding,
  IconListDetails,
  IconSitemap,
  IconUserExclamation,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatNumber, todayIn } from '../../lib/format.js';
import { useCan, useSession, useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { unitsQuery } from '../org/queries.js';
import { TasksCard } from './tasks-card.js';

const s = {
  title: 'Beranda',
  greeting: (name: string) => `Selamat datang, ${name}`,
  today: (date: string) => `Hari ini ${date}.`,
  units: 'Unit organisasi aktif',
  pd: 'Perangkat Daerah (eselon II)',
  vacant: 'Jabatan pimpinan kosong',
  acting: 'Dijabat Plt / Plh / Pj',
  vacantList: 'Unit tanpa pimpinan definitif',
  vacantListHint: 'Unit yang pimpinannya kosong atau masih dijabat Plt/Plh/Pj.',
  allFilled: 'Semua jabatan pimpinan terisi pejabat definitif.',
  more: (n: string) => `dan ${n} unit lainnya, lihat di halaman Organisasi.`,
  shortcuts: 'Pintasan',
  toOrg: 'Buka pohon organisasi',
  toEmployees: 'Cari pegawai',
  toAudit: 'Lihat log audit',
};

export function HomePage() {
  const session = useSession();
  const timeZone = useTimeZone();
  const canAudit = useCan('readAudit');
  const units = useQuery(unitsQuery(false));
  const stats = useMemo(() => {
    const items = units.data?.items ?? [];
    const heads = items.filter((u) => u.head);
    const attention = items.filter((u) => u.head?.holder?.kind !== 'definitif');
    return {
      total: items.length,
      pd: items.filter((u) => u.level === 'eselon_2').length,
      vacant: heads.filter((u) => !u.head?.holder).length + items.filter((u) => !u.head).length,
      acting: heads.filter((u) => u.head?.holder && u.head.holder.kind !== 'definitif').length,
      attention: attention.sort((a, b) => (a.level ?? 'z').localeCompare(b.level ?? 'z')),
    };
  }, [units.data]);

  return (
    <>
      <PageHeader
        title={s.title}
        description={`${s.greeting(session.user.displayName)}. ${s.today(formatDate(todayIn(timeZone)))}`}
      />
      <TasksCard />
      {units.isPending ? (
        <LoadingRows rows={4} />
      ) : units.isError ? (
        <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Stat
              icon={<IconSitemap size={20} aria-hidden />}
              label={s.units}
              value={stats.total}
            />
            <Stat icon={<IconBuilding size={20} aria-hidden />} label={s.pd} value={stats.pd} />
            <Stat
              icon={<IconAlertTriangle size={20} aria-hidden />}
              label={s.vacant}
              value={stats.vacant}
              color="red"
            />
            <Stat
              icon={<IconUserExclamation size={20} aria-hidden />}
              label={s.acting}
              value={stats.acting}
              color="orange"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
              <Title order={2} fz="lg">
                {s.vacantList}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {s.vacantListHint}
              </Text>
              {stats.attention.length === 0 ? (
                <Text size="sm">{s.allFilled}</Text>
              ) : (
                <Stack gap={6}>
                  {stats.attention.slice(0, 8).map((u) => (
                    <Group key={u.id} justify="space-between" wrap="nowrap" gap="xs">
                      <AnchorLink
                        to="/organisasi/unit/$unitId"
                        params={{ unitId: u.id }}
                        size="sm"
                        truncate="end"
                      >
                        {u.name}
                      </AnchorLink>
                      <Text
                        size="xs"
                        c={u.head?.holder ? '#a33a08' : 'red.9'}
                        fw={600}
                        style={{ flexShrink: 0 }}
                      >
                        {u.head?.holder
                          ? common.assignmentKinds[u.head.holder.kind]
                          : common.vacant}
                      </Text>
                    </Group>
                  ))}
                  {stats.attention.length > 8 && (
                    <Text size="xs" c="dimmed">
                      {s.more(formatNumber(stats.attention.length - 8))}
                    </Text>
                  )}
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} fz="lg" mb="sm">
                {s.shortcuts}
              </Title>
              <Stack gap="xs">
                <Button
                  component={Link}
                  to="/organisasi"
                  variant="light"
                  leftSection={<IconSitemap size={16} aria-hidden />}
                  justify="flex-start"
                >
                  {s.toOrg}
                </Button>
                <Button
                  component={Link}
                  to="/pegawai"
                  variant="light"
                  leftSection={<IconUsers size={16} aria-hidden />}
                  justify="flex-start"
                >
                  {s.toEmployees}
                </Button>
                {canAudit && (
                  <Button
                    component={Link}
                    to="/audit"
                    variant="light"
                    leftSection={<IconListDetails size={16} aria-hidden />}
                    justify="flex-start"
                  >
                    {s.toAudit}
                  </Button>
                )}
              </Stack>
            </Paper>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

function Stat({
  icon,
  label,
  value,
  color = 'amanah',
}: {
  icon: ReactNode;
  label: string;
  value: number;
  color?: string;
}) {
  return (
    <Paper withBorder p="md">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <div>
          <Text fz={24} fw={700} lh={1.1}>
            {formatNumber(value)}
          </Text>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
