import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { verifyPassword } from './passwords.js';
import { sessions, users } from './schema.js';

/**
 * One counter of failed proofs per account, shared by everything that checks a secret: sign-in
 * (password), the second factor (TOTP or recovery code), password change and TOTP switch-off
 * (current password). LOGIN_MAX_FAILURES in a row lock the account for LOGIN_LOCK_MINUTES.
 */
export async function recordFailedAttempt(
  tx: Tx,
  config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES'>,
  user: { id: string; failedLogins: number },
  now = new Date(),
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const failures = user.failedLogins + 1;
  const lock = failures >= config.LOGIN_MAX_FAILURES;
  const lockedUntil = lock ? new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000) : null;
  await tx
    .update(users)
    .set({ failedLogins: lock ? 0 : failures, lockedUntil })
    .where(eq(users.id, user.id));
  return { failures, lockedUntil };
}

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

export function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    'ACCOUNT_LOCKED',
    `Akun terkunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit atau minta admin membukanya.`,
    { lockedUntil: until.toISOString() },
  );
}

/**
 * Confirms the password of a signed-in user before a sensitive change (password change, TOTP
 * switch-off). A wrong password counts toward the same lock as a failed sign-in, so a stolen
 * session cannot guess the password without limit; the count is committed in its own
 * transaction even though the change is refused.
 */
export async function confirmOwnPassword(
  database: Database,
  config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES'>,
  actor: Pick<Actor, 'userId' | 'username' | 'tenantId'>,
  password: string,
  ip: string | null,
  field: string,
): Promise<void> {
  const error = await database.withSystem(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!user) return new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    if (isLocked(user) && user.lockedUntil) return lockedError(user.lockedUntil);
    if (await verifyPassword(user.passwordHash, password)) return null;
    const { failures, lockedUntil } = await recordFailedAttempt(tx, config, user);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor,
      action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: actor.userId,
      outcome: 'refused',
      data: { reason: 'current_password', failures },
      ip,
    });
    if (lockedUntil) {
      // Locked: every session of the account ends, this one included.
      await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
      return lockedError(lockedUntil);
    }
    return new AppError('INVALID_CREDENTIALS', 'Kata sandi saat ini salah.', { field });
  });
  if (error) throw error;
}
