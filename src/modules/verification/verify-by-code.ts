import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import type {
  AgreementStatus,
  CertificateStatus,
  DocumentKind,
  DocumentStatus,
  SignerRole,
  SigningProviderId,
} from '../../shared/codes.js';
import { formatDocumentCode, parseDocumentCode } from '../../shared/document-code.js';
import { AppError } from '../../shared/errors.js';
import { certificateStatus, toDate, toIso } from './certificate-status.js';
import type { DocumentVerification, PublicDocumentStatus } from './verification-schemas.js';

/**
 * Public verification by document code (the QR on every page). Anyone may ask, so the code is
 * found with the one narrow cross-tenant lookup (documents.code is unique across tenants and
 * random, decision 0013) and everything else is read inside that tenant's row-level security.
 */

export const kindLabels: Record<DocumentKind, string> = {
  pk: 'Perjanjian Kinerja',
  pi: 'Pakta Integritas',
};

export const roleLabels: Record<SignerRole, string> = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Menyaksikan',
};

export const invalidCode = () =>
  new AppError(
    'BAD_REQUEST',
    'ID dokumen tidak valid. ID terdiri dari 12 huruf dan angka seperti tercetak di bawah kode QR, misalnya 7K3M-9Q2X-A4BC.',
  );

export const unknownCode = () =>
  new AppError(
    'NOT_FOUND',
    'Dokumen dengan ID ini tidak terdaftar di Amanah. Periksa kembali ID yang tercetak di bawah kode QR.',
  );

type Timestamp = Date | string | null;

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  code: string;
  title: string;
  status: DocumentStatus;
  document_date: string;
  place: string;
  signer_count: number;
  signed_count: number;
  current_sha256: string;
  completed_at: Timestamp;
  agreement_id: string | null;
  agreement_status: AgreementStatus | null;
  pemda_name: string;
  time_zone: string;
  file_count: number;
}

interface SignerRow {
  seq: number;
  role: SignerRole;
  name: string;
  nip: string;
  pangkat: string | null;
  jabatan: string;
  status: 'pending' | 'signed';
  signed_at: Timestamp;
  provider: SigningProviderId | null;
  serial: string | null;
  certificate_status: CertificateStatus | null;
  revoked_at: Timestamp;
  not_before: Timestamp;
  not_after: Timestamp;
  certificate_provider: SigningProviderId | null;
  ca_id: string | null;
}

interface SuccessorRow {
  code: string;
  completed_at: Timestamp;
}

/** The verification view of a document, plus what upload matching needs to name a version. */
export interface LoadedDocument {
  view: DocumentVerification;
  signerCount: number;
  signedCount: number;
}

/** The tenant a document code belongs to: the only query here that crosses tenants. */
async function tenantOfCode(database: Database, code: string): Promise<string | null> {
  const rows = await database.withSystem((tx) =>
    queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from documents where code = ${code}`),
  );
  return rows[0]?.tenant_id ?? null;
}

function publicStatus(row: DocumentRow, successor: SuccessorRow | undefined): PublicDocumentStatus {
  if (row.status === 'void') return 'dibatalkan';
  if (row.status === 'pending') return 'menunggu_tanda_tangan';
  if (row.agreement_status === 'superseded' || successor) return 'digantikan';
  return 'ditandatangani';
}

/** Loads the document with this (already normalised) code; null when there is none. */
export async function loadDocument(
  database: Database,
  code: string,
  now = new Date(),
): Promise<LoadedDocument | null> {
  const tenantId = await tenantOfCode(database, code);
  if (!tenantId) return null;
  return database.withTenant(tenantId, async (tx) => {
    const [row] = await queryRows<DocumentRow>(
      tx,
      sql`select d.id, d.kind, d.code, d.title, d.status, d.document_date::text as document_date,
                 d.place, d.signer_count, d.signed_count, d.current_sha256, d.completed_at,
                 d.agreement_id, a.status as agreement_status, t.name as pemda_name,
                 t.time_zone,
                 (select count(*)::int from document_files f
                   where f.tenant_id = d.tenant_id and f.document_id = d.id) as file_count
          from documents d
          join tenants t on t.id = d.tenant_id
          left join agreements a on a.tenant_id = d.tenant_id and a.id = d.agreement_id
          where d.tenant_id = ${tenantId} and d.code = ${code}`,
    );
    if (!row) return null;
    const signers = await queryRows<SignerRow>(
      tx,
      sql`select s.seq, s.role, s.name, s.nip, s.pangkat, s.jabatan, s.status, s.signed_at,
                 s.provider, c.serial, c.status as certificate_status, c.revoked_at, c.not_before,
                 c.not_after, c.provider as certificate_provider, c.ca_id
          from document_signers s
          left join signing_certificates c on c.tenant_id = s.tenant_id and c.id = s.certificate_id
          where s.tenant_id = ${tenantId} and s.document_id = ${row.id}
          order by s.seq`,
    );
    // The PK Perubahan that replaced this one, once it is signed (the first revision after it).
    const [successor] = row.agreement_id
      ? await queryRows<SuccessorRow>(
          tx,
          sql`select d.code, d.completed_at
              from agreements r
              join documents d on d.tenant_id = r.tenant_id and d.agreement_id = r.id
                and d.status = 'signed'
              where r.tenant_id = ${tenantId} and r.previous_id = ${row.agreement_id}
                and r.status in ('signed', 'published', 'superseded')
              order by r.revision_no
              limit 1`,
        )
      : [];
    const view: DocumentVerification = {
      code: row.code,
      printedCode: formatDocumentCode(row.code),
      kind: row.kind,
      kindLabel: kindLabels[row.kind],
      title: row.title,
      pemdaName: row.pemda_name,
      timeZone: row.time_zone,
      documentDate: row.document_date,
      place: row.place,
      status: publicStatus(row, successor),
      signedAt: row.status === 'signed' ? toIso(row.completed_at) : null,
      supersededBy: successor
        ? {
            code: successor.code,
            printedCode: formatDocumentCode(successor.code),
            signedAt: toIso(successor.completed_at),
          }
        : null,
      signers: signers.map((s) => {
        const signedAt = s.status === 'signed' ? toDate(s.signed_at) : null;
        return {
          seq: s.seq,
          role: s.role,
          roleLabel: roleLabels[s.role],
          name: s.name,
          nip: s.nip,
          pangkat: s.pangkat,
          jabatan: s.jabatan,
          signedAt: signedAt?.toISOString() ?? null,
          certificate:
            s.certificate_status === null
              ? null
              : certificateStatus(
                  {
                    serial: s.serial,
                    status: s.certificate_status,
                    revokedAt: toDate(s.revoked_at),
                    notBefore: toDate(s.not_before),
                    notAfter: toDate(s.not_after),
                    provider: s.certificate_provider ?? s.provider ?? 'builtin',
                    caId: s.ca_id,
                  },
                  signedAt,
                  now,
                ),
        };
      }),
      currentSha256: row.current_sha256,
      fileCount: row.file_count,
    };
    return { view, signerCount: row.signer_count, signedCount: row.signed_count };
  });
}

/**
 * GET /api/public/verify/:code. The code may be typed with or without dashes, in any case;
 * a malformed one is a 400 that says what an ID looks like, an unknown one a 404.
 */
export async function verifyByCode(
  database: Database,
  input: string,
): Promise<DocumentVerification> {
  const code = parseDocumentCode(input.slice(0, 64));
  if (!code) throw invalidCode();
  const loaded = await loadDocument(database, code);
  if (!loaded) throw unknownCode();
  return loaded.view;
}
