import type { TenantContext } from '../../access/context.js';

/**
 * STUB (being written): in a PK Perubahan (revisionNo > 0), targets of quarters already past their
 * realisasi deadline must equal the previous version's. Called at the end of every content write
 * of a revision, inside the same transaction; throws AppError QUARTER_LOCKED naming each changed
 * indicator/quarter so the transaction rolls back.
 */
export async function assertPastQuartersUnchanged(
  _ctx: TenantContext,
  _agreementId: string,
  _today: string,
): Promise<void> {}
