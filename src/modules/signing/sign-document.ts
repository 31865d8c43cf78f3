import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import { AppError } from '../../shared/errors.js';
import { type Actor, isSystemActor } from '../access/actor.js';
import { runInTenant, type TenantContext } from '../access/context.js';
import { supersedePrevious } from '../agreements/revisions/supersede.js';
import { agreements, agreementTransitions } from '../agreements/schema.js';
import type { SecretBox } from '../auth/secret-box.js';
import { boardEvents } from '../ceremonies/board-events.js';
import { documentFiles, documentSigners, documents } from '../documents/schema.js';
import { integrityPacts } from '../integrity/schema.js';
import { signingCertificates } from '../pki/schema.js';
import { readinessError } from '../pki/unlock-signing-key.js';
import { employeeOfUser, loadSignable, type Signable } from './document-checks.js';
import { roleReason } from './pdf/add-placeholder.js';
import { assertIncremental } from './pdf/sign-pdf.js';
import { DefiniteFailure, type SigningSession, UnknownOutcome } from './providers/types.js';
import {
  assertNoOpenAttempt,
  beginAttempt,
  finishAttempt,
  outcomeUnknownError,
} from './sign-attempts.js';

export interface SigningDeps {
  database: Database;
  config: Config;
  secretBox: SecretBox;
}

export interface SignDocumentInput {
  actor: Actor;
  ip: string | null;
  documentId: string;
  session: SigningSession;
  /**
   * The employee the session signs as, when the caller has it (a batch: from opening the
   * session), saving a look-up per document; read from the account otherwise.
   */
  employeeId?: string | null;
}

export interface SignedDocument {
  documentId: string;
  code: string;
  /** The slot just signed (1 = first signature). */
  seq: number;
  role: Signable['slot']['role'];
  /** Every party has signed: the PK/pact is now signed. */
  completed: boolean;
  sha256: string;
  signedAt: Date;
}

function tenantOf(actor: Actor): string {
  if (!actor.tenantId) throw new AppError('FORBIDDEN', 'Penandatanganan hanya di dalam Pemda.');
  return actor.tenantId;
}

/**
 * Adds the signer's signature to one document, in ONE transaction: the document row is locked,
 * the turn is checked, the current file is signed, and the new file, the signature slot, the
 * document counters, the PK/pact status (when this was the last signature) and the audit events
 * are written together or not at all. After the commit, open ceremony boards are told.
 *
 * A remote provider (BSrE) is called outside the transaction, bracketed by a committed
 * sign_attempts row (sign-attempts.ts): the request cannot hold the document lock for the
 * provider's whole timeout, and an unanswered request must leave a trace.
 */
export async function signDocument(
  deps: SigningDeps,
  input: SignDocumentInput,
): Promise<SignedDocument> {
  const tenantId = tenantOf(input.actor);
  const run = <T>(fn: (ctx: TenantContext) => Promise<T>) =>
    runInTenant(deps.database, input.actor, tenantId, input.ip, fn);
  const { session } = input;
  let result: SignedDocument;

  if (!session.remote) {
    result = await run(async (ctx) => {
      const employeeId = input.employeeId ?? (await employeeOfUser(ctx));
      const signable = await loadSignable(ctx, input.documentId, employeeId, {
        lock: true,
        withFile: true,
      });
      await assertNoOpenAttempt(ctx.tx, tenantId, signable.slot.id, deps.config);
      await assertCertificateStillValid(ctx, session);
      const signingTime = new Date();
      const signed = await session.sign(signRequest(signable, signingTime));
      return commitSignature(ctx, signable, signed, session, signingTime, null);
    });
  } else {
    result = await signRemotely(deps, input, run);
  }
  boardEvents.emitSigned({ tenantId, documentId: result.documentId });
  return result;
}

function signRequest(signable: Signable, signingTime: Date) {
  if (!signable.pdf) throw new Error('signable without its file');
  return {
    pdf: signable.pdf,
    reason: roleReason[signable.slot.role],
    signerName: signable.slot.name,
    location: signable.doc.place,
    signingTime,
  };
}

/**
 * A certificate revoked or expired while a batch runs stops signing at once, even though the
 * key was opened before.
 */
