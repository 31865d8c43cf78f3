import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { RevisionDiff, VersionList } from './types.js';

export const diffQuery = (id: string) =>
  queryOptions({
    queryKey: ['agreement-diff', id],
    queryFn: () => api.get<RevisionDiff>(`/api/agreements/${id}/diff`),
    // 409 (not a revision) and 404 are answers, not hiccups.
    retry: false,
  });

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['agreement-versions', id],
    queryFn: () => api.get<VersionList>(`/api/agreements/${id}/versions`),
  });
