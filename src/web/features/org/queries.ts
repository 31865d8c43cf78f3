import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { PositionDetail, UnitDetail, UnitSummary } from '../../api/types.js';

export const unitsQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: ['units', { includeArchived }],
    queryFn: () =>
      api.get<{ items: UnitSummary[]; permissions: { createRoot: boolean } }>('/api/units', {
        includeArchived: includeArchived ? 'true' : undefined,
      }),
  });

export const unitQuery = (id: string) =>
  queryOptions({
    queryKey: ['unit', id],
    queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
  });

export const positionQuery = (id: string) =>
  queryOptions({
    queryKey: ['position', id],
    queryFn: () => api.get<PositionDetail>(`/api/positions/${id}`),
  });

/** Query keys to refresh after any change in the organisation. */
export const orgKeys = [['units'], ['unit'], ['position'], ['positions'], ['employees']] as const;
