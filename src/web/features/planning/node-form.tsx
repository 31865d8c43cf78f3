import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanNodeKind } from '../../../shared/codes.js';
import { api } from '../../api/client.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { applyFieldError, notifySuccess, orNull } from '../../lib/forms.js';
import { planningKeys } from './queries.js';
import { codeExamples, kindLabels, planningStrings as t } from './strings.js';
import type { PlanNode, PlanTree } from './types.js';

interface Values {
  title: string;
  code: string;
  supportsNodeId: string;
}

/** Add a node (kind under parent) or edit `node`, in the RPJMD or a Renstra. */
export function NodeFormModal({
  tree,
  kind,
  parent,
  node,
  onClose,
}: {
  tree: PlanTree;
  kind: PlanNodeKind;
  parent: PlanNode | null;
  node: PlanNode | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const example = codeExamples[kind];
  const renstra = tree.unit !== null;
  const canSupport = renstra && (kind === 'tujuan' || kind === 'sasaran');
  const supportOptions = tree.rpjmdTargets
    .filter((n) => n.kind === kind)
    .map((n) => ({ value: n.id, label: `${n.code ? `${n.code} ` : ''}${n.title}` }));
  const form = useForm<Values>({
    initialValues: {
      title: node?.title ?? '',
      code: node?.code ?? (example && parent?.code ? `${parent.code}.` : ''),
      supportsNodeId: node?.supports?.id ?? '',
    },
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : 'Uraian minimal 2 huruf'),
      code: (v) => (example && !v.trim() ? `Isi kode, mis. ${example}` : null),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        title: values.title.trim(),
        code: orNull(values.code),
        ...(canSupport ? { supportsNodeId: values.supportsNodeId || null } : {}),
      };
      return node
        ? api.patch<PlanNode>(`/api/plan-nodes/${node.id}`, { ...body, version: node.version })
        : api.post<PlanNode>('/api/plan-nodes', {
            ...body,
            periodId: tree.period.id,
            unitId: tree.unit?.id ?? null,
            parentId: parent?.id ?? null,
            kind,
          });
    },
    onSuccess: async (saved) => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(t.nodeSaved, saved.title);
      onClose();
    },
    onError: (error) => applyFieldError(form, error),
  });
  const label = kindLabels[kind];
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        node
          ? `${t.edit} ${label.toLowerCase()}`
          : `${t.addChild(label.toLowerCase())}${parent ? `: ${parent.title}` : ''}`
      }
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          {(example || kind === 'misi' || kind === 'tujuan' || kind === 'sasaran') && (
            <TextInput
              label={example ? t.code : t.codeOptional}
              description={example ? t.codeHelp(example) : undefined}
              required={!!example}
              {...form.getInputProps('code')}
            />
          )}
          <Textarea
            label={`${t.nodeTitle} ${label.toLowerCase()}`}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('title')}
          />
          {canSupport && (
            <Select
              label={kind === 'tujuan' ? t.supportsTujuan : t.supports}
              description={t.supportsMissingHint}
              data={supportOptions}
              placeholder={t.chooseSupport}
              searchable
              clearable
              nothingFoundMessage="Tidak ada yang cocok"
              {...form.getInputProps('supportsNodeId')}
            />
          )}
          <FormActions onCancel={onClose} pending={mutation.isPending} submitLabel={t.save} />
        </Stack>
      </form>
    </Modal>
  );
}
