import { Paper } from '@mantine/core';
import { PageHeader } from '../../components/page.js';
import { notifySuccess } from '../../lib/forms.js';
import { ChangePasswordForm } from '../auth/change-password-form.js';
import { accountStrings as t } from './strings.js';

export function PasswordPage() {
  return (
    <>
      <PageHeader title={t.passwordTitle} description={t.passwordDescription} />
      <Paper withBorder p="lg" maw={520}>
        <ChangePasswordForm onDone={() => notifySuccess(t.passwordChanged)} />
      </Paper>
    </>
  );
}
