import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { documents } from '../documents/schema.js';
import { findPact, pactStatusLabels } from './pact-common.js';
import { integrityPacts } from './schema.js';

/**
 * Voids a pact nobody has signed (made for the wrong person or date, or to be made again): the
 * pact and its unsigned PDF become void, in one transaction with their audit events. A pact one
 * party has signed stays; so does a signed one (the database refuses both too).
 */
export async function voidPact(ctx: TenantContext, id: string, reason: string): Promise<void> {
  const { row, unitPath } = await findPact(ctx, id, { lock: true });
  assertCan(ctx.actor, 'integrity.write', { unitPath });
  if (row.status !== 'pending') {
    throw new AppError(
      row.status === 'signed' ? 'FROZEN' : 'INVALID_TRANSITION',
      `Pakta Integritas ini sudah ${pactStatusLabels[row.status]} sehingga tidak dapat dibatalkan.`,
      { status: row.status },
    );
  }
  const [document] = await ctx.tx
    .select({ id: documents.id, signedCount: documents.signedCount })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, ctx.tenantId),
        eq(documents.pactId, row.id),
        ne(documents.status, 'void'),
      ),
    )
    .for('update');
  if (document && document.signedCount > 0) {
    throw new AppError(
      'PARTIALLY_SIGNED',
      'Pakta Integritas ini sudah ditandatangani pembuatnya sehingga tidak dapat dibatalkan. Minta saksi menyelesaikan tanda tangannya.',
      { documentId: document.id },
    );
  }
  const text = reason.trim();
  if (document) {
    await ctx.tx
      .update(documents)
      .set({ status: 'void', voidedAt: new Date(), voidReason: text })
      .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, document.id)));
    await ctx.audit({
      action: 'document.void',
      entityType: 'document',
      entityId: document.id,
      data: { pactId: row.id, reason: text },
    });
  }
  await ctx.tx
    .update(integrityPacts)
    .set({ status: 'void' })
    .where(and(eq(integrityPacts.tenantId, ctx.tenantId), eq(integrityPacts.id, row.id)));
  await ctx.audit({
    action: 'integrity_pact.void',
    entityType: 'integrity_pact',
    entityId: row.id,
    data: {
      employeeId: row.employeeId,
      occasion: row.occasion,
      fiscalYear: row.fiscalYear,
      documentId: document?.id ?? null,
      reason: text,
    },
  });
}
