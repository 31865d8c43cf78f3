import { and, eq, sql } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertVersion } from '../org/units/find-unit.js';
import { findIndicator, nodeForWrite } from './find-plan.js';
import { indicators } from './schema.js';

/**
 * Archives or restores an indicator. A PK keeps its own copy of the indicators it took, so an
 * archived plan indicator leaves signed documents intact.
 */
export async function setIndicatorArchived(
  ctx: TenantContext,
  id: string,
  expectedVersion: number,
  archived: boolean,
) {
  const indicator = await findIndicator(ctx, id, true);
  await nodeForWrite(ctx, indicator.nodeId);
  assertVersion(indicator, expectedVersion);
  if ((indicator.archivedAt !== null) === archived) return;
  await ctx.tx
    .update(indicators)
    .set({ archivedAt: archived ? new Date() : null, version: sql`${indicators.version} + 1` })
    .where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.id, id)));
  await ctx.audit({
    action: archived ? 'indicator.archive' : 'indicator.restore',
    entityType: 'indicator',
    entityId: id,
    data: { name: indicator.name },
  });
}
