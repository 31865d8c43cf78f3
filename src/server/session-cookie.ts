import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewSession } from '../modules/auth/sessions.js';
import { SESSION_COOKIE } from './auth-plugin.js';
import type { Config } from './config.js';

/** The session cookie: httpOnly, SameSite=Lax, Secure over HTTPS (COOKIE_SECURE). */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  session: Pick<NewSession, 'token' | 'expiresAt'>,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure:
      config.COOKIE_SECURE === 'auto'
        ? request.protocol === 'https'
        : config.COOKIE_SECURE === 'true',
    expires: session.expiresAt,
  });
}
