import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { FormActions } from '../../components/form-actions.js';
import { AnchorLink } from '../../components/links.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { scaleStrings } from '../scales/strings.js';
import { planningKeys, plansQuery } from './queries.js';
import { statusColors, statusLabels, planningStrings as t } from './strings.js';
import type { Period } from './types.js';

export function PlansPage() {
  const plans = useQuery(plansQuery());
  const [creating, setCreating] = useState(false);
  const [transition, setTransition] = useState<{ period: Period; to: 'active' | 'closed' } | null>(
    null,
  );
  const queryClient = useQueryClient();
  const statusMutation = useMutation({
    mutationFn: (input: { period: Period; to: 'active' | 'closed' }) =>
      api.patch<Period>(`/api/plans/${input.period.id}`, {
        version: input.period.version,
        status: input.to,
      }),
    onSuccess: async (period) => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(t.periodUpdated, period.name);
      setTransition(null);
    },
  });
  const canCreate = plans.data?.permissions.create ?? false;

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <>
            <AnchorLink to="/perencanaan/skala" size="sm">
              {scaleStrings.title}
            </AnchorLink>
            {canCreate && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t.newPeriod}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        {plans.isPending ? (
          <LoadingRows rows={3} />
        ) : plans.isError ? (
          <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.data.items.length === 0 ? (
          <EmptyState
            title={t.noPeriods}
            description={canCreate ? t.noPeriodsBody : t.noPeriodsReadonly}
            action={
              canCreate && (
                <Button mt="xs" onClick={() => setCreating(true)}>
                  {t.newPeriod}
                </Button>
              )
            }
          />
        ) : (
          <DataTable
            minWidth={560}
            head={
              <>
                <Table.Th>{t.periods}</Table.Th>
                <Table.Th>{t.years}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Tindakan</VisuallyHidden>
                </Table.Th>
              </>
            }
          >
            {plans.data.items.map((period) => (
              <Table.Tr key={period.id}>
                <Table.Td>
                  <AnchorLink
                    to="/perencanaan/rpjmd/$periodId"
                    params={{ periodId: period.id }}
                    fw={600}
                    size="sm"
                  >
                    {period.name}
                  </AnchorLink>
                  {period.visi && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {period.visi}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {period.startYear}–{period.endYear}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColors[period.status]} variant="light">
                    {statusLabels[period.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {period.permissions.activate && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setTransition({ period, to: 'active' })}
                      >
                        {t.activate}
                      </Button>
                    )}
                    {period.permissions.close && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setTransition({ period, to: 'closed' })}
                      >
                        {t.close}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Paper>
      {creating && <CreatePeriodModal onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={transition !== null}
        title={transition?.to === 'closed' ? t.closeTitle : t.activateTitle}
        message={
          transition
            ? transition.to === 'closed'
              ? t.closeBody(transition.period.name)
              : t.activateBody(transition.period.name)
            : ''
        }
        confirmLabel={transition?.to === 'closed' ? t.close : t.activate}
        color={transition?.to === 'closed' ? 'red' : 'amanah'}
        pending={statusMutation.isPending}
        error={statusMutation.error}
        onConfirm={() => transition && statusMutation.mutate(transition)}
        onClose={() => {
          statusMutation.reset();
          setTransition(null);
        }}
      />
    </>
  );
}

interface Values {
  name: string;
  startYear: number | string;
  visi: string;
}

function CreatePeriodModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const nextYear = new Date().getFullYear() + 1;
  const form = useForm<Values>({
    initialValues: { name: '', startYear: nextYear, visi: '' },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Nama periode minimal 3 huruf'),
      startYear: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 2000 && Number(v) <= 2096
          ? null
          : 'Isi tahun awal, mis. 2025',
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      api.post<Period>('/api/plans', {
        name: values.name.trim(),
        startYear: Number(values.startYear),
        visi: values.visi.trim(),
      }),
    onSuccess: async (period) => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      notifySuccess(t.periodCreated, period.name);
      onClose();
      await navigate({ to: '/perencanaan/rpjmd/$periodId', params: { periodId: period.id } });
    },
    onError: (error) => applyFieldError(form, error),
  });
  const start = Number(form.values.startYear);
  return (
    <Modal opened onClose={onClose} title={t.newPeriod} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <TextInput
            label={t.periodName}
            placeholder={t.periodNamePlaceholder}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t.startYear}
            description={
              Number.isInteger(start) && start >= 2000
                ? `${t.startYearHelp} Periode ini: ${start}–${start + 4}.`
                : t.startYearHelp
            }
            required
            min={2000}
            max={2096}
            thousandSeparator={false}
            allowDecimal={false}
            {...form.getInputProps('startYear')}
          />
          <Textarea
            label={t.visi}
            placeholder={t.visiPlaceholder}
            autosize
            minRows={2}
            {...form.getInputProps('visi')}
          />
          <FormActions onCancel={onClose} pending={mutation.isPending} submitLabel={t.newPeriod} />
        </Stack>
      </form>
    </Modal>
  );
}
