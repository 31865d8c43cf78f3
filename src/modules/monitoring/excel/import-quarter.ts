import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { MAX_ERRORS_SHOWN } from '../../imports/import-types.js';
import type { UploadedWorkbook } from '../../imports/workbook.js';
import { findUnit } from '../../org/units/find-unit.js';
import { ensureReport } from '../open-report.js';
import { quarterLabel } from '../quarter-lock.js';
import { saveReportValues } from '../save-report-values.js';
import {
  analyseQuarterWorkbook,
  type ForeignRow,
  type QuarterAnalysis,
} from './analyse-quarter.js';
import { VERSION_SHEET } from './build-quarter-template.js';
import { REALISASI_SHEET } from './quarter-layout.js';
import { loadUnitQuarter, type UnitQuarter } from './unit-quarter.js';

/**
 * POST /api/monitoring/import: a filled quarterly workbook of one unit, all or nothing. Every row
 * of both sheets is checked first; any problem answers 422 IMPORT_INVALID listing every bad row
 * ({ sheet, row, column, message }) and nothing is written. Otherwise, in the request's one
 * transaction, each PK with changes gets its quarter report (opened when missing) and its values
 * saved through saveReportValues (which checks, writes and recomputes capaian as the entry page
 * does), and one import event is audited.
 */

export interface QuarterImportInput {
  unitId: string;
  year: number;
  quarter: number;
}

export interface QuarterImportResult {
  reports: {
    reportId: string;
    agreementTitle: string;
    valuesSaved: number;
    budgetsSaved: number;
  }[];
  warnings: string[];
}

/** What the tenant knows of ids in the file that are not this unit's quarter (better messages). */
async function describeForeign(
  ctx: TenantContext,
  data: UnitQuarter,
  ids: string[],
): Promise<Map<string, ForeignRow>> {
  const known = new Set(
    data.agreements.flatMap((a) => [
      ...a.indicators.map((i) => i.id),
      ...a.budgets.map((b) => b.id),
    ]),
  );
  const unknown = [...new Set(ids)].filter(
    (id) =>
      !known.has(id) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id),
  );
  if (unknown.length === 0) return new Map();
  const list = sql`${sql.param(unknown.slice(0, 5000))}::uuid[]`;
  const rows = await queryRows<{
    id: string;
    unit_name: string | null;
    status: string;
    start_year: number;
    end_year: number;
  }>(
    ctx.tx,
    sql`select x.id, u.name as unit_name, a.status, a.start_year, a.end_year
          from (select id, agreement_id from agreement_indicators
                 where tenant_id = ${ctx.tenantId} and id = any(${list})
                union all
                select id, agreement_id from agreement_budgets
                 where tenant_id = ${ctx.tenantId} and id = any(${list})) x
          join agreements a on a.tenant_id = ${ctx.tenantId} and a.id = x.agreement_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        unitName: r.unit_name,
        agreementStatus: r.status,
        startYear: r.start_year,
        endYear: r.end_year,
      },
    ]),
  );
}

/** The id cells of both sheets (any column headed "ID …"), lower-cased. */
function idCells(file: UploadedWorkbook): string[] {
  const ids: string[] = [];
  for (const sheet of file.workbook.worksheets) {
    const header = sheet.getRow(1);
    const cols: number[] = [];
    header.eachCell((cell, col) => {
      if (/^id (indikator|anggaran)$/i.test(String(cell.value ?? '').trim())) cols.push(col);
    });
    if (cols.length === 0) continue;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      for (const col of cols) {
        const value = row.getCell(col).value;
        if (typeof value === 'string') ids.push(value.trim().toLowerCase());
      }
    });
  }
  return ids;
}

/**
 * PKs whose report changed after the file was made: the hidden "Versi" sheet holds each
 * report's version at download (0 when none existed; a report made and never saved is version
 * 1). A file without the sheet (an older template) is not checked.
 */
function staleReports(file: UploadedWorkbook, changes: QuarterAnalysis['changes']): string[] {
  const sheet = file.workbook.getWorksheet(VERSION_SHEET);
  if (!sheet) return [];
  const versions = new Map<string, number>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = row.getCell(1).value;
    const version = Number(row.getCell(2).value);
    if (typeof id === 'string' && Number.isInteger(version))
      versions.set(id.toLowerCase(), version);
  });
  return changes
    .filter((c) => {
      const atDownload = versions.get(c.agreement.id.toLowerCase());
      if (atDownload === undefined) return false;
      const now = c.agreement.report?.version ?? 0;
      return now > Math.max(atDownload, 1);
    })
    .map((c) => c.agreement.title);
}

export async function importQuarter(
  ctx: TenantContext,
  input: QuarterImportInput,
  file: UploadedWorkbook,
): Promise<QuarterImportResult> {
  const unit = await findUnit(ctx, input.unitId);
  assertCan(ctx.actor, 'realisasi.write', {
    unitPath: unit.path.length > 0 ? unit.path : [unit.id],
  });
  const data = await loadUnitQuarter(ctx, unit, input.year, input.quarter);
  const foreign = await describeForeign(ctx, data, idCells(file));
  const analysis = analyseQuarterWorkbook(file.workbook, data, foreign);
  if (analysis.errors.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `Berkas belum dapat diimpor: ${analysis.errors.length} masalah ditemukan. Tidak ada data yang disimpan; perbaiki baris yang disebut lalu unggah kembali.`,
      {
        rows: analysis.errors.slice(0, MAX_ERRORS_SHOWN),
        errorCount: analysis.errors.length,
      },
    );
  }
  const stale = staleReports(file, analysis.changes);
  if (stale.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `Berkas belum dapat diimpor: laporan ${stale.length} PK diubah setelah templat ini diunduh. Tidak ada data yang disimpan; unduh templat baru agar perubahan rekan Anda tidak tertimpa.`,
      {
        rows: stale.map((title) => ({
          sheet: REALISASI_SHEET,
          row: 1,
          column: '',
          message: `${title}: laporan sudah diubah sejak templat diunduh. Unduh templat baru.`,
        })),
        errorCount: stale.length,
      },
    );
  }
  const warnings = [...analysis.warnings];
  const reports: QuarterImportResult['reports'] = [];
  const written: Record<string, unknown>[] = [];
  for (const change of analysis.changes) {
    const { loaded } = await ensureReport(ctx, {
      agreementId: change.agreement.id,
      year: input.year,
      quarter: input.quarter,
    });
    const saved = await saveReportValues(
      ctx,
      loaded.report.id,
      {
        version: loaded.report.version,
        values: change.values.map((v) => ({ ...v })),
        ...(change.budgets.length > 0 ? { budgets: change.budgets } : {}),
      },
      { audit: false },
    );
    reports.push({
      reportId: saved.reportId,
      agreementTitle: change.agreement.title,
      valuesSaved: saved.valuesSaved,
      budgetsSaved: saved.budgetsSaved,
    });
    written.push({
      reportId: saved.reportId,
      agreementId: change.agreement.id,
      values: change.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value })),
      budgets: change.budgets,
    });
  }
  if (reports.length === 0) {
    warnings.push(
      `Tidak ada perubahan: semua isian sama dengan yang tersimpan atau kosong (${quarterLabel(input.year, input.quarter)}).`,
    );
  }
  await ctx.audit({
    action: 'import.realisasi',
    entityType: 'unit',
    entityId: unit.id,
    data: {
      unitId: unit.id,
      year: input.year,
      quarter: input.quarter,
      sha256: file.sha256,
      rows: analysis.totalRows,
      reports: written,
    },
  });
  return { reports, warnings };
}
