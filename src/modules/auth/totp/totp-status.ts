import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { RequestAuth } from '../../../server/auth-plugin.js';
import { users } from '../schema.js';
import { requireOwnSession } from './own-account.js';
import { remainingRecoveryCodes } from './recovery-codes.js';

/** What the account page shows: is TOTP on, is an enrolment half done, codes left. */
export async function totpStatus(database: Database, requestAuth: RequestAuth) {
  const auth = requireOwnSession(requestAuth);
  return database.withSystem(async (tx) => {
    const [user] = await tx
      .select({ totpEnabledAt: users.totpEnabledAt, totpSecret: users.totpSecret })
      .from(users)
      .where(eq(users.id, auth.actor.userId));
    if (!user)
      return { enabled: false, enabledAt: null, setupPending: false, recoveryCodesLeft: 0 };
    return {
      enabled: user.totpEnabledAt !== null,
      enabledAt: user.totpEnabledAt?.toISOString() ?? null,
      setupPending: user.totpEnabledAt === null && user.totpSecret !== null,
      recoveryCodesLeft: user.totpEnabledAt
        ? await remainingRecoveryCodes(tx, auth.actor.userId)
        : 0,
    };
  });
}
