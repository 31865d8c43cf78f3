import { Alert } from '@mantine/core';
import { errorMessage } from '../api/client.js';

/** A form's inline alert with the server's message after a failed save (nothing otherwise). */
export function MutationError({ mutation }: { mutation: { isError: boolean; error: unknown } }) {
  if (!mutation.isError) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(mutation.error)}
    </Alert>
  );
}
