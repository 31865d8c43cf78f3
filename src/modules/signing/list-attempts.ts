import { and, desc, eq } from 'drizzle-orm';
import type { Config } from '../../server/config.js';
import type { SignAttemptState } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { documentSigners, documents, signAttempts } from '../documents/schema.js';
import type { AttemptView } from './signing-schemas.js';

/** An in-flight attempt this much past the provider timeout was cut off by a stop or crash. */
const STALE_MARGIN_MS = 60_000;

export const isStale = (
  attempt: { state: SignAttemptState; startedAt: Date },
  config: Pick<Config, 'BSRE_TIMEOUT_MS'>,
  now = Date.now(),
) =>
  attempt.state === 'in_flight' &&
  now - attempt.startedAt.getTime() > config.BSRE_TIMEOUT_MS + STALE_MARGIN_MS;

/** The remote sign attempts in one state (unknown by default) for the admin to check. */
export async function listAttempts(
  ctx: TenantContext,
  config: Config,
  state: SignAttemptState,
): Promise<{ items: AttemptView[] }> {
  assertCan(ctx.actor, 'signing.resolve');
  const rows = await ctx.tx
    .select({
      attempt: signAttempts,
      code: documents.code,
      title: documents.title,
      signerName: documentSigners.name,
    })
    .from(signAttempts)
    .leftJoin(
      documents,
      and(eq(documents.tenantId, signAttempts.tenantId), eq(documents.id, signAttempts.documentId)),
    )
    .leftJoin(
      documentSigners,
      and(
        eq(documentSigners.tenantId, signAttempts.tenantId),
        eq(documentSigners.id, signAttempts.signerId),
      ),
    )
    .where(and(eq(signAttempts.tenantId, ctx.tenantId), eq(signAttempts.state, state)))
    .orderBy(desc(signAttempts.startedAt))
    .limit(200);
  const mayResolve = can(ctx.actor, 'signing.resolve');
  return {
    items: rows.map(({ attempt, code, title, signerName }) => {
      const stale = isStale(attempt, config);
      return {
        id: attempt.id,
        state: attempt.state,
        documentId: attempt.documentId,
        documentCode: code,
        documentTitle: title,
        signerName,
        provider: attempt.provider,
        providerRef: attempt.providerRef,
        startedAt: attempt.startedAt.toISOString(),
        finishedAt: attempt.finishedAt?.toISOString() ?? null,
        error: attempt.errorCode,
        stale,
        permissions: { resolve: mayResolve && (attempt.state === 'unknown' || stale) },
      };
    }),
  };
}
