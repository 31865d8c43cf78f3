import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../modules/access/actor.js';
import { runInTenant, type TenantContext } from '../modules/access/context.js';
import { safeEqual } from '../modules/auth/random-tokens.js';
import { SessionCache } from '../modules/auth/session-cache.js';
import {
  type MfaState,
  resolveApiToken,
  resolveSession,
  sessionExpired,
} from '../modules/auth/sessions.js';
import { AppError } from '../shared/errors.js';

export const SESSION_COOKIE = 'amanah_session';

/**
 * Who may call a route:
 * - public: anyone (sign-in, health, public documents);
 * - session: any valid session, even one still owing its second factor or a new password;
 * - user (default): a fully signed-in user or an API token.
 */
export type RouteAccess = 'public' | 'session' | 'user';

export interface RequestAuth {
  actor: Actor;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  mfaState: MfaState;
  mustChangePassword: boolean;
  /** tenants.org_version read with the session (null for tokens): keys cached org reads. */
  orgVersion: number | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
    /** A session cookie came with the request but its session has ended (public routes). */
    sessionEnded: boolean;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) {
    throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  }
  return request.auth;
}

/** The signed-in actor of a tenant; platform admins have no tenant and get 404-free 403. */
export function requireTenantActor(request: FastifyRequest): Actor & { tenantId: string } {
  const { actor } = requireAuth(request);
  if (!actor.tenantId) {
    throw new AppError('FORBIDDEN', 'Admin platform tidak mengakses data Pemda secara langsung.');
  }
  return actor as Actor & { tenantId: string };
}

/** Opens the tenant transaction for a route: RLS set, audit bound to the actor and address. */
export function inTenant<T>(
  request: FastifyRequest,
  fn: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  const actor = requireTenantActor(request);
  return runInTenant(request.server.services.database, actor, actor.tenantId, request.ip, fn);
}

async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { database, config } = request.server.services;
  const access: RouteAccess = request.routeOptions.config.access ?? 'user';
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(database, header.slice(7).trim());
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Token API tidak valid atau sudah dicabut.');
    // Account routes (password, second factor, sign-out) belong to a signed-in person only.
    if (access === 'session') {
      throw new AppError(
        'FORBIDDEN',
        'Hanya dapat dipakai dari sesi masuk, bukan dengan token API.',
      );
    }
    request.auth = {
      actor,
      via: 'token',
      sessionId: null,
      csrfToken: null,
      mfaState: 'passed',
      mustChangePassword: false,
      orgVersion: null,
    };
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const { sessionCache } = request.server;
    const reading = request.method === 'GET';
    let session = reading ? sessionCache.get(token) : null;
    if (!session) {
      const generation = sessionCache.generation;
      session = await resolveSession(database, config, token);
      if (session && reading) sessionCache.set(token, session, generation);
    }
    if (session) {
      request.auth = {
        actor: session.actor,
        via: 'session',
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
        mfaState: session.mfaState,
        mustChangePassword: session.mustChangePassword,
        orgVersion: session.orgVersion,
      };
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      request.sessionEnded = true;
      if (access !== 'public') throw sessionExpired();
    }
  }
  if (access === 'public') return;
  const auth = requireAuth(request);
  if (unsafeMethods.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
      throw new AppError(
        'CSRF_FAILED',
        'Permintaan ditolak karena token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.',
      );
    }
  }
  if (access === 'user') {
    if (auth.mfaState === 'pending') {
      throw new AppError('MFA_REQUIRED', 'Masukkan kode autentikator untuk melanjutkan.');
    }
    if (auth.mfaState === 'setup_required') {
      throw new AppError(
        'MFA_SETUP_REQUIRED',
        'Pemda Anda mewajibkan verifikasi dua langkah. Aktifkan aplikasi autentikator terlebih dahulu.',
      );
    }
    if (auth.mustChangePassword) {
      throw new AppError('FORBIDDEN', 'Ganti kata sandi Anda terlebih dahulu.', {
        reason: 'must_change_password',
      });
    }
  }
}

/** Cross-site writes are refused outright when the browser says where they come from. */
function checkOrigin(request: FastifyRequest): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.host) {
    throw new AppError('CSRF_FAILED', 'Permintaan dari situs lain ditolak.');
  }
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorate('sessionCache', new SessionCache(app.services.config.SESSION_CACHE_MS));
  // A write may change a session, a role, a password or the organisation: forget every
  // remembered session, so this process's next read sees the change (decision 0008).
  app.addHook('onSend', async (request) => {
    if (unsafeMethods.has(request.method)) app.sessionCache.clear();
  });
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionEnded', false);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    checkOrigin(request);
    await authenticate(request, reply);
  });
});
