import { AppError, forbidden } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can, canWriteRenstra } from '../access/policy.js';
import { type ImportPreview, toPreview } from './import-types.js';
import { analysePlan } from './plan-analyse.js';
import type { PlanScope } from './plan-layout.js';
import { findPeriod, findPlanUnit, loadPlanSnapshot, type PlanSnapshot } from './plan-snapshot.js';
import { buildPlanTemplate } from './plan-template.js';
import { writePlan } from './plan-write.js';
import { slug, type UploadedWorkbook, workbookBuffer } from './workbook.js';

/** Templates, previews and all-or-nothing imports of an RPJMD or a PD's Renstra. */

export interface PlanImportInput {
  scope: PlanScope;
  periodId: string;
  /** The PD of a Renstra; absent for the RPJMD. */
  unitId?: string | undefined;
}

async function openScope(
  ctx: TenantContext,
  input: PlanImportInput,
  purpose: 'read' | 'write',
): Promise<PlanSnapshot> {
  const period = await findPeriod(ctx, input.periodId);
  let unit: PlanSnapshot['unit'] = null;
  if (input.scope === 'renstra') {
    if (!input.unitId) throw new AppError('VALIDATION_FAILED', 'Pilih Perangkat Daerah (unitId).');
    const found = await findPlanUnit(ctx, input.unitId);
    unit = { id: found.id, name: found.name, path: found.path };
  }
  if (purpose === 'read') {
    assertCan(ctx.actor, 'plans.read');
  } else {
    const allowed = unit ? canWriteRenstra(ctx.actor, unit.path) : can(ctx.actor, 'plans.write');
    if (!allowed) {
      throw forbidden(
        unit
          ? `Anda tidak berhak mengubah Renstra ${unit.name}.`
          : 'Hanya admin Pemda dan perencana (Bappeda) yang dapat mengimpor RPJMD.',
      );
    }
    if (period.status === 'closed') {
      throw new AppError(
        'NOT_EDITABLE',
        `Periode ${period.name} sudah ditutup; rencananya tidak dapat diubah lewat impor.`,
      );
    }
  }
  return loadPlanSnapshot(ctx, period, unit);
}

export async function buildPlanTemplateFile(
  ctx: TenantContext,
  input: PlanImportInput,
): Promise<{ buffer: Buffer; filename: string }> {
  const snapshot = await openScope(ctx, input, 'read');
  const workbook = await buildPlanTemplate(snapshot, input.scope);
  const years = `${snapshot.period.startYear}-${snapshot.period.endYear}`;
  const filename =
    input.scope === 'rpjmd'
      ? `templat-rpjmd-${years}.xlsx`
      : `templat-renstra-${slug(snapshot.unit?.name ?? 'pd')}-${years}.xlsx`;
  return { buffer: await workbookBuffer(workbook), filename };
}

export async function previewPlanImport(
  ctx: TenantContext,
  input: PlanImportInput,
  file: UploadedWorkbook,
): Promise<ImportPreview> {
  const snapshot = await openScope(ctx, input, 'write');
  return toPreview(analysePlan(file.workbook, snapshot, input.scope), file.sha256);
}

export async function applyPlanImport(
  ctx: TenantContext,
  input: PlanImportInput,
  file: UploadedWorkbook,
) {
  const snapshot = await openScope(ctx, input, 'write');
  const analysis = analysePlan(file.workbook, snapshot, input.scope);
  if (analysis.errors.length > 0) throw importInvalid(toPreview(analysis, file.sha256));
  await writePlan(
    ctx,
    { periodId: snapshot.period.id, unitId: snapshot.unit?.id ?? null },
    analysis.writes,
  );
  await ctx.audit({
    action: input.scope === 'rpjmd' ? 'import.rpjmd' : 'import.renstra',
    entityType: 'plan_period',
    entityId: snapshot.period.id,
    data: {
      unitId: snapshot.unit?.id ?? null,
      sha256: file.sha256,
      rows: analysis.totalRows,
      summary: analysis.summary,
    },
  });
  return { sha256: file.sha256, summary: analysis.summary, totalRows: analysis.totalRows };
}

/** 422 with every row error (the same list the preview showed); nothing was written. */
export function importInvalid(preview: ImportPreview): AppError {
  return new AppError(
    'IMPORT_INVALID',
    `Berkas belum dapat diimpor: ${preview.errorCount} masalah ditemukan. Tidak ada data yang disimpan; perbaiki baris yang disebut lalu unggah kembali.`,
    { rows: preview.errors, errorCount: preview.errorCount, summary: preview.summary },
  );
}
