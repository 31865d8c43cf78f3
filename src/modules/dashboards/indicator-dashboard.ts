import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { AgreementLevel, AgreementStatus } from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import type { TargetValue } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { readAgreementTargets } from '../agreements/read-targets.js';
import { formatFullName } from '../org/names.js';
import {
  bandInfo,
  basis,
  countedSql,
  dashboardEnv,
  iso,
  signedSql,
  stored,
} from './dashboard-common.js';
import type { IndicatorDashboard, indicatorDashboardQuery } from './dashboard-schemas.js';
import { realisasiOf } from './unit-dashboard.js';

interface IndicatorRow {
  id: string;
  name: string;
  satuan: string;
  is_iku: boolean;
  polarity: string;
  method: string;
  aggregation: string;
  source_indicator_id: string | null;
  objective_title: string;
  agreement_id: string;
  level: AgreementLevel;
  status: AgreementStatus;
  start_year: number;
  end_year: number;
  position_id: string;
  unit_id: string | null;
  unit_name: string | null;
  position_title: string;
  front_title: string | null;
  person_name: string;
  back_title: string | null;
}

interface Version {
  indicatorId: string;
  agreementId: string;
  startYear: number;
  endYear: number;
  current: boolean;
  revisionNo: number;
}

/**
 * One indicator's page: its definition, the PK and unit, the targets of a year, its history
 * across PK years (the same plan indicator, or the same name, in the PKs of the same position)
 * with counted realisasi and the engine's stored capaian per quarter, the narrative of counted
 * quarters and their evidence. Five queries. Another tenant's id is 404.
 */
