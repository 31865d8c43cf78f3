import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { apiTokens } from '../schema.js';

/**
 * Revokes one of the acting user's own tokens; the next request with it answers 401.
 * Revoking twice is harmless. Someone else's token answers 404 like a missing one.
 */
export async function revokeToken(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx.actor, 'tokens.revoke');
  const [token] = await ctx.tx
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tenantId, ctx.tenantId),
        eq(apiTokens.userId, ctx.actor.userId),
        eq(apiTokens.id, id),
      ),
    )
    .for('update');
  if (!token) throw notFound('Token API');
  if (token.revokedAt) return;
  await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.tenantId, ctx.tenantId), eq(apiTokens.id, id)));
  await ctx.audit({
    action: 'token.revoke',
    entityType: 'api_token',
    entityId: id,
    data: { name: token.name, prefix: token.prefix },
  });
}

/**
 * Revokes every live API token of a user, in the caller's transaction: after a password change
 * or an admin's reset or disabling, tokens minted before it must not keep working.
 */
export async function revokeUserTokens(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}
