import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { canWriteEmployee } from '../../access/policy.js';
import { changeData } from '../../audit/change-data.js';
import type { updateEmployeeBody } from '../org-schemas.js';
import { employees } from '../schema.js';
import { assertNotArchived, assertVersion } from '../units/find-unit.js';
import { assertEmployeeShape } from './employee-rules.js';
import { currentPositionsOf, findEmployee } from './find-employee.js';

export async function updateEmployee(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updateEmployeeBody>,
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
  assertNotArchived(employee, 'Pegawai');
  assertVersion(employee, input.version);
  const { version, ...changes } = input;
  assertEmployeeShape({
    nip: changes.nip === undefined ? employee.nip : changes.nip,
    gender: changes.gender ?? employee.gender,
    employeeType: changes.employeeType ?? employee.employeeType,
    grade: changes.grade === undefined ? employee.grade : changes.grade,
  });
  await ctx.tx
    .update(employees)
    .set({ ...changes, version: sql`${employees.version} + 1` })
    .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, id)));
  await ctx.audit({
    action: 'employee.update',
    entityType: 'employee',
    entityId: id,
    data: changeData(employee, changes),
  });
}
