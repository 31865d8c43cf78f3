import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type { Role } from '../../shared/codes.js';

/**
 * Who hears about what. A role grant covers a unit when it is tenant-wide (unit null) or given on
 * the unit or one of its ancestors (the unit's `path`, root → unit, kept by triggers): the same
 * rule as the policy (src/modules/access/policy.ts `can`). Only active accounts are told.
 */

export interface RoleHolder {
  userId: string;
  role: Role;
  /** The unit whose subtree the grant covers; null: the whole tenant. */
  unitId: string | null;
}

/** Every active holder of these roles in the tenant, in one query (for batch jobs). */
export async function loadRoleHolders(
  tx: Tx,
  tenantId: string,
  roles: readonly Role[],
): Promise<RoleHolder[]> {
  if (roles.length === 0) return [];
  const rows = await queryRows<{ user_id: string; role: Role; unit_id: string | null }>(
    tx,
    sql`select g.user_id, g.role, g.unit_id
          from role_grants g
          join users u on u.tenant_id = g.tenant_id and u.id = g.user_id
         where g.tenant_id = ${tenantId} and u.status = 'active'
           and g.role = any(${sql.param([...roles])}::text[])`,
  );
  return rows.map((r) => ({ userId: r.user_id, role: r.role, unitId: r.unit_id }));
}

/**
 * The holders (of `roles`) whose grant covers a unit at `unitPath` (null: the Pemda PK, covered
 * only by tenant-wide grants). `tenantWideOnly`: only tenant-wide grants count (verifiers and
 * unlock admins act tenant-wide, see quarterReportPermissions).
 */
export function coveringUsers(
  holders: readonly RoleHolder[],
  roles: readonly Role[],
  unitPath: readonly string[] | null,
  options: { tenantWideOnly?: boolean } = {},
): string[] {
  const out = new Set<string>();
  for (const h of holders) {
    if (!roles.includes(h.role)) continue;
    const covers =
      h.unitId === null ||
      (!options.tenantWideOnly && unitPath !== null && unitPath.includes(h.unitId));
    if (covers) out.add(h.userId);
  }
  return [...out];
}

/** Active users whose grant of one of `roles` covers the unit (null: tenant-wide grants only). */
export async function usersCovering(
  tx: Tx,
  tenantId: string,
  roles: readonly Role[],
  unitId: string | null,
  options: { tenantWideOnly?: boolean } = {},
): Promise<string[]> {
  if (roles.length === 0) return [];
  const scoped = unitId !== null && !options.tenantWideOnly;
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select distinct g.user_id
          from role_grants g
          join users u on u.tenant_id = g.tenant_id and u.id = g.user_id
         where g.tenant_id = ${tenantId} and u.status = 'active'
           and g.role = any(${sql.param([...roles])}::text[])
           and (g.unit_id is null
                ${
                  scoped
                    ? sql`or g.unit_id = any(coalesce((select un.path from units un
                                where un.tenant_id = ${tenantId} and un.id = ${unitId}),
                                '{}'::uuid[]))`
                    : sql``
                })`,
  );
  return rows.map((r) => r.user_id);
}

/** The active accounts of these employees, keyed by employee id (one query). */
export async function usersOfEmployees(
  tx: Tx,
  tenantId: string,
  employeeIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(employeeIds.filter((id): id is string => id !== null))];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ id: string; employee_id: string }>(
    tx,
    sql`select u.id, u.employee_id from users u
         where u.tenant_id = ${tenantId} and u.status = 'active'
           and u.employee_id = any(${sql.param(ids)}::uuid[])`,
  );
  for (const r of rows) out.set(r.employee_id, r.id);
  return out;
}

/**
 * The superior of a PK's pihak pertama: the account of its pihak kedua (none for the Pemda PK,
 * or when the pihak kedua has no active account).
 */
export async function superiorUsersOfAgreement(
  tx: Tx,
  tenantId: string,
  agreementId: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select u.id from agreements a
          join users u on u.tenant_id = a.tenant_id and u.employee_id = a.second_party_employee_id
         where a.tenant_id = ${tenantId} and a.id = ${agreementId} and u.status = 'active'`,
  );
  return rows.map((r) => r.id);
}
