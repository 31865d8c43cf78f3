import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import type { LoginResult, Session } from '../../api/types.js';
import { BrandMark } from '../../components/brand-mark.js';
import { MutationError } from '../../components/mutation-error.js';
import { isComplete, sessionQuery } from '../../session.js';
import { common } from '../../strings.js';
import { ChangePasswordForm } from './change-password-form.js';
import { authStrings as t } from './strings.js';
import { TotpEnrol } from './totp-enrol.js';
import { useSignOut } from './use-sign-out.js';

/**
 * The sign-in page walks a person through every step the server asks for: password, then the
 * second factor (or its enrolment), then a forced password change, then into the app.
 */
export function SignInPage() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: session } = useQuery(sessionQuery);

  useEffect(() => {
    document.title = `${t.pageTitle} · ${common.appName}`;
  }, []);

  /** Re-reads the session; once it is complete, goes where the person was heading. */
  const advance = async () => {
    const next = await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
    // The route's guard then sends a complete session on to `redirect` (or the home page).
    if (isComplete(next)) await router.invalidate();
  };

  let step: ReactNode;
  if (!session) step = <CredentialsStep onSignedIn={advance} />;
  else if (session.mfaState === 'pending') step = <TotpStep onVerified={advance} />;
  else if (session.mfaState === 'setup_required') step = <EnrolStep onDone={advance} />;
  else if (session.mustChangePassword) step = <PasswordStep session={session} onDone={advance} />;
  else step = <CredentialsStep onSignedIn={advance} />;

  return (
    <Box mih="100vh" style={{ display: 'flex' }}>
      <Box
        className="brand-panel"
        visibleFrom="md"
        p={48}
        style={{ flex: '0 0 44%', display: 'flex', flexDirection: 'column' }}
      >
        <Group gap="sm">
          <BrandMark size={44} />
          <div>
            <Text fw={700} fz={22} c="white" lh={1.1}>
              {common.appName}
            </Text>
            <Text fz="sm" c="rgba(255,255,255,0.8)">
              {common.appTagline}
            </Text>
          </div>
        </Group>
        <Stack gap="lg" mt="auto" mb="auto" maw={460}>
          <Title order={2} c="white" fz={30} lh={1.25}>
            Kinerja yang terukur, amanah yang terjaga.
          </Title>
          <Text c="rgba(255,255,255,0.85)">{t.brandLead}</Text>
          <List
            spacing="sm"
            c="rgba(255,255,255,0.9)"
            icon={
              <ThemeIcon size={22} radius="xl" color="yellow.5" c="dark.8">
                <IconShieldCheck size={14} aria-hidden />
              </ThemeIcon>
            }
          >
            {t.brandPoints.map((point) => (
              <List.Item key={point}>{point}</List.Item>
            ))}
          </List>
        </Stack>
        <Text fz="xs" c="rgba(255,255,255,0.7)">
          {t.footer}
        </Text>
      </Box>
      <Box
        component="main"
        style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        p="md"
      >
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" hiddenFrom="md" justify="center">
            <BrandMark size={40} />
            <div>
              <Text fw={700} fz={20} lh={1.1}>
                {common.appName}
              </Text>
              <Text fz="xs" c="dimmed">
                {common.appTagline}
              </Text>
            </div>
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }}>
            {step}
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}

function CredentialsStep({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const form = useForm({
    initialValues: { identifier: '', password: '' },
    validate: {
      identifier: (v) => (v.trim() ? null : t.required),
      password: (v) => (v ? null : t.required),
    },
  });
  const login = useMutation({
    mutationFn: (values: { identifier: string; password: string }) =>
      api.post<LoginResult>('/api/auth/login', {
        identifier: values.identifier.trim(),
        password: values.password,
      }),
    onSuccess: () => onSignedIn(),
  });
  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} fz={24}>
            {t.welcome}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t.intro}
          </Text>
        </div>
        {login.isError && (
          <Alert
            color="red"
            variant="light"
            title={t.failedTitle}
            icon={<IconAlertCircle size={18} aria-hidden />}
            role="alert"
          >
            {errorMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label={t.identifier}
          placeholder={t.identifierPlaceholder}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          data-autofocus
          {...form.getInputProps('identifier')}
        />
        <PasswordInput
          label={t.password}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={login.isPending || login.isSuccess}
          disabled={login.isPending}
        >
          {t.submit}
        </Button>
      </Stack>
    </form>
  );
}

function StepHeader({ title, intro }: { title: string; intro: string }) {
  return (
    <div>
      <Title order={1} fz={22}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        {intro}
      </Text>
    </div>
  );
}

function CancelLink() {
  const signOut = useSignOut();
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
      {t.cancelSignIn}
    </Anchor>
  );
}

function TotpStep({ onVerified }: { onVerified: () => Promise<void> }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (body: { code: string } | { recoveryCode: string }) =>
      api.post('/api/auth/totp/verify', body),
    onSuccess: () => onVerified(),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (useRecovery) {
      if (!trimmed) return setLocalError(t.required);
      setLocalError(null);
      verify.mutate({ recoveryCode: trimmed });
    } else {
      const digits = trimmed.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(digits)) return setLocalError(t.codeInvalid);
      setLocalError(null);
      verify.mutate({ code: digits });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <StepHeader title={t.totpTitle} intro={useRecovery ? t.recoveryIntro : t.totpIntro} />
        <MutationError mutation={verify} />
        <TextInput
          key={useRecovery ? 'recovery' : 'totp'}
          label={useRecovery ? t.recoveryCode : t.totpCode}
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={localError}
          data-autofocus
        />
        <Button type="submit" fullWidth loading={verify.isPending} disabled={verify.isPending}>
          {t.verify}
        </Button>
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setUseRecovery((v) => !v);
              setValue('');
              setLocalError(null);
            }}
          >
            {useRecovery ? t.useTotp : t.useRecovery}
          </Anchor>
          <CancelLink />
        </Group>
      </Stack>
    </form>
  );
}

function EnrolStep({ onDone }: { onDone: () => Promise<void> }) {
  return (
    <Stack gap="md">
      <StepHeader title={t.enrolTitle} intro={t.enrolRequired} />
      <TotpEnrol onDone={() => void onDone()} />
      <CancelLink />
    </Stack>
  );
}

function PasswordStep({ session, onDone }: { session: Session; onDone: () => Promise<void> }) {
  return (
    <Stack gap="md">
      <StepHeader title={t.changeTitle} intro={t.changeRequired} />
      <Text size="sm">
        {session.user.displayName} ({session.user.username})
      </Text>
      <ChangePasswordForm onDone={() => void onDone()} />
      <CancelLink />
    </Stack>
  );
}
