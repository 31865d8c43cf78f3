import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { RequestAuth } from '../../server/auth-plugin.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { sessions, users } from './schema.js';

/**
 * Changes the signed-in user's password after checking the current one. Every other session of
 * the user ends, so a stolen session does not outlive the change.
 */
export async function changePassword(
  database: Database,
  auth: RequestAuth,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  if (auth.mfaState === 'pending') {
    throw new AppError('MFA_REQUIRED', 'Masukkan kode autentikator terlebih dahulu.');
  }
  const { actor } = auth;
  assertPasswordStrength(input.newPassword, actor.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'Kata sandi baru harus berbeda dari kata sandi lama.', {
      field: 'newPassword',
    });
  }
  const newHash = await hashPassword(input.newPassword);
  await database.withSystem(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('INVALID_CREDENTIALS', 'Kata sandi saat ini salah.', {
        field: 'currentPassword',
      });
    }
    await tx
      .update(users)
      .set({ passwordHash: newHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, actor.userId));
    if (auth.sessionId) {
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, auth.sessionId)));
    }
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor,
      action: 'auth.password_change',
      entityType: 'user',
      entityId: actor.userId,
      ip,
    });
  });
}
