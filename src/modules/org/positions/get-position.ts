import { and, desc, eq } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { assertCan, positionPermissions } from '../../access/policy.js';
import { holderOn, superiorOf } from '../holders.js';
import { formatFullName } from '../names.js';
import { assignments, employees } from '../schema.js';
import { findPosition } from './find-position.js';

/** A position with its holder on `date`, its superior, and the full assignment history. */
export async function getPosition(ctx: TenantContext, id: string, date: string) {
  assertCan(ctx.actor, 'org.read');
  const position = await findPosition(ctx, id);
  const [holder, superior, history] = await Promise.all([
    holderOn(ctx.tx, ctx.tenantId, id, date),
    superiorOf(ctx.tx, ctx.tenantId, id, date),
    ctx.tx
      .select({ a: assignments, e: employees })
      .from(assignments)
      .innerJoin(
        employees,
        and(eq(employees.tenantId, assignments.tenantId), eq(employees.id, assignments.employeeId)),
      )
      .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.positionId, id)))
      .orderBy(desc(assignments.startDate)),
  ]);
  const archived = position.archivedAt !== null;
  const permissions = positionPermissions(ctx.actor, { unitPath: position.unitPath, archived });
  return {
    id: position.id,
    unitId: position.unitId,
    unitName: position.unitName,
    title: position.title,
    kind: position.kind,
    headsUnit: position.headsUnit,
    superiorPositionId: position.superiorPositionId,
    archived,
    version: position.version,
    holder,
    superior: superior
      ? {
          positionId: superior.position.id,
          title: superior.position.title,
          holder: superior.holder,
        }
      : null,
    assignments: history.map(({ a, e }) => ({
      id: a.id,
      positionId: a.positionId,
      employeeId: a.employeeId,
      employeeName: formatFullName(e),
      employeeNip: e.nip,
      kind: a.kind,
      startDate: a.startDate,
      endDate: a.endDate,
      decreeNumber: a.decreeNumber,
      version: a.version,
      permissions: { update: permissions.assign, delete: permissions.assign },
    })),
    permissions,
  };
}
