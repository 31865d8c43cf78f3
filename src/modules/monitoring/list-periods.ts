import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { now as clockNow, todayIn } from '../../server/clock.js';
import type { AgreementLevel, QuarterReportStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { readSettings } from '../agreements/agreement-common.js';
import { formatFullName } from '../org/names.js';
import { agreementTitle } from './load-report.js';
import type { Periods } from './monitoring-schemas.js';
import { isPastDeadline, isQuarterOpen, isReportLocked, reportDeadline } from './quarter-lock.js';

interface AgreementSql {
  id: string;
  level: AgreementLevel;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
  position_title: string;
  revision_no: number;
  fp_front: string | null;
  fp_name: string;
  fp_back: string | null;
  indicator_count: number | string;
}

interface ReportSql {
  id: string;
  agreement_id: string;
  quarter: number;
  status: QuarterReportStatus;
  unlocked_until: string | Date | null;
  filled: number | string;
}

const levelOrder = sql.raw(
  `array_position(array['pemda','kepala_pd','eselon_iii','eselon_iv','pelaksana']::text[], a.level)`,
);

/**
 * GET /api/monitoring/periods: what there is to fill in a year — the signed current PKs covering
 * it (optionally of one unit's subtree, or only where the actor writes or approves realisasi)
 * with their four quarters: report, status, indicators filled, lock. Three queries in all.
 */
export async function listPeriods(
  ctx: TenantContext,
  filter: { year?: number | undefined; unitId?: string | undefined; mine?: boolean | undefined },
): Promise<Periods> {
  assertCan(ctx.actor, 'monitoring.read');
  const settings = await readSettings(ctx);
  const now = clockNow();
  const today = todayIn(ctx.actor.timeZone, now);
  const year = filter.year ?? Number(today.slice(0, 4));
  const unitFilter = filter.unitId ? sql`and u.path @> array[${filter.unitId}]::uuid[]` : sql``;
  const agreements = await queryRows<AgreementSql>(
    ctx.tx,
    sql`select a.id, a.level, a.unit_id, u.name as unit_name, to_json(u.path) as unit_path,
               p.title as position_title, a.revision_no,
               fe.front_title as fp_front, fe.name as fp_name, fe.back_title as fp_back,
               (select count(*) from agreement_indicators ai
                 where ai.tenant_id = a.tenant_id and ai.agreement_id = a.id) as indicator_count
          from agreements a
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees fe on fe.tenant_id = a.tenant_id and fe.id = a.first_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
         where a.tenant_id = ${ctx.tenantId} and a.status in ('signed', 'published')
           and a.start_year <= ${year} and a.end_year >= ${year} ${unitFilter}
         order by ${levelOrder}, u.name nulls first, p.title`,
  );
  const visible = filter.mine
    ? agreements.filter((a) => {
        const target = { unitPath: a.unit_id ? (a.unit_path ?? [a.unit_id]) : null };
        return (
          can(ctx.actor, 'realisasi.write', target) || can(ctx.actor, 'realisasi.approve', target)
        );
      })
    : agreements;
  const ids = visible.map((a) => a.id);
  const reports =
    ids.length === 0
      ? []
      : await queryRows<ReportSql>(
          ctx.tx,
          sql`select r.id, r.agreement_id, r.quarter, r.status, r.unlocked_until,
                     (select count(*) from realisasi v
                       where v.tenant_id = r.tenant_id and v.report_id = r.id
                         and (v.value is not null or v.code is not null)) as filled
                from quarter_reports r
               where r.tenant_id = ${ctx.tenantId} and r.year = ${year}
                 and r.agreement_id = any(${sql.param(ids)}::uuid[])`,
        );
  const years = await queryRows<{ year: number }>(
    ctx.tx,
    sql`select distinct generate_series(a.start_year, a.end_year) as year
          from agreements a
         where a.tenant_id = ${ctx.tenantId} and a.status in ('signed', 'published', 'superseded')
         order by 1`,
  );
  const reportBy = new Map(reports.map((r) => [`${r.agreement_id}:${r.quarter}`, r]));
  const quarters = [1, 2, 3, 4] as const;
  return {
    year,
    years: [...new Set([...years.map((y) => Number(y.year)), year])].sort((a, b) => a - b),
    quarters: quarters.map((quarter) => ({
      quarter,
      deadline: reportDeadline(year, quarter, settings),
      locked: isPastDeadline(year, quarter, settings, today),
      open: isQuarterOpen(year, quarter, today),
    })),
    items: visible.map((a) => ({
      agreementId: a.id,
      title: agreementTitle(a.position_title, a.revision_no),
      level: a.level,
      unitId: a.unit_id,
      unitName: a.unit_name,
      firstPartyName: formatFullName({
        frontTitle: a.fp_front,
        name: a.fp_name,
        backTitle: a.fp_back,
      }),
      quarters: quarters.map((quarter) => {
        const r = reportBy.get(`${a.id}:${quarter}`);
        const unlockedUntil =
          r?.unlocked_until == null
            ? null
            : r.unlocked_until instanceof Date
              ? r.unlocked_until
              : new Date(r.unlocked_until);
        return {
          quarter,
          reportId: r?.id ?? null,
          status: r?.status ?? null,
          filled: Number(r?.filled ?? 0),
          total: Number(a.indicator_count),
          locked: isReportLocked({ year, quarter, unlockedUntil }, settings, today, now),
        };
      }),
    })),
  };
}
