import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type {
  AgreementLevel,
  AgreementStatus,
  AgreementYearStatus,
  PositionKind,
  UnitLevel,
} from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { formatFullName } from '../org/names.js';
import { levelForPosition, readSettings } from './agreement-common.js';
import type { boardRowSchema, boardSchema } from './agreement-schemas.js';
import { agreementDeadline, deadlineState } from './deadline.js';

interface BoardRow {
  position_id: string;
  title: string;
  kind: PositionKind;
  heads_unit: boolean;
  unit_id: string | null;
  unit_name: string | null;
  unit_level: UnitLevel | null;
  unit_parent_id: string | null;
  unit_path: string[] | null;
  pd_id: string | null;
  pd_name: string | null;
  agreement_id: string | null;
  status: AgreementStatus | null;
  revision_no: number | null;
  front_title: string | null;
  holder_name: string | null;
  back_title: string | null;
}

const levelRank: Record<AgreementLevel, number> = {
  pemda: 0,
  kepala_pd: 1,
  eselon_iii: 2,
  eselon_iv: 3,
  pelaksana: 4,
};

/**
 * The admin's deadline board of a PK year: every position that must sign a PK (the Kepala
 * Daerah, heads of PD, eselon III, eselon IV, and pelaksana when the tenant has PKs down to
 * them) with its PK status or "belum dibuat", the deadline, days left and the late flag. One
 * query; positions of archived units are left out.
 */
export async function getDeadlineBoard(
  ctx: TenantContext,
  year: number,
): Promise<z.infer<typeof boardSchema>> {
  assertCan(ctx.actor, 'agreements.read');
  const settings = await readSettings(ctx);
  const today = todayIn(ctx.actor.timeZone);
  const [yearRow] = await queryRows<{
    id: string;
    dpa_approved_on: string | null;
    status: AgreementYearStatus;
  }>(
    ctx.tx,
    sql`select id, dpa_approved_on::text as dpa_approved_on, status from agreement_years
         where tenant_id = ${ctx.tenantId} and year = ${year}`,
  );
  const yearId = yearRow?.id ?? null;
  // A PK can be drafted only in an opened, not closed, year (as createAgreement enforces).
  const yearOpen = yearRow !== undefined && yearRow.status === 'open';
  const deadline = agreementDeadline(
    yearRow?.dpa_approved_on ?? null,
    settings.agreements.deadlineMonthsAfterDpa,
  );
  const t = ctx.tenantId;
  const rows = await queryRows<BoardRow>(
    ctx.tx,
    // The PD of each unit and the current PK of each position come from two set-based joins
    // (not a lateral subquery per position, which scanned the PKs once per row).
    sql`with cur as (
            select distinct on (g.position_id) g.position_id, g.id, g.status, g.revision_no
              from agreements g
             where g.tenant_id = ${t} and g.year_id = ${yearId} and g.status <> 'superseded'
             order by g.position_id, g.revision_no desc),
          pds as (
            select distinct on (w.id) w.id as unit_id, x.id, x.name
              from units w
              join units x on x.tenant_id = w.tenant_id and x.id = any(w.path)
                          and (x.level = 'eselon_2' or x.parent_id is null)
             where w.tenant_id = ${t}
             order by w.id, array_position(w.path, x.id))
        select p.id as position_id, p.title, p.kind, p.heads_unit,
               u.id as unit_id, u.name as unit_name, u.level as unit_level, u.parent_id as unit_parent_id,
               u.path as unit_path,
               pd.id as pd_id, pd.name as pd_name,
               a.id as agreement_id, a.status, a.revision_no,
               e.front_title, e.name as holder_name, e.back_title
          from positions p
          left join units u on u.tenant_id = p.tenant_id and u.id = p.unit_id
          left join pds pd on pd.unit_id = u.id
          left join cur a on a.position_id = p.id
          left join lateral position_holder_on(${t}, p.id, ${today}::date) h on true
          left join employees e on e.tenant_id = p.tenant_id and e.id = h.employee_id
         where p.tenant_id = ${t} and p.archived_at is null and u.archived_at is null
           and (p.kind in ('kepala_daerah', 'administrator', 'pengawas', 'jpt_pratama')
                or (p.heads_unit and (u.level = 'eselon_2' or u.parent_id is null))
                or ${settings.agreements.includePelaksana} and p.kind in ('pelaksana', 'fungsional'))`,
  );
  const counts: Record<string, number> = { not_created: 0, late: 0 };
  const board = rows.flatMap((r): z.infer<typeof boardRowSchema>[] => {
    const level = levelForPosition(
      { kind: r.kind, headsUnit: r.heads_unit, unitId: r.unit_id },
      r.unit_id === null ? null : { level: r.unit_level, parentId: r.unit_parent_id },
      settings,
    );
    if (level === null) return [];
    const status: AgreementStatus | 'not_created' = r.status ?? 'not_created';
    const { daysLeft, late } = deadlineState(deadline, today, r.status, r.revision_no ?? 0);
    counts[status] = (counts[status] ?? 0) + 1;
    if (late) counts.late = (counts.late ?? 0) + 1;
    return [
      {
        positionId: r.position_id,
        positionTitle: r.title,
        unit:
          r.unit_id && r.unit_name && level !== 'pemda'
            ? { id: r.unit_id, name: r.unit_name }
            : null,
        pd: r.pd_id && r.pd_name && level !== 'pemda' ? { id: r.pd_id, name: r.pd_name } : null,
        level,
        holderName: r.holder_name
          ? formatFullName({
              frontTitle: r.front_title,
              name: r.holder_name,
              backTitle: r.back_title,
            })
          : null,
        agreement:
          r.agreement_id && r.status
            ? { id: r.agreement_id, status: r.status, revisionNo: r.revision_no ?? 0 }
            : null,
        status,
        deadline,
        daysLeft,
        late,
        permissions: {
          // The same rule createAgreement asserts: write access at the position's unit (the
          // Pemda PK has no unit, so only a tenant-wide grant covers it), and no PK yet.
          create:
            yearOpen &&
            r.agreement_id === null &&
            can(ctx.actor, 'agreements.write', {
              unitPath: level === 'pemda' ? null : r.unit_path,
            }),
        },
      },
    ];
  });
  board.sort(
    (a, b) =>
      (a.pd?.name ?? '').localeCompare(b.pd?.name ?? '', 'id') ||
      levelRank[a.level] - levelRank[b.level] ||
      (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', 'id') ||
      a.positionTitle.localeCompare(b.positionTitle, 'id'),
  );
  return { year, yearId, deadline, rows: board, counts };
}
