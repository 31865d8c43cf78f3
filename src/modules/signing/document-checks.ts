import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { SignerRole } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import { statusLabel } from '../agreements/agreement-common.js';
import { agreements } from '../agreements/schema.js';
import { users } from '../auth/schema.js';
import { documentFiles, documentSigners, documents } from '../documents/schema.js';
import { integrityPacts } from '../integrity/schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type SlotRow = typeof documentSigners.$inferSelect;

export const roleLabel: Record<SignerRole, string> = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Saksi (Menyaksikan)',
};

export const notLinked = () =>
  new AppError(
    'NOT_ENROLLED',
    'Akun Anda belum terhubung dengan data pegawai; minta admin menautkannya.',
    { reason: 'not_linked' },
  );

/** The employee this account signs as (users.employee_id), or null when not linked. */
export async function employeeOfUser(ctx: TenantContext): Promise<string | null> {
  const [user] = await ctx.tx
    .select({ employeeId: users.employeeId })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, ctx.actor.userId)));
  return user?.employeeId ?? null;
}

/** A document the signer may sign now, with its slot and the file to sign (when asked for). */
export interface Signable {
  doc: DocumentRow;
  slots: SlotRow[];
  slot: SlotRow;
  /** The current file (the original, or the file after the previous signature). */
  pdf: Buffer | null;
  /** For a PK Perubahan: the version it revises (superseded when this one is signed). */
  previousAgreementId: string | null;
}

/**
 * The rules of whose turn it is, in the order a person understands them: the document must
 * exist for them (404 otherwise), they must be one of its parties (403), it must not be void,
 * they must not have signed already, its PK must be ready / its pact pending, and every earlier
 * slot must be signed. With `lock`, the document and its PK/pact are locked (FOR UPDATE) so two
 * signatures of one document are made one after the other.
 */
export async function loadSignable(
  ctx: TenantContext,
  documentId: string,
  /** The signer's employee (users.employee_id); null when the account is not linked to one. */
  employeeId: string | null,
  options: { lock: boolean; withFile: boolean },
): Promise<Signable> {
  const query = ctx.tx
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, documentId)));
  const [doc] = options.lock ? await query.for('update') : await query;
  if (!doc) throw notFound('Dokumen');
  if (!employeeId) throw notLinked();
  const slots = await ctx.tx
    .select()
    .from(documentSigners)
    .where(
      and(eq(documentSigners.tenantId, ctx.tenantId), eq(documentSigners.documentId, documentId)),
    )
    .orderBy(asc(documentSigners.seq));
  const mine = slots.filter((s) => s.employeeId === employeeId);
  if (mine.length === 0) {
    // Someone who cannot read the document at all does not learn that it exists.
    if (!can(ctx.actor, doc.kind === 'pi' ? 'integrity.read' : 'documents.read')) {
      throw notFound('Dokumen');
    }
    throw new AppError(
      'NOT_YOUR_DOCUMENT',
      'Anda bukan salah satu pihak yang menandatangani dokumen ini.',
    );
  }
  if (doc.status === 'void') {
    throw new AppError(
      'NOT_READY_TO_SIGN',
      'Dokumen ini sudah dibatalkan (misalnya PK dikembalikan untuk diperbaiki) dan tidak dapat ditandatangani. Buka versi terbaru dari Tugas Saya.',
      { status: doc.status },
    );
  }
  const next = slots.find((s) => s.status === 'pending');
  const myNext = mine.find((s) => s.status === 'pending');
  if (!myNext || !next) {
    throw new AppError(
      'ALREADY_SIGNED',
      next
        ? `Anda sudah menandatangani dokumen ini. Menunggu tanda tangan ${next.name} (${roleLabel[next.role]}).`
        : 'Anda sudah menandatangani dokumen ini dan semua pihak telah menandatangani.',
      { reason: 'you_signed' },
    );
  }
  const previousAgreementId = await assertSubjectReady(ctx, doc, options.lock);
  if (next.id !== myNext.id) {
    throw new AppError(
      'NOT_YOUR_TURN',
      `${next.name} (${roleLabel[next.role]}) harus menandatangani dokumen ini terlebih dahulu.`,
      { waitingFor: { name: next.name, role: next.role, seq: next.seq } },
    );
  }
  let pdf: Buffer | null = null;
  if (options.withFile) pdf = await currentFile(ctx, doc);
  return { doc, slots, slot: myNext, pdf, previousAgreementId };
}

/** A PK signs only while ready_to_sign; a pact only while pending. Returns a PK's previousId. */
async function assertSubjectReady(
  ctx: TenantContext,
  doc: DocumentRow,
  lock: boolean,
): Promise<string | null> {
  if (doc.agreementId) {
    const query = ctx.tx
      .select({ status: agreements.status, previousId: agreements.previousId })
      .from(agreements)
      .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, doc.agreementId)));
    const [pk] = lock ? await query.for('update') : await query;
    if (pk?.status !== 'ready_to_sign') {
      throw new AppError(
        'NOT_READY_TO_SIGN',
        `PK ini belum siap ditandatangani (status: ${statusLabel(pk?.status ?? '-')}). Tunggu sampai admin menandainya siap ditandatangani.`,
        { status: pk?.status ?? null },
      );
    }
    return pk.previousId;
  }
  if (doc.pactId) {
    const query = ctx.tx
      .select({ status: integrityPacts.status })
      .from(integrityPacts)
      .where(and(eq(integrityPacts.tenantId, ctx.tenantId), eq(integrityPacts.id, doc.pactId)));
    const [pact] = lock ? await query.for('update') : await query;
    if (pact?.status !== 'pending') {
      throw new AppError(
        'NOT_READY_TO_SIGN',
        'Pakta Integritas ini tidak lagi menunggu tanda tangan.',
        { status: pact?.status ?? null },
      );
    }
  }
  return null;
}

/** The latest issued file of the document, checked against the hash the document records. */
export async function currentFile(ctx: TenantContext, doc: DocumentRow): Promise<Buffer> {
  const [file] = await ctx.tx
    .select({ content: documentFiles.content, sha256: documentFiles.sha256 })
    .from(documentFiles)
    .where(
      and(
        eq(documentFiles.tenantId, ctx.tenantId),
        eq(documentFiles.documentId, doc.id),
        eq(documentFiles.seq, doc.signedCount),
      ),
    );
  const actual = file ? createHash('sha256').update(file.content).digest('hex') : null;
  if (!file || actual !== doc.currentSha256 || file.sha256 !== doc.currentSha256) {
    // Storage does not match what was issued: never sign on top of it.
    throw new Error(`document ${doc.id}: stored file ${doc.signedCount} does not match its hash`);
  }
  return file.content;
}
