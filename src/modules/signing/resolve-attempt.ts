import { and, eq } from 'drizzle-orm';
import type { Config } from '../../server/config.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { signAttempts } from '../documents/schema.js';
import { isStale } from './list-attempts.js';

/**
 * The admin has checked with the provider what became of a request whose outcome was unknown
 * (or whose process stopped mid-request) and closes it with a note, which unblocks the
 * signature slot: signing may be tried again. A signature the provider made for a lost request
 * is never stored here; the new request makes a new one.
 */
export async function resolveAttempt(
  ctx: TenantContext,
  config: Config,
  id: string,
  note: string,
): Promise<void> {
  assertCan(ctx.actor, 'signing.resolve');
  const where = and(eq(signAttempts.tenantId, ctx.tenantId), eq(signAttempts.id, id));
  const [attempt] = await ctx.tx.select().from(signAttempts).where(where).for('update');
  if (!attempt) throw notFound('Permintaan tanda tangan');
  if (attempt.state !== 'unknown' && !isStale(attempt, config)) {
    throw new AppError(
      'CONFLICT',
      attempt.state === 'in_flight'
        ? 'Permintaan ini masih berjalan. Tunggu hingga selesai atau hingga batas waktunya lewat.'
        : 'Permintaan ini sudah memiliki hasil yang pasti dan tidak perlu ditandai.',
      { state: attempt.state },
    );
  }
  await ctx.tx
    .update(signAttempts)
    .set({
      state: 'resolved',
      resolvedBy: ctx.actor.userId,
      finishedAt: attempt.finishedAt ?? new Date(),
    })
    .where(where);
  await ctx.audit({
    action: 'sign_attempt.resolve',
    entityType: 'sign_attempt',
    entityId: id,
    data: {
      documentId: attempt.documentId,
      provider: attempt.provider,
      from: attempt.state,
      providerRef: attempt.providerRef,
      note,
    },
  });
}
