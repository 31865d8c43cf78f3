import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { users } from '../schema.js';
import type { SecretBox } from '../secret-box.js';
import type { NewSession } from '../sessions.js';
import {
  auditOwn,
  lockOwnUser,
  renewSessionAfterSecondFactor,
  requireOwnSession,
} from './own-account.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { checkTotpCode, openTotpState, sealTotpState } from './totp-secret.js';

/**
 * Finishes enrolment with a code from the new seed: TOTP is on from now, fresh recovery codes
 * replace any old ones (returned once), and this session counts as having passed the second
 * factor: it is replaced by a new one (see renewSessionAfterSecondFactor), which also releases a
 * session the tenant held at 'setup_required'.
 */
export async function enableTotp(
  database: Database,
  config: Config,
  box: SecretBox,
  requestAuth: RequestAuth,
  code: string,
  ip: string | null,
): Promise<{ recoveryCodes: string[]; session: NewSession }> {
  const auth = requireOwnSession(requestAuth);
  if (auth.mfaState === 'pending') {
    throw new AppError('MFA_REQUIRED', 'Masukkan kode autentikator untuk melanjutkan.');
  }
  return database.withSystem(async (tx) => {
    const user = await lockOwnUser(tx, auth.actor.userId);
    if (user.totpEnabledAt) {
      throw new AppError('CONFLICT', 'Verifikasi dua langkah sudah aktif.');
    }
    if (!user.totpSecret) {
      throw new AppError('CONFLICT', 'Mulai penyiapan autentikator terlebih dahulu.');
    }
    const state = openTotpState(box, user.totpSecret);
    const check = checkTotpCode(state, code);
    if (!check.ok) {
      throw new AppError(
        'INVALID_TOTP',
        'Kode autentikator salah atau kedaluwarsa. Pastikan jam ponsel tepat, lalu masukkan kode terbaru.',
      );
    }
    await tx
      .update(users)
      .set({
        totpSecret: sealTotpState(box, { secret: state.secret, lastStep: check.step }),
        totpEnabledAt: new Date(),
      })
      .where(eq(users.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    const session = await renewSessionAfterSecondFactor(tx, config, auth, ip);
    await auditOwn(tx, auth, ip, { action: 'auth.totp_enable' });
    return { recoveryCodes, session };
  });
}
