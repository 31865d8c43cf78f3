import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { lockedError, recordFailedAttempt } from '../failed-attempts.js';
import { sessions, users } from '../schema.js';
import type { SecretBox } from '../secret-box.js';
import type { NewSession } from '../sessions.js';
import {
  auditOwn,
  lockOwnUser,
  renewSessionAfterSecondFactor,
  requireOwnSession,
} from './own-account.js';
import { consumeRecoveryCode } from './recovery-codes.js';
import { checkTotpCode, openTotpState, sealTotpState } from './totp-secret.js';

export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * The second step of sign-in: a code from the authenticator or a one-time recovery code.
 * Wrong answers count toward the same lock as wrong passwords; on lock the half-open session
 * ends. Failures are committed before the error is thrown, hence the result-then-throw shape.
 */
export async function verifySecondFactor(
  database: Database,
  config: Config,
  box: SecretBox,
  requestAuth: RequestAuth,
  input: SecondFactor,
  ip: string | null,
): Promise<{ recoveryCodesLeft: number | null; session: NewSession }> {
  const auth = requireOwnSession(requestAuth);
  if (auth.mfaState !== 'pending') {
    throw new AppError('CONFLICT', 'Sesi ini tidak sedang menunggu kode autentikator.');
  }
  const outcome = await database.withSystem(async (tx) => {
    const user = await lockOwnUser(tx, auth.actor.userId);
    const now = new Date();
    const method = 'code' in input ? 'totp' : 'recovery_code';
    if (user.lockedUntil && user.lockedUntil > now) {
      await auditOwn(tx, auth, ip, {
        action: 'auth.totp_failed',
        outcome: 'refused',
        data: { method, reason: 'locked' },
      });
      return { ok: false as const, error: lockedError(user.lockedUntil) };
    }
    if (!user.totpSecret || !user.totpEnabledAt) {
      // TOTP was switched off after this session started: nothing to check against.
      return {
        ok: false as const,
        error: new AppError(
          'CONFLICT',
          'Verifikasi dua langkah tidak aktif untuk akun ini. Masuk kembali.',
        ),
      };
    }
    let reason = 'invalid';
    if ('code' in input) {
      const state = openTotpState(box, user.totpSecret);
      const check = checkTotpCode(state, input.code);
      if (check.ok) {
        await tx
          .update(users)
          .set({
            totpSecret: sealTotpState(box, { secret: state.secret, lastStep: check.step }),
            failedLogins: 0,
          })
          .where(eq(users.id, user.id));
        const session = await renewSessionAfterSecondFactor(tx, config, auth, ip);
        await auditOwn(tx, auth, ip, { action: 'auth.totp_verified' });
        return { ok: true as const, recoveryCodesLeft: null, session };
      }
      reason = check.reason;
    } else {
      const used = await consumeRecoveryCode(tx, user.id, input.recoveryCode);
      if (used) {
        await tx.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
        const session = await renewSessionAfterSecondFactor(tx, config, auth, ip);
        await auditOwn(tx, auth, ip, {
          action: 'auth.recovery_code_used',
          data: { remaining: used.remaining },
        });
        return { ok: true as const, recoveryCodesLeft: used.remaining, session };
      }
    }
    const { failures, lockedUntil } = await recordFailedAttempt(tx, config, user, now);
    await auditOwn(tx, auth, ip, {
      action: 'auth.totp_failed',
      outcome: 'refused',
      data: { method, reason, failures },
    });
    if (lockedUntil) {
      await auditOwn(tx, auth, ip, {
        action: 'auth.locked',
        outcome: 'refused',
        data: { until: lockedUntil.toISOString() },
      });
      await tx.delete(sessions).where(eq(sessions.id, auth.sessionId));
      return { ok: false as const, error: lockedError(lockedUntil) };
    }
    return {
      ok: false as const,
      error:
        method === 'totp'
          ? new AppError(
              'INVALID_TOTP',
              reason === 'replayed'
                ? 'Kode ini sudah dipakai. Tunggu kode berikutnya di aplikasi autentikator.'
                : 'Kode autentikator salah atau kedaluwarsa.',
            )
          : new AppError('INVALID_TOTP', 'Kode pemulihan salah atau sudah pernah dipakai.'),
    };
  });
  if (!outcome.ok) throw outcome.error;
  return { recoveryCodesLeft: outcome.recoveryCodesLeft, session: outcome.session };
}
