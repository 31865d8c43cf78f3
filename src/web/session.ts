import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken, signedOutCodes } from './api/client.js';
import type { Capability, Session } from './api/types.js';
import { defaultTimeZone } from './lib/format.js';

/** The signed-in session, or null when nobody is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    // The server answers null (200) when nobody is signed in.
    const session = await api.get<Session | null>('/api/auth/session');
    setCsrfToken(session?.csrfToken ?? null);
    return session;
  } catch (error) {
    if (error instanceof ApiError && signedOutCodes.has(error.code)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
  retry: false,
});

/** A session that may use the app: second factor done and no password change owed. */
export function isComplete(session: Session | null | undefined): session is Session {
  return !!session && session.mfaState === 'passed' && !session.mustChangePassword;
}

/** Inside the app shell the session is always complete (the layout route guarantees it). */
export function useSession(): Session {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useSession dipakai di luar sesi yang masuk');
  return data;
}

export function useCan(capability: Capability): boolean {
  return useSession().capabilities[capability] === true;
}

export function useTimeZone(): string {
  return useSession().tenant?.timeZone ?? defaultTimeZone;
}
