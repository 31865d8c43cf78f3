import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { now as clockNow, todayIn } from '../../server/clock.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { findAgreement, readSettings } from '../agreements/agreement-common.js';
import { reportDetail } from './get-report.js';
import { assertAgreementCurrent, type LoadedReport, loadReport } from './load-report.js';
import type { ReportDetail } from './monitoring-schemas.js';
import { quarterLabel, quarterStart } from './quarter-lock.js';

export interface OpenReportInput {
  agreementId: string;
  year: number;
  quarter: number;
}

/**
 * Finds or makes the quarter report of a PK (idempotent: `on conflict do nothing`, then read),
 * in the caller's transaction. Reading an existing report needs only monitoring.read; making a
 * missing one needs realisasi.write on the PK's unit, a signed current PK, a year inside the PK
 * and a quarter that has begun. Returns the loaded report (for callers that go on writing, e.g.
 * the Excel import) and whether it was made now.
 */
export async function ensureReport(
  ctx: TenantContext,
  input: OpenReportInput,
): Promise<{ loaded: LoadedReport; created: boolean }> {
  const existing = await findReportId(ctx, input);
  if (existing) {
    const loaded = await loadReport(ctx, existing);
    assertCan(ctx.actor, 'monitoring.read');
    return { loaded, created: false };
  }
  const { row, unitPath } = await findAgreement(ctx, input.agreementId);
  assertCan(ctx.actor, 'monitoring.read');
  assertCan(ctx.actor, 'realisasi.write', { unitPath });
  assertAgreementCurrent(row);
  if (input.year < row.startYear || input.year > row.endYear) {
    throw new AppError(
      'VALIDATION_FAILED',
      `PK ini berlaku untuk tahun ${row.startYear === row.endYear ? row.startYear : `${row.startYear}–${row.endYear}`}; realisasi tahun ${input.year} tidak dapat diisi pada PK ini.`,
      { startYear: row.startYear, endYear: row.endYear },
    );
  }
  const today = todayIn(ctx.actor.timeZone, clockNow());
  const opensOn = quarterStart(input.year, input.quarter);
  if (today < opensOn) {
    throw new AppError(
      'QUARTER_LOCKED',
      `Triwulan ini belum dimulai: realisasi ${quarterLabel(input.year, input.quarter)} dapat diisi mulai ${opensOn}.`,
      { reason: 'not_started', opensOn },
    );
  }
  const settings = await readSettings(ctx);
  const inserted = await queryRows<{ id: string }>(
    ctx.tx,
    sql`insert into quarter_reports (tenant_id, id, agreement_id, unit_id, year, quarter)
        values (${ctx.tenantId}, ${newId()}, ${row.id}, ${row.unitId}, ${input.year}, ${input.quarter})
        on conflict (tenant_id, agreement_id, year, quarter) do nothing
        returning id`,
  );
  const id = inserted[0]?.id ?? (await findReportId(ctx, input));
  if (!id) throw new AppError('CONFLICT', 'Laporan triwulan tidak dapat dibuat. Coba lagi.');
  if (inserted[0]) {
    await ctx.audit({
      action: 'quarter_report.open',
      entityType: 'quarter_report',
      entityId: id,
      data: { agreementId: row.id, year: input.year, quarter: input.quarter },
    });
  }
  return { loaded: await loadReport(ctx, id, { settings }), created: inserted.length > 0 };
}

/** POST /api/monitoring/reports: the report (made when missing) as ReportDetail. */
export async function openReport(
  ctx: TenantContext,
  input: OpenReportInput,
): Promise<ReportDetail> {
  const { loaded } = await ensureReport(ctx, input);
  return reportDetail(ctx, loaded);
}

async function findReportId(ctx: TenantContext, input: OpenReportInput): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    ctx.tx,
    sql`select id from quarter_reports
         where tenant_id = ${ctx.tenantId} and agreement_id = ${input.agreementId}
           and year = ${input.year} and quarter = ${input.quarter}`,
  );
  return row?.id ?? null;
}
