import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { units } from '../org/schema.js';
import type { statusQuery, statusSchema } from './integrity-schemas.js';
import { defaultAnnualDate } from './pact-common.js';
import { mainPositionsSql } from './pact-parties.js';

interface StatusRow {
  id: string | null;
  name: string | null;
  path: string[] | null;
  has_children: boolean | null;
  employees: number | string;
  pacts: number | string;
  signed: number | string;
}

/** signed / employees × 100, half-up to 2 decimals, as a decimal string; null without anyone. */
export function percentOf(signed: number, employees: number): string | null {
  if (employees === 0) return null;
  return (Math.round((signed * 10_000) / employees) / 100).toFixed(2);
}

/**
 * How far a fiscal year's Pakta Integritas has come, per child unit of `unitId` (or per top-level
 * unit, the PD): the employees whose main position sits in each subtree on the reference date,
 * how many of them have this year's annual pact, and how many have signed it. Counting people
 * (not pacts) keeps the share at most 100 % when someone moved after signing, and makes
 * "employees − pacts" exactly what bulk creation would make. One aggregate query: each employee
 * falls in the bucket of the path element just below the unit shown.
 */
export async function getPactStatus(
  ctx: TenantContext,
  query: z.infer<typeof statusQuery>,
): Promise<z.infer<typeof statusSchema>> {
  assertCan(ctx.actor, 'integrity.read');
  const t = ctx.tenantId;
  let root: { id: string; name: string; path: string[] } | null = null;
  if (query.unitId) {
    const [unit] = await ctx.tx
      .select({ id: units.id, name: units.name, path: units.path, archivedAt: units.archivedAt })
      .from(units)
      .where(and(eq(units.tenantId, t), eq(units.id, query.unitId)));
    if (!unit) throw notFound('Unit');
    if (unit.archivedAt) throw new AppError('ARCHIVED', `Unit ${unit.name} sudah diarsipkan.`);
    root = unit;
  }
  const referenceDate = defaultAnnualDate(todayIn(ctx.actor.timeZone), query.fiscalYear);
  const bucket = root
    ? sql`m.unit_path[array_position(m.unit_path, ${root.id}::uuid) + 1]`
    : sql`m.unit_path[1]`;
  const rows = await queryRows<StatusRow>(
    ctx.tx,
    sql`with main as (${mainPositionsSql(t, referenceDate)}),
          scoped as (
            select m.employee_id, case when m.unit_id is null then null else ${bucket} end as bucket
              from main m
             where ${root ? sql`m.unit_path @> array[${root.id}]::uuid[]` : sql`true`}),
          pacts as (
            select employee_id, bool_or(status = 'signed') as signed
              from integrity_pacts
             where tenant_id = ${t} and fiscal_year = ${query.fiscalYear}
               and occasion = 'annual' and status <> 'void'
             group by employee_id),
          agg as (
            select s.bucket, count(*) as employees, count(pk.employee_id) as pacts,
                   count(*) filter (where pk.signed) as signed
              from scoped s left join pacts pk on pk.employee_id = s.employee_id
             group by s.bucket),
          kids as (
            select c.id, c.name, c.path, c.sort_order,
                   exists (select 1 from units g where g.tenant_id = c.tenant_id
                             and g.parent_id = c.id and g.archived_at is null) as has_children
              from units c
             where c.tenant_id = ${t} and c.archived_at is null
               and ${root ? sql`c.parent_id = ${root.id}` : sql`c.parent_id is null`})
        -- Buckets without a listed child (people directly in the unit shown, or at the top the
        -- Kepala Daerah and deputy) group into the one row whose id is null.
        select k.id, k.name, k.path, k.has_children,
               coalesce(sum(a.employees), 0)::int as employees,
               coalesce(sum(a.pacts), 0)::int as pacts,
               coalesce(sum(a.signed), 0)::int as signed
          from agg a
          full join kids k on k.id = a.bucket
         group by k.id, k.name, k.path, k.has_children, k.sort_order
         order by k.id is not null, k.sort_order, k.name`,
  );
  const total = { employees: 0, pacts: 0, signed: 0 };
  const out: z.infer<typeof statusSchema>['rows'] = [];
  for (const r of rows) {
    const counts = {
      employees: Number(r.employees),
      pacts: Number(r.pacts),
      signed: Number(r.signed),
    };
    total.employees += counts.employees;
    total.pacts += counts.pacts;
    total.signed += counts.signed;
    if (r.id === null && counts.employees === 0) continue;
    out.push({
      unit:
        r.id && r.name ? { id: r.id, name: r.name, hasChildren: r.has_children ?? false } : null,
      label: r.name ?? (root ? `Langsung di ${root.name}` : 'Kepala Daerah dan Wakil'),
      ...counts,
      percent: percentOf(counts.signed, counts.employees),
      permissions: {
        bulkCreate: r.id !== null && can(ctx.actor, 'integrity.write', { unitPath: r.path }),
      },
    });
  }
  const path = root
    ? await queryRows<{ id: string; name: string }>(
        ctx.tx,
        sql`select id, name from units
             where tenant_id = ${t} and id = any(${sql.param(root.path)}::uuid[])
             order by array_position(${sql.param(root.path)}::uuid[], id)`,
      )
    : [];
  return {
    fiscalYear: query.fiscalYear,
    referenceDate,
    unit: root ? { id: root.id, name: root.name } : null,
    path,
    rows: out,
    total: { ...total, percent: percentOf(total.signed, total.employees) },
    permissions: {
      bulkCreate: can(ctx.actor, 'integrity.write', { unitPath: root?.path ?? null }),
    },
  };
}
