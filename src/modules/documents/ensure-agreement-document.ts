import { and, eq, ne } from 'drizzle-orm';
import type { Config } from '../../server/config.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { statusLabel } from '../agreements/agreement-common.js';
import { agreements } from '../agreements/schema.js';
import { issueDocument } from './issue-document.js';
import { loadPkDocumentContent } from './pk-content.js';
import { documents } from './schema.js';

export interface AgreementDocumentRef {
  id: string;
  code: string;
  /** SHA-256 of the current file (the original until someone signs). */
  sha256: string;
  /** True when this call issued it. */
  created: boolean;
}

/** The PK's live (not void) document, or null. */
export async function findAgreementDocument(
  ctx: TenantContext,
  agreementId: string,
): Promise<{ id: string; code: string; sha256: string } | null> {
  const [row] = await ctx.tx
    .select({ id: documents.id, code: documents.code, sha256: documents.currentSha256 })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, ctx.tenantId),
        eq(documents.agreementId, agreementId),
        ne(documents.status, 'void'),
      ),
    );
  return row ?? null;
}

/**
 * The document of a PK: the existing one, or a new one when the PK is ready to sign and has none
 * (a PK made ready before documents existed, or loaded by the demo seed). Marking a PK ready
 * issues it right away (transition-agreement.ts), so this is normally a look-up. The PK row is
 * locked first, so two requests at once issue one document, not two.
 *
 * Authorization is the caller's (reading the PK, preparing a ceremony, signing).
 */
export async function ensureAgreementDocument(
  ctx: TenantContext,
  config: Config,
  agreementId: string,
): Promise<AgreementDocumentRef> {
  const existing = await findAgreementDocument(ctx, agreementId);
  if (existing) return { ...existing, created: false };
  const [pk] = await ctx.tx
    .select({ status: agreements.status })
    .from(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, agreementId)))
    .for('update');
  if (!pk) throw notFound('Perjanjian Kinerja');
  // Someone may have issued it while we waited for the lock.
  const raced = await findAgreementDocument(ctx, agreementId);
  if (raced) return { ...raced, created: false };
  // Signed before Amanah (on paper, loaded as signed): there is no electronic document.
  if (['signed', 'published', 'superseded'].includes(pk.status)) throw noElectronicDocument();
  if (pk.status !== 'ready_to_sign') {
    throw new AppError(
      'NOT_READY_TO_SIGN',
      `PK belum siap ditandatangani (status: ${statusLabel(pk.status)}). Dokumen PDF dibuat saat PK ditandai siap ditandatangani.`,
      { status: pk.status },
    );
  }
  return { ...(await issueAgreementDocument(ctx, config, agreementId)), created: true };
}

const noElectronicDocument = () =>
  new AppError(
    'NOT_FOUND',
    'PK ini ditandatangani di atas kertas sebelum Amanah digunakan, sehingga tidak memiliki dokumen elektronik. Isinya dapat dilihat pada pratinjau PDF.',
    { reason: 'signed_on_paper' },
  );

/** Renders and stores the document of a PK that is ready to sign (no checks: callers check). */
export async function issueAgreementDocument(
  ctx: TenantContext,
  config: Config,
  agreementId: string,
): Promise<{ id: string; code: string; sha256: string }> {
  const loaded = await loadPkDocumentContent(ctx.tx, ctx.tenantId, agreementId);
  return issueDocument(ctx, config, {
    kind: 'pk',
    agreementId,
    title: loaded.title,
    documentDate: loaded.documentDate,
    place: loaded.content.place,
    content: loaded.content,
    signers: loaded.signers,
  });
}
