import { performance } from 'node:perf_hooks';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { openSigningSession } from './open-session.js';
import type { SigningSession } from './providers/types.js';
import { type SigningDeps, signDocument } from './sign-document.js';

export interface BatchItemResult {
  documentId: string;
  /** Position in the (de-duplicated) list, from 0. */
  index: number;
  status: 'signed' | 'skipped' | 'failed';
  error?: { code: string; message: string };
  ms: number;
}

export interface BatchSummary {
  signed: number;
  skipped: number;
  failed: number;
  totalMs: number;
  /** Why the batch stopped before the end (the signer's session is no longer usable). */
  stopped: { code: string; message: string } | null;
}

export type BatchInput = {
  actor: Actor;
  ip: string | null;
  documentIds: readonly string[];
  /** Aborted: the batch stops after the document it is on (a closed tab, a "Hentikan"). */
  signal?: AbortSignal;
  /**
   * Turns an error that is not an AppError (a database refusal, a fault) into one; the route
   * passes the server's translator, which also knows the database's codes. Unexpected errors
   * reach `onUnexpected` (the route logs them).
   */
  translateError?: (error: unknown) => AppError;
  onUnexpected?: (error: unknown, documentId: string) => void;
} & (
  | { session: SigningSession; employeeId?: string | null }
  | { passphrase: string; totp?: string | undefined; session?: undefined; employeeId?: undefined }
);

/**
 * Refusals that concern the signer rather than one document: continuing would only repeat
 * them (or, for an unknown remote outcome, risk more of them), so the batch stops there.
 */
const stopCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'PASSPHRASE_WRONG',
  'CERTIFICATE_LOCKED',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_EXPIRED',
  'NOT_ENROLLED',
  'INVALID_TOTP',
  'ACCOUNT_LOCKED',
  'SIGN_OUTCOME_UNKNOWN',
  'PROVIDER_ERROR',
  'PROVIDER_NOT_CONFIGURED',
]);

/** De-duplicated, in the order given: the same document twice is signed once. */
export const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * One signer, many documents, one passphrase entry (the Wali Kota's 48 PKs at the ceremony).
 * The session is opened once: a wrong passphrase fails the whole batch before anything is signed
 * and is counted once. Each document is then signed in its own transaction (signDocument), so an
 * interruption — a crash, a closed tab — leaves every document either signed or untouched, and
 * running the batch again skips what this signer already signed.
 */
export async function* signBatch(
  deps: SigningDeps,
  input: BatchInput,
): AsyncGenerator<BatchItemResult, BatchSummary> {
  const started = performance.now();
  const opened = input.session
    ? { session: input.session, employeeId: input.employeeId ?? null }
    : await openSigningSession(deps, {
        actor: input.actor,
        ip: input.ip,
        passphrase: input.passphrase,
        totp: input.totp,
      });
  const { session, employeeId } = opened;
  const ids = uniqueIds(input.documentIds);
  const summary: BatchSummary = { signed: 0, skipped: 0, failed: 0, totalMs: 0, stopped: null };

  for (const [index, documentId] of ids.entries()) {
    if (input.signal?.aborted) break;
    const t0 = performance.now();
    let item: BatchItemResult;
    try {
      await signDocument(deps, {
        actor: input.actor,
        ip: input.ip,
        documentId,
        session,
        employeeId,
      });
      item = { documentId, index, status: 'signed', ms: elapsed(t0) };
    } catch (error) {
      const appError =
        error instanceof AppError ? error : (input.translateError?.(error) ?? unexpected());
      if (appError.code === 'INTERNAL') input.onUnexpected?.(error, documentId);
      const mine =
        appError.code === 'ALREADY_SIGNED' &&
        (appError.details as { reason?: string } | undefined)?.reason === 'you_signed';
      item = mine
        ? { documentId, index, status: 'skipped', ms: elapsed(t0) }
        : {
            documentId,
            index,
            status: 'failed',
            error: { code: appError.code, message: appError.message },
            ms: elapsed(t0),
          };
      if (stopCodes.has(appError.code)) {
        summary.stopped = { code: appError.code, message: appError.message };
      }
    }
    summary[item.status] += 1;
    yield item;
    if (summary.stopped) break;
    // Let the event loop breathe between documents: with the in-process database (PGlite) a
    // whole batch could otherwise run as one chain of promises, holding back the progress
    // events and never noticing that the browser went away.
    await new Promise((resolve) => setImmediate(resolve));
  }
  summary.totalMs = elapsed(started);
  return summary;
}

const elapsed = (t0: number) => Math.round(performance.now() - t0);

/** A failure of one document becomes a result line, never the end of the stream. */
const unexpected = () =>
  new AppError(
    'INTERNAL',
    'Dokumen ini gagal ditandatangani karena gangguan server; dokumen tidak berubah. Coba lagi nanti.',
  );