async function assertCertificateStillValid(ctx: TenantContext, session: SigningSession) {
  if (!session.certificateId) return;
  const [cert] = await ctx.tx
    .select({
      status: signingCertificates.status,
      notAfter: signingCertificates.notAfter,
      lockedUntil: signingCertificates.lockedUntil,
    })
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, ctx.tenantId),
        eq(signingCertificates.id, session.certificateId),
      ),
    )
    // Shared lock: a revocation committing at this moment waits for this signature (or this
    // signature sees the revocation), so nothing is signed after a certificate's revoked_at.
    .for('share');
  // A lock only stops new passphrase entries; a session already opened may finish its batch.
  const refusal = readinessError(cert ? { ...cert, lockedUntil: null } : null, new Date());
  if (refusal) throw refusal;
}

async function signRemotely(
  deps: SigningDeps,
  input: SignDocumentInput,
  run: <T>(fn: (ctx: TenantContext) => Promise<T>) => Promise<T>,
): Promise<SignedDocument> {
  const tenantId = tenantOf(input.actor);
  const { session } = input;
  const signingTime = new Date();
  // 1. Check the turn and record the attempt; committed before anything leaves.
  const prepared = await run(async (ctx) => {
    const employeeId = input.employeeId ?? (await employeeOfUser(ctx));
    const signable = await loadSignable(ctx, input.documentId, employeeId, {
      lock: true,
      withFile: true,
    });
    await assertCertificateStillValid(ctx, session);
    const attemptId = await beginAttempt(
      ctx.tx,
      tenantId,
      { documentId: signable.doc.id, signerId: signable.slot.id, provider: session.provider },
      deps.config,
    );
    return { signable, employeeId, attemptId };
  });
  const { attemptId } = prepared;
  let providerRef: string | null = null;

  // 2. The remote request.
  let signed: Buffer;
  try {
    signed = await session.sign({
      ...signRequest(prepared.signable, signingTime),
      onProviderRef: (ref) => {
        providerRef = ref;
      },
    });
  } catch (error) {
    if (error instanceof DefiniteFailure) {
      await run(async (ctx) => {
        await finishAttempt(ctx.tx, tenantId, attemptId, 'failed', {
          errorCode: error.error.code,
          providerRef: error.providerRef,
        });
        await ctx.audit({
          action: 'document.sign_failed',
          entityType: 'document',
          entityId: prepared.signable.doc.id,
          outcome: 'refused',
          data: { attemptId, provider: session.provider, code: error.error.code },
        });
      });
      throw error.error;
    }
    // Anything else (a timeout, a reset, a 5xx, or a fault of ours after sending) may have
    // signed at the provider: the attempt stays blocking until an admin checks.
    const reason = error instanceof UnknownOutcome ? error.reason : 'error';
    await run(async (ctx) => {
      await finishAttempt(ctx.tx, tenantId, attemptId, 'unknown', {
        errorCode: `UNKNOWN_${reason.toUpperCase()}`,
        providerRef: error instanceof UnknownOutcome ? error.providerRef : null,
      });
      await ctx.audit({
        action: 'sign_attempt.unknown',
        entityType: 'sign_attempt',
        entityId: attemptId,
        outcome: 'refused',
        data: {
          documentId: prepared.signable.doc.id,
          code: prepared.signable.doc.code,
          provider: session.provider,
          reason,
        },
      });
    });
    throw outcomeUnknownError(attemptId);
  }

  // 3. Store it: the same checks again under the lock (nothing can have moved while the
  //    attempt was open, but the database is the judge), then one transaction as for builtin.
  try {
    return await run(async (ctx) => {
      const signable = await loadSignable(ctx, input.documentId, prepared.employeeId, {
        lock: true,
        withFile: true,
      });
      if (
        signable.slot.id !== prepared.signable.slot.id ||
        signable.doc.currentSha256 !== prepared.signable.doc.currentSha256
      ) {
        throw new AppError('CONFLICT', 'Dokumen berubah selama penandatanganan. Coba lagi.');
      }
      return commitSignature(ctx, signable, signed, session, new Date(), {
        attemptId,
        providerRef,
      });
    });
  } catch (error) {
    // The provider signed, but the file was not accepted or not stored: nothing was issued, so
    // the attempt is settled as failed (a new request makes a new signature).
    await run((ctx) =>
      finishAttempt(ctx.tx, tenantId, attemptId, 'failed', {
        errorCode: error instanceof AppError ? error.code : 'STORE_FAILED',
        providerRef,
      }),
    );
    throw error;
  }
}

