import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.js';
import type { UnitDetail, UnitLevel, UnitSummary, UnitType } from '../../api/types.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { applyFieldError, notifySuccess, orNull } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { orgStrings as t, unitTypeLabels } from './strings.js';

interface Values {
  name: string;
  shortName: string;
  type: UnitType | '';
  level: UnitLevel | 'none';
  code: string;
}

const typeOptions = Object.entries(unitTypeLabels).map(([value, label]) => ({ value, label }));
const levelOptions = [
  { value: 'eselon_2', label: common.levels.eselon_2 },
  { value: 'eselon_3', label: common.levels.eselon_3 },
  { value: 'eselon_4', label: common.levels.eselon_4 },
  { value: 'none', label: 'Tanpa eselon' },
];

/** What a new sub-unit most likely is, from its parent (a bidang under a dinas, …). */
function childDefaults(parent: UnitSummary | null): Pick<Values, 'type' | 'level'> {
  if (!parent) return { type: 'dinas', level: 'eselon_2' };
  if (parent.type === 'sekretariat_daerah') return { type: 'bagian', level: 'eselon_3' };
  if (parent.type === 'bagian') return { type: 'subbagian', level: 'eselon_4' };
  if (parent.level === 'eselon_2') return { type: 'bidang', level: 'eselon_3' };
  return { type: 'seksi', level: 'eselon_4' };
}

/** Create a unit (top level or under `parent`) or edit `unit`. */
export function UnitFormModal(
  props:
    | { mode: 'create'; parent: UnitSummary | null; onClose: () => void }
    | { mode: 'edit'; unit: UnitDetail; onClose: () => void },
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const editing = props.mode === 'edit' ? props.unit : null;
  const defaults = props.mode === 'create' ? childDefaults(props.parent) : null;
  const form = useForm<Values>({
    initialValues: editing
      ? {
          name: editing.name,
          shortName: editing.shortName ?? '',
          type: editing.type,
          level: editing.level ?? 'none',
          code: editing.code ?? '',
        }
      : {
          name: '',
          shortName: '',
          code: '',
          type: defaults?.type ?? '',
          level: defaults?.level ?? 'none',
        },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Nama unit minimal 3 huruf'),
      type: (v) => (v ? null : 'Pilih jenis unit'),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        shortName: orNull(values.shortName),
        type: values.type,
        level: values.level === 'none' ? null : values.level,
        code: orNull(values.code),
      };
      if (editing)
        return api.patch<UnitDetail>(`/api/units/${editing.id}`, {
          ...body,
          version: editing.version,
        });
      return api.post<UnitDetail>('/api/units', {
        ...body,
        parentId: props.mode === 'create' ? (props.parent?.id ?? null) : null,
      });
    },
    onSuccess: async (unit) => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      await queryClient.invalidateQueries({ queryKey: ['unit'] });
      notifySuccess(editing ? t.updated : t.created, unit.name);
      props.onClose();
      if (!editing) await navigate({ to: '/organisasi/unit/$unitId', params: { unitId: unit.id } });
    },
    onError: (error) => applyFieldError(form, error),
  });

  const title = editing
    ? t.editUnit
    : props.mode === 'create' && props.parent
      ? `${t.addChild}: ${props.parent.name}`
      : t.addTopUnit;

  return (
    <Modal opened onClose={props.onClose} title={title} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <TextInput label={t.name} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t.type}
              data={typeOptions}
              required
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <Select
              label={t.level}
              data={levelOptions}
              allowDeselect={false}
              {...form.getInputProps('level')}
            />
            <TextInput label={t.shortName} {...form.getInputProps('shortName')} />
            <TextInput
              label={t.code}
              placeholder="contoh: 1.02.01"
              {...form.getInputProps('code')}
            />
          </SimpleGrid>
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
