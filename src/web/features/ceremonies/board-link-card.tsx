import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconLink, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { notifySuccess } from '../../lib/forms.js';
import { boardLinkKey, refreshCeremony, rememberBoardLink } from './queries.js';
import { ceremonyStrings as t } from './strings.js';
import type { BoardLink, CeremonyDetail } from './types.js';

/**
 * The venue board's address. The server keeps only a hash of its token, so the link can be
 * shown right after the ceremony is scheduled or a new link is made, and never again: a lost
 * link is replaced, which also retires the old one on every screen.
 */
export function BoardLinkCard({ ceremony }: { ceremony: CeremonyDetail }) {
  const queryClient = useQueryClient();
  const link = useQuery<BoardLink | null>({
    queryKey: boardLinkKey(ceremony.id),
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.post<BoardLink>(`/api/ceremonies/${ceremony.id}/board-token`),
    onSuccess: async (fresh) => {
      rememberBoardLink(queryClient, ceremony.id, fresh);
      await refreshCeremony(queryClient, ceremony.id);
      notifySuccess(t.boardLinkOnce, t.newLink);
      setConfirming(false);
    },
  });
  const canReset = ceremony.permissions.resetBoardToken;

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLink size={20} aria-hidden />
          <Title order={2} size="h4">
            {t.boardTitle}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t.boardHelp}
        </Text>
        {link ? (
          <>
            <Alert variant="light" color="yellow" p="xs">
              <Text size="sm">{t.boardLinkOnce}</Text>
            </Alert>
            <TextInput
              label={t.boardLinkLabel}
              value={link.boardUrl}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <Group gap="xs">
              <CopyButton value={link.boardUrl}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'green.8' : undefined}
                    leftSection={
                      copied ? (
                        <IconCheck size={16} aria-hidden />
                      ) : (
                        <IconCopy size={16} aria-hidden />
                      )
                    }
                    onClick={copy}
                  >
                    {copied ? t.copied : t.copy}
                  </Button>
                )}
              </CopyButton>
              <Button
                component="a"
                href={`/papan/${link.boardToken}`}
                target="_blank"
                rel="noopener noreferrer"
                variant="default"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {t.openBoard}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">{t.boardLinkHidden}</Text>
        )}
        {canReset && (
          <Group>
            {link ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setConfirming(true)}
              >
                {t.newLink}
              </Anchor>
            ) : (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t.newLink}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t.newLink}
        message={t.newLinkConfirm}
        confirmLabel={t.newLink}
        color="amanah"
        pending={reset.isPending}
        error={reset.isError ? reset.error : undefined}
        onConfirm={() => reset.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}
