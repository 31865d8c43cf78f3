import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import type { UnitDetail } from '../../api/types.js';
import { ErrorAlert } from '../../components/states.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { unitsQuery } from './queries.js';
import { orgStrings as t } from './strings.js';
import { buildTree, unitOptionLabel } from './tree.js';

const ROOT = '__root__';

/** Move a unit under another parent; the server refuses cycles (UNIT_CYCLE) with its message. */
export function MoveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery(false));
  const [parentId, setParentId] = useState<string | null>(null);
  const options = useMemo(() => {
    const tree = buildTree(units.data?.items ?? []);
    const list = [...tree.byId.values()]
      .filter((u) => u.id !== unit.id && u.id !== unit.parentId)
      .map((u) => ({ value: u.id, label: unitOptionLabel(tree, u) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'id'));
    return unit.parentId ? [{ value: ROOT, label: t.topLevel }, ...list] : list;
  }, [units.data, unit.id, unit.parentId]);

  const move = useMutation({
    mutationFn: (target: string) =>
      api.post<UnitDetail>(`/api/units/${unit.id}/move`, {
        version: unit.version,
        parentId: target === ROOT ? null : target,
      }),
    onSuccess: async (moved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: ['unit'] }),
      ]);
      notifySuccess(t.moved, moved.name);
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={`${t.moveTitle}: ${unit.name}`} size="lg" centered>
      <Stack gap="md">
        <Text size="sm">{t.moveHelp}</Text>
        <Select
          label={t.newParent}
          data={options}
          value={parentId}
          onChange={setParentId}
          searchable
          limit={60}
          nothingFoundMessage="Tidak ada unit yang cocok"
          placeholder={units.isPending ? common.loading : 'Ketik nama unit'}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {move.isError && <ErrorAlert error={move.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={move.isPending}>
            {common.cancel}
          </Button>
          <Button
            onClick={() => parentId && move.mutate(parentId)}
            disabled={!parentId || move.isPending}
            loading={move.isPending}
          >
            {t.move}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
