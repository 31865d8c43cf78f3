import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assignments, employees, positions, units } from '../schema.js';

export type EmployeeRow = typeof employees.$inferSelect;

export async function findEmployee(ctx: TenantContext, id: string): Promise<EmployeeRow> {
  const [row] = await ctx.tx
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, id)));
  if (!row) throw notFound('Pegawai');
  return row;
}

/** The positions an employee holds on `date`, with the unit path for the policy check. */
export async function currentPositionsOf(ctx: TenantContext, employeeIds: string[], date: string) {
  if (employeeIds.length === 0) return [];
  return ctx.tx
    .select({
      employeeId: assignments.employeeId,
      positionId: positions.id,
      title: positions.title,
      unitName: units.name,
      unitPath: units.path,
      kind: assignments.kind,
    })
    .from(assignments)
    .innerJoin(
      positions,
      and(eq(positions.tenantId, assignments.tenantId), eq(positions.id, assignments.positionId)),
    )
    .leftJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .where(
      and(
        eq(assignments.tenantId, ctx.tenantId),
        sql`${assignments.employeeId} = any(${sql.param(employeeIds)}::uuid[])`,
        sql`${assignments.startDate} <= ${date}`,
        sql`(${assignments.endDate} is null or ${assignments.endDate} >= ${date})`,
      ),
    );
}
