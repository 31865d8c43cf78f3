import { createHash } from 'node:crypto';
import type { Config } from '../../server/config.js';
import { verifyUrl } from '../../server/public-url.js';
import type { DocumentKind } from '../../shared/codes.js';
import { isSystemActor } from '../access/actor.js';
import type { TenantContext } from '../access/context.js';
import type { DocumentContent, SignerSlotInput } from './content-types.js';
import { newDocumentCode } from './document-code.js';
import { renderDocumentPdf } from './pdf/render.js';
import { documentFiles, documentSigners, documents } from './schema.js';

export interface IssueDocumentInput {
  kind: DocumentKind;
  /** Set for kind pk (the PK version the document is of). */
  agreementId?: string;
  /** Set for kind pi (the Pakta Integritas). */
  pactId?: string;
  title: string;
  /** YYYY-MM-DD: the date printed above the signatures. */
  documentDate: string;
  place: string;
  content: DocumentContent;
  /** The signature slots in signing order: seq 1 signs first. */
  signers: SignerSlotInput[];
}

export interface IssuedDocument {
  id: string;
  code: string;
  sha256: string;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/**
 * Makes a document to be signed (decision 0013): renders the PDF once (creation date = now,
 * the QR pointing at the verification page of a new random code), stores it as file 0 with its
 * SHA-256, and freezes the signature slots with the signers' identity as printed. One audit
 * event, in the caller's transaction.
 *
 * Authorization is the caller's: marking a PK ready (agreements.review), making a Pakta
 * Integritas (integrity.write), or opening a ready PK that has no document yet.
 */
export async function issueDocument(
  ctx: TenantContext,
  config: Config,
  input: IssueDocumentInput,
): Promise<IssuedDocument> {
  if (input.signers.length < 1 || input.signers.length > 2) {
    throw new Error(`issueDocument: ${input.signers.length} signers (1 or 2 expected)`);
  }
  const code = newDocumentCode();
  // Millisecond precision: the timestamp column keeps it exactly, so the stored created_at is
  // the stamp and the file can be re-rendered byte for byte.
  const createdAt = new Date();
  const pdf = await renderDocumentPdf(input.content, {
    code,
    verifyUrl: verifyUrl(config, code),
    createdAt,
  });
  const sha256 = sha256Hex(pdf);
  const [row] = await ctx.tx
    .insert(documents)
    .values({
      tenantId: ctx.tenantId,
      kind: input.kind,
      code,
      agreementId: input.agreementId ?? null,
      pactId: input.pactId ?? null,
      title: input.title,
      documentDate: input.documentDate,
      place: input.place,
      // The layout input, kept as rendered (documents.content is jsonb of this shape).
      content: input.content as unknown as Record<string, unknown>,
      signerCount: input.signers.length,
      originalSha256: sha256,
      currentSha256: sha256,
      createdBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId,
      createdAt,
    })
    .returning({ id: documents.id });
  if (!row) throw new Error('issueDocument: insert returned no row');
  await ctx.tx.insert(documentFiles).values({
    tenantId: ctx.tenantId,
    documentId: row.id,
    seq: 0,
    sha256,
    byteSize: pdf.length,
    content: pdf,
    createdAt,
  });
  await ctx.tx.insert(documentSigners).values(
    input.signers.map((slot, index) => ({
      tenantId: ctx.tenantId,
      documentId: row.id,
      seq: index + 1,
      role: slot.role,
      employeeId: slot.party.employeeId,
      name: slot.party.name,
      nip: slot.party.nip,
      pangkat: slot.party.pangkat,
      jabatan: slot.party.jabatan,
      assignmentKind: slot.assignmentKind,
    })),
  );
  await ctx.audit({
    action: 'document.issue',
    entityType: 'document',
    entityId: row.id,
    data: {
      kind: input.kind,
      code,
      agreementId: input.agreementId ?? null,
      pactId: input.pactId ?? null,
      sha256,
      byteSize: pdf.length,
      signers: input.signers.map((s) => ({ role: s.role, employeeId: s.party.employeeId })),
    },
  });
  return { id: row.id, code, sha256 };
}
