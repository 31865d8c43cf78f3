import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { documents } from './schema.js';

/**
 * Withdraws the unsigned document of a PK that goes back for editing: a new one is issued when
 * it is ready again (decision 0013). A document one party has signed is never voided: the
 * return is refused (PARTIALLY_SIGNED), and the database would refuse it too (AM025/AM023).
 * Returns the voided document's id, or null when the PK had none.
 */
export async function voidAgreementDocument(
  ctx: TenantContext,
  agreementId: string,
  reason: string,
): Promise<string | null> {
  const [doc] = await ctx.tx
    .select({ id: documents.id, code: documents.code, signedCount: documents.signedCount })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, ctx.tenantId),
        eq(documents.agreementId, agreementId),
        eq(documents.status, 'pending'),
      ),
    )
    .for('update');
  if (!doc) return null;
  if (doc.signedCount > 0) {
    throw new AppError(
      'PARTIALLY_SIGNED',
      'PK ini sudah ditandatangani salah satu pihak dan tidak dapat dikembalikan. Ubah melalui PK Perubahan setelah selesai ditandatangani.',
      { documentId: doc.id },
    );
  }
  await ctx.tx
    .update(documents)
    .set({ status: 'void', voidedAt: new Date(), voidReason: reason })
    .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, doc.id)));
  await ctx.audit({
    action: 'document.void',
    entityType: 'document',
    entityId: doc.id,
    data: { agreementId, code: doc.code, reason },
  });
  return doc.id;
}
