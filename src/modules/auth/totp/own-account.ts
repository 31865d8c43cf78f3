import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import { AppError } from '../../../shared/errors.js';
import { type AuditInput, recordAudit } from '../../audit/record-audit.js';
import { sessions, users } from '../schema.js';
import type { MfaState } from '../sessions.js';

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

export async function setSessionMfa(tx: Tx, sessionId: string, mfaState: MfaState): Promise<void> {
  await tx.update(sessions).set({ mfaState }).where(eq(sessions.id, sessionId));
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
