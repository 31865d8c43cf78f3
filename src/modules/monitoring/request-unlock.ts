import { sql } from 'drizzle-orm';
import { newId } from '../../db/columns.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { notifyUnlock } from '../notifications/report-events.js';
import { assertAgreementCurrent, loadReport } from './load-report.js';
import { quarterLabel, unlockInForce } from './quarter-lock.js';
import { assertReportEditable } from './save-report-values.js';
import { type UnlockView, unlockView } from './unlock-view.js';

/**
 * A writer of the unit asks the admin to reopen a quarter whose deadline passed, with a reason
 * (≥ 10 characters). One request waits at a time (409 UNLOCK_PENDING; the database's partial
 * unique index guards it too). Audited; the admins are told (notifyUnlock).
 */
export async function requestUnlock(
  ctx: TenantContext,
  reportId: string,
  input: { reason: string },
): Promise<UnlockView> {
  const loaded = await loadReport(ctx, reportId, { lock: true });
  const { report } = loaded;
  assertCan(ctx.actor, 'realisasi.write', { unitPath: loaded.unitPath });
  assertAgreementCurrent(loaded.agreement);
  assertReportEditable(loaded);
  if (!loaded.pastDeadline) {
    throw new AppError(
      'INVALID_TRANSITION',
      `${quarterLabel(report.year, report.quarter)} belum melewati batas waktu (${loaded.deadline}): realisasi masih dapat diisi tanpa buka kunci.`,
      { deadline: loaded.deadline },
    );
  }
  if (unlockInForce(report.unlockedUntil, loaded.now)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Laporan ini sedang dibuka sampai ${report.unlockedUntil?.toISOString()}: realisasi masih dapat diisi.`,
      { unlockedUntil: report.unlockedUntil?.toISOString() },
    );
  }
  if (loaded.pendingUnlock) throw pendingError();
  const reason = input.reason.trim();
  if (reason.length < 10) {
    throw new AppError('VALIDATION_FAILED', 'Alasan permohonan buka kunci minimal 10 karakter.', {
      field: 'reason',
    });
  }
  const id = newId();
  const userId = actorUserId(ctx);
  const at = loaded.now.toISOString();
  await ctx.tx.execute(
    sql`insert into quarter_unlocks (tenant_id, id, report_id, reason, requested_by, created_at)
        values (${ctx.tenantId}, ${id}, ${report.id}, ${reason}, ${userId}, ${at}::timestamptz)`,
  );
  await ctx.audit({
    action: 'quarter_unlock.request',
    entityType: 'quarter_unlock',
    entityId: id,
    data: { reportId: report.id, year: report.year, quarter: report.quarter, reason },
  });
  await notifyUnlock(ctx, {
    unlockId: id,
    reportId: report.id,
    title: [loaded.agreement.unitName, loaded.agreement.title].filter(Boolean).join(' — '),
    year: report.year,
    quarter: report.quarter,
    status: 'pending',
    requestedBy: userId,
    grantedUntil: null,
    note: reason,
  });
  return unlockView(ctx, id);
}

export const pendingError = () =>
  new AppError(
    'UNLOCK_PENDING',
    'Permohonan buka kunci untuk laporan ini sudah diajukan dan menunggu keputusan admin.',
  );
