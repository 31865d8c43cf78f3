import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { holderOn, todayIn } from '../holders.js';
import { positions } from '../schema.js';
import { assertVersion } from '../units/find-unit.js';
import { findPosition } from './find-position.js';

/** Archives a position that nobody holds any more (end the assignment first). */
export async function archivePosition(
  ctx: TenantContext,
  id: string,
  expectedVersion: number,
  timeZone: string,
) {
  const position = await findPosition(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertVersion(position, expectedVersion);
  if (position.archivedAt) return;
  const holder = await holderOn(ctx.tx, ctx.tenantId, id, todayIn(timeZone));
  if (holder) {
    throw new AppError(
      'HAS_DEPENDENTS',
      `Jabatan masih dipegang ${holder.employee.fullName}. Akhiri penugasannya terlebih dahulu.`,
    );
  }
  await ctx.tx
    .update(positions)
    .set({ archivedAt: new Date(), version: sql`${positions.version} + 1` })
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
  await ctx.audit({
    action: 'position.archive',
    entityType: 'position',
    entityId: id,
    data: { title: position.title },
  });
}

export async function restorePosition(ctx: TenantContext, id: string, expectedVersion: number) {
  const position = await findPosition(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertVersion(position, expectedVersion);
  if (!position.archivedAt) return;
  await ctx.tx
    .update(positions)
    .set({ archivedAt: null, version: sql`${positions.version} + 1` })
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
  await ctx.audit({
    action: 'position.restore',
    entityType: 'position',
    entityId: id,
    data: { title: position.title },
  });
}
