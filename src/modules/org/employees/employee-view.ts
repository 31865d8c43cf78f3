import type { TenantContext } from '../../access/context.js';
import { employeePermissions } from '../../access/policy.js';
import { formatFullName } from '../names.js';
import { currentPositionsOf, type EmployeeRow } from './find-employee.js';

/** Employees as the API returns them: titles joined, current positions, permissions. */
export async function viewEmployees(ctx: TenantContext, rows: EmployeeRow[], date: string) {
  const current = await currentPositionsOf(
    ctx,
    rows.map((r) => r.id),
    date,
  );
  return rows.map((e) => {
    const mine = current.filter((c) => c.employeeId === e.id);
    return {
      id: e.id,
      nip: e.nip,
      frontTitle: e.frontTitle,
      name: e.name,
      backTitle: e.backTitle,
      fullName: formatFullName(e),
      gender: e.gender,
      employeeType: e.employeeType,
      grade: e.grade,
      email: e.email,
      phone: e.phone,
      archived: e.archivedAt !== null,
      version: e.version,
      currentPositions: mine.map(({ positionId, title, unitName, kind }) => ({
        positionId,
        title,
        unitName,
        kind,
      })),
      permissions: employeePermissions(ctx.actor, {
        unitPaths: mine.flatMap((m) => (m.unitPath ? [m.unitPath] : [])),
        archived: e.archivedAt !== null,
      }),
    };
  });
}
