import { Group, List, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { checkPassphrase, type PassphraseContext } from '../../../shared/passphrase-strength.js';
import { signingStrings as t } from './strings.js';

const meterColors = ['red.8', 'red.8', 'yellow.8', 'teal.7', 'green.8'] as const;

/**
 * A new passphrase typed twice, with the same strength rules the server applies shown live
 * (src/shared/passphrase-strength.ts): what to fix is listed, not just a red bar. One toggle
 * shows or hides both fields.
 */
export function PassphraseFields({
  value,
  confirmation,
  onChange,
  onConfirmationChange,
  context,
  submitted,
  serverError,
}: {
  value: string;
  confirmation: string;
  onChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  context: PassphraseContext;
  submitted: boolean;
  /** A refusal the server put on one of these fields. */
  serverError?: { field: 'passphrase' | 'passphraseConfirmation'; message: string } | null;
}) {
  const [visible, setVisible] = useState(false);
  const meterId = useId();
  const verdict = checkPassphrase(value, context);
  const mismatch = confirmation !== '' && confirmation !== value;
  const toggleProps = {
    'aria-label': visible ? t.hidePassphrase : t.showPassphrase,
  };
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t.newPassphrase}
        description={t.enrolHint}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleButtonProps={toggleProps}
        autoComplete="new-password"
        aria-describedby={meterId}
        required
        error={
          serverError?.field === 'passphrase'
            ? serverError.message
            : submitted && !verdict.ok
              ? (verdict.problems[0] ?? t.needPassphrase)
              : undefined
        }
      />
      <Stack gap={4} id={meterId}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t.strength}
          </Text>
          <Text size="xs" fw={700}>
            {value === '' ? '–' : t.strengthLabels[verdict.score]}
          </Text>
        </Group>
        <Progress
          value={value === '' ? 0 : Math.max(8, verdict.score * 25)}
          color={meterColors[verdict.score]}
          size="sm"
          aria-hidden
        />
        {value !== '' && verdict.problems.length > 0 && (
          <List size="xs" spacing={2} c="red.9">
            {verdict.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      <PasswordInput
        label={t.confirmPassphrase}
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.currentTarget.value)}
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleButtonProps={toggleProps}
        autoComplete="new-password"
        required
        error={
          serverError?.field === 'passphraseConfirmation'
            ? serverError.message
            : mismatch || (submitted && confirmation !== value)
              ? t.mismatch
              : undefined
        }
      />
    </Stack>
  );
}

/** Whether the pair may be sent: strong enough by the shared rules and typed the same twice. */
export function passphraseReady(
  value: string,
  confirmation: string,
  context: PassphraseContext,
): boolean {
  return checkPassphrase(value, context).ok && value === confirmation;
}
