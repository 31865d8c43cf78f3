import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import type { Evidence } from './evidence-schemas.js';

export interface EvidenceRow extends Evidence {
  storageKey: string;
  deletedAt: string | null;
}

interface Sql {
  id: string;
  report_id: string;
  indicator_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: string | number;
  sha256: string;
  storage_key: string;
  uploaded_by_name: string | null;
  created_at: string | Date;
  deleted_at: string | Date | null;
}

const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

function toRow(r: Sql): EvidenceRow {
  return {
    id: r.id,
    reportId: r.report_id,
    indicatorId: r.indicator_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedByName: r.uploaded_by_name,
    createdAt: iso(r.created_at),
    storageKey: r.storage_key,
    deletedAt: r.deleted_at === null ? null : iso(r.deleted_at),
  };
}

/** The API shape (no storage key, no deletion marks). */
export function toEvidence(row: EvidenceRow): Evidence {
  const { storageKey: _key, deletedAt: _deleted, ...evidence } = row;
  return evidence;
}

/** Evidence rows of the tenant matching `where` (a fragment on alias e), oldest first. */
export async function selectEvidence(
  ctx: TenantContext,
  where: ReturnType<typeof sql>,
): Promise<EvidenceRow[]> {
  const rows = await queryRows<Sql>(
    ctx.tx,
    sql`select e.id, e.report_id, e.indicator_id, e.file_name, e.content_type, e.size_bytes,
               e.sha256, e.storage_key, u.display_name as uploaded_by_name, e.created_at,
               e.deleted_at
          from evidence_files e
          left join users u on u.tenant_id = e.tenant_id and u.id = e.uploaded_by
         where e.tenant_id = ${ctx.tenantId} and ${where}
         order by e.created_at, e.id`,
  );
  return rows.map(toRow);
}

/** A present (not removed) evidence file of the tenant; 404 for anything else. */
export async function findEvidence(ctx: TenantContext, id: string): Promise<EvidenceRow> {
  const [row] = await selectEvidence(ctx, sql`e.id = ${id} and e.deleted_at is null`);
  if (!row) throw notFound('Berkas bukti dukung');
  return row;
}
