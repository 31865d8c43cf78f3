import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { AgreementLevel, AgreementStatus, AssignmentKind } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { agreementPermissions, can, capabilities } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { formatFullName } from '../org/names.js';
import type { TenantSettings } from '../tenants/settings.js';
import { readSettings } from './agreement-common.js';
import type { AgreementListFilter, AgreementSummary, Party } from './agreement-schemas.js';
import { agreementDeadline, deadlineState } from './deadline.js';

interface SummaryRow {
  id: string;
  year_id: string;
  year: number;
  start_year: number;
  end_year: number;
  level: AgreementLevel;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
  position_id: string;
  position_title: string;
  fp_id: string;
  fp_front: string | null;
  fp_name: string;
  fp_back: string | null;
  fp_nip: string | null;
  fp_grade: string | null;
  fp_kind: AssignmentKind;
  sp_position_id: string | null;
  sp_position_title: string | null;
  sp_id: string | null;
  sp_front: string | null;
  sp_name: string | null;
  sp_back: string | null;
  sp_nip: string | null;
  sp_grade: string | null;
  sp_kind: AssignmentKind | null;
  status: AgreementStatus;
  revision_no: number;
  root_id: string;
  dpa_approved_on: string | null;
  updated_at: string | Date;
  version: number;
  has_open_revision: boolean;
}

export interface SummaryWithAccess extends AgreementSummary {
  unitPath: string[] | null;
  hasOpenRevision: boolean;
}

const levelOrder = sql.raw(
  `array_position(array['pemda','kepala_pd','eselon_iii','eselon_iv','pelaksana']::text[], a.level)`,
);

/**
 * The summaries of the PKs matching `where` (a condition on `a` agreements, `y` years, `u` unit,
 * `p` position, `fe` first party) in ONE query: parties, unit, deadline, the open-revision flag
 * for the permissions. The list, the detail and the board all read PKs through it.
 */
export async function querySummaries(
  ctx: TenantContext,
  where: SQL,
  settings: TenantSettings,
): Promise<SummaryWithAccess[]> {
  const rows = await queryRows<SummaryRow>(
    ctx.tx,
    sql`select a.id, a.year_id, y.year, a.start_year, a.end_year, a.level, a.unit_id,
               u.name as unit_name, to_json(u.path) as unit_path,
               a.position_id, p.title as position_title,
               fe.id as fp_id, fe.front_title as fp_front, fe.name as fp_name,
               fe.back_title as fp_back, fe.nip as fp_nip, fe.grade as fp_grade,
               a.first_party_assignment_kind as fp_kind,
               a.second_party_position_id as sp_position_id, sp.title as sp_position_title,
               se.id as sp_id, se.front_title as sp_front, se.name as sp_name,
               se.back_title as sp_back, se.nip as sp_nip, se.grade as sp_grade,
               a.second_party_assignment_kind as sp_kind,
               a.status, a.revision_no, a.root_id, y.dpa_approved_on::text as dpa_approved_on,
               a.updated_at, a.version,
               exists (select 1 from agreements o
                        where o.tenant_id = a.tenant_id and o.root_id = a.root_id
                          and o.id <> a.id
                          and o.status not in ('signed', 'published', 'superseded'))
                 as has_open_revision
          from agreements a
          join agreement_years y on y.tenant_id = a.tenant_id and y.id = a.year_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees fe on fe.tenant_id = a.tenant_id and fe.id = a.first_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join positions sp on sp.tenant_id = a.tenant_id and sp.id = a.second_party_position_id
          left join employees se on se.tenant_id = a.tenant_id and se.id = a.second_party_employee_id
         where a.tenant_id = ${ctx.tenantId} and ${where}
         order by ${levelOrder}, u.name nulls first, p.title, a.revision_no`,
  );
  const today = todayIn(ctx.actor.timeZone);
  const months = settings.agreements.deadlineMonthsAfterDpa;
  return rows.map((r) => {
    const deadline = agreementDeadline(r.dpa_approved_on, months);
    const { daysLeft, late } = deadlineState(deadline, today, r.status, r.revision_no);
    const unitPath = r.unit_path;
    const firstParty: Party = {
      positionId: r.position_id,
      positionTitle: r.position_title,
      employeeId: r.fp_id,
      name: formatFullName({ frontTitle: r.fp_front, name: r.fp_name, backTitle: r.fp_back }),
      nip: r.fp_nip,
      grade: r.fp_grade,
      assignmentKind: r.fp_kind,
    };
    const secondParty: Party | null =
      r.sp_id && r.sp_position_id && r.sp_name
        ? {
            positionId: r.sp_position_id,
            positionTitle: r.sp_position_title ?? '',
            employeeId: r.sp_id,
            name: formatFullName({ frontTitle: r.sp_front, name: r.sp_name, backTitle: r.sp_back }),
            nip: r.sp_nip,
            grade: r.sp_grade,
            assignmentKind: r.sp_kind ?? 'definitif',
          }
        : null;
    return {
      id: r.id,
      yearId: r.year_id,
      year: r.year,
      startYear: r.start_year,
      endYear: r.end_year,
      level: r.level,
      unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
      position: { id: r.position_id, title: r.position_title },
      firstParty,
      secondParty,
      status: r.status,
      revisionNo: r.revision_no,
      rootId: r.root_id,
      deadline,
      daysLeft,
      late,
      updatedAt: new Date(r.updated_at).toISOString(),
      version: r.version,
      permissions: agreementPermissions(ctx.actor, {
        unitPath,
        status: r.status,
        hasOpenRevision: r.has_open_revision,
      }),
      unitPath,
      hasOpenRevision: r.has_open_revision,
    };
  });
}

/** Strips the access fields the API does not show. */
export function toSummary(s: SummaryWithAccess): AgreementSummary {
  const { unitPath: _unitPath, hasOpenRevision: _open, ...summary } = s;
  return summary;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The PKs of a year. Superseded versions are left out unless asked for by status; a PK being
 * revised shows both its signed version and the revision in progress.
 */
export async function listAgreements(ctx: TenantContext, filter: AgreementListFilter) {
  const settings = await readSettings(ctx);
  const conditions: SQL[] = [sql`y.year = ${filter.year}`];
  if (filter.unitId) conditions.push(sql`a.unit_id = ${filter.unitId}`);
  if (filter.level) conditions.push(sql`a.level = ${filter.level}`);
  conditions.push(filter.status ? sql`a.status = ${filter.status}` : sql`a.status <> 'superseded'`);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      sql`(p.title ilike ${pattern} or u.name ilike ${pattern} or fe.name ilike ${pattern}
           or fe.nip like ${pattern})`,
    );
  }
  const items = await querySummaries(ctx, sql.join(conditions, sql` and `), settings);
  return {
    items: items.map(toSummary),
    permissions: {
      create: capabilities(ctx.actor).draftAgreements && can(ctx.actor, 'agreements.read'),
      review: can(ctx.actor, 'agreements.review'),
    },
  };
}
