import { and, desc, eq } from 'drizzle-orm';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { documentFiles } from './schema.js';

export interface DocumentFile {
  seq: number;
  sha256: string;
  content: Buffer;
}

/**
 * A stored PDF of a document: the current one (highest seq: the original, or the file after
 * the last signature) or a given seq. The one place files are read from, so they can move to
 * object storage later with the hash and the row staying in the database (decision 0013).
 * Authorization is the caller's.
 */
export async function loadDocumentFile(
  ctx: TenantContext,
  documentId: string,
  seq?: number,
): Promise<DocumentFile> {
  const where = and(
    eq(documentFiles.tenantId, ctx.tenantId),
    eq(documentFiles.documentId, documentId),
    ...(seq === undefined ? [] : [eq(documentFiles.seq, seq)]),
  );
  const [file] = await ctx.tx
    .select({
      seq: documentFiles.seq,
      sha256: documentFiles.sha256,
      content: documentFiles.content,
    })
    .from(documentFiles)
    .where(where)
    .orderBy(desc(documentFiles.seq))
    .limit(1);
  if (!file) throw notFound('Berkas dokumen');
  return file;
}
