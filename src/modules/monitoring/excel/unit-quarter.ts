import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.js';
import { now as clockNow, todayIn } from '../../../server/clock.js';
import type { RealisasiValue } from '../../../shared/capaian/index.js';
import type { AgreementLevel, CalcMethod, QuarterReportStatus } from '../../../shared/codes.js';
import type { TenantContext } from '../../access/context.js';
import { readSettings } from '../../agreements/agreement-common.js';
import { levelLabels } from '../../imports/export-agreements.js';
import { formatFullName } from '../../org/names.js';
import type { UnitRow } from '../../org/units/find-unit.js';
import type { TenantSettings } from '../../tenants/settings.js';
import {
  type IndicatorYear,
  loadIndicatorYears,
  realisasiFromColumns,
  yearKey,
} from '../indicator-years.js';
import { agreementTitle } from '../load-report.js';
import { isReportLocked, reportDeadline } from '../quarter-lock.js';

/**
 * One unit's quarter as the Excel template shows it and the import checks it against: every
 * signed current PK (signed or published) of the unit and of the units in its subtree (head,
 * eselon III, eselon IV) covering the year, with their indicators (targets and realisasi of
 * every quarter, this quarter's narrative), budget rows (pagu, spending so far), and the quarter
 * report if one was opened (status, version, lock). Read in a handful of set-based queries.
 */

export interface QuarterIndicator {
  id: string;
  agreementId: string;
  objectiveTitle: string;
  name: string;
  satuan: string;
  method: CalcMethod;
  allowNegative: boolean;
  /** The scale's codes (best first) when method = 'scale'. */
  scaleCodes: string[] | null;
  /** Measure, targets and TW I–IV realisasi (what the capaian engine and the save read). */
  year: IndicatorYear;
  /** This quarter's stored row (null when nothing was entered). */
  current: {
    value: RealisasiValue | null;
    analysis: string;
    obstacles: string;
    followUp: string;
  } | null;
}

export interface QuarterBudget {
  id: string;
  agreementId: string;
  /** Sub kegiatan code (or kegiatan / program code when the row is not a sub kegiatan). */
  code: string;
  name: string;
  /** Pagu, Rupiah with two decimals. */
  ceiling: string;
  /** Spending of the quarters before this one. */
  previous: string;
  /** Spending of every other quarter of the year (the ceiling check). */
  others: string;
  /** This quarter's spending (null: not entered). */
  current: string | null;
}

export interface QuarterAgreement {
  id: string;
  title: string;
  level: AgreementLevel;
  unitId: string;
  unitName: string;
  holderName: string;
  /** "Eselon III · Bidang Pelayanan Kesehatan · Agus Salim" (the PK column of the sheets). */
  label: string;
  report: {
    id: string;
    status: QuarterReportStatus;
    version: number;
    unlockedUntil: Date | null;
  } | null;
  /** Entry closed: quarter not begun, or deadline passed without an unlock in force. */
  locked: boolean;
  indicators: QuarterIndicator[];
  budgets: QuarterBudget[];
}

export interface UnitQuarter {
  unit: { id: string; name: string; path: string[] };
  year: number;
  quarter: number;
  settings: TenantSettings;
  deadline: string;
  agreements: QuarterAgreement[];
}

interface AgreementSql {
  id: string;
  level: AgreementLevel;
  unit_id: string;
  unit_name: string;
  revision_no: number;
  position_title: string;
  front_title: string | null;
  name: string;
  back_title: string | null;
  report_id: string | null;
  report_status: QuarterReportStatus | null;
  report_version: number | null;
  unlocked_until: string | Date | null;
}

interface IndicatorSql {
  id: string;
  agreement_id: string;
  name: string;
  satuan: string;
  method: CalcMethod;
  allow_negative: boolean;
  objective_title: string;
  value: string | null;
  code: string | null;
  analysis: string | null;
  obstacles: string | null;
  follow_up: string | null;
  has_row: boolean;
}

interface BudgetSql {
  id: string;
  agreement_id: string;
  program_code: string;
  program_name: string;
  kegiatan_code: string | null;
  kegiatan_name: string | null;
  sub_code: string | null;
  sub_name: string | null;
  ceiling: string;
  previous: string;
  others: string;
  current: string | null;
}

