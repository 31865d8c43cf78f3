import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ApiError, api, errorMessage } from '../../api/client.js';
import { authStrings as t } from './strings.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; used on the sign-in page (forced change) and in the account menu. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t.required),
      newPassword: (v) => (v.length >= 10 ? null : t.tooShort),
      confirm: (v, values) => (v === values.newPassword ? null : t.mismatch),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      api.post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const field = error.field;
        if (field === 'password' || field === 'newPassword') {
          form.setFieldError('newPassword', error.message);
        } else if (field === 'currentPassword' || error.code === 'INVALID_CREDENTIALS') {
          form.setFieldError('currentPassword', error.message);
        }
      }
    },
  });
  const fieldError =
    mutation.error instanceof ApiError &&
    (mutation.error.field || mutation.error.code === 'INVALID_CREDENTIALS');

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md">
        {mutation.isError && !fieldError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <PasswordInput
          label={t.currentPassword}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t.newPassword}
          description={t.passwordRules}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t.confirmPassword}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" loading={mutation.isPending} disabled={mutation.isPending}>
          {t.changeSubmit}
        </Button>
      </Stack>
    </form>
  );
}
