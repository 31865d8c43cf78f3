import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { RequestAuth } from '../../server/auth-plugin.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { confirmOwnPassword } from './failed-attempts.js';
import { assertPasswordStrength, hashPassword } from './passwords.js';
import { sessions, users } from './schema.js';
import { revokeUserTokens } from './tokens/revoke-token.js';

/**
 * Changes the signed-in user's password after checking the current one. Every other session and
 * every API token of the user ends, so neither outlives the change.
 */
export async function changePassword(
  database: Database,
  config: Config,
  auth: RequestAuth,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  if (auth.via !== 'session') {
    throw new AppError(
      'FORBIDDEN',
      'Kata sandi hanya dapat diganti dari sesi masuk, bukan token API.',
    );
  }
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
  await confirmOwnPassword(database, config, actor, input.currentPassword, ip, 'currentPassword');
  const newHash = await hashPassword(input.newPassword);
  await database.withSystem(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: newHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, actor.userId));
    if (auth.sessionId) {
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, auth.sessionId)));
    }
    // Tokens minted before the change could be the reason for it.
    await revokeUserTokens(tx, actor.userId);
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
