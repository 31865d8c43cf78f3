import { Badge, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PageHeader } from '../../components/page.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { TotpEnrol } from '../auth/totp-enrol.js';
import { accountStrings as t } from './strings.js';

interface TotpStatus {
  enabled: boolean;
  enabledAt: string | null;
  setupPending: boolean;
  recoveryCodesLeft: number;
}

export function TotpPage() {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const status = useQuery({
    queryKey: ['totp-status'],
    queryFn: () => api.get<TotpStatus>('/api/auth/totp'),
  });
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [password, setPassword] = useState('');
  const disable = useMutation({
    mutationFn: () => api.post('/api/auth/totp/disable', { password }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['totp-status'] });
      notifySuccess(t.disabled);
      setDisabling(false);
      setPassword('');
    },
  });

  return (
    <>
      <PageHeader title={t.totpTitle} description={t.totpDescription} />
      <Paper withBorder p="lg" maw={560}>
        {status.isPending ? (
          <LoadingRows rows={3} />
        ) : status.isError ? (
          <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
        ) : enrolling ? (
          <TotpEnrol
            onDone={() => {
              setEnrolling(false);
              notifySuccess(t.enabled);
              void queryClient.invalidateQueries({ queryKey: ['totp-status'] });
            }}
          />
        ) : status.data.enabled ? (
          <Stack gap="sm">
            <Group gap="xs">
              <IconShieldCheck size={22} color="var(--mantine-color-teal-8)" aria-hidden />
              <Badge color="teal.9" variant="light">
                {t.statusOn}
              </Badge>
            </Group>
            <Text size="sm">
              {status.data.enabledAt
                ? t.enabledSince(formatDate(status.data.enabledAt, timeZone))
                : null}{' '}
              {t.codesLeft(formatNumber(status.data.recoveryCodesLeft))}
            </Text>
            <Group>
              <Button variant="default" color="red" onClick={() => setDisabling(true)}>
                {t.disable}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Badge color="gray" variant="light" w="fit-content">
              {t.statusOff}
            </Badge>
            <Text size="sm">{t.offBody}</Text>
            <Group>
              <Button onClick={() => setEnrolling(true)}>{t.start}</Button>
            </Group>
          </Stack>
        )}
      </Paper>
      <ConfirmDialog
        opened={disabling}
        title={t.disableTitle}
        message={t.disableBody}
        confirmLabel={t.disable}
        pending={disable.isPending}
        error={disable.error}
        onConfirm={() => password && disable.mutate()}
        onClose={() => {
          disable.reset();
          setDisabling(false);
        }}
      >
        <PasswordInput
          label={t.password}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          data-autofocus
        />
      </ConfirmDialog>
    </>
  );
}
