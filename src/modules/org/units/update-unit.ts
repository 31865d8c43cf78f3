import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { changeData } from '../../audit/change-data.js';
import type { updateUnitBody } from '../org-schemas.js';
import { units } from '../schema.js';
import { assertNotArchived, assertVersion, findUnit } from './find-unit.js';

/** Renames or re-types a unit; the change and its audit event are one transaction. */
export async function updateUnit(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updateUnitBody>,
) {
  const unit = await findUnit(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: unit.path });
  assertNotArchived(unit, 'Unit');
  assertVersion(unit, input.version);
  const { version, ...changes } = input;
  await ctx.tx
    .update(units)
    .set({ ...changes, version: sql`${units.version} + 1` })
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, id)));
  await ctx.audit({
    action: 'unit.update',
    entityType: 'unit',
    entityId: id,
    data: changeData(unit, changes),
  });
}
