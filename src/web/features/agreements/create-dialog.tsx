import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import type { Holder, PositionDetail } from '../../api/types.js';
import { ErrorAlert } from '../../components/states.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { ActingBadge } from './badges.js';
import { agreementQuery, boardQuery, refreshAgreements } from './queries.js';
import { levelLabels, agreementStrings as t } from './strings.js';
import type { AgreementDetail, BoardRow } from './types.js';

/**
 * The positions this person may draft a PK for now: the board rows the server marks
 * `permissions.create` (write access at the unit, year open, no PK yet).
 */
export function useDraftablePositions(year: number | null) {
  const board = useQuery({ ...boardQuery(year ?? 0), enabled: year !== null });
  const rows = useMemo(
    () => (board.data?.rows ?? []).filter((row) => row.permissions.create),
    [board.data],
  );
  return { board, rows };
}

function PartyPreview({
  label,
  holder,
  title,
}: {
  label: string;
  holder: Holder | null;
  title: string;
}) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={label}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {holder ? (
        <Group gap={6} wrap="nowrap" mt={4}>
          <ActingBadge kind={holder.kind} />
          <Text size="sm" fw={600}>
            {holder.employee.fullName}
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="red.9" mt={4}>
          {common.vacant}
        </Text>
      )}
      <Text size="xs" c="gray.7">
        {title}
      </Text>
    </Paper>
  );
}

export function CreateAgreementDialog({
  opened,
  onClose,
  yearId,
  year,
  initialPositionId,
}: {
  opened: boolean;
  onClose: () => void;
  yearId: string;
  year: number;
  initialPositionId?: string | undefined;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { board, rows } = useDraftablePositions(opened ? year : null);
  const [positionId, setPositionId] = useState<string | null>(initialPositionId ?? null);
  const [pullFromPlan, setPullFromPlan] = useState(true);
  const position = useQuery({
    queryKey: ['position', positionId],
    queryFn: () => api.get<PositionDetail>(`/api/positions/${positionId}`),
    enabled: opened && positionId !== null,
  });

  const create = useMutation({
    mutationFn: () =>
      api.post<AgreementDetail>('/api/agreements', { yearId, positionId, pullFromPlan }),
    onSuccess: async (detail) => {
      // The answer is the full PK: the editor opens from it without another request.
      queryClient.setQueryData(agreementQuery(detail.id).queryKey, detail);
      notifySuccess(t.created);
      await navigate({ to: '/pk/dokumen/$agreementId', params: { agreementId: detail.id } });
      onClose();
      void refreshAgreements(queryClient);
    },
  });

  const options = groupOptions(rows);
  const selectedRow = rows.find((r) => r.positionId === positionId);
  const vacant = selectedRow !== undefined && selectedRow.holderName === null;

  return (
    <Modal opened={opened} onClose={onClose} title={t.createTitle} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (positionId && !vacant) create.mutate();
        }}
      >
        <Stack gap="md">
          {board.isPending ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{common.loading}</Text>
            </Group>
          ) : board.isError ? (
            <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
          ) : rows.length === 0 ? (
            <Alert color="gray" variant="light">
              {t.noPositions}
            </Alert>
          ) : (
            <Select
              label={t.position}
              description={t.positionHint}
              placeholder={t.positionPlaceholder}
              data={options}
              value={positionId}
              onChange={(value) => {
                setPositionId(value);
                create.reset();
              }}
              searchable
              required
              nothingFoundMessage="Tidak ada jabatan yang cocok"
              comboboxProps={{ withinPortal: true }}
            />
          )}

          {positionId && vacant && (
            <Alert color="orange" variant="light" role="alert">
              {t.vacant}
            </Alert>
          )}

          {positionId && !vacant && (
            <Stack gap="xs" aria-live="polite">
              <Text size="sm" fw={600}>
                {t.previewTitle}
              </Text>
              {position.isPending ? (
                <Loader size="xs" aria-label={common.loading} />
              ) : position.isError ? (
                <ErrorAlert error={position.error} />
              ) : (
                <>
                  {/* As on paper: pihak pertama on the right, pihak kedua on the left. */}
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    {selectedRow?.level === 'pemda' ? (
                      <Text size="sm" c="dimmed">
                        {t.alone}
                      </Text>
                    ) : position.data.superior ? (
                      <PartyPreview
                        label={t.secondParty}
                        holder={position.data.superior.holder}
                        title={position.data.superior.title}
                      />
                    ) : (
                      <Alert color="orange" variant="light">
                        {t.noSuperior}
                      </Alert>
                    )}
                    <PartyPreview
                      label={t.firstParty}
                      holder={position.data.holder}
                      title={position.data.title}
                    />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed">
                    {t.previewHint}
                  </Text>
                </>
              )}
            </Stack>
          )}

          <Checkbox
            label={t.pullFromPlan}
            description={t.pullFromPlanHint}
            checked={pullFromPlan}
            onChange={(event) => setPullFromPlan(event.currentTarget.checked)}
          />

          {create.isError && <ErrorAlert error={create.error} />}

          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {common.cancel}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!positionId || vacant || create.isPending}
            >
              {t.createSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Select options grouped by PD, labelled "Position — holder (level)". */
function groupOptions(rows: BoardRow[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const row of rows) {
    const group = row.pd?.name ?? row.unit?.name ?? levelLabels.pemda;
    const label = `${row.positionTitle} — ${row.holderName ?? common.vacant} (${levelLabels[row.level]})`;
    const list = groups.get(group) ?? [];
    list.push({ value: row.positionId, label });
    groups.set(group, list);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}
