import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { RevocationReason } from '../../shared/codes.js';
import { signingCertificates, tenantCas } from './schema.js';

/**
 * Ends a certificate (revoked by someone, or replaced by a re-issue) and bumps its CA's CRL
 * number, so the next CRL is recognisably newer than any served before the change.
 */
export async function endCertificate(
  tx: Tx,
  cert: { tenantId: string; id: string; caId: string | null },
  change: {
    status: 'revoked' | 'replaced';
    reason: RevocationReason;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx
    .update(signingCertificates)
    .set({
      status: change.status,
      revokedAt: change.at,
      revocationReason: change.reason,
      revokedBy: change.by,
      lockedUntil: null,
      failedAttempts: 0,
    })
    .where(
      and(
        eq(signingCertificates.tenantId, cert.tenantId),
        eq(signingCertificates.id, cert.id),
        eq(signingCertificates.status, 'active'),
      ),
    );
  if (cert.caId) {
    await tx
      .update(tenantCas)
      .set({ crlNumber: sql`${tenantCas.crlNumber} + 1` })
      .where(and(eq(tenantCas.tenantId, cert.tenantId), eq(tenantCas.id, cert.caId)));
  }
}
