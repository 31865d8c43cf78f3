import type { z } from 'zod';
import { newId } from '../../../db/columns.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import type { createEmployeeBody } from '../org-schemas.js';
import { employees } from '../schema.js';
import { assertEmployeeShape } from './employee-rules.js';

export async function createEmployee(
  ctx: TenantContext,
  input: z.infer<typeof createEmployeeBody>,
) {
  // A new employee holds no position yet: any admin Pemda, scoped or not, may register one.
  const scoped = ctx.actor.grants.some((g) => g.role === 'admin_pemda' && g.unitId !== null);
  if (!scoped) assertCan(ctx.actor, 'employees.write');
  else assertCan(ctx.actor, 'org.read');
  assertEmployeeShape(input);
  const id = newId();
  await ctx.tx.insert(employees).values({ ...input, id, tenantId: ctx.tenantId });
  await ctx.audit({
    action: 'employee.create',
    entityType: 'employee',
    entityId: id,
    data: { nip: input.nip, name: input.name, employeeType: input.employeeType },
  });
  return id;
}
