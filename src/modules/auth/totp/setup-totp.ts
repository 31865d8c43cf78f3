import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Database } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import { AppError } from '../../../shared/errors.js';
import { users } from '../schema.js';
import type { SecretBox } from '../secret-box.js';
import { auditOwn, lockOwnUser, requireOwnSession } from './own-account.js';
import { newTotpSecret, sealTotpState, totpFor } from './totp-secret.js';

export interface TotpSetup {
  /** Base32 seed, for typing into an app that cannot scan. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a PNG data: URL, to scan with the phone. */
  qrDataUrl: string;
}

/**
 * Starts enrolment: a new seed is stored (sealed) but not enabled until a code from it is
 * confirmed. Allowed to a fully signed-in user or one the tenant obliges to enrol; refused
 * while TOTP is on, so a running authenticator is never silently replaced.
 */
export async function setupTotp(
  database: Database,
  box: SecretBox,
  requestAuth: RequestAuth,
  ip: string | null,
): Promise<TotpSetup> {
  const auth = requireOwnSession(requestAuth);
  if (auth.mfaState === 'pending') {
    throw new AppError('MFA_REQUIRED', 'Masukkan kode autentikator untuk melanjutkan.');
  }
  const secret = newTotpSecret();
  const username = await database.withSystem(async (tx) => {
    const user = await lockOwnUser(tx, auth.actor.userId);
    if (user.totpEnabledAt) {
      throw new AppError(
        'CONFLICT',
        'Verifikasi dua langkah sudah aktif. Nonaktifkan terlebih dahulu untuk mengganti perangkat.',
      );
    }
    await tx
      .update(users)
      .set({ totpSecret: sealTotpState(box, { secret, lastStep: null }) })
      .where(eq(users.id, user.id));
    await auditOwn(tx, auth, ip, { action: 'auth.totp_setup' });
    return user.username;
  });
  const otpauthUrl = totpFor(secret, username).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
