import type { AgreementStatus, RevisionReason } from '../../../shared/codes.js';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { findAgreement } from '../agreement-common.js';
import { type AgreementDiff, diffAgreements } from './diff-agreements.js';
import { findVersion, loadSnapshot } from './load-snapshot.js';

export interface RevisionDiff extends AgreementDiff {
  header: {
    agreementId: string;
    revisionNo: number;
    status: AgreementStatus;
    reason: RevisionReason | null;
    note: string | null;
    startYear: number;
    endYear: number;
    previous: { id: string; revisionNo: number; status: AgreementStatus };
  };
}

/** What a PK Perubahan changed against the version it revises. */
export async function getRevisionDiff(ctx: TenantContext, id: string): Promise<RevisionDiff> {
  const { row, unitPath } = await findAgreement(ctx, id);
  assertCan(ctx.actor, 'agreements.read', { unitPath });
  if (row.revisionNo === 0 || !row.previousId) {
    throw new AppError(
      'REVISION_NOT_ALLOWED',
      'PK ini bukan PK Perubahan, sehingga tidak ada versi sebelumnya untuk dibandingkan.',
    );
  }
  const previous = await findVersion(ctx.tx, ctx.tenantId, row.previousId);
  if (!previous) throw new Error(`previous version ${row.previousId} missing`);
  const diff = diffAgreements(
    await loadSnapshot(ctx.tx, ctx.tenantId, previous),
    await loadSnapshot(ctx.tx, ctx.tenantId, row),
  );
  return {
    header: {
      agreementId: row.id,
      revisionNo: row.revisionNo,
      status: row.status,
      reason: row.revisionReason,
      note: row.revisionNote,
      startYear: row.startYear,
      endYear: row.endYear,
      previous: { id: previous.id, revisionNo: previous.revisionNo, status: previous.status },
    },
    ...diff,
  };
}
