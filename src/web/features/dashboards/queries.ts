import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type {
  Appreciation,
  ExportRequest,
  IndicatorDashboard,
  PemdaDashboard,
  UnitDashboard,
} from './types.js';

/** The period asked for; undefined = the server's default (latest year / quarter with data). */
export interface Period {
  year?: number | undefined;
  quarter?: number | undefined;
}

export const pemdaDashboardQuery = (period: Period) =>
  queryOptions({
    queryKey: ['dashboard', 'pemda', period.year ?? null, period.quarter ?? null],
    queryFn: () => api.get<PemdaDashboard>('/api/dashboards/pemda', { ...period }),
    placeholderData: keepPreviousData,
  });

export const unitDashboardQuery = (unitId: string, period: Period) =>
  queryOptions({
    queryKey: ['dashboard', 'unit', unitId, period.year ?? null, period.quarter ?? null],
    queryFn: () => api.get<UnitDashboard>(`/api/dashboards/units/${unitId}`, { ...period }),
    placeholderData: keepPreviousData,
  });

export const indicatorDashboardQuery = (indicatorId: string, year?: number) =>
  queryOptions({
    queryKey: ['dashboard', 'indicator', indicatorId, year ?? null],
    queryFn: () =>
      api.get<IndicatorDashboard>(`/api/dashboards/indicators/${indicatorId}`, { year }),
    placeholderData: keepPreviousData,
  });

export const appreciationQuery = (period: Period) =>
  queryOptions({
    queryKey: ['dashboard', 'appreciation', period.year ?? null, period.quarter ?? null],
    queryFn: () => api.get<Appreciation>('/api/dashboards/appreciation', { ...period }),
    placeholderData: keepPreviousData,
  });

/** The xlsx download of one dashboard table, for the period on screen. */
export function exportUrl(request: ExportRequest, period: Period = {}): string {
  return withQuery('/api/dashboards/export', { ...request, ...period });
}

/** An evidence file's download (monitoring API). */
export const evidenceUrl = (id: string): string => `/api/monitoring/evidence/${id}`;
