import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

/**
 * Marks a ready-to-sign PK as signed, as the signing feature (issue 4) will: the database allows
 * status "signed" only inside a transaction that set app.signing = 'on'. For tests of what comes
 * after signing (revisions, frozen versions) until that feature exists.
 */
export async function markSignedForTest(database: Database, agreementId: string): Promise<void> {
  await database.withSystem(async (tx) => {
    await tx.execute(sql`select set_config('app.signing', 'on', true)`);
    await tx.execute(
      sql`update agreements set status = 'signed', signed_at = now(), version = version + 1
           where id = ${agreementId}`,
    );
  });
}
