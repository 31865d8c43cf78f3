import { AppError } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { runInTenant } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { linkedEmployeeId } from '../pki/signer-identity.js';
import { employeeOfUser, loadSignable } from './document-checks.js';
import { providerFor, readSigningSettings } from './providers/select-provider.js';
import type { SigningSession } from './providers/types.js';
import { type SignedDocument, type SigningDeps, signDocument } from './sign-document.js';
import { verifySigningTotp } from './verify-signing-totp.js';

export interface ProofInput {
  actor: Actor;
  ip: string | null;
  /** Held only for this call (one document, or one batch); never stored or logged. */
  passphrase: string;
  totp?: string | undefined;
}

/**
 * The signer proves who they are once: the tenant's TOTP when it requires one, then the
 * provider's passphrase check (the built-in CA opens the key; BSrE checks at its first request).
 * Returns a session that signs until dropped.
 */
export async function openSigningSession(
  deps: SigningDeps,
  input: ProofInput,
): Promise<{ session: SigningSession; employeeId: string }> {
  const { actor } = input;
  assertCan(actor, 'signing.self');
  const tenantId = actor.tenantId;
  if (!tenantId) throw new AppError('FORBIDDEN', 'Penandatanganan hanya di dalam Pemda.');
  const settings = await readSigningSettings(deps.database, tenantId);
  // Chosen before any secret is checked: a misconfigured server must not cost an attempt.
  const provider = providerFor(settings.provider, deps);
  const employeeId = await deps.database.withTenant(tenantId, (tx) =>
    linkedEmployeeId(tx, tenantId, actor.userId),
  );
  if (settings.requireTotp) await verifySigningTotp(deps, actor, input.totp, input.ip);
  const session = await provider.open({
    tenantId,
    userId: actor.userId,
    employeeId,
    passphrase: input.passphrase,
    ...(input.totp ? { totp: input.totp } : {}),
    actor,
    ip: input.ip,
  });
  return { session, employeeId };
}

/**
 * Checks, without locking or signing, that the actor may sign this document now: the refusals
 * a person can act on (not yours, not your turn, already signed) come before the passphrase is
 * asked for, so they never count as a failed passphrase nor use up a TOTP code.
 */
export async function assertMaySign(
  deps: SigningDeps,
  actor: Actor,
  ip: string | null,
  documentId: string,
): Promise<void> {
  assertCan(actor, 'signing.self');
  if (!actor.tenantId) throw new AppError('FORBIDDEN', 'Penandatanganan hanya di dalam Pemda.');
  const tenantId = actor.tenantId;
  await runInTenant(deps.database, actor, tenantId, ip, async (ctx) => {
    await loadSignable(ctx, documentId, await employeeOfUser(ctx), {
      lock: false,
      withFile: false,
    });
  });
}

/** One document, one passphrase entry: check, prove, sign. */
export async function signDocumentWithPassphrase(
  deps: SigningDeps,
  input: ProofInput & { documentId: string },
): Promise<SignedDocument> {
  await assertMaySign(deps, input.actor, input.ip, input.documentId);
  const { session } = await openSigningSession(deps, input);
  return signDocument(deps, {
    actor: input.actor,
    ip: input.ip,
    documentId: input.documentId,
    session,
  });
}
