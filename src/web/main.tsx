import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, onSignedOut } from './api/client.js';
import { createAppRouter } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';

const retry = (failureCount: number, error: unknown): boolean => {
  // A 4xx answer will not change by asking again; a network hiccup might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
  queryCache: new QueryCache(),
  mutationCache: new MutationCache(),
});

const router = createAppRouter(queryClient);

// When any request learns that the session ended, forget it and go back to the sign-in page.
onSignedOut(() => {
  const here = router.state.location.href;
  queryClient.setQueryData(['session'], null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  if (!here.startsWith('/masuk')) {
    void router.navigate({ to: '/masuk', search: { redirect: here }, replace: true });
  }
});

const container = document.getElementById('root');
if (!container) throw new Error('Elemen #root tidak ditemukan');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