const asDate = (v: string | Date | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(v);

/** "1250000" / "1250000.5" → "1250000.00". */
export const money = (text: string): string => {
  const [integer = '0', fraction = ''] = text.split('.');
  return `${integer}.${fraction.padEnd(2, '0').slice(0, 2)}`;
};

export async function loadUnitQuarter(
  ctx: TenantContext,
  unit: Pick<UnitRow, 'id' | 'name' | 'path'>,
  year: number,
  quarter: number,
): Promise<UnitQuarter> {
  const settings = await readSettings(ctx);
  const now = clockNow();
  const today = todayIn(ctx.actor.timeZone, now);
  const tenantId = ctx.tenantId;
  const rows = await queryRows<AgreementSql>(
    ctx.tx,
    sql`select a.id, a.level, a.unit_id, u.name as unit_name, a.revision_no,
               p.title as position_title, e.front_title, e.name, e.back_title,
               r.id as report_id, r.status as report_status, r.version as report_version,
               r.unlocked_until
          from agreements a
          join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees e on e.tenant_id = a.tenant_id and e.id = a.first_party_employee_id
          left join quarter_reports r on r.tenant_id = a.tenant_id and r.agreement_id = a.id
                and r.year = ${year} and r.quarter = ${quarter}
         where a.tenant_id = ${tenantId} and a.status in ('signed', 'published')
           and a.start_year <= ${year} and a.end_year >= ${year}
           and (a.unit_id = ${unit.id} or ${unit.id}::uuid = any(u.path))
         order by array_position(array['kepala_pd', 'eselon_iii', 'eselon_iv', 'pelaksana']::text[],
                                 a.level::text),
                  cardinality(u.path), u.sort_order, u.name, p.title, a.id`,
  );
  const agreements: QuarterAgreement[] = rows.map((r) => {
    const holderName = formatFullName({
      frontTitle: r.front_title,
      name: r.name,
      backTitle: r.back_title,
    });
    const report =
      r.report_id && r.report_status && r.report_version !== null
        ? {
            id: r.report_id,
            status: r.report_status,
            version: r.report_version,
            unlockedUntil: asDate(r.unlocked_until),
          }
        : null;
    return {
      id: r.id,
      title: agreementTitle(r.position_title, r.revision_no),
      level: r.level,
      unitId: r.unit_id,
      unitName: r.unit_name,
      holderName,
      label: `${levelLabels[r.level]} · ${r.unit_name} · ${holderName}`,
      report,
      locked: isReportLocked(
        { year, quarter, unlockedUntil: report?.unlockedUntil ?? null },
        settings,
        today,
        now,
      ),
      indicators: [],
      budgets: [],
    };
  });
  const result: UnitQuarter = {
    unit: { id: unit.id, name: unit.name, path: unit.path.length > 0 ? unit.path : [unit.id] },
    year,
    quarter,
    settings,
    deadline: reportDeadline(year, quarter, settings),
    agreements,
  };
  if (agreements.length === 0) return result;

  const ids = sql`${sql.param(agreements.map((a) => a.id))}::uuid[]`;
  const years = await loadIndicatorYears(ctx.tx, tenantId, sql`ai.agreement_id = any(${ids})`, [
    year,
  ]);
  const indicators = await queryRows<IndicatorSql>(
    ctx.tx,
    sql`select ai.id, ai.agreement_id, ai.name, ai.satuan, ai.method, ai.allow_negative,
               o.title as objective_title, rv.value::text as value, rv.code, rv.analysis,
               rv.obstacles, rv.follow_up, (rv.indicator_id is not null) as has_row
          from agreement_indicators ai
          join agreement_objectives o on o.tenant_id = ai.tenant_id and o.id = ai.objective_id
          left join realisasi rv on rv.tenant_id = ai.tenant_id and rv.indicator_id = ai.id
                and rv.year = ${year} and rv.quarter = ${quarter}
         where ai.tenant_id = ${tenantId} and ai.agreement_id = any(${ids})
         order by o.sort_order, o.id, ai.sort_order, ai.id`,
  );
  const budgets = await queryRows<BudgetSql>(
    ctx.tx,
    sql`select b.id, b.agreement_id, b.program_code, b.program_name, b.kegiatan_code,
               b.kegiatan_name, b.sub_kegiatan_code as sub_code, b.sub_kegiatan_name as sub_name,
               b.amount::text as ceiling,
               (select coalesce(sum(br.amount), 0)::text from budget_realisasi br
                 where br.tenant_id = b.tenant_id and br.budget_id = b.id
                   and br.year = ${year} and br.quarter < ${quarter}) as previous,
               (select coalesce(sum(br.amount), 0)::text from budget_realisasi br
                 where br.tenant_id = b.tenant_id and br.budget_id = b.id
                   and br.year = ${year} and br.quarter <> ${quarter}) as others,
               (select br.amount::text from budget_realisasi br
                 where br.tenant_id = b.tenant_id and br.budget_id = b.id
                   and br.year = ${year} and br.quarter = ${quarter}) as current
          from agreement_budgets b
         where b.tenant_id = ${tenantId} and b.agreement_id = any(${ids})
         order by b.sort_order, b.id`,
  );
  const byId = new Map(agreements.map((a) => [a.id, a]));
  for (const i of indicators) {
    const iy = years.get(yearKey(i.id, year));
    const agreement = byId.get(i.agreement_id);
    if (!iy || !agreement) continue;
    agreement.indicators.push({
      id: i.id,
      agreementId: i.agreement_id,
      objectiveTitle: i.objective_title,
      name: i.name,
      satuan: i.satuan,
      method: i.method,
      allowNegative: i.allow_negative,
      scaleCodes: i.method === 'scale' ? (iy.measure.scale ?? []).map((l) => l.code) : null,
      year: iy,
      current: i.has_row
        ? {
            value: realisasiFromColumns(i.value, i.code),
            analysis: i.analysis ?? '',
            obstacles: i.obstacles ?? '',
            followUp: i.follow_up ?? '',
          }
        : null,
    });
  }
  for (const b of budgets) {
    byId.get(b.agreement_id)?.budgets.push({
      id: b.id,
      agreementId: b.agreement_id,
      code: b.sub_code ?? b.kegiatan_code ?? b.program_code,
      name: b.sub_name ?? b.kegiatan_name ?? b.program_name,
      ceiling: money(b.ceiling),
      previous: money(b.previous),
      others: money(b.others),
      current: b.current === null ? null : money(b.current),
    });
  }
  return result;
}