export async function getIndicatorDashboard(
  ctx: TenantContext,
  indicatorId: string,
  query: z.infer<typeof indicatorDashboardQuery>,
): Promise<IndicatorDashboard> {
  assertCan(ctx.actor, 'monitoring.read');
  const t = ctx.tenantId;
  const [ind] = await queryRows<IndicatorRow>(
    ctx.tx,
    sql`select i.id, i.name, i.satuan, i.is_iku, i.polarity, i.method, i.aggregation,
               i.source_indicator_id, o.title as objective_title, a.id as agreement_id, a.level,
               a.status, a.start_year, a.end_year, a.position_id, a.unit_id, u.name as unit_name,
               p.title as position_title, e.front_title, e.name as person_name, e.back_title
          from agreement_indicators i
          join agreement_objectives o on o.tenant_id = i.tenant_id and o.id = i.objective_id
          join agreements a on a.tenant_id = i.tenant_id and a.id = i.agreement_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees e on e.tenant_id = a.tenant_id and e.id = a.first_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
         where i.tenant_id = ${t} and i.id = ${indicatorId}`,
  );
  if (!ind) throw notFound('Indikator');
  const env = await dashboardEnv(ctx);
  const { rules } = env;

  // The same indicator in every signed PK of the position (all versions), and this one.
  const versionRows = await queryRows<{
    id: string;
    agreement_id: string;
    start_year: number;
    end_year: number;
    status: AgreementStatus;
    revision_no: number;
  }>(
    ctx.tx,
    sql`select i.id, a.id as agreement_id, a.start_year, a.end_year, a.status, a.revision_no
          from agreement_indicators i
          join agreements a on a.tenant_id = i.tenant_id and a.id = i.agreement_id
         where i.tenant_id = ${t} and a.position_id = ${ind.position_id}
           and (i.id = ${indicatorId} or (a.status in ${signedSql} and (
                ${ind.source_indicator_id === null ? sql`false` : sql`i.source_indicator_id = ${ind.source_indicator_id}`}
                or lower(trim(i.name)) = lower(trim(${ind.name})))))`,
  );
  const versions: Version[] = versionRows.map((v) => ({
    indicatorId: v.id,
    agreementId: v.agreement_id,
    startYear: Number(v.start_year),
    endYear: Number(v.end_year),
    current: v.status !== 'superseded',
    revisionNo: Number(v.revision_no),
  }));
  const ids = versions.map((v) => v.indicatorId);
  const revisionOf = new Map(versions.map((v) => [v.indicatorId, v.revisionNo]));

  const targets = new Map<string, TargetValue | null>();
  for (const r of await readAgreementTargets(ctx.tx, t, { indicatorIds: ids })) {
    targets.set(`${r.indicatorId}|${r.year}|${r.quarter}`, r.target);
  }
  const targetOf = (id: string, year: number, quarter: number) =>
    targets.get(`${id}|${year}|${quarter}`) ?? null;

  const valueRows = await queryRows<{
    indicator_id: string;
    year: number;
    quarter: number;
    value: string | null;
    code: string | null;
    capaian_to_date: string | null;
    capaian_annual: string | null;
    analysis: string;
    obstacles: string;
    follow_up: string;
  }>(
    ctx.tx,
    sql`select x.indicator_id, x.year, x.quarter, x.value::text as value, x.code,
               x.capaian_to_date::text as capaian_to_date, x.capaian_annual::text as capaian_annual,
               x.analysis, x.obstacles, x.follow_up
          from realisasi x
          join quarter_reports r on r.tenant_id = x.tenant_id and r.id = x.report_id
         where x.tenant_id = ${t} and x.indicator_id = any(${sql.param(ids)}::uuid[])
           and r.status in ${countedSql}`,
  );
  // Per year and quarter, the newest PK version's counted row.
  const counted = new Map<string, (typeof valueRows)[number]>();
  for (const r of valueRows) {
    const key = `${r.year}|${r.quarter}`;
    const existing = counted.get(key);
    if (
      !existing ||
      (revisionOf.get(r.indicator_id) ?? 0) > (revisionOf.get(existing.indicator_id) ?? 0)
    ) {
      counted.set(key, r);
    }
  }

  const evidenceRows = await queryRows<{
    id: string;
    file_name: string;
    content_type: string;
    size_bytes: number | string;
    created_at: string | Date;
    year: number;
    quarter: number;
  }>(
    ctx.tx,
    sql`select f.id, f.file_name, f.content_type, f.size_bytes, f.created_at, r.year, r.quarter
          from evidence_files f
          join quarter_reports r on r.tenant_id = f.tenant_id and r.id = f.report_id
         where f.tenant_id = ${t} and f.indicator_id = any(${sql.param(ids)}::uuid[])
           and f.deleted_at is null and r.status in ${countedSql}
         order by r.year desc, r.quarter desc, f.created_at desc`,
  );

  // Years: every year a version covers. Per year the version shown: current before superseded,
  // then the newest revision.
  const yearSet = new Set<number>();
  for (const v of versions) for (let y = v.startYear; y <= v.endYear; y += 1) yearSet.add(y);
  const yearsList = [...yearSet].sort((a, b) => a - b);
  const versionFor = (year: number): Version | undefined =>
    versions
      .filter((v) => v.startYear <= year && v.endYear >= year)
      .sort(
        (a, b) =>
          Number(b.current) - Number(a.current) ||
          b.revisionNo - a.revisionNo ||
          Number(b.indicatorId === indicatorId) - Number(a.indicatorId === indicatorId),
      )[0];

  const years: IndicatorDashboard['years'] = [];
  for (const year of yearsList) {
    const v = versionFor(year);
    if (!v) continue;
    const rows = [1, 2, 3, 4].map((q) => counted.get(`${year}|${q}`));
    const last = [...rows].reverse().find((r) => r !== undefined);
    years.push({
      year,
      agreementId: v.agreementId,
      indicatorId: v.indicatorId,
      annualTarget: targetOf(v.indicatorId, year, 0),
      quarterTargets: [1, 2, 3, 4].map((q) => targetOf(v.indicatorId, year, q)),
      realisasi: rows.map((r) => realisasiOf(r)),
      capaianToDate: rows.map((r) => stored(r?.capaian_to_date, rules)),
      capaianAnnual: stored(last?.capaian_annual, rules),
    });
  }

  const thisYear = Number(env.today.slice(0, 4));
  const year =
    query.year ?? Math.min(Math.max(thisYear, Number(ind.start_year)), Number(ind.end_year));

  const narrative: IndicatorDashboard['narrative'] = [...counted.values()]
    .filter((r) => r.analysis.trim() || r.obstacles.trim() || r.follow_up.trim())
    .sort((a, b) => b.year - a.year || b.quarter - a.quarter)
    .map((r) => ({
      year: Number(r.year),
      quarter: Number(r.quarter),
      analysis: r.analysis,
      obstacles: r.obstacles,
      followUp: r.follow_up,
    }));

  return {
    basis,
    bands: bandInfo(rules),
    indicator: {
      id: ind.id,
      name: ind.name,
      satuan: ind.satuan,
      isIku: ind.is_iku,
      polarity: ind.polarity,
      method: ind.method,
      aggregation: ind.aggregation,
      objectiveTitle: ind.objective_title,
      sourceIndicatorId: ind.source_indicator_id,
    },
    unit: ind.unit_id && ind.unit_name ? { id: ind.unit_id, name: ind.unit_name } : null,
    agreement: {
      id: ind.agreement_id,
      level: ind.level,
      status: ind.status,
      startYear: Number(ind.start_year),
      endYear: Number(ind.end_year),
      firstPartyName: formatFullName({
        frontTitle: ind.front_title,
        name: ind.person_name,
        backTitle: ind.back_title,
      }),
      positionTitle: ind.position_title,
    },
    year,
    targets: {
      annual: targetOf(indicatorId, year, 0),
      quarters: [1, 2, 3, 4].map((q) => targetOf(indicatorId, year, q)),
    },
    years,
    narrative,
    evidence: evidenceRows.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      sizeBytes: Number(f.size_bytes),
      createdAt: iso(f.created_at),
      year: Number(f.year),
      quarter: Number(f.quarter),
    })),
  };
}
