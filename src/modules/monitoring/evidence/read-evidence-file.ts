import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { type EvidenceRow, findEvidence } from './evidence-common.js';
import type { FileStore } from './file-store.js';

/**
 * GET /api/monitoring/evidence/:id: the bytes of a present evidence file for any reader of
 * monitoring. The bytes are checked against the stored SHA-256 (the key is content-addressed,
 * so a damaged or replaced file on disk is never served as evidence).
 */
export async function readEvidenceFile(
  ctx: TenantContext,
  store: FileStore,
  id: string,
): Promise<{ evidence: EvidenceRow; bytes: Buffer }> {
  assertCan(ctx.actor, 'monitoring.read');
  const evidence = await findEvidence(ctx, id);
  const bytes = await store.get(evidence.storageKey);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== evidence.sha256) {
    throw new AppError(
      'UNAVAILABLE',
      'Berkas bukti dukung tidak tersedia di penyimpanan. Hubungi admin Pemda.',
      { id },
    );
  }
  return { evidence, bytes };
}
