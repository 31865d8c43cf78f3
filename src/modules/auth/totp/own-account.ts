import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { type AuditInput, recordAudit } from '../../audit/record-audit.js';
import { sessions, users } from '../schema.js';
import { createSession, type NewSession } from '../sessions.js';

/**
 * Helpers for the second-factor use cases. They act on the caller's own account and session,
 * which the request role cannot reach (sessions and recovery codes are owner-only tables),
 * so they run in a system transaction filtered by the caller's own user id, like sign-in and
 * password change.
 */
export type OwnAuth = RequestAuth & { sessionId: string };

/** Second-factor settings change only from a browser session, never with an API token. */
export function requireOwnSession(auth: RequestAuth): OwnAuth {
  if (auth.via !== 'session' || !auth.sessionId) {
    throw new AppError(
      'FORBIDDEN',
      'Verifikasi dua langkah hanya dapat diatur dari sesi masuk, bukan dengan token API.',
    );
  }
  return auth as OwnAuth;
}

export type UserRow = typeof users.$inferSelect;

export async function lockOwnUser(tx: Tx, userId: string): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

/**
 * The second factor is passed: the half-signed-in session ends and a new one (new token)
 * replaces it, so a session id seen before the privilege change is worthless after it. The CSRF
 * token carries over: it is not a credential, and the open page keeps working.
 */
export async function renewSessionAfterSecondFactor(
  tx: Tx,
  config: Config,
  auth: OwnAuth,
  ip: string | null,
): Promise<NewSession> {
  await tx.delete(sessions).where(eq(sessions.id, auth.sessionId));
  return createSession(tx, config, {
    userId: auth.actor.userId,
    tenantId: auth.actor.tenantId,
    mfaState: 'passed',
    ip,
    userAgent: null,
    csrfToken: auth.csrfToken,
  });
}

export function auditOwn(
  tx: Tx,
  auth: RequestAuth,
  ip: string | null,
  event: Pick<AuditInput, 'action' | 'outcome' | 'data'>,
): Promise<void> {
  return recordAudit(tx, {
    ...event,
    tenantId: auth.actor.tenantId,
    actor: auth.actor,
    entityType: 'user',
    entityId: auth.actor.userId,
    ip,
  });
}
