import type { z } from 'zod';
import { newId } from '../../../db/columns.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import type { createUnitBody } from '../org-schemas.js';
import { units } from '../schema.js';
import { assertNotArchived, findUnit } from './find-unit.js';

export async function createUnit(ctx: TenantContext, input: z.infer<typeof createUnitBody>) {
  const id = newId();
  if (input.parentId) {
    const parent = await findUnit(ctx, input.parentId);
    assertNotArchived(parent, 'Unit induk');
    assertCan(ctx.actor, 'org.write', { unitPath: [...parent.path, id] });
  } else {
    assertCan(ctx.actor, 'org.write');
  }
  // path is set by the units_set_path trigger.
  await ctx.tx.insert(units).values({ ...input, id, tenantId: ctx.tenantId });
  await ctx.audit({ action: 'unit.create', entityType: 'unit', entityId: id, data: { ...input } });
  return id;
}
