import { Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { AssignmentKind, Employee, PositionDetail } from '../../api/types.js';
import { DateField } from '../../components/date-field.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { todayIn } from '../../lib/format.js';
import { applyFieldError, notifySuccess, orNull } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { EmployeeSelect } from '../employees/employee-select.js';
import { orgStrings as t } from './strings.js';

interface Values {
  employeeId: string | null;
  kind: AssignmentKind;
  startDate: string | null;
  endDate: string | null;
  decreeNumber: string;
}

const kinds: AssignmentKind[] = ['definitif', 'plt', 'plh', 'pj'];

/** Assign an employee to a position: who (searched by name or NIP), which kind, from–to, SK. */
export function AssignModal({
  position,
  onClose,
}: {
  position: PositionDetail;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const [picked, setPicked] = useState<Employee | null>(null);

  const form = useForm<Values>({
    initialValues: {
      employeeId: null,
      kind: position.holder ? 'plt' : 'definitif',
      startDate: todayIn(timeZone),
      endDate: null,
      decreeNumber: '',
    },
    validate: {
      employeeId: (v) => (v ? null : t.employeeRequired),
      startDate: (v) => (v ? null : t.startRequired),
      endDate: (v, values) =>
        v && values.startDate && v < values.startDate ? t.endBeforeStart : null,
    },
  });

  const assign = useMutation({
    mutationFn: (values: Values) =>
      api.post('/api/assignments', {
        positionId: position.id,
        employeeId: values.employeeId,
        kind: values.kind,
        startDate: values.startDate,
        endDate: values.endDate,
        decreeNumber: orNull(values.decreeNumber),
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['position'] }),
        queryClient.invalidateQueries({ queryKey: ['unit'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: ['employees'] }),
      ]);
      notifySuccess(t.assigned, picked?.fullName);
      onClose();
    },
    onError: (error) => applyFieldError(form, error),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t.assignTitle}: ${position.title}`}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((values) => assign.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={assign} />
          <EmployeeSelect
            label={t.employeeSearch}
            required
            autoFocus
            value={form.values.employeeId}
            onChange={(employee) => {
              form.setFieldValue('employeeId', employee?.id ?? null);
              setPicked(employee);
            }}
            error={form.errors.employeeId}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="assign-kind-label">
              {t.kind}
            </Text>
            <SegmentedControl
              aria-labelledby="assign-kind-label"
              data={kinds.map((k) => ({ value: k, label: common.assignmentKindsLong[k] }))}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue('kind', v as AssignmentKind)}
              fullWidth
              orientation="horizontal"
              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2 } }}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t.startDate} required {...form.getInputProps('startDate')} />
            <DateField
              label={t.endDate}
              description={t.endDateHelp}
              {...form.getInputProps('endDate')}
            />
          </SimpleGrid>
          <TextInput
            label={t.decree}
            placeholder={t.decreePlaceholder}
            {...form.getInputProps('decreeNumber')}
          />
          <FormActions onCancel={onClose} pending={assign.isPending} submitLabel={t.assign} />
        </Stack>
      </form>
    </Modal>
  );
}
