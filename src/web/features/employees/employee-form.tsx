import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import type { Employee, EmployeeType } from '../../api/types.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { applyFieldError, notifySuccess, orNull } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { pnsGrades, pppkGrades, employeeStrings as t } from './strings.js';

interface Values {
  frontTitle: string;
  name: string;
  backTitle: string;
  nip: string;
  gender: 'L' | 'P' | '';
  employeeType: EmployeeType;
  grade: string | null;
  email: string;
  phone: string;
}

const gradeOptions = (type: EmployeeType) =>
  type === 'pns' ? pnsGrades : type === 'pppk' ? pppkGrades : [];

/** Create or edit an employee; server errors land under the field they concern (NIP, …). */
export function EmployeeFormModal({
  employee,
  onClose,
}: {
  employee: Employee | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'archive' | 'restore' | null>(null);
  const form = useForm<Values>({
    initialValues: employee
      ? {
          frontTitle: employee.frontTitle ?? '',
          name: employee.name,
          backTitle: employee.backTitle ?? '',
          nip: employee.nip ?? '',
          gender: employee.gender,
          employeeType: employee.employeeType,
          grade: employee.grade,
          email: employee.email ?? '',
          phone: employee.phone ?? '',
        }
      : {
          frontTitle: '',
          name: '',
          backTitle: '',
          nip: '',
          gender: '',
          employeeType: 'pns',
          grade: null,
          email: '',
          phone: '',
        },
    validate: {
      name: (v) => (v.trim() ? null : t.nameRequired),
      gender: (v) => (v ? null : 'Pilih jenis kelamin'),
      grade: (v, values) =>
        values.employeeType !== 'pejabat_negara' && !v ? t.gradeRequired : null,
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        frontTitle: orNull(values.frontTitle),
        name: values.name.trim(),
        backTitle: orNull(values.backTitle),
        nip: orNull(values.nip.replace(/\s+/g, '')),
        gender: values.gender,
        employeeType: values.employeeType,
        grade: values.employeeType === 'pejabat_negara' ? null : values.grade,
        email: orNull(values.email),
        phone: orNull(values.phone),
      };
      return employee
        ? api.patch<Employee>(`/api/employees/${employee.id}`, {
            ...body,
            version: employee.version,
          })
        : api.post<Employee>('/api/employees', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['employees'] });
      notifySuccess(employee ? t.updated : t.created, saved.fullName);
      onClose();
    },
    onError: (error) => applyFieldError(form, error),
  });

  const archive = useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      api.post<Employee>(`/api/employees/${employee?.id}/${action}`, {
        version: employee?.version,
      }),
    onSuccess: async (saved, action) => {
      await queryClient.invalidateQueries({ queryKey: ['employees'] });
      notifySuccess(action === 'archive' ? t.archived : t.restored, saved.fullName);
      setConfirming(null);
      onClose();
    },
  });

  const fieldErrorShown = save.isError && Object.keys(form.errors).length > 0;
  const type = form.values.employeeType;

  return (
    <>
      <Modal
        opened={!confirming}
        onClose={onClose}
        title={employee ? t.editTitle : t.addTitle}
        size="lg"
        centered
      >
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack gap="md">
            {save.isError && !fieldErrorShown && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t.frontTitle}
                placeholder="dr., Ir., H."
                {...form.getInputProps('frontTitle')}
              />
              <TextInput
                label={t.name}
                description={t.nameHelp}
                required
                data-autofocus
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t.backTitle}
                placeholder={t.backTitlePlaceholder}
                {...form.getInputProps('backTitle')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t.employeeType}
                data={[
                  { value: 'pns', label: t.types.pns ?? 'PNS' },
                  { value: 'pppk', label: t.types.pppk ?? 'PPPK' },
                  { value: 'pejabat_negara', label: t.types.pejabat_negara ?? 'Pejabat negara' },
                ]}
                allowDeselect={false}
                required
                {...form.getInputProps('employeeType')}
                onChange={(value) => {
                  form.setFieldValue('employeeType', (value ?? 'pns') as EmployeeType);
                  form.setFieldValue('grade', null);
                }}
              />
              <Select
                key={type}
                label={type === 'pppk' ? t.gradePppk : t.grade}
                data={gradeOptions(type)}
                disabled={type === 'pejabat_negara'}
                required={type !== 'pejabat_negara'}
                searchable
                {...form.getInputProps('grade')}
              />
              <TextInput
                label={t.nip}
                description={t.nipHelp}
                inputMode="numeric"
                required={type !== 'pejabat_negara'}
                {...form.getInputProps('nip')}
              />
              <Select
                label={t.gender}
                data={[
                  { value: 'L', label: t.male },
                  { value: 'P', label: t.female },
                ]}
                required
                allowDeselect={false}
                {...form.getInputProps('gender')}
              />
              <TextInput label={t.email} type="email" {...form.getInputProps('email')} />
              <TextInput label={t.phone} type="tel" {...form.getInputProps('phone')} />
            </SimpleGrid>
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                {employee?.permissions.archive && !employee.archived && (
                  <Button variant="subtle" color="red" onClick={() => setConfirming('archive')}>
                    {t.archive}
                  </Button>
                )}
                {employee?.permissions.restore && employee.archived && (
                  <Button variant="subtle" onClick={() => setConfirming('restore')}>
                    {t.restore}
                  </Button>
                )}
              </Group>
              <Group gap="xs">
                <Button variant="default" onClick={onClose} disabled={save.isPending}>
                  {common.cancel}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={save.isPending}>
                  {common.save}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
      {employee && (
        <ConfirmDialog
          opened={confirming !== null}
          title={confirming === 'restore' ? t.restore : t.archiveTitle}
          message={confirming === 'restore' ? employee.fullName : t.archiveBody(employee.fullName)}
          confirmLabel={confirming === 'restore' ? t.restore : t.archive}
          color={confirming === 'restore' ? 'amanah' : 'red'}
          pending={archive.isPending}
          error={archive.error}
          onConfirm={() => confirming && archive.mutate(confirming)}
          onClose={() => {
            archive.reset();
            setConfirming(null);
          }}
        />
      )}
    </>
  );
}