/** Writes one signature: file, slot, document, subject (when complete), audit. */
async function commitSignature(
  ctx: TenantContext,
  signable: Signable,
  signed: Buffer,
  session: SigningSession,
  signedAt: Date,
  attempt: { attemptId: string; providerRef: string | null } | null,
): Promise<SignedDocument> {
  const { doc, slot } = signable;
  if (!signable.pdf) throw new Error('signable without its file');
  // The result must extend the exact file we hold, with one more signature covering all of it.
  assertIncremental(signable.pdf, signed);
  const sha256 = createHash('sha256').update(signed).digest('hex');
  const fileSeq = doc.signedCount + 1;
  const completed = fileSeq === doc.signerCount;
  const userId = isSystemActor(ctx.actor) ? null : ctx.actor.userId;

  // The guards of migration 0011 let only this transaction mark things signed.
  await ctx.tx.execute(sql`select set_config('app.signing', 'on', true)`);
  await ctx.tx.insert(documentFiles).values({
    tenantId: ctx.tenantId,
    documentId: doc.id,
    seq: fileSeq,
    sha256,
    byteSize: signed.length,
    content: signed,
  });
  await ctx.tx
    .update(documentSigners)
    .set({
      status: 'signed',
      signedAt,
      signedBy: userId,
      certificateId: session.certificateId,
      provider: session.provider,
      fileSeq,
    })
    .where(and(eq(documentSigners.tenantId, ctx.tenantId), eq(documentSigners.id, slot.id)));
  await ctx.tx
    .update(documents)
    .set({
      signedCount: fileSeq,
      currentSha256: sha256,
      ...(completed ? { status: 'signed' as const, completedAt: signedAt } : {}),
    })
    .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, doc.id)));
  if (attempt) {
    await finishAttempt(ctx.tx, ctx.tenantId, attempt.attemptId, 'succeeded', {
      providerRef: attempt.providerRef,
    });
  }
  await ctx.audit({
    action: 'document.sign',
    entityType: 'document',
    entityId: doc.id,
    data: {
      documentId: doc.id,
      code: doc.code,
      seq: slot.seq,
      role: slot.role,
      provider: session.provider,
      serial: session.serial,
      sha256,
      ...(attempt ? { attemptId: attempt.attemptId } : {}),
    },
  });
  if (completed && doc.agreementId) {
    await completeAgreement(ctx, doc.agreementId, signable.previousAgreementId, signedAt);
  }
  if (completed && doc.pactId) await completePact(ctx, doc.pactId, signedAt);
  return {
    documentId: doc.id,
    code: doc.code,
    seq: slot.seq,
    role: slot.role,
    completed,
    sha256,
    signedAt,
  };
}

/** The last signature of a PK: signed and frozen; a PK Perubahan supersedes its predecessor. */
async function completeAgreement(
  ctx: TenantContext,
  agreementId: string,
  previousId: string | null,
  signedAt: Date,
) {
  const userId = isSystemActor(ctx.actor) ? null : ctx.actor.userId;
  await ctx.tx
    .update(agreements)
    .set({
      status: 'signed',
      signedAt,
      version: sql`${agreements.version} + 1`,
      updatedAt: signedAt,
    })
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, agreementId)));
  await ctx.tx.insert(agreementTransitions).values({
    tenantId: ctx.tenantId,
    agreementId,
    fromStatus: 'ready_to_sign',
    toStatus: 'signed',
    actorUserId: userId,
    comment: null,
  });
  await ctx.audit({
    action: 'agreement.sign',
    entityType: 'agreement',
    entityId: agreementId,
    data: { from: 'ready_to_sign', to: 'signed' },
  });
  // Only a PK Perubahan has a version to supersede (an original PK saves the look-up).
  const superseded = previousId
    ? await supersedePrevious(ctx.tx, ctx.tenantId, agreementId, userId)
    : null;
  if (superseded) {
    await ctx.audit({
      action: 'agreement.supersede',
      entityType: 'agreement',
      entityId: superseded.previousId,
      data: { from: superseded.fromStatus, to: 'superseded', by: agreementId },
    });
  }
}

async function completePact(ctx: TenantContext, pactId: string, signedAt: Date) {
  await ctx.tx
    .update(integrityPacts)
    .set({ status: 'signed', signedAt })
    .where(and(eq(integrityPacts.tenantId, ctx.tenantId), eq(integrityPacts.id, pactId)));
  await ctx.audit({
    action: 'integrity_pact.sign',
    entityType: 'integrity_pact',
    entityId: pactId,
    data: { to: 'signed' },
  });
}
