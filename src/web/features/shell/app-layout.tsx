import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Image,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import {
  IconApi,
  IconBuildingCommunity,
  IconCalendarDue,
  IconCalendarEvent,
  IconCertificate,
  IconChartBar,
  IconChecklist,
  IconChevronDown,
  IconClipboardData,
  IconFileSpreadsheet,
  IconHierarchy3,
  IconHome,
  IconKey,
  IconListDetails,
  IconLogout,
  IconSettings,
  IconShieldCheck,
  IconShieldLock,
  IconSignature,
  IconSitemap,
  IconTargetArrow,
  IconUserShield,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import 'dayjs/locale/id';
import { type ReactNode, useEffect } from 'react';
import type { Capability } from '../../api/types.js';
import { BrandMark } from '../../components/brand-mark.js';
import { useSession } from '../../session.js';
import { common, roleLabel } from '../../strings.js';
import { useSignOut } from '../auth/use-sign-out.js';
import { NotificationBell } from '../notifications/bell.js';
import { shellStrings as t } from './strings.js';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  capability?: Capability;
  exact?: boolean;
}

const tenantNav: NavItem[] = [
  { to: '/', label: t.nav.home, icon: <IconHome size={18} aria-hidden />, exact: true },
  {
    to: '/tugas',
    label: t.nav.tasks,
    icon: <IconChecklist size={18} aria-hidden />,
    capability: 'signDocuments',
  },
  {
    to: '/dasbor',
    label: t.nav.dashboard,
    icon: <IconChartBar size={18} aria-hidden />,
    capability: 'readMonitoring',
  },
  {
    to: '/realisasi',
    label: t.nav.realisasi,
    icon: <IconClipboardData size={18} aria-hidden />,
    capability: 'readMonitoring',
  },
  {
    to: '/organisasi',
    label: t.nav.org,
    icon: <IconSitemap size={18} aria-hidden />,
    capability: 'readOrg',
  },
  {
    to: '/perencanaan',
    label: t.nav.plans,
    icon: <IconTargetArrow size={18} aria-hidden />,
    capability: 'readPlans',
  },
  {
    to: '/pk',
    label: t.nav.agreements,
    icon: <IconSignature size={18} aria-hidden />,
    capability: 'readAgreements',
  },
  {
    to: '/pk/kaskade',
    label: t.nav.cascade,
    icon: <IconHierarchy3 size={18} aria-hidden />,
    capability: 'readAgreements',
  },
  {
    to: '/pk/pemantauan',
    label: t.nav.board,
    icon: <IconCalendarDue size={18} aria-hidden />,
    capability: 'reviewAgreements',
  },
  {
    to: '/penandatanganan',
    label: t.nav.ceremonies,
    icon: <IconCalendarEvent size={18} aria-hidden />,
    capability: 'readCeremonies',
  },
  {
    to: '/pakta-integritas',
    label: t.nav.integrity,
    icon: <IconShieldCheck size={18} aria-hidden />,
    capability: 'readIntegrity',
  },
  {
    to: '/impor',
    label: t.nav.imports,
    icon: <IconFileSpreadsheet size={18} aria-hidden />,
    capability: 'writeRenstra',
  },
  {
    to: '/pegawai',
    label: t.nav.employees,
    icon: <IconUsers size={18} aria-hidden />,
    capability: 'readOrg',
  },
  {
    to: '/pengguna',
    label: t.nav.users,
    icon: <IconUserShield size={18} aria-hidden />,
    capability: 'manageUsers',
  },
  {
    to: '/sertifikat',
    label: t.nav.certificates,
    icon: <IconCertificate size={18} aria-hidden />,
    capability: 'manageCertificates',
  },
  {
    to: '/audit',
    label: t.nav.audit,
    icon: <IconListDetails size={18} aria-hidden />,
    capability: 'readAudit',
  },
  {
    to: '/pengaturan',
    label: t.nav.tenant,
    icon: <IconSettings size={18} aria-hidden />,
    capability: 'manageTenant',
  },
];

const platformNav: NavItem[] = [
  { to: '/pemda', label: t.nav.platform, icon: <IconBuildingCommunity size={18} aria-hidden /> },
];

