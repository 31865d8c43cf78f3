import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client.js';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  values: object;
}

/**
 * Puts a server validation error under its field when the server names one that the form has
 * (details.field or the first zod issue path). Returns true when it did, so the caller only shows
 * a general alert for the rest.
 */
export function applyFieldError(
  form: FieldErrorTarget,
  error: unknown,
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const raw = error.field;
  if (!raw) return false;
  const field = aliases[raw] ?? raw;
  if (!(field in form.values)) return false;
  form.setFieldError(field, error.message);
  return true;
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

/** Empty text fields become null for the API ("not set"), trimmed otherwise. */
export const orNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
