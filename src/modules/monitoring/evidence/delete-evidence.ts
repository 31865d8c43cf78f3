import { and, eq, isNull } from 'drizzle-orm';
import { now } from '../../../server/clock.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { assertAgreementCurrent, loadReport } from '../load-report.js';
import { assertReportOpen } from '../quarter-lock.js';
import { assertReportEditable } from '../save-report-values.js';
import { evidenceFiles } from '../schema.js';
import { findEvidence } from './evidence-common.js';

/**
 * DELETE /api/monitoring/evidence/:id: a soft delete (deleted_at / deleted_by), under the same
 * rules as an upload (writer of the unit, report editable, quarter open). The row and the bytes
 * stay, so the history and the audit log keep pointing at what was once attached.
 */
export async function deleteEvidence(ctx: TenantContext, id: string): Promise<void> {
  const evidence = await findEvidence(ctx, id);
  const loaded = await loadReport(ctx, evidence.reportId, { lock: true });
  assertCan(ctx.actor, 'realisasi.write', { unitPath: loaded.unitPath });
  assertAgreementCurrent(loaded.agreement);
  assertReportEditable(loaded);
  assertReportOpen(loaded.report, loaded.settings, loaded.today, loaded.now);
  await ctx.tx
    .update(evidenceFiles)
    .set({ deletedAt: now(), deletedBy: ctx.actor.userId })
    .where(
      and(
        eq(evidenceFiles.tenantId, ctx.tenantId),
        eq(evidenceFiles.id, id),
        isNull(evidenceFiles.deletedAt),
      ),
    );
  await ctx.audit({
    action: 'evidence.delete',
    entityType: 'evidence_file',
    entityId: id,
    data: {
      reportId: evidence.reportId,
      indicatorId: evidence.indicatorId,
      fileName: evidence.fileName,
      sha256: evidence.sha256,
    },
  });
}
