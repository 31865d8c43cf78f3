import {
  Alert,
  Button,
  Center,
  Code,
  CopyButton,
  Image,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api/client.js';
import type { TotpSetup } from '../../api/types.js';
import { ErrorAlert } from '../../components/states.js';
import { authStrings as t } from './strings.js';

/**
 * Enrols an authenticator app: shows the QR code from the server, confirms one code, then shows
 * the recovery codes once. `onDone` runs after the user says the codes are saved.
 */
export function TotpEnrol({ onDone }: { onDone: () => void }) {
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => api.post<TotpSetup>('/api/auth/totp/setup'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const enable = useMutation({
    mutationFn: (value: string) =>
      api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', { code: value }),
  });

  if (enable.data) return <RecoveryCodes codes={enable.data.recoveryCodes} onDone={onDone} />;
  if (setup.isPending) {
    return (
      <Center py="lg">
        <Loader aria-label="Menyiapkan kode QR" />
      </Center>
    );
  }
  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) {
      setCodeError(t.codeInvalid);
      return;
    }
    setCodeError(null);
    enable.mutate(value);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t.enrolStep1}</Text>
        <Center>
          <Paper withBorder p="xs" bg="white">
            <Image src={setup.data.qrDataUrl} alt={t.enrolQrAlt} w={180} h={180} />
          </Paper>
        </Center>
        <Text size="xs" c="dimmed">
          {t.enrolManual}
        </Text>
        <Code block style={{ wordBreak: 'break-all' }}>
          {setup.data.secret}
        </Code>
        <Text size="sm">{t.enrolStep2}</Text>
        <TextInput
          label={t.totpCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={codeError ?? (enable.isError ? errorMessage(enable.error) : null)}
        />
        <Button type="submit" loading={enable.isPending} disabled={enable.isPending}>
          {t.enrolSubmit}
        </Button>
      </Stack>
    </form>
  );
}

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t.recoveryTitle}>
        {t.recoveryBody}
      </Alert>
      <Paper withBorder p="md">
        <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
          {codes.map((c) => (
            <Text key={c} className="mono" ta="center">
              {c}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button
            variant="light"
            onClick={copy}
            leftSection={
              copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
            }
          >
            {copied ? t.copied : t.copy}
          </Button>
        )}
      </CopyButton>
      <Button onClick={onDone}>{t.recoveryDone}</Button>
    </Stack>
  );
}
