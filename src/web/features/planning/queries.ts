import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Period, PeriodList, PlanTree, RenstraRow } from './types.js';

export const plansQuery = () =>
  queryOptions({ queryKey: ['plans'], queryFn: () => api.get<PeriodList>('/api/plans') });

export const planQuery = (id: string) =>
  queryOptions({ queryKey: ['plan', id], queryFn: () => api.get<Period>(`/api/plans/${id}`) });

export const renstraListQuery = (periodId: string) =>
  queryOptions({
    queryKey: ['plan-renstra', periodId],
    queryFn: () => api.get<{ items: RenstraRow[] }>(`/api/plans/${periodId}/renstra`),
  });

/** A plan tree; with `includeArchived` also the archived nodes and indicators (to restore). */
export const treeQuery = (periodId: string, unitId: string | null, includeArchived = false) =>
  queryOptions({
    queryKey: ['plan-tree', periodId, unitId, { includeArchived }],
    queryFn: () =>
      api.get<PlanTree>(`/api/plans/${periodId}/tree`, {
        unitId: unitId ?? undefined,
        includeArchived: includeArchived ? 'true' : undefined,
      }),
  });

/** Keys to refresh after any planning write. */
export const planningKeys = [['plans'], ['plan'], ['plan-renstra'], ['plan-tree']] as const;
