import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { units } from '../schema.js';
import { wouldCreateCycle } from '../tree-rules.js';
import { assertNotArchived, assertVersion, findUnit } from './find-unit.js';

/**
 * Moves a unit (and its whole subtree) under another parent, or to the top level. The actor
 * needs write access at both ends. The database trigger recomputes the subtree's paths and
 * refuses a cycle even if this check were skipped.
 */
export async function moveUnit(
  ctx: TenantContext,
  id: string,
  input: { version: number; parentId: string | null },
) {
  const unit = await findUnit(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: unit.path });
  assertNotArchived(unit, 'Unit');
  assertVersion(unit, input.version);
  if (input.parentId === unit.parentId) return;
  if (input.parentId) {
    const parent = await findUnit(ctx, input.parentId);
    assertNotArchived(parent, 'Unit tujuan');
    if (wouldCreateCycle(id, parent.path)) {
      throw new AppError(
        'UNIT_CYCLE',
        `Unit "${unit.name}" tidak dapat dipindahkan ke bawah "${parent.name}" karena unit itu berada di bawahnya sendiri.`,
      );
    }
    assertCan(ctx.actor, 'org.write', { unitPath: parent.path });
  } else {
    assertCan(ctx.actor, 'org.write');
  }
  await ctx.tx
    .update(units)
    .set({ parentId: input.parentId, version: sql`${units.version} + 1` })
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  await ctx.audit({
    action: 'unit.move',
    entityType: 'unit',
    entityId: id,
    data: { fromParentId: unit.parentId, toParentId: input.parentId },
  });
}
