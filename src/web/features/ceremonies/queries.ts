import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { BoardLink, CeremonyDetail, CeremonyList, MyDocuments, Preflight } from './types.js';

export const ceremoniesQuery = () =>
  queryOptions({
    queryKey: ['ceremonies'],
    queryFn: () => api.get<CeremonyList>('/api/ceremonies'),
  });

export const ceremonyQuery = (id: string) =>
  queryOptions({
    queryKey: ['ceremony', id],
    queryFn: () => api.get<CeremonyDetail>(`/api/ceremonies/${id}`),
  });

/** Keyed by the ceremony's version and signatures: it is re-checked whenever those change. */
export const preflightQuery = (id: string, version: number, signaturesDone: number) =>
  queryOptions({
    queryKey: ['ceremony', id, 'preflight', version, signaturesDone],
    queryFn: () => api.get<Preflight>(`/api/ceremonies/${id}/preflight`),
  });

export const myDocumentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['ceremony', id, 'mine'],
    queryFn: () => api.get<MyDocuments>(`/api/ceremonies/${id}/my-documents`),
  });

/**
 * The board link exists only in this tab's memory, right after the ceremony was scheduled or
 * the link renewed: the server keeps only its hash. A reload forgets it (by design).
 */
export const boardLinkKey = (id: string) => ['ceremony-board-link', id] as const;

export function rememberBoardLink(queryClient: QueryClient, id: string, link: BoardLink): void {
  queryClient.setQueryDefaults(boardLinkKey(id), {
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  queryClient.setQueryData(boardLinkKey(id), link);
}

export async function refreshCeremony(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['ceremony', id] }),
    queryClient.invalidateQueries({ queryKey: ['ceremonies'] }),
  ]);
}

export const reportUrl = (id: string) => `/api/ceremonies/${id}/report.pdf?download=1`;
