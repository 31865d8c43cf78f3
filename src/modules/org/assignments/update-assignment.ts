import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { findPosition } from '../positions/find-position.js';
import { assignments } from '../schema.js';
import { assertVersion } from '../units/find-unit.js';

async function findAssignment(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.id, id)));
  if (!row) throw notFound('Penugasan');
  return row;
}

/** Ends an assignment (sets or changes its end date) or corrects its decree number. */
export async function updateAssignment(
  ctx: TenantContext,
  id: string,
  input: {
    version: number;
    endDate?: string | null | undefined;
    decreeNumber?: string | null | undefined;
  },
) {
  const assignment = await findAssignment(ctx, id);
  const position = await findPosition(ctx, assignment.positionId);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertVersion(assignment, input.version);
  const endDate = input.endDate === undefined ? assignment.endDate : input.endDate;
  if (endDate !== null && endDate < assignment.startDate) {
    throw new AppError('VALIDATION_FAILED', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', {
      field: 'endDate',
    });
  }
  const { version, ...changes } = input;
  await ctx.tx
    .update(assignments)
    .set({ ...changes, version: sql`${assignments.version} + 1` })
    .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.id, id)));
  await ctx.audit({
    action: 'assignment.update',
    entityType: 'assignment',
    entityId: id,
    data: {
      before: { endDate: assignment.endDate, decreeNumber: assignment.decreeNumber },
      after: changes,
    },
  });
  return { positionId: assignment.positionId };
}

/** Removes an assignment entered by mistake (history of real tenures is ended, not deleted). */
export async function deleteAssignment(ctx: TenantContext, id: string, expectedVersion: number) {
  const assignment = await findAssignment(ctx, id);
  const position = await findPosition(ctx, assignment.positionId);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertVersion(assignment, expectedVersion);
  await ctx.tx
    .delete(assignments)
    .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.id, id)));
  await ctx.audit({
    action: 'assignment.delete',
    entityType: 'assignment',
    entityId: id,
    data: { ...assignment, createdAt: undefined, updatedAt: undefined },
  });
}
