import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.js';
import { certificateStatuses } from './certificate-status.js';
import { assertPdf, parsePdfSignatures, pdfText, readDocumentCode } from './pdf-signatures.js';
import type { UploadVerification } from './verification-schemas.js';
import { type LoadedDocument, loadDocument } from './verify-by-code.js';

/**
 * Public verification of an uploaded PDF (POST /api/public/verify). Nothing is stored and the
 * content is never logged. In order:
 * 1. its SHA-256 is one of the files we issued (document_files: the original, or the file after
 *    each signature) → `exact`, naming the version;
 * 2. otherwise it carries the code of a document of ours → `modified`: not what we issued;
 * 3. otherwise → `unknown`.
 * In every case each embedded signature is checked on its own (integrity, whether it covers
 * the whole file) and its certificate compared with the ones we issued.
 */

/** "asli belum ditandatangani", "setelah tanda tangan ke-1", "final". */
export function versionLabel(seq: number, signerCount: number): string {
  if (seq === 0) return 'asli belum ditandatangani';
  if (seq >= signerCount) return 'final';
  return `setelah tanda tangan ke-${seq}`;
}

/** Which issued file has this hash: the one cross-tenant lookup by hash (indexed). */
async function issuedFile(
  database: Database,
  sha256: string,
): Promise<{ code: string; seq: number } | null> {
  const rows = await database.withSystem((tx) =>
    queryRows<{ code: string; seq: number }>(
      tx,
      sql`select d.code, f.seq
          from document_files f
          join documents d on d.tenant_id = f.tenant_id and d.id = f.document_id
          where f.sha256 = ${sha256}
          limit 1`,
    ),
  );
  return rows[0] ?? null;
}

export async function verifyUpload(database: Database, pdf: Buffer): Promise<UploadVerification> {
  assertPdf(pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const text = pdfText(pdf);
  const signatures = parsePdfSignatures(pdf, text);
  const certificates = await certificateStatuses(database, signatures);
  // The signature reaching furthest among those that check out: a malformed or forged one says
  // nothing about whether the file changed after the real signatures.
  const last = signatures.filter((sig) => sig.integrity === 'valid').at(-1);

  let match: UploadVerification['match'] = 'unknown';
  let version: UploadVerification['version'] = null;
  let loaded: LoadedDocument | null = null;
  const issued = await issuedFile(database, sha256);
  if (issued) {
    loaded = await loadDocument(database, issued.code);
    if (loaded) {
      match = 'exact';
      version = {
        seq: issued.seq,
        label: versionLabel(issued.seq, loaded.signerCount),
        isCurrent: issued.seq === loaded.signedCount,
      };
    }
  }
  if (!loaded) {
    const code = readDocumentCode(pdf, text);
    loaded = code ? await loadDocument(database, code) : null;
    if (loaded) match = 'modified';
  }

  return {
    match,
    sha256,
    byteSize: pdf.length,
    version,
    document: loaded?.view ?? null,
    signatures: signatures.map((s, i) => ({
      index: s.index,
      signerName: s.signerName,
      nip: s.nip,
      jabatan: s.jabatan,
      issuerName: s.issuerName,
      signingTime: s.signingTime?.toISOString() ?? null,
      integrity: s.integrity,
      coversWholeFile: s.coversWholeFile,
      certificate: certificates[i]!,
    })),
    changedAfterLastSignature: last ? !last.coversWholeFile : false,
  };
}
