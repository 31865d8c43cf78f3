import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { todayIn } from '../../server/clock.js';
import type { Config } from '../../server/config.js';
import type { Role } from '../../shared/codes.js';
import type { Grant } from '../access/actor.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import { readSettings } from '../agreements/agreement-common.js';
import { quarterLabel, reportDeadline } from '../monitoring/quarter-lock.js';
import { listTasks } from '../signing/list-tasks.js';
import {
  addDays,
  dueReportLink,
  dueReports,
  dueReportTitle,
  periodsAround,
} from './due-reports.js';
import type { Inbox, InboxItem, TaskKind } from './notification-schemas.js';

/** Fill tasks appear this many days before their quarter ends. */
export const FILL_LEAD_DAYS = 15;

const kindOrder: Record<TaskKind, number> = {
  sign: 0,
  fix: 1,
  fill: 2,
  approve: 3,
  verify: 4,
  unlock: 5,
};

/**
 * Tugas Saya: everything the signed-in user must do, across features, sorted by due date (items
 * without one last). One query per source, whatever the number of PKs:
 *  - sign: documents whose next signature is mine (the signing feature's listTasks);
 *  - fill / fix: quarters of signed current PKs in units where I may enter realisasi, shown from
 *    15 days before the quarter ends until submitted (late ones stay, marked overdue);
 *  - approve: submitted reports in units where I approve; verify: approved reports (verifiers);
 *  - unlock: pending unlock requests (admins).
 * A tenant-wide admin Pemda may enter every PD's realisasi but does not get every PD's fill task
 * (hundreds): only the Pemda PK's, which only tenant-wide grants can fill. Unit grants of
 * operators, heads and unit admins give the fill tasks of their subtree.
 */
export async function listInbox(ctx: TenantContext, config: Config): Promise<Inbox> {
  const settings = await readSettings(ctx);
  const today = todayIn(ctx.actor.timeZone);
  const items: InboxItem[] = [];

  if (can(ctx.actor, 'signing.self')) {
    const signing = await listTasks(ctx, config);
    for (const task of signing.toSign) {
      if (!task.myTurn) continue;
      const dueOn = task.ceremony?.eventDate ?? null;
      items.push({
        key: `sign:${task.documentId}`,
        kind: 'sign',
        title: `Tandatangani: ${task.title}`,
        subtitle: [task.unitName, task.ceremony?.title].filter(Boolean).join(' · '),
        dueOn,
        overdue: dueOn !== null && dueOn < today,
        link: '/tugas#tanda-tangan',
      });
    }
  }

  const scope = fillScope(ctx.actor.grants, ctx.actor);
  if (scope) {
    const periods = periodsAround(today, settings).filter(
      (p) => addDays(p.end, -FILL_LEAD_DAYS) <= today,
    );
    for (const due of await dueReports(ctx.tx, ctx.tenantId, periods, scope)) {
      const fix = due.status === 'returned';
      const period = quarterLabel(due.year, due.quarter);
      items.push({
        key: fix ? `fix:${due.reportId}` : `fill:${due.agreementId}:${due.year}:${due.quarter}`,
        kind: fix ? 'fix' : 'fill',
        title: `${fix ? 'Perbaiki' : 'Isi'} realisasi ${period}`,
        subtitle:
          dueReportTitle(due) + (fix && due.returnNote ? ` · Catatan: ${due.returnNote}` : ''),
        dueOn: due.deadline,
        overdue: due.deadline < today,
        link: dueReportLink(due),
      });
    }
  }

  items.push(...(await reviewItems(ctx, settings, today)));
  items.push(...(await unlockItems(ctx)));

  items.sort(
    (a, b) =>
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.title.localeCompare(b.title, 'id') ||
      a.key.localeCompare(b.key),
  );
  const counts = { sign: 0, fill: 0, fix: 0, approve: 0, verify: 0, unlock: 0 };
  for (const item of items) counts[item.kind] += 1;
  return { items, counts };
}

const unitWriterRoles: readonly Role[] = ['operator_unit', 'pimpinan_unit'];

/**
 * Which PKs give me fill tasks, as a condition on `a` (agreements) and `u` (units); null: none.
 * Mirrors `can(actor, 'realisasi.write', …)` except for tenant-wide admins (see listInbox).
 */
