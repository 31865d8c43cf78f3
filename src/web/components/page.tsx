import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { common } from '../strings.js';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${common.appName}`;
  }, [title]);
}

const crumbStyle = { whiteSpace: 'normal', minWidth: 0, overflowWrap: 'anywhere' } as const;

export interface Crumb {
  label: string;
  to?: string;
  params?: Record<string, string>;
}

/** Title, optional breadcrumb and description, and the page's main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  crumbs,
  badges,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  crumbs?: Crumb[];
  badges?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Stack gap="xs" mb="lg">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label="Jejak halaman">
          <Breadcrumbs
            separatorMargin={6}
            style={{ flexWrap: 'wrap', rowGap: 4 }}
            // Mantine keeps each crumb on one line; long names (a PK's position) must wrap on a phone.
            styles={{ breadcrumb: crumbStyle }}
          >
            {crumbs.map((crumb) =>
              crumb.to ? (
                <Anchor
                  key={`${crumb.to}-${crumb.label}`}
                  component={Link}
                  to={crumb.to}
                  // Crumbs are built from route paths by the pages; params match those paths.
                  params={crumb.params as never}
                  size="sm"
                >
                  {crumb.label}
                </Anchor>
              ) : (
                <Text key={crumb.label} size="sm" c="dimmed" aria-current="page">
                  {crumb.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs" align="center">
            <Title order={1} fz={{ base: 22, sm: 26 }}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
