import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/**
 * "Someone else changed this meanwhile": shown after a VERSION_CONFLICT, with the button that
 * reloads the current version. The texts name the object (PK, laporan triwulan).
 */
export function ConflictAlert({
  title,
  message,
  reloadLabel,
  onReload,
}: {
  title: string;
  message: string;
  reloadLabel: string;
  onReload: () => void;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle size={20} aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Group>
          <Button size="xs" color="red" onClick={onReload}>
            {reloadLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
