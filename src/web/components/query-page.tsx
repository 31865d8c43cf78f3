import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { common } from '../strings.js';
import { type Crumb, PageHeader } from './page.js';
import { ErrorAlert, LoadingRows } from './states.js';

/** A detail page's loading and error states around one query; renders children once loaded. */
export function QueryPage<T>({
  query,
  errorTitle,
  crumbs,
  rows = 6,
  children,
}: {
  query: UseQueryResult<T>;
  errorTitle: string;
  crumbs: Crumb[];
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Stack>
        <PageHeader title={common.loading} crumbs={crumbs} />
        <LoadingRows rows={rows} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack>
        <PageHeader title={errorTitle} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return children(query.data);
}
