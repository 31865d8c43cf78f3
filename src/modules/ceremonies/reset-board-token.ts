import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { newBoardToken } from './board-token.js';
import { findCeremony } from './load-ceremony.js';
import { ceremonies } from './schema.js';

/**
 * Makes a new board address; the old one stops working at once (screens showing it get 404 on
 * their next reconnect). The token is returned to be shown once and is never stored.
 */
export async function resetBoardToken(ctx: TenantContext, id: string): Promise<string> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const row = await findCeremony(ctx, id, { lock: true });
  if (row.status === 'cancelled') {
    throw new AppError(
      'NOT_EDITABLE',
      'Acara ini sudah dibatalkan; papan acaranya tidak dipakai lagi.',
    );
  }
  const { token, hash } = newBoardToken();
  await ctx.tx
    .update(ceremonies)
    .set({ boardTokenHash: hash, version: sql`${ceremonies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id)));
  await ctx.audit({
    action: 'ceremony.board_token_reset',
    entityType: 'ceremony',
    entityId: id,
  });
  return token;
}
