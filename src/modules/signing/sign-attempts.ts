import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import type { SigningProviderId } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import { signAttempts } from '../documents/schema.js';
import { isStale } from './list-attempts.js';

/**
 * Remote sign requests (decision 0012). An attempt row is written and COMMITTED before a request
 * leaves, so a crash or a lost answer always leaves a trace: `in_flight` while it runs, then
 * `succeeded` (in the transaction that stores the signed file), `failed` (certainly not
 * signed), or `unknown` (maybe signed at the provider). The unique index on open attempts
 * (in_flight, unknown) per signature slot blocks a new request until an admin resolves it.
 */
export type AttemptRow = typeof signAttempts.$inferSelect;

export const outcomeUnknownMessage =
  'Status penandatanganan di BSrE tidak diketahui. Jangan ulangi; minta admin memeriksa ke BSrE lalu menandai hasilnya.';

export const outcomeUnknownError = (attemptId: string) =>
  new AppError('SIGN_OUTCOME_UNKNOWN', outcomeUnknownMessage, { attemptId });

/** The open attempt of a signature slot, if any. */
export async function openAttemptOf(
  tx: Tx,
  tenantId: string,
  signerId: string,
): Promise<AttemptRow | null> {
  const [row] = await tx
    .select()
    .from(signAttempts)
    .where(
      and(
        eq(signAttempts.tenantId, tenantId),
        eq(signAttempts.signerId, signerId),
        inArray(signAttempts.state, ['in_flight', 'unknown']),
      ),
    );
  return row ?? null;
}

/**
 * Refuses while the slot has an open attempt: its request may have signed already. One still
 * running (within the provider timeout) is just busy; one past it, or unknown, needs the admin.
 */
export async function assertNoOpenAttempt(
  tx: Tx,
  tenantId: string,
  signerId: string,
  config: Pick<Config, 'BSRE_TIMEOUT_MS'>,
) {
  const open = await openAttemptOf(tx, tenantId, signerId);
  if (!open) return;
  if (open.state === 'in_flight' && !isStale(open, config)) {
    throw new AppError(
      'CONFLICT',
      'Permintaan tanda tangan untuk dokumen ini sedang diproses oleh penyedia. Tunggu sebentar lalu muat ulang halaman.',
      { attemptId: open.id },
    );
  }
  throw outcomeUnknownError(open.id);
}

export async function beginAttempt(
  tx: Tx,
  tenantId: string,
  input: { documentId: string; signerId: string; provider: SigningProviderId },
  config: Pick<Config, 'BSRE_TIMEOUT_MS'>,
): Promise<string> {
  await assertNoOpenAttempt(tx, tenantId, input.signerId, config);
  const [row] = await tx
    .insert(signAttempts)
    .values({ tenantId, ...input, state: 'in_flight' })
    .returning({ id: signAttempts.id });
  if (!row) throw new Error('sign attempt not written');
  return row.id;
}

/** Closes an in-flight attempt; a no-op when it was closed meanwhile (never reopens one). */
export async function finishAttempt(
  tx: Tx,
  tenantId: string,
  attemptId: string,
  state: 'succeeded' | 'failed' | 'unknown',
  extra: { errorCode?: string | null; providerRef?: string | null } = {},
): Promise<void> {
  await tx
    .update(signAttempts)
    .set({
      state,
      errorCode: extra.errorCode ?? null,
      ...(extra.providerRef ? { providerRef: extra.providerRef } : {}),
      finishedAt: sql`now()`,
    })
    .where(
      and(
        eq(signAttempts.tenantId, tenantId),
        eq(signAttempts.id, attemptId),
        eq(signAttempts.state, 'in_flight'),
      ),
    );
}
