import type { z } from 'zod';
import { newId } from '../../../db/columns.js';
import { forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { canCreateEmployee } from '../../access/policy.js';
import type { createEmployeeBody } from '../org-schemas.js';
import { employees } from '../schema.js';
import { assertEmployeeShape } from './employee-rules.js';

export async function createEmployee(
  ctx: TenantContext,
  input: z.infer<typeof createEmployeeBody>,
) {
  if (!canCreateEmployee(ctx.actor)) throw forbidden();
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
