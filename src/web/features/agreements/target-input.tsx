import { Select, Stack, TextInput } from '@mantine/core';
import type { CalcMethod } from '../../../shared/codes.js';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import { readTarget, type TargetDraft } from './draft.js';
import { agreementStrings as t } from './strings.js';
import type { Scale } from './types.js';

/**
 * One target as the person types it: a number ("1.234,5"), a range (two numbers), or a code of
 * the indicator's scale. The number is checked when the field is left (a dot groups thousands,
 * the comma marks decimals) and rewritten the Indonesian way, so "1234,5" reads "1.234,5".
 */
export function TargetInput({
  value,
  method,
  scale,
  label,
  error,
  readOnly,
  onChange,
  onError,
}: {
  value: TargetDraft;
  method: CalcMethod;
  scale: Scale | undefined;
  label: string;
  error: string | undefined;
  readOnly: boolean;
  onChange: (value: TargetDraft) => void;
  onError: (message: string | undefined) => void;
}) {
  const check = (next: TargetDraft) => {
    const read = readTarget(next, method);
    if (!read.ok) {
      onError(read.message);
      return;
    }
    onError(undefined);
    // Show the value the way it will be saved, in Indonesian formatting ("1234,50" → "1.234,5").
    if (read.value?.kind === 'number') {
      const text = formatIndonesianNumber(read.value.value);
      if (next.a !== text) onChange({ a: text, b: '' });
    } else if (read.value?.kind === 'range') {
      const a = formatIndonesianNumber(read.value.low);
      const b = formatIndonesianNumber(read.value.high);
      if (next.a !== a || next.b !== b) onChange({ a, b });
    }
  };

  if (method === 'scale') {
    if (scale) {
      const codes = scale.levels.map((l) => ({ value: l.code, label: `${l.code} – ${l.label}` }));
      return (
        <Select
          aria-label={label}
          data={codes}
          value={value.a || null}
          onChange={(code) => onChange({ a: code ?? '', b: '' })}
          error={error}
          readOnly={readOnly}
          clearable={!readOnly}
          size="xs"
          miw={110}
          comboboxProps={{ withinPortal: true }}
        />
      );
    }
    return (
      <TextInput
        aria-label={label}
        placeholder={t.scaleCode}
        value={value.a}
        onChange={(e) => onChange({ a: e.currentTarget.value, b: '' })}
        error={error}
        readOnly={readOnly}
        size="xs"
        miw={80}
      />
    );
  }

  if (method === 'range') {
    return (
      <Stack gap={4}>
        <TextInput
          aria-label={`${label} – ${t.low}`}
          placeholder={t.low}
          inputMode="decimal"
          value={value.a}
          onChange={(e) => onChange({ ...value, a: e.currentTarget.value })}
          onBlur={() => check(value)}
          error={error}
          readOnly={readOnly}
          size="xs"
        />
        <TextInput
          aria-label={`${label} – ${t.high}`}
          placeholder={t.high}
          inputMode="decimal"
          value={value.b}
          onChange={(e) => onChange({ ...value, b: e.currentTarget.value })}
          onBlur={() => check(value)}
          error={error ? true : undefined}
          readOnly={readOnly}
          size="xs"
        />
      </Stack>
    );
  }

  return (
    <TextInput
      aria-label={label}
      inputMode="decimal"
      value={value.a}
      onChange={(e) => onChange({ a: e.currentTarget.value, b: '' })}
      onBlur={() => check(value)}
      error={error}
      readOnly={readOnly}
      size="xs"
    />
  );
}
