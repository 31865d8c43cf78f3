import { sql } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { loadReport } from '../load-report.js';
import { type EvidenceRow, selectEvidence } from './evidence-common.js';

/** GET /api/monitoring/reports/:id/evidence: the present files of a report, oldest first. */
export async function listEvidence(ctx: TenantContext, reportId: string): Promise<EvidenceRow[]> {
  assertCan(ctx.actor, 'monitoring.read');
  const loaded = await loadReport(ctx, reportId);
  return selectEvidence(ctx, sql`e.report_id = ${loaded.report.id} and e.deleted_at is null`);
}
