import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { totpRequired } from '../../access/policy.js';
import { tenants } from '../../tenants/schema.js';
import { readTenantSettings } from '../../tenants/settings.js';
import { confirmOwnPassword } from '../failed-attempts.js';
import { recoveryCodes, roleGrants, users } from '../schema.js';
import { auditOwn, lockOwnUser, requireOwnSession } from './own-account.js';

/**
 * Switches TOTP off after the password is confirmed; the seed and recovery codes are deleted.
 * Refused while the tenant obliges this user's roles to use it.
 */
export async function disableTotp(
  database: Database,
  config: Config,
  requestAuth: RequestAuth,
  password: string,
  ip: string | null,
): Promise<void> {
  const auth = requireOwnSession(requestAuth);
  await confirmOwnPassword(database, config, auth.actor, password, ip, 'password');
  await database.withSystem(async (tx) => {
    const user = await lockOwnUser(tx, auth.actor.userId);
    if (!user.totpSecret && !user.totpEnabledAt) {
      throw new AppError('CONFLICT', 'Verifikasi dua langkah belum aktif.');
    }
    const grants = await tx
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(eq(roleGrants.userId, user.id));
    const [tenant] = user.tenantId
      ? await tx
          .select({ settings: tenants.settings })
          .from(tenants)
          .where(eq(tenants.id, user.tenantId))
      : [];
    const required = totpRequired(
      { isPlatformAdmin: user.isPlatformAdmin, roles: grants.map((g) => g.role) },
      tenant ? readTenantSettings(tenant.settings) : null,
    );
    if (required) {
      throw new AppError(
        'FORBIDDEN',
        'Pemda Anda mewajibkan verifikasi dua langkah untuk peran Anda, sehingga tidak dapat dinonaktifkan.',
      );
    }
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await auditOwn(tx, auth, ip, { action: 'auth.totp_disable' });
  });
}
