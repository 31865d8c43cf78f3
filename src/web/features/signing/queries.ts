import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import { type CertificateFilter, signingApi } from '../../api/signing.js';

export const tasksQuery = () =>
  queryOptions({ queryKey: ['signing-tasks'], queryFn: signingApi.tasks });

export const documentQuery = (id: string) =>
  queryOptions({ queryKey: ['document', id], queryFn: () => signingApi.document(id) });

export const myCertificateQuery = () =>
  queryOptions({ queryKey: ['my-certificate'], queryFn: signingApi.myCertificate });

export const tenantCaQuery = () =>
  queryOptions({
    queryKey: ['tenant-ca'],
    queryFn: signingApi.ca,
    staleTime: 10 * 60_000,
    retry: false,
  });

export const certificatesQuery = (filter: CertificateFilter) =>
  queryOptions({
    queryKey: ['certificates', filter],
    queryFn: () => signingApi.certificates(filter),
  });

/** Unknown remote sign attempts; null when this user may not see them (or the route is absent). */
export const unknownAttemptsQuery = () =>
  queryOptions({
    queryKey: ['sign-attempts', 'unknown'],
    queryFn: async () => {
      try {
        return (await signingApi.attempts('unknown')).items;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404))
          return null;
        throw error;
      }
    },
    retry: false,
  });

/**
 * Everything a signature changes: my tasks, the documents, the PKs and pacts, the ceremony list.
 * A ceremony's own queries are left to the page that hosts the batch panel (its onDone): that
 * page decides when its list of "my documents" may change under the panel's results.
 */
export async function refreshAfterSigning(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    [
      ['signing-tasks'],
      ['inbox'],
      ['document'],
      ['my-certificate'],
      ['agreements'],
      ['agreement'],
      ['agreement-board'],
      ['agreement-document'],
      ['integrity-status'],
      ['integrity-pacts'],
      ['ceremonies'],
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
