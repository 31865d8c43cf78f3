import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { changeData } from '../../audit/change-data.js';
import type { updatePositionBody } from '../org-schemas.js';
import { positions } from '../schema.js';
import { assertNotArchived, assertVersion, findUnit } from '../units/find-unit.js';
import { findPosition } from './find-position.js';
import { assertPositionShape } from './position-rules.js';

/** Edits a position; giving a new unitId moves it (write access needed at both units). */
export async function updatePosition(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updatePositionBody>,
) {
  const position = await findPosition(ctx, id);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertNotArchived(position, 'Jabatan');
  assertVersion(position, input.version);
  const { version, ...changes } = input;
  const unitId = changes.unitId === undefined ? position.unitId : changes.unitId;
  const unit = unitId ? await findUnit(ctx, unitId) : null;
  if (unit && unitId !== position.unitId) {
    assertNotArchived(unit, 'Unit tujuan');
    assertCan(ctx.actor, 'org.write', { unitPath: unit.path });
  }
  if (changes.superiorPositionId) {
    if (changes.superiorPositionId === id) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Jabatan tidak dapat menjadi atasan dirinya sendiri.',
      );
    }
    await findPosition(ctx, changes.superiorPositionId);
  }
  assertPositionShape({
    kind: changes.kind ?? position.kind,
    unitId,
    headsUnit: changes.headsUnit ?? position.headsUnit,
    unitLevel: unit?.level ?? null,
  });
  await ctx.tx
    .update(positions)
    .set({ ...changes, version: sql`${positions.version} + 1` })
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
  await ctx.audit({
    action: 'position.update',
    entityType: 'position',
    entityId: id,
    data: changeData(position, changes),
  });
}
