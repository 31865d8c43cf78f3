import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client.js';
import { common } from '../strings.js';

/** Placeholder rows while a list or page loads. */
export function LoadingRows({
  rows = 5,
  label = common.loading,
}: {
  rows?: number;
  label?: string;
}) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders never reorder
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function PageLoader() {
  return (
    <Center py="xl" aria-busy="true">
      <Loader aria-label={common.loading} />
    </Center>
  );
}

/** The server's Indonesian message, with a retry (and a reload hint for version conflicts). */
export function ErrorAlert({
  error,
  onRetry,
  title = common.errorTitle,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
        {conflict && <Text size="sm">{common.reloadHint}</Text>}
        {(onRetry || conflict) && (
          <Group gap="xs">
            {onRetry && (
              <Button
                size="xs"
                variant="white"
                color="red"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={onRetry}
              >
                {common.retry}
              </Button>
            )}
            {conflict && (
              <Button
                size="xs"
                variant="white"
                color="red"
                onClick={() => window.location.reload()}
              >
                {common.reload}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** An empty list that tells the user what to do next. */
export function EmptyState({
  title,
  description,
  action,
  icon,
}: {
  title: string;
  description: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray">
        {icon ?? <IconInbox size={26} aria-hidden />}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed" maw={460}>
        {description}
      </Text>
      {action}
    </Stack>
  );
}
