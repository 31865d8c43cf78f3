import type { z } from 'zod';
import { newId } from '../../../db/columns.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import type { createPositionBody } from '../org-schemas.js';
import { positions } from '../schema.js';
import { assertNotArchived, findUnit } from '../units/find-unit.js';
import { findPosition } from './find-position.js';
import { assertPositionShape } from './position-rules.js';

export async function createPosition(
  ctx: TenantContext,
  input: z.infer<typeof createPositionBody>,
) {
  const unit = input.unitId ? await findUnit(ctx, input.unitId) : null;
  assertCan(ctx.actor, 'org.write', { unitPath: unit?.path ?? null });
  if (unit) assertNotArchived(unit, 'Unit');
  if (input.superiorPositionId) await findPosition(ctx, input.superiorPositionId);
  assertPositionShape({ ...input, unitLevel: unit?.level ?? null });
  const id = newId();
  await ctx.tx.insert(positions).values({ ...input, id, tenantId: ctx.tenantId });
  await ctx.audit({
    action: 'position.create',
    entityType: 'position',
    entityId: id,
    data: { ...input },
  });
  return id;
}