function fillScope(grants: readonly Grant[], actor: TenantContext['actor']): SQL | null {
  const writing = grants.filter((g) =>
    can({ ...actor, grants: [g] }, 'realisasi.write', {
      unitPath: g.unitId === null ? null : [g.unitId],
    }),
  );
  if (writing.length === 0) return null;
  const tenantWide = writing.filter((g) => g.unitId === null);
  const pemdaPk = tenantWide.length > 0;
  const allUnits = tenantWide.some((g) => unitWriterRoles.includes(g.role));
  const unitIds = writing.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
  const parts: SQL[] = [];
  if (pemdaPk) parts.push(sql`a.unit_id is null`);
  if (allUnits) parts.push(sql`a.unit_id is not null`);
  else if (unitIds.length > 0) parts.push(sql`u.path && ${sql.param(unitIds)}::uuid[]`);
  if (parts.length === 0) return null;
  return sql.join(
    parts.map((p) => sql`(${p})`),
    sql` or `,
  );
}

interface ReviewRow {
  id: string;
  status: 'submitted' | 'approved';
  year: number;
  quarter: number;
  unit_name: string | null;
  position_title: string;
}

/** Reports waiting for my approval (head of the unit) or verification (verifiers): one query. */
async function reviewItems(
  ctx: TenantContext,
  settings: Awaited<ReturnType<typeof readSettings>>,
  today: string,
): Promise<InboxItem[]> {
  const approveGrants = ctx.actor.grants.filter(
    (g) =>
      g.role === 'pimpinan_unit' &&
      can({ ...ctx.actor, grants: [g] }, 'realisasi.approve', {
        unitPath: g.unitId === null ? null : [g.unitId],
      }),
  );
  const approveAll = approveGrants.some((g) => g.unitId === null);
  const approveUnits = approveGrants.flatMap((g) => (g.unitId ? [g.unitId] : []));
  const verify = can(ctx.actor, 'realisasi.verify');
  const conditions: SQL[] = [];
  if (approveAll) conditions.push(sql`r.status = 'submitted'`);
  else if (approveUnits.length > 0) {
    conditions.push(sql`r.status = 'submitted' and u.path && ${sql.param(approveUnits)}::uuid[]`);
  }
  if (verify) conditions.push(sql`r.status = 'approved'`);
  if (conditions.length === 0) return [];
  const rows = await queryRows<ReviewRow>(
    ctx.tx,
    sql`select r.id, r.status, r.year, r.quarter, u.name as unit_name, p.title as position_title
          from quarter_reports r
          join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          left join units u on u.tenant_id = r.tenant_id and u.id = r.unit_id
         where r.tenant_id = ${ctx.tenantId} and r.status in ('submitted', 'approved')
           and (${sql.join(
             conditions.map((c) => sql`(${c})`),
             sql` or `,
           )})`,
  );
  return rows.map((r) => {
    const approve = r.status === 'submitted';
    const deadline = reportDeadline(r.year, r.quarter, settings);
    return {
      key: `${approve ? 'approve' : 'verify'}:${r.id}`,
      kind: approve ? 'approve' : 'verify',
      title: `${approve ? 'Setujui' : 'Verifikasi'} realisasi ${quarterLabel(r.year, r.quarter)}`,
      subtitle: dueReportTitle({ unitName: r.unit_name, positionTitle: r.position_title }),
      dueOn: deadline,
      // The head approves before the deadline; verification comes after it by nature.
      overdue: approve && deadline < today,
      link: `/realisasi/${r.id}`,
    };
  });
}

interface UnlockRow {
  id: string;
  reason: string;
  year: number;
  quarter: number;
  unit_name: string | null;
  position_title: string;
  requester: string | null;
}

/** Pending unlock requests (admins who grant them): one query. */
async function unlockItems(ctx: TenantContext): Promise<InboxItem[]> {
  if (!can(ctx.actor, 'realisasi.unlock')) return [];
  const rows = await queryRows<UnlockRow>(
    ctx.tx,
    sql`select q.id, q.reason, r.year, r.quarter, un.name as unit_name,
               p.title as position_title, us.display_name as requester
          from quarter_unlocks q
          join quarter_reports r on r.tenant_id = q.tenant_id and r.id = q.report_id
          join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          left join units un on un.tenant_id = r.tenant_id and un.id = r.unit_id
          left join users us on us.tenant_id = q.tenant_id and us.id = q.requested_by
         where q.tenant_id = ${ctx.tenantId} and q.status = 'pending'`,
  );
  return rows.map((r) => ({
    key: `unlock:${r.id}`,
    kind: 'unlock',
    title: `Buka kunci realisasi ${quarterLabel(r.year, r.quarter)}`,
    subtitle: `${dueReportTitle({ unitName: r.unit_name, positionTitle: r.position_title })} · ${r.requester ?? 'Pengguna'}: ${clip(r.reason, 140)}`,
    dueOn: null,
    overdue: false,
    link: '/realisasi/buka-kunci',
  }));
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
