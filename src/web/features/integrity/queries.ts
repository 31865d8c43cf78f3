import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type {
  BulkResult,
  ClausesOverview,
  ClauseVersionDetail,
  PactDocument,
  PactFilter,
  PactList,
  PactStatus,
  PactSummary,
} from './types.js';

export const clausesQuery = () =>
  queryOptions({
    queryKey: ['integrity-clauses'],
    queryFn: () => api.get<ClausesOverview>('/api/integrity/clauses'),
  });

export const clauseVersionQuery = (id: string) =>
  queryOptions({
    queryKey: ['integrity-clause-version', id],
    queryFn: () => api.get<ClauseVersionDetail>(`/api/integrity/clauses/${id}`),
    staleTime: Number.POSITIVE_INFINITY, // a saved version never changes
  });

export const statusQuery = (fiscalYear: number, unitId: string | null) =>
  queryOptions({
    queryKey: ['integrity-status', fiscalYear, unitId],
    queryFn: () =>
      api.get<PactStatus>('/api/integrity/status', { fiscalYear, unitId: unitId ?? undefined }),
  });

export const pactsQuery = (filter: PactFilter) =>
  queryOptions({
    queryKey: ['integrity-pacts', filter],
    queryFn: () => api.get<PactList>('/api/integrity/pacts', { ...filter }),
  });

export interface BulkBody {
  unitId: string | null;
  fiscalYear: number;
  pactDate?: string | undefined;
  dryRun: boolean;
}

export const bulkCreate = (body: BulkBody) =>
  api.post<BulkResult>('/api/integrity/pacts/bulk', body);

export const ensureDocument = (pactId: string) =>
  api.get<PactDocument>(`/api/integrity/pacts/${pactId}/document`);

export const voidPact = (pactId: string, reason: string) =>
  api.post<PactSummary>(`/api/integrity/pacts/${pactId}/void`, { reason });

export const saveClauses = (body: { clauses: string[]; note?: string; baseVersion: number }) =>
  api.post<ClauseVersionDetail>('/api/integrity/clauses', body);

/** After pacts were made, voided or signed: the status and the lists. */
export async function refreshPacts(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    [['integrity-status'], ['integrity-pacts'], ['signing-tasks']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
