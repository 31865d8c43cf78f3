import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MutationError } from '../../components/mutation-error.js';
import { notifySuccess } from '../../lib/forms.js';
import { refreshMonitoring, requestUnlock } from './queries.js';
import { monitoringStrings as t } from './strings.js';

/** The form under a locked report: a reason (≥ 10 characters) sent to the admin Pemda. */
export function UnlockRequest({
  reportId,
  onDone,
}: {
  reportId: string;
  onDone: () => Promise<unknown>;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => requestUnlock(reportId, reason.trim()),
    onSuccess: async () => {
      setReason('');
      await onDone();
      void refreshMonitoring(queryClient, reportId);
      notifySuccess(t.unlockSent);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    if (reason.trim().length < 10) {
      setError(t.unlockReasonShort);
      return;
    }
    send.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t.unlockTitle} noValidate>
      <Stack gap="xs" maw={640}>
        <Textarea
          label={t.unlockTitle}
          description={t.unlockHint}
          placeholder={t.unlockReason}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          error={error}
          onChange={(e) => {
            setError(null);
            setReason(e.currentTarget.value);
          }}
        />
        <MutationError mutation={send} />
        <Group>
          <Button
            type="submit"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            loading={send.isPending}
            disabled={send.isPending}
          >
            {t.unlockSend}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
