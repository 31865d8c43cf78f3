import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isLocked, lockedError, recordFailedAttempt } from '../auth/failed-attempts.js';
import { sessions, users } from '../auth/schema.js';
import type { SecretBox } from '../auth/secret-box.js';
import { checkTotpCode, openTotpState, sealTotpState } from '../auth/totp/totp-secret.js';

/**
 * The authenticator code a tenant may require on top of the signing passphrase
 * (settings.signing.requireTotp). A wrong code counts like any failed proof of the account
 * (failed-attempts.ts: the same counter and lock as sign-in); the count is committed before the
 * refusal is thrown. An accepted code cannot be used again (its time step is remembered).
 * Runs as the owner, filtered by the caller's own user id, like the other second-factor steps.
 */
export async function verifySigningTotp(
  deps: { database: Database; config: Config; secretBox: SecretBox },
  actor: Actor,
  code: string | undefined,
  ip: string | null,
): Promise<void> {
  const error = await deps.database.withSystem(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!user) return new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    if (isLocked(user) && user.lockedUntil) return lockedError(user.lockedUntil);
    if (!user.totpSecret || !user.totpEnabledAt) {
      return new AppError(
        'MFA_SETUP_REQUIRED',
        'Pemda Anda mewajibkan kode autentikator untuk menandatangani. Aktifkan verifikasi dua langkah di menu Akun → Verifikasi dua langkah, lalu coba lagi.',
      );
    }
    if (!code?.trim()) {
      return new AppError(
        'INVALID_TOTP',
        'Masukkan kode 6 angka dari aplikasi autentikator Anda untuk menandatangani.',
        { field: 'totp' },
      );
    }
    const state = openTotpState(deps.secretBox, user.totpSecret);
    const check = checkTotpCode(state, code);
    if (check.ok) {
      await tx
        .update(users)
        .set({
          totpSecret: sealTotpState(deps.secretBox, { secret: state.secret, lastStep: check.step }),
          failedLogins: 0,
        })
        .where(eq(users.id, user.id));
      return null;
    }
    const { failures, lockedUntil } = await recordFailedAttempt(tx, deps.config, user);
    const audit = {
      tenantId: actor.tenantId,
      actor,
      entityType: 'user',
      entityId: actor.userId,
      outcome: 'refused' as const,
      ip,
    };
    await recordAudit(tx, {
      ...audit,
      action: 'auth.totp_failed',
      data: { method: 'totp', purpose: 'signing', reason: check.reason, failures },
    });
    if (lockedUntil) {
      await recordAudit(tx, {
        ...audit,
        action: 'auth.locked',
        data: { until: lockedUntil.toISOString() },
      });
      // Locked: every session of the account ends, as after a wrong current password.
      await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
      return lockedError(lockedUntil);
    }
    return new AppError(
      'INVALID_TOTP',
      check.reason === 'replayed'
        ? 'Kode ini sudah dipakai. Tunggu kode berikutnya di aplikasi autentikator.'
        : 'Kode autentikator salah atau kedaluwarsa.',
      { field: 'totp' },
    );
  });
  if (error) throw error;
}
