import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../../api/client.js';
import { AnchorLink } from '../../components/links.js';
import { formatDateTime } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { signingStrings as t } from './strings.js';

interface RefusalDetails {
  remainingAttempts?: unknown;
  lockedUntil?: unknown;
}

/**
 * A refused signature, calmly: the server's message (it already says what happened: "Passphrase
 * salah.", who must sign first, how long the lock lasts), plus what the details let us add and
 * a link to the page where the official can fix it.
 */
export function SigningErrorAlert({ error }: { error: unknown }) {
  const timeZone = useTimeZone();
  const code = error instanceof ApiError ? error.code : null;
  const details = (error instanceof ApiError ? error.details : null) as RefusalDetails | null;
  const remaining =
    typeof details?.remainingAttempts === 'number' ? details.remainingAttempts : null;
  const lockedUntil = typeof details?.lockedUntil === 'string' ? details.lockedUntil : null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {errorMessage(error)}
        </Text>
        {code === 'PASSPHRASE_WRONG' && remaining !== null && remaining > 0 && (
          <Text size="sm">{t.remainingAttempts(remaining)}</Text>
        )}
        {code === 'PASSPHRASE_WRONG' && <Text size="sm">{t.forgotPassphrase}</Text>}
        {code === 'CERTIFICATE_LOCKED' && lockedUntil && (
          <Text size="sm">{t.lockedUntil(formatDateTime(lockedUntil, timeZone))}</Text>
        )}
        {(code === 'NOT_ENROLLED' ||
          code === 'CERTIFICATE_REVOKED' ||
          code === 'CERTIFICATE_EXPIRED') && (
          <AnchorLink to="/akun/tanda-tangan" size="sm">
            {t.toCertificate}
          </AnchorLink>
        )}
        {code === 'MFA_SETUP_REQUIRED' && (
          <AnchorLink to="/akun/dua-langkah" size="sm">
            {t.toTotp}
          </AnchorLink>
        )}
      </Stack>
    </Alert>
  );
}
