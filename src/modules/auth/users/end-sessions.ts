import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { sessions } from '../schema.js';

/**
 * Ends every session of a user after an admin disabled them or reset their password.
 *
 * Runs as the owner right after the tenant transaction commits, because the request role
 * (amanah_app) has no privileges on `sessions`. Disabling is already effective inside the
 * transaction (sessions of disabled users never resolve); for a password reset this cleanup is
 * what logs the user out, and a failure here surfaces as a 500 the admin can retry.
 */
export async function endUserSessions(
  database: Database,
  tenantId: string,
  userId: string,
): Promise<void> {
  await database.withSystem((tx) =>
    tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId))),
  );
}
