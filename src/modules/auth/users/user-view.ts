import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../access/context.js';
import { roleGrantPermissions, userPermissions } from '../../access/policy.js';
import { formatFullName } from '../../org/names.js';
import { employees, units } from '../../org/schema.js';
import { roleGrants } from '../schema.js';
import type { UserRow } from './find-user.js';
import type { UserView } from './user-schemas.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Shapes users for the API: roles with unit names, linked employee, and what the actor may do. */
export async function viewUsers(ctx: TenantContext, rows: readonly UserRow[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((u) => u.id);
  const grants = await ctx.tx
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: units.name,
    })
    .from(roleGrants)
    .leftJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), inArray(roleGrants.userId, ids)))
    .orderBy(roleGrants.createdAt, roleGrants.id);
  const employeeIds = rows.flatMap((u) => (u.employeeId ? [u.employeeId] : []));
  const people =
    employeeIds.length === 0
      ? []
      : await ctx.tx
          .select()
          .from(employees)
          .where(and(eq(employees.tenantId, ctx.tenantId), inArray(employees.id, employeeIds)));
  const now = new Date();
  return rows.map((user) => {
    const own = grants.filter((g) => g.userId === user.id);
    const employee = people.find((p) => p.id === user.employeeId);
    const locked = user.lockedUntil !== null && user.lockedUntil > now;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      status: user.status,
      locked,
      lockedUntil: locked ? iso(user.lockedUntil) : null,
      lastLoginAt: iso(user.lastLoginAt),
      totpEnabled: user.totpEnabledAt !== null,
      mustChangePassword: user.mustChangePassword,
      employee: employee
        ? { id: employee.id, nip: employee.nip, fullName: formatFullName(employee) }
        : null,
      roles: own.map((g) => ({
        id: g.id,
        role: g.role,
        unitId: g.unitId,
        unitName: g.unitName,
        permissions: roleGrantPermissions(ctx.actor, { id: user.id, grants: own }, g),
      })),
      version: user.version,
      createdAt: user.createdAt.toISOString(),
      permissions: userPermissions(ctx.actor, { id: user.id, status: user.status, locked }),
    };
  });
}
