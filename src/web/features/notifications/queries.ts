import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Inbox, NotificationList } from './types.js';

/** Tugas Saya across features (GET /api/tasks). */
export const inboxQuery = () =>
  queryOptions({
    queryKey: ['inbox'],
    queryFn: () => api.get<Inbox>('/api/tasks'),
  });

/** The bell: the latest notifications and the unread count, refreshed every minute. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['notifications', 'latest'],
    queryFn: () => api.get<NotificationList>('/api/notifications', { limit: 20 }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });

export const markRead = (id: string) => api.post(`/api/notifications/${id}/read`);
export const markAllRead = () =>
  api.post<{ updated: number; unread: number }>('/api/notifications/read-all');

export const refreshNotifications = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: ['notifications'] });

/** "fill:<agreementId>:<year>:<quarter>" → what POST /api/monitoring/reports needs. */
export function fillTarget(
  key: string,
): { agreementId: string; year: number; quarter: number } | null {
  const match = /^fill:([0-9a-f-]{36}):(\d{4}):([1-4])$/i.exec(key);
  if (!match) return null;
  return { agreementId: match[1] as string, year: Number(match[2]), quarter: Number(match[3]) };
}
