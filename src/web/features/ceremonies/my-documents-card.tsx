import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { BatchSignPanel } from '../signing/batch-sign-panel.js';
import { myDocumentsQuery } from './queries.js';
import { ceremonyStrings as t } from './strings.js';
import type { CeremonyDetail } from './types.js';

/**
 * For a signer with documents in this ceremony (the Wali Kota, a head of PD): sign them all
 * here with one passphrase entry. Nothing is shown to people with nothing to sign.
 */
export function MyDocumentsCard({ ceremony }: { ceremony: CeremonyDetail }) {
  const queryClient = useQueryClient();
  const mine = useQuery(myDocumentsQuery(ceremony.id));
  // After a run the panel shows its results in place of the "n documents wait for you" line.
  const [ran, setRan] = useState(false);
  const labels = useMemo(
    () =>
      Object.fromEntries(
        ceremony.items.flatMap((i) => (i.document ? [[i.document.id, i.title]] : [])),
      ) as Record<string, string>,
    [ceremony.items],
  );
  const ids = mine.data?.documentIds ?? [];
  const waiting = mine.data?.waitingForOthers ?? 0;
  if (ids.length === 0 && waiting === 0) return null;
  return (
    <Paper withBorder p="lg" bg="amanah.0">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.mineTitle}
        </Title>
        {ids.length > 0 && !ran && <Text size="sm">{t.mineBody(ids.length)}</Text>}
        {waiting > 0 && (
          <Text size="sm" c="dimmed">
            {t.mineWaiting(waiting)}
          </Text>
        )}
        {ids.length > 0 && (
          <BatchSignPanel
            documentIds={ids}
            labels={labels}
            // The ceremony's progress refreshes; this list stays as it was, so the panel keeps
            // showing the run's results (it changes on the next visit).
            onDone={() => {
              setRan(true);
              void queryClient.invalidateQueries({
                queryKey: ['ceremony', ceremony.id],
                exact: true,
              });
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
