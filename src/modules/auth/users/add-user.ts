import type { TenantContext } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { findEmployee } from '../../org/employees/find-employee.js';
import { findUnit } from '../../org/units/find-unit.js';
import { createUser } from './create-user.js';
import type { CreateUserBody } from './user-schemas.js';

/**
 * An admin Pemda creates a user of their own tenant. The employee and the scope units must
 * belong to the tenant (404 otherwise, like any other tenant's id); a taken username is
 * refused by the unique index (409 DUPLICATE).
 */
export async function addUser(ctx: TenantContext, input: CreateUserBody): Promise<string> {
  assertCan(ctx.actor, 'users.manage');
  if (input.employeeId) await findEmployee(ctx, input.employeeId);
  for (const unitId of new Set(input.roles.flatMap((g) => (g.unitId ? [g.unitId] : [])))) {
    await findUnit(ctx, unitId);
  }
  return createUser(
    ctx.tx,
    ctx.actor,
    {
      tenantId: ctx.tenantId,
      username: input.username,
      displayName: input.displayName,
      password: input.password,
      employeeId: input.employeeId ?? null,
      grants: input.roles,
      mustChangePassword: input.mustChangePassword,
    },
    ctx.ip,
  );
}
