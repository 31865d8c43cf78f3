import {
  Checkbox,
  Divider,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { EmployeeSelect } from '../employees/employee-select.js';
import { UnitSelect } from '../org/unit-select.js';
import { roleOptions } from './role-options.js';
import { userStrings as t } from './strings.js';

interface Values {
  username: string;
  displayName: string;
  password: string;
  employeeId: string | null;
  role: string | null;
  unitId: string | null;
  mustChangePassword: boolean;
}

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      username: '',
      displayName: '',
      password: '',
      employeeId: null,
      role: 'viewer',
      unitId: null,
      mustChangePassword: true,
    },
    validate: {
      username: (v) => (v.trim() ? null : t.required),
      displayName: (v) => (v.trim().length >= 2 ? null : t.required),
      password: (v) => (v.length >= 10 ? null : 'Minimal 10 karakter'),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<User>('/api/users', {
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        password: values.password,
        employeeId: values.employeeId,
        roles: values.role ? [{ role: values.role, unitId: values.unitId }] : [],
        mustChangePassword: values.mustChangePassword,
      }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t.created, user.displayName);
      onClose();
    },
    onError: (error) => applyFieldError(form, error),
  });
  return (
    <Modal opened onClose={onClose} title={t.addTitle} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={create} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.username}
              description={t.usernameHelp}
              autoComplete="off"
              autoCapitalize="none"
              required
              data-autofocus
              {...form.getInputProps('username')}
            />
            <TextInput label={t.displayName} required {...form.getInputProps('displayName')} />
          </SimpleGrid>
          <PasswordInput
            label={t.password}
            description={t.passwordHelp}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <EmployeeSelect
            label={t.employee}
            description={t.employeeHelp}
            value={form.values.employeeId}
            onChange={(employee) => {
              form.setFieldValue('employeeId', employee?.id ?? null);
              if (employee && !form.values.displayName.trim())
                form.setFieldValue('displayName', employee.fullName);
            }}
            error={form.errors.employeeId}
          />
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t.role} data={roleOptions} clearable {...form.getInputProps('role')} />
            <UnitSelect
              label={t.unitScope}
              description={t.unitScopeHelp}
              placeholder={t.unitScopePlaceholder}
              {...form.getInputProps('unitId')}
            />
          </SimpleGrid>
          <Checkbox
            label={t.mustChangeLabel}
            {...form.getInputProps('mustChangePassword', { type: 'checkbox' })}
          />
          <FormActions onCancel={onClose} pending={create.isPending} submitLabel={t.add} />
        </Stack>
      </form>
    </Modal>
  );
}
