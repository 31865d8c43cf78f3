import { sql } from 'drizzle-orm';
import type { UnlockStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { readSettings } from '../agreements/agreement-common.js';
import { queryUnlocks, type UnlockListItem } from './unlock-view.js';

/** GET /api/monitoring/unlocks?status=: the requests the admin decides (all when no status). */
export async function listUnlocks(
  ctx: TenantContext,
  filter: { status?: UnlockStatus | undefined },
): Promise<{ items: UnlockListItem[] }> {
  assertCan(ctx.actor, 'realisasi.unlock');
  const settings = await readSettings(ctx);
  const where = filter.status ? sql`q.status = ${filter.status}` : sql`true`;
  return { items: await queryUnlocks(ctx, where, settings) };
}
