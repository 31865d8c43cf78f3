import { Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { budgetKinds } from '../../../shared/codes.js';
import { api } from '../../api/client.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { notifySuccess } from '../../lib/forms.js';
import { planningKeys } from './queries.js';
import { budgetKindLabels, planningStrings as t } from './strings.js';
import { numberField, readNumber } from './target-text.js';
import type { PlanNode } from './types.js';

type Values = Record<string, string>;
const key = (year: number, kind: string) => `${year}_${kind}`;

/** Pagu indikatif, DPA and DPA-P per year of a program / kegiatan / sub kegiatan. */
export function BudgetFormModal({
  node,
  years,
  onClose,
}: {
  node: PlanNode;
  years: number[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const initial: Values = {};
  for (const year of years)
    for (const kind of budgetKinds) {
      const line = node.budgets.find((b) => b.year === year && b.kind === kind);
      initial[key(year, kind)] = line ? numberField(line.amount.replace(/\.00$/, '')) : '';
    }
  const form = useForm<Values>({ initialValues: initial });
  const mutation = useMutation({
    mutationFn: (lines: { year: number; kind: string; amount: string }[]) =>
      api.put<PlanNode>(`/api/plan-nodes/${node.id}/budgets`, { version: node.version, lines }),
    onSuccess: async () => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(t.budgetsSaved, node.title);
      onClose();
    },
  });
  const submit = (values: Values) => {
    const errors: Record<string, string> = {};
    const lines: { year: number; kind: string; amount: string }[] = [];
    for (const year of years)
      for (const kind of budgetKinds) {
        const text = values[key(year, kind)] ?? '';
        if (!text.trim()) continue;
        const read = readNumber(text);
        if ('error' in read) errors[key(year, kind)] = read.error;
        else if (read.value.startsWith('-')) errors[key(year, kind)] = 'Pagu tidak boleh negatif.';
        else if ((read.value.split('.')[1] ?? '').length > 2)
          errors[key(year, kind)] = 'Paling banyak 2 angka di belakang koma.';
        else lines.push({ year, kind, amount: read.value });
      }
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    mutation.mutate(lines);
  };
  return (
    <Modal opened onClose={onClose} title={`${t.editBudgets}: ${node.title}`} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <Text size="xs" c="dimmed">
            {t.amountHelp}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.years}</Table.Th>
                  {budgetKinds.map((kind) => (
                    <Table.Th key={kind}>{budgetKindLabels[kind]}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((year) => (
                  <Table.Tr key={year}>
                    <Table.Td>{year}</Table.Td>
                    {budgetKinds.map((kind) => (
                      <Table.Td key={kind}>
                        <TextInput
                          aria-label={`${budgetKindLabels[kind]} ${year}`}
                          inputMode="decimal"
                          leftSection={<Text size="xs">Rp</Text>}
                          {...form.getInputProps(key(year, kind))}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <FormActions onCancel={onClose} pending={mutation.isPending} submitLabel={t.save} />
        </Stack>
      </form>
    </Modal>
  );
}
