import type { QueryClient } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.js';
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

export const saveContent = (id: string, body: ContentBody) =>
  api.put<AgreementDetail>(`/api/agreements/${id}/content`, body);

/** PATCH /api/agreements/:id body: the PK date, pihak kedua (override or back to the structure). */
export interface UpdateAgreementBody {
  version: number;
  agreementDate?: string;
  secondParty?: { positionId?: string; employeeId?: string; reason: string } | null;
  parentAgreementId?: string | null;
}

export const updateAgreement = (id: string, body: UpdateAgreementBody) =>
  api.patch<AgreementDetail>(`/api/agreements/${id}`, body);
