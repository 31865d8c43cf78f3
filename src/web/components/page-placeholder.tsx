import { Alert } from '@mantine/core';

/** Temporary page body while a feature page is being built. */
export function PagePlaceholder() {
  return <Alert color="gray">Halaman ini sedang disiapkan.</Alert>;
}
