import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { common } from '../strings.js';

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="md">
      <Paper withBorder p="xl" maw={480}>
        <Stack align="center" ta="center">
          <Title order={2}>{common.notFoundTitle}</Title>
          <Text c="dimmed">{common.notFoundBody}</Text>
          <Button component={Link} to="/">
            {common.toHome}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

export function RouteErrorPage({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : '';
  return (
    <Center mih="60vh" p="md">
      <Paper withBorder p="xl" maw={520}>
        <Stack align="center" ta="center">
          <Title order={2}>{common.routeErrorTitle}</Title>
          <Text c="dimmed">{common.routeErrorBody}</Text>
          {detail && (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          )}
          <Button onClick={() => window.location.reload()}>{common.reload}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
