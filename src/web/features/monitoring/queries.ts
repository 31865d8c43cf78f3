import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.js';
import type { Periods, ReportAction, ReportDetail, ReportUnlock, UnlockList } from './types.js';

/** Query options and API calls of the realisasi pages. */

export interface PeriodsFilter {
  year?: number | undefined;
  mine?: boolean;
}

export const periodsQuery = (filter: PeriodsFilter) =>
  queryOptions({
    queryKey: ['monitoring-periods', filter],
    queryFn: () =>
      api.get<Periods>('/api/monitoring/periods', {
        year: filter.year,
        mine: filter.mine === undefined ? undefined : String(filter.mine),
      }),
  });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: ['monitoring-report', id],
    queryFn: () => api.get<ReportDetail>(`/api/monitoring/reports/${id}`),
  });

export const unlocksQuery = () =>
  queryOptions({
    queryKey: ['monitoring-unlocks', 'pending'],
    queryFn: () => api.get<UnlockList>('/api/monitoring/unlocks', { status: 'pending' }),
  });

export interface TenantMonitoringSettings {
  settings: {
    monitoring: Record<string, unknown> & { unlockMaxDays?: number; evidenceMaxMb?: number };
  };
}

/** The Pemda's settings (capaian rules, unlock and evidence limits): read by every user. */
export const tenantQuery = () =>
  queryOptions({
    queryKey: ['tenant'],
    queryFn: () => api.get<TenantMonitoringSettings>('/api/tenant'),
    staleTime: 5 * 60_000,
  });

export const openReport = (body: { agreementId: string; year: number; quarter: number }) =>
  api.post<ReportDetail>('/api/monitoring/reports', body);

export interface SaveValuesBody {
  version: number;
  values: {
    indicatorId: string;
    value: string | null;
    analysis?: string;
    obstacles?: string;
    followUp?: string;
  }[];
  budgets?: { budgetId: string; amount: string | null }[];
}

export const saveValues = (id: string, body: SaveValuesBody) =>
  api.put<ReportDetail>(`/api/monitoring/reports/${id}/values`, body);

export const transitionReport = (
  id: string,
  body: { version: number; action: ReportAction; note?: string },
) => api.post<ReportDetail>(`/api/monitoring/reports/${id}/transitions`, body);

export const requestUnlock = (id: string, reason: string) =>
  api.post<ReportUnlock>(`/api/monitoring/reports/${id}/unlocks`, { reason });

export const decideUnlock = (
  id: string,
  body: { decision: 'grant' | 'refuse'; days?: number; note?: string },
) => api.post<ReportUnlock>(`/api/monitoring/unlocks/${id}/decision`, body);

export const uploadEvidence = (
  reportId: string,
  file: File,
  indicatorId: string | null,
): Promise<unknown> =>
  api.upload(
    withQuery(`/api/monitoring/reports/${reportId}/evidence`, {
      indicatorId: indicatorId ?? undefined,
      fileName: file.name,
    }),
    file,
    file.type || 'application/octet-stream',
  );

export const deleteEvidence = (id: string) => api.delete(`/api/monitoring/evidence/${id}`);

export const evidenceUrl = (id: string) => `/api/monitoring/evidence/${id}`;

export const templateUrl = (unitId: string, year: number, quarter: number) =>
  withQuery('/api/monitoring/template', { unitId, year, quarter });

/** Everything a change of a report touches: lists, inbox, notifications, dashboards. */
export async function refreshMonitoring(queryClient: QueryClient, exceptReportId?: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['monitoring-periods'] }),
    queryClient.invalidateQueries({ queryKey: ['monitoring-unlocks'] }),
    queryClient.invalidateQueries({ queryKey: ['inbox'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
    queryClient.invalidateQueries({
      queryKey: ['monitoring-report'],
      predicate: (query) => exceptReportId === undefined || query.queryKey[1] !== exceptReportId,
    }),
  ]);
}
