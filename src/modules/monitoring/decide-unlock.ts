import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { notifyUnlock } from '../notifications/report-events.js';
import { loadReport } from './load-report.js';
import { type UnlockView, unlockView } from './unlock-view.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The admin grants (for 1..settings.monitoring.unlockMaxDays days, default that maximum) or
 * refuses an unlock request, once (the database keeps a decision final: AM033). A grant opens
 * the report until now + days (quarter_reports.unlocked_until); when that time passes the
 * report locks again by itself. Audited; the requester is told (notifyUnlock).
 */
export async function decideUnlock(
  ctx: TenantContext,
  unlockId: string,
  input: { decision: 'grant' | 'refuse'; days?: number | undefined; note?: string | undefined },
): Promise<UnlockView> {
  // Only an admin may even lock the request row.
  assertCan(ctx.actor, 'realisasi.unlock');
  const [unlock] = await queryRows<{
    id: string;
    report_id: string;
    status: string;
    requested_by: string | null;
  }>(
    ctx.tx,
    sql`select id, report_id, status, requested_by from quarter_unlocks
         where tenant_id = ${ctx.tenantId} and id = ${unlockId} for update`,
  );
  if (!unlock) throw new AppError('NOT_FOUND', 'Permohonan buka kunci tidak ditemukan.');
  const loaded = await loadReport(ctx, unlock.report_id, { lock: true });
  if (unlock.status !== 'pending') {
    throw new AppError(
      'INVALID_TRANSITION',
      `Permohonan buka kunci ini sudah ${unlock.status === 'granted' ? 'dikabulkan' : 'ditolak'}.`,
      { status: unlock.status },
    );
  }
  const note = input.note?.trim() || null;
  const userId = actorUserId(ctx);
  const now = loaded.now;
  const maxDays = loaded.settings.monitoring.unlockMaxDays;
  let grantedUntil: Date | null = null;
  if (input.decision === 'grant') {
    const days = input.days ?? maxDays;
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Lama buka kunci 1 sampai ${maxDays} hari (pengaturan Pemda).`,
        { field: 'days', max: maxDays },
      );
    }
    grantedUntil = new Date(now.getTime() + days * DAY_MS);
    await ctx.tx.execute(
      sql`update quarter_unlocks
             set status = 'granted', decided_by = ${userId}, decided_at = ${now.toISOString()}::timestamptz,
                 decision_note = ${note}, granted_until = ${grantedUntil.toISOString()}::timestamptz,
                 version = version + 1
           where tenant_id = ${ctx.tenantId} and id = ${unlock.id}`,
    );
    await ctx.tx.execute(
      sql`update quarter_reports
             set unlocked_until = ${grantedUntil.toISOString()}::timestamptz,
                 version = version + 1, updated_at = now()
           where tenant_id = ${ctx.tenantId} and id = ${unlock.report_id}`,
    );
  } else {
    await ctx.tx.execute(
      sql`update quarter_unlocks
             set status = 'refused', decided_by = ${userId}, decided_at = ${now.toISOString()}::timestamptz,
                 decision_note = ${note}, version = version + 1
           where tenant_id = ${ctx.tenantId} and id = ${unlock.id}`,
    );
  }
  await ctx.audit({
    action: input.decision === 'grant' ? 'quarter_unlock.grant' : 'quarter_unlock.refuse',
    entityType: 'quarter_unlock',
    entityId: unlock.id,
    data: {
      reportId: unlock.report_id,
      grantedUntil: grantedUntil?.toISOString() ?? null,
      note,
    },
  });
  await notifyUnlock(ctx, {
    unlockId: unlock.id,
    reportId: unlock.report_id,
    title: [loaded.agreement.unitName, loaded.agreement.title].filter(Boolean).join(' — '),
    year: loaded.report.year,
    quarter: loaded.report.quarter,
    status: input.decision === 'grant' ? 'granted' : 'refused',
    requestedBy: unlock.requested_by,
    grantedUntil,
    note,
  });
  return unlockView(ctx, unlock.id);
}
