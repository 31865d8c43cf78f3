import type { QueryClient } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, type ApiErrorBody, api } from '../../api/client.js';
import { sessionQuery } from '../../session.js';
import type {
  AgreementDetail,
  AgreementList,
  AgreementYearList,
  Board,
  ContentBody,
  Scale,
} from './types.js';

export const yearsQuery = () =>
  queryOptions({
    queryKey: ['agreement-years'],
    queryFn: () => api.get<AgreementYearList>('/api/agreement-years'),
  });

export interface ListFilter {
  year: number;
  unitId?: string | undefined;
  level?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
}

export const agreementsQuery = (filter: ListFilter) =>
  queryOptions({
    queryKey: ['agreements', filter],
    queryFn: () => api.get<AgreementList>('/api/agreements', { ...filter }),
  });

export const boardQuery = (year: number) =>
  queryOptions({
    queryKey: ['agreement-board', year],
    queryFn: () => api.get<Board>('/api/agreements/board', { year }),
    retry: false,
  });

export const agreementQuery = (id: string) =>
  queryOptions({
    queryKey: ['agreement', id],
    queryFn: () => api.get<AgreementDetail>(`/api/agreements/${id}`),
  });

/** The Pemda's rating scales (for targets of method "scale"); empty when the list is missing. */
export const scalesQuery = () =>
  queryOptions({
    queryKey: ['scales'],
    queryFn: async () => {
      try {
        const data = await api.get<{ items: Scale[] }>('/api/rating-scales');
        return data.items;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

/** Query keys to refresh after any change of a PK. */
export async function refreshAgreements(
  queryClient: QueryClient,
  exceptId?: string,
): Promise<void> {
  await Promise.all([
    ...[['agreements'], ['agreement-board'], ['agreement-years'], ['cascade']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
    // Other PKs may show this one (as parent or child); the one on screen is already fresh.
    queryClient.invalidateQueries({
      queryKey: ['agreement'],
      predicate: (query) => exceptId === undefined || query.queryKey[1] !== exceptId,
    }),
  ]);
}

/**
 * PUT (the shared client has get/post/patch/delete only). Same contract as the shared client:
 * JSON, the session's CSRF token, ApiError with the server's code and message.
 * TODO(lead): move into src/web/api/client.ts as `api.put` and use that here.
 */
export async function putJson<T>(
  queryClient: QueryClient,
  path: string,
  body: unknown,
): Promise<T> {
  const session = queryClient.getQueryData(sessionQuery.queryKey);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
  };
  if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: 'Tidak dapat terhubung ke server. Periksa koneksi jaringan Anda lalu coba lagi.',
    });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const errorBody = (parsed as { error?: ApiErrorBody } | null)?.error;
    throw new ApiError(
      response.status,
      errorBody ?? {
        code: 'INTERNAL',
        message: `Server mengalami gangguan (kode ${response.status}). Coba lagi beberapa saat lagi.`,
      },
    );
  }
  return parsed as T;
}

export const saveContent = (queryClient: QueryClient, id: string, body: ContentBody) =>
  putJson<AgreementDetail>(queryClient, `/api/agreements/${id}/content`, body);
