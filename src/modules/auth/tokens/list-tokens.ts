import { and, desc, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { apiTokens, type TokenScope, tokenScopes } from '../schema.js';
import type { TokenView } from './token-schemas.js';

type TokenRow = typeof apiTokens.$inferSelect;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const isScope = (s: string): s is TokenScope => (tokenScopes as readonly string[]).includes(s);

/** A token as its owner sees it: never the secret nor its hash. */
export function viewToken(row: TokenRow, now = new Date()): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isScope),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
    active: row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now),
  };
}

/** The acting user's own tokens, newest first, revoked and expired ones included. */
export async function listOwnTokens(ctx: TenantContext): Promise<TokenView[]> {
  assertCan(ctx.actor, 'tokens.read');
  const rows = await ctx.tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, ctx.tenantId), eq(apiTokens.userId, ctx.actor.userId)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  const now = new Date();
  return rows.map((row) => viewToken(row, now));
}
