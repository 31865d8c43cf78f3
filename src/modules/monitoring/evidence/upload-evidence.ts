import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { AppError, notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { assertAgreementCurrent, loadReport } from '../load-report.js';
import { assertReportOpen } from '../quarter-lock.js';
import { assertReportEditable } from '../save-report-values.js';
import { evidenceFiles } from '../schema.js';
import { type EvidenceRow, findEvidence, selectEvidence } from './evidence-common.js';
import { evidenceKey, type FileStore } from './file-store.js';
import { evidenceFileName, sniffEvidenceType } from './sniff-type.js';

export interface UploadEvidenceInput {
  reportId: string;
  indicatorId?: string | undefined;
  fileName?: string | undefined;
  bytes: Buffer;
}

export const evidenceTooLarge = (maxMb: number): AppError =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `Berkas bukti dukung terlalu besar (maksimal ${maxMb} MB). Perkecil berkas (mis. pindai dengan resolusi lebih rendah atau bagi menjadi beberapa berkas).`,
    { maxMb },
  );

/**
 * POST /api/monitoring/reports/:id/evidence: attaches a file to a quarter report (optionally to
 * one of its PK indicators). Only a writer of the report's unit, while the report is editable
 * (draft/returned), the PK current and the quarter open. The type is decided by the content
 * (sniff-type.ts). The bytes are stored first (content-addressed: a retry writes the same file),
 * then the row is inserted and audited; if the insert fails (the database guard AM032 refuses a
 * report that stopped being editable) the stored file is only an unreferenced copy.
 * The same content uploaded again for the same report and indicator returns the existing row
 * (`created: false`): a double click or a retry never makes two rows.
 */
export async function uploadEvidence(
  ctx: TenantContext,
  store: FileStore,
  input: UploadEvidenceInput,
): Promise<{ evidence: EvidenceRow; created: boolean }> {
  const loaded = await loadReport(ctx, input.reportId, { lock: true });
  assertCan(ctx.actor, 'realisasi.write', { unitPath: loaded.unitPath });
  assertAgreementCurrent(loaded.agreement);
  assertReportEditable(loaded);
  assertReportOpen(loaded.report, loaded.settings, loaded.today, loaded.now);

  const indicatorId = input.indicatorId ?? null;
  if (indicatorId !== null) {
    const [indicator] = await queryRows<{ id: string }>(
      ctx.tx,
      sql`select id from agreement_indicators
           where tenant_id = ${ctx.tenantId} and id = ${indicatorId}
             and agreement_id = ${loaded.report.agreementId}`,
    );
    if (!indicator) throw notFound('Indikator laporan ini');
  }

  const maxMb = loaded.settings.monitoring.evidenceMaxMb;
  if (input.bytes.length > maxMb * 1024 * 1024) throw evidenceTooLarge(maxMb);
  if (input.bytes.length === 0)
    throw new AppError('BAD_REQUEST', 'Berkas kosong. Pilih berkas bukti dukung yang berisi.');
  const type = sniffEvidenceType(input.bytes, input.fileName ?? '');
  const fileName = evidenceFileName(input.fileName ?? '', type);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');

  const [existing] = await selectEvidence(
    ctx,
    sql`e.report_id = ${loaded.report.id} and e.sha256 = ${sha256}
        and e.indicator_id is not distinct from ${indicatorId}::uuid and e.deleted_at is null`,
  );
  if (existing) return { evidence: existing, created: false };

  const storageKey = evidenceKey(ctx.tenantId, sha256);
  await store.put(storageKey, input.bytes);
  const [inserted] = await ctx.tx
    .insert(evidenceFiles)
    .values({
      tenantId: ctx.tenantId,
      reportId: loaded.report.id,
      indicatorId,
      fileName,
      contentType: type.contentType,
      sizeBytes: input.bytes.length,
      sha256,
      storageKey,
      uploadedBy: ctx.actor.userId,
    })
    .returning({ id: evidenceFiles.id });
  const id = (inserted as { id: string }).id;
  await ctx.audit({
    action: 'evidence.upload',
    entityType: 'evidence_file',
    entityId: id,
    data: {
      reportId: loaded.report.id,
      indicatorId,
      fileName,
      contentType: type.contentType,
      sizeBytes: input.bytes.length,
      sha256,
    },
  });
  return { evidence: await findEvidence(ctx, id), created: true };
}
