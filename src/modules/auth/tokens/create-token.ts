import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { apiTokens } from '../schema.js';
import { viewToken } from './list-tokens.js';
import { mintApiToken } from './token-format.js';
import type { CreateTokenBody, TokenView } from './token-schemas.js';

/**
 * Mints a personal API token for the acting user. Only a session may do so (policy), and the
 * secret leaves the server exactly once, in this function's result.
 */
export async function createToken(
  ctx: TenantContext,
  input: CreateTokenBody,
): Promise<TokenView & { token: string }> {
  assertCan(ctx.actor, 'tokens.create');
  const minted = mintApiToken();
  const [row] = await ctx.tx
    .insert(apiTokens)
    .values({
      tenantId: ctx.tenantId,
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: minted.hash,
      prefix: minted.prefix,
      scopes: input.scopes,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returning();
  if (!row) throw new Error('api token not inserted');
  await ctx.audit({
    action: 'token.create',
    entityType: 'api_token',
    entityId: row.id,
    data: {
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { ...viewToken(row), token: minted.token };
}
