import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { DocumentStatus, PactOccasion, PactStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can, capabilities } from '../access/policy.js';
import { formatFullName } from '../org/names.js';
import {
  PACT_PAGE_SIZE,
  type pactListQuery,
  type pactListSchema,
  type pactSummarySchema,
} from './integrity-schemas.js';

export type PactSummary = z.infer<typeof pactSummarySchema>;

interface PactRowOut {
  id: string;
  occasion: PactOccasion;
  fiscal_year: number;
  status: PactStatus;
  pact_date: string;
  place: string;
  assignment_id: string | null;
  signed_at: string | Date | null;
  created_at: string | Date;
  clauses: string[];
  clause_version: number;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
  m_id: string;
  m_front: string | null;
  m_name: string;
  m_back: string | null;
  m_nip: string | null;
  m_grade: string | null;
  m_position_id: string;
  m_position_title: string;
  w_id: string | null;
  w_front: string | null;
  w_name: string | null;
  w_back: string | null;
  w_nip: string | null;
  w_grade: string | null;
  w_position_id: string | null;
  w_position_title: string | null;
  doc_id: string | null;
  doc_code: string | null;
  doc_status: DocumentStatus | null;
  doc_signer_count: number | null;
  doc_signed_count: number | null;
  total: string | number;
}

const iso = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * Pacts matching `where` (a condition on `ip` pacts, `u` unit, `me` maker, `p` position) with
 * their parties, unit, clause version and current document, in ONE query; the list, the detail
 * and other features read pacts through it. `total` counts every match, whatever the page.
 */
export async function queryPacts(
  ctx: TenantContext,
  where: SQL,
  page: { limit: number; offset: number } | null = null,
): Promise<{ items: (PactSummary & { clauses: string[] })[]; total: number }> {
  const rows = await queryRows<PactRowOut>(
    ctx.tx,
    sql`select ip.id, ip.occasion, ip.fiscal_year, ip.status, ip.pact_date::text as pact_date,
               ip.place, ip.assignment_id, ip.signed_at, ip.created_at, ip.clauses,
               cv.version as clause_version,
               ip.unit_id, u.name as unit_name, u.path as unit_path,
               me.id as m_id, me.front_title as m_front, me.name as m_name,
               me.back_title as m_back, me.nip as m_nip, me.grade as m_grade,
               p.id as m_position_id, p.title as m_position_title,
               we.id as w_id, we.front_title as w_front, we.name as w_name,
               we.back_title as w_back, we.nip as w_nip, we.grade as w_grade,
               wp.id as w_position_id, wp.title as w_position_title,
               d.id as doc_id, d.code as doc_code, d.status as doc_status,
               d.signer_count as doc_signer_count, d.signed_count as doc_signed_count,
               count(*) over () as total
          from integrity_pacts ip
          join employees me on me.tenant_id = ip.tenant_id and me.id = ip.employee_id
          join positions p on p.tenant_id = ip.tenant_id and p.id = ip.position_id
          join integrity_clause_versions cv
            on cv.tenant_id = ip.tenant_id and cv.id = ip.clause_version_id
          left join units u on u.tenant_id = ip.tenant_id and u.id = ip.unit_id
          left join employees we on we.tenant_id = ip.tenant_id and we.id = ip.witness_employee_id
          left join positions wp on wp.tenant_id = ip.tenant_id and wp.id = ip.witness_position_id
          left join documents d on d.tenant_id = ip.tenant_id and d.pact_id = ip.id
                               and d.status <> 'void'
         where ip.tenant_id = ${ctx.tenantId} and ${where}
         order by u.name nulls first, me.name, ip.created_at, ip.id
         ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
  const items = rows.map((r) => {
    const unsigned = r.doc_signed_count === null || r.doc_signed_count === 0;
    return {
      id: r.id,
      occasion: r.occasion,
      fiscalYear: r.fiscal_year,
      status: r.status,
      pactDate: r.pact_date,
      place: r.place,
      maker: {
        employeeId: r.m_id,
        name: formatFullName({ frontTitle: r.m_front, name: r.m_name, backTitle: r.m_back }),
        nip: r.m_nip,
        grade: r.m_grade,
        positionId: r.m_position_id,
        positionTitle: r.m_position_title,
      },
      unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
      witness:
        r.w_id && r.w_name && r.w_position_id
          ? {
              employeeId: r.w_id,
              name: formatFullName({ frontTitle: r.w_front, name: r.w_name, backTitle: r.w_back }),
              nip: r.w_nip,
              grade: r.w_grade,
              positionId: r.w_position_id,
              positionTitle: r.w_position_title ?? '',
            }
          : null,
      assignmentId: r.assignment_id,
      clauseVersion: r.clause_version,
      signedAt: iso(r.signed_at),
      createdAt: iso(r.created_at) as string,
      document:
        r.doc_id && r.doc_code && r.doc_status
          ? {
              id: r.doc_id,
              code: r.doc_code,
              status: r.doc_status,
              signerCount: r.doc_signer_count ?? 0,
              signedCount: r.doc_signed_count ?? 0,
              pdfUrl: `/api/documents/${r.doc_id}/pdf`,
            }
          : null,
      permissions: {
        void:
          r.status === 'pending' &&
          unsigned &&
          can(ctx.actor, 'integrity.write', { unitPath: r.unit_path }),
        document: r.status !== 'void',
      },
      clauses: r.clauses,
    };
  });
  return { items, total: Number(rows[0]?.total ?? 0) };
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The pacts of a fiscal year, filtered, 50 per page. */
export async function listPacts(
  ctx: TenantContext,
  filter: z.infer<typeof pactListQuery>,
): Promise<z.infer<typeof pactListSchema>> {
  assertCan(ctx.actor, 'integrity.read');
  const conditions: SQL[] = [sql`ip.fiscal_year = ${filter.fiscalYear}`];
  if (filter.unitId) conditions.push(sql`u.path @> array[${filter.unitId}]::uuid[]`);
  if (filter.status) conditions.push(sql`ip.status = ${filter.status}`);
  if (filter.occasion) conditions.push(sql`ip.occasion = ${filter.occasion}`);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      sql`(me.name ilike ${pattern} or me.nip like ${pattern} or p.title ilike ${pattern}
           or u.name ilike ${pattern})`,
    );
  }
  const { items, total } = await queryPacts(ctx, sql.join(conditions, sql` and `), {
    limit: PACT_PAGE_SIZE,
    offset: (filter.page - 1) * PACT_PAGE_SIZE,
  });
  return {
    items: items.map(({ clauses: _clauses, ...summary }) => summary),
    total,
    page: filter.page,
    pageSize: PACT_PAGE_SIZE,
    permissions: { create: capabilities(ctx.actor).writeIntegrity },
  };
}
