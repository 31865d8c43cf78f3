import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { api, setCsrfToken } from '../../api/client.js';

/** Ends the session on the server, forgets every cached answer, and shows the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Already signed out or offline: either way the local state is cleared below.
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(['session'], null);
    await navigate({ to: '/masuk', search: {}, replace: true });
  }, [queryClient, navigate]);
}
