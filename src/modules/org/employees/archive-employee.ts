import { and, eq, sql } from 'drizzle-orm';
import { AppError, forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { canWriteEmployee } from '../../access/policy.js';
import { employees } from '../schema.js';
import { assertVersion } from '../units/find-unit.js';
import { currentPositionsOf, findEmployee } from './find-employee.js';

/** Archives an employee (retired, moved away) once they hold no position on `date`. */
export async function setEmployeeArchived(
  ctx: TenantContext,
  id: string,
  archived: boolean,
  expectedVersion: number,
  date: string,
) {
  const employee = await findEmployee(ctx, id);
  const current = await currentPositionsOf(ctx, [id], date);
  if (
    !canWriteEmployee(
      ctx.actor,
      current.flatMap((c) => (c.unitPath ? [c.unitPath] : [])),
    )
  ) {
    throw forbidden();
  }
  assertVersion(employee, expectedVersion);
  if ((employee.archivedAt !== null) === archived) return;
  if (archived && current.length > 0) {
    throw new AppError(
      'HAS_DEPENDENTS',
      `Pegawai masih memegang jabatan ${current.map((p) => p.title).join(', ')}. Akhiri penugasannya terlebih dahulu.`,
    );
  }
  await ctx.tx
    .update(employees)
    .set({ archivedAt: archived ? new Date() : null, version: sql`${employees.version} + 1` })
    .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, id)));
  await ctx.audit({
    action: archived ? 'employee.archive' : 'employee.restore',
    entityType: 'employee',
    entityId: id,
    data: { name: employee.name },
  });
}
