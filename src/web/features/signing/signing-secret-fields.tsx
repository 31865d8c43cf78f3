import { Checkbox, PasswordInput, TextInput } from '@mantine/core';
import type { useSecretInput } from './secret-input.js';
import { SigningErrorAlert } from './signing-error.js';
import { signingStrings as t } from './strings.js';

type SecretInput = ReturnType<typeof useSecretInput>;

/**
 * What every signature asks for, in one place for the single-document dialog and the batch
 * panel: the "I have read" statement, the passphrase, the TOTP code when the Pemda requires it,
 * and the refusal of the last attempt. Field errors show only after a submit, and not next to a
 * refusal (which already says what is wrong).
 */
export function SigningSecretFields(props: {
  statement: string;
  agreed: boolean;
  onAgreedChange: (agreed: boolean) => void;
  passphrase: SecretInput;
  totp: SecretInput;
  requireTotp: boolean;
  submitted: boolean;
  refusal: unknown;
}) {
  const { passphrase, totp, submitted, refusal } = props;
  return (
    <>
      <Checkbox
        checked={props.agreed}
        onChange={(event) => props.onAgreedChange(event.currentTarget.checked)}
        label={props.statement}
        data-autofocus
        error={submitted && !props.agreed ? t.needStatement : undefined}
      />
      <PasswordInput
        {...passphrase.inputProps}
        label={t.passphrase}
        description={t.passphraseHint}
        autoComplete="off"
        required
        error={submitted && !passphrase.filled && !refusal ? t.needPassphrase : undefined}
      />
      {props.requireTotp && (
        <TextInput
          {...totp.inputProps}
          label={t.totp}
          description={t.totpHint}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          error={submitted && !totp.filled && !refusal ? t.needTotp : undefined}
        />
      )}
      {refusal ? <SigningErrorAlert error={refusal} /> : null}
    </>
  );
}