/** The signed-in frame: header with the Pemda and account menu, navigation by capability. */
export function AppLayout() {
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const signOut = useSignOut();
  // On a phone the closed menu slides off-screen; also hide it from keyboards and screen readers.
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;

  // Close the phone menu after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => close(), [pathname]);

  const items = session.user.isPlatformAdmin
    ? platformNav
    : tenantNav.filter((item) => !item.capability || session.capabilities[item.capability]);
  // The most specific item wins: /pk/kaskade lights "Kaskade", /pk/dokumen/… lights "Perjanjian
  // Kinerja", never both.
  const matches = (item: NavItem) =>
    item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
  const activeTo = items
    .filter(matches)
    .reduce<string | null>(
      (best, item) => (best && best.length >= item.to.length ? best : item.to),
      null,
    );
  const isActive = (item: NavItem) => item.to === activeTo;

  const heading = session.tenant?.name ?? t.platformTitle;
  const initials = session.user.displayName
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  const roleText = session.user.isPlatformAdmin
    ? t.platformAdmin
    : [...new Set(session.user.roles.map((r) => roleLabel(r.role)))].join(', ');

  return (
    <DatesProvider settings={{ locale: 'id', firstDayOfWeek: 1 }}>
      <Notifications position="top-right" zIndex={1000} />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t.closeMenu : t.openMenu}
              />
              <Link
                to="/"
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 10,
                  textDecoration: 'none',
                  color: 'inherit',
                  minWidth: 0,
                }}
              >
                {session.tenant?.hasLogo ? (
                  <Image
                    src="/api/tenant/logo"
                    alt={`${t.logoAlt} ${session.tenant.name}`}
                    h={36}
                    w="auto"
                    fit="contain"
                  />
                ) : (
                  <BrandMark size={34} />
                )}
                <Box style={{ minWidth: 0 }}>
                  <Text fw={700} size="sm" lh={1.2} truncate="end">
                    {heading}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
                    {common.appName} · {common.appTagline}
                  </Text>
                </Box>
              </Link>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {!session.user.isPlatformAdmin && session.tenant && <NotificationBell />}
              <Menu position="bottom-end" width={240} shadow="md">
                <Menu.Target>
                  <UnstyledButton aria-label={`${t.userMenu}: ${session.user.displayName}`}>
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="amanah" radius="xl" size={34}>
                        {initials}
                      </Avatar>
                      <Box visibleFrom="sm" style={{ maxWidth: 200 }}>
                        <Text size="sm" fw={600} lh={1.2} truncate="end">
                          {session.user.displayName}
                        </Text>
                        <Text size="xs" c="dimmed" lh={1.2} truncate="end">
                          {roleText}
                        </Text>
                      </Box>
                      <IconChevronDown size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{session.user.username}</Menu.Label>
                  <Menu.Item
                    component={Link}
                    to="/akun/kata-sandi"
                    leftSection={<IconKey size={16} aria-hidden />}
                  >
                    {t.changePassword}
                  </Menu.Item>
                  <Menu.Item
                    component={Link}
                    to="/akun/dua-langkah"
                    leftSection={<IconShieldLock size={16} aria-hidden />}
                  >
                    {t.totp}
                  </Menu.Item>
                  <Menu.Item
                    component={Link}
                    to="/akun/tanda-tangan"
                    leftSection={<IconCertificate size={16} aria-hidden />}
                  >
                    {t.signingCertificate}
                  </Menu.Item>
                  <Menu.Item
                    component={Link}
                    to="/akun/token"
                    leftSection={<IconApi size={16} aria-hidden />}
                  >
                    {t.tokens}
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item
                    color="red"
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => void signOut()}
                  >
                    {t.signOut}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          aria-label={t.navLabel}
          component="nav"
          style={isPhone && !opened ? { visibility: 'hidden' } : undefined}
        >
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  activeOptions={{ exact: true }}
                  label={item.label}
                  leftSection={item.icon}
                  active={isActive(item)}
                  aria-current={isActive(item) ? 'page' : undefined}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" py="xs">
              {t.version}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Box maw={1280} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </DatesProvider>
  );
}
