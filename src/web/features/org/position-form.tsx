import { Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { api } from '../../api/client.js';
import type { Position, PositionDetail, PositionKind } from '../../api/types.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { positionKindLabels, orgStrings as t } from './strings.js';

interface Values {
  title: string;
  kind: PositionKind | '';
  headsUnit: boolean;
  superiorPositionId: string | null;
}

const kindOptions = Object.entries(positionKindLabels).map(([value, label]) => ({ value, label }));

/** Create a position in a unit, or edit one. */
export function PositionFormModal(
  props:
    | {
        mode: 'create';
        unitId: string;
        unitName: string;
        suggestHead: boolean;
        suggestedTitle: string;
        suggestedKind: PositionKind;
        onClose: () => void;
      }
    | { mode: 'edit'; position: PositionDetail; onClose: () => void },
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const editing = props.mode === 'edit' ? props.position : null;
  const leaders = useQuery({
    queryKey: ['positions', { leaders: true }],
    queryFn: () => api.get<{ items: Position[] }>('/api/positions', { leaders: 'true' }),
    staleTime: 60_000,
  });
  const superiorOptions = useMemo(
    () =>
      (leaders.data?.items ?? [])
        .filter((p) => p.id !== editing?.id && !p.archived)
        .map((p) => ({ value: p.id, label: p.title })),
    [leaders.data, editing?.id],
  );

  const form = useForm<Values>({
    initialValues: editing
      ? {
          title: editing.title,
          kind: editing.kind,
          headsUnit: editing.headsUnit,
          superiorPositionId: editing.superiorPositionId,
        }
      : {
          title: props.mode === 'create' ? props.suggestedTitle : '',
          kind: props.mode === 'create' ? props.suggestedKind : '',
          headsUnit: props.mode === 'create' ? props.suggestHead : false,
          superiorPositionId: null,
        },
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : 'Nama jabatan minimal 3 huruf'),
      kind: (v) => (v ? null : 'Pilih jenis jabatan'),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        title: values.title.trim(),
        kind: values.kind,
        headsUnit: values.headsUnit,
        superiorPositionId: values.superiorPositionId,
      };
      if (editing) {
        return api.patch<PositionDetail>(`/api/positions/${editing.id}`, {
          ...body,
          version: editing.version,
        });
      }
      return api.post<PositionDetail>('/api/positions', {
        ...body,
        unitId: props.mode === 'create' ? props.unitId : null,
      });
    },
    onSuccess: async (position) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['unit'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: ['position'] }),
        queryClient.invalidateQueries({ queryKey: ['positions'] }),
      ]);
      notifySuccess(editing ? t.positionUpdated : t.positionCreated, position.title);
      props.onClose();
      if (!editing) {
        await navigate({
          to: '/organisasi/jabatan/$positionId',
          params: { positionId: position.id },
        });
      }
    },
    onError: (error) => applyFieldError(form, error),
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={
        editing
          ? t.editPosition
          : `${t.addPosition}: ${props.mode === 'create' ? props.unitName : ''}`
      }
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <TextInput
            label={t.positionTitle}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Select
            label={t.positionKind}
            data={kindOptions}
            required
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Checkbox
            label={t.headsUnitLabel}
            description={t.headsUnitHelp}
            {...form.getInputProps('headsUnit', { type: 'checkbox' })}
          />
          <Select
            label={t.superior}
            description={t.superiorHelp}
            data={superiorOptions}
            searchable
            clearable
            limit={50}
            nothingFoundMessage="Tidak ditemukan"
            placeholder={leaders.isPending ? common.loading : 'Ketik untuk mencari jabatan'}
            {...form.getInputProps('superiorPositionId')}
          />
          <FormActions
            onCancel={props.onClose}
            pending={mutation.isPending}
            submitLabel={common.save}
          />
        </Stack>
      </form>
    </Modal>
  );
}
