import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { averageCapaian, bandOf } from '../../shared/capaian/index.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import {
  bandInfo,
  basis,
  capaianValue,
  countedHeadReports,
  dashboardEnv,
  headAgreements,
  iso,
  ReportIndex,
  rankByValue,
  resolvePeriod,
  stored,
} from './dashboard-common.js';
import type { Appreciation, appreciationQuery } from './dashboard-schemas.js';

/**
 * The appreciation and evaluation proposal (issue 5 §6): every PD ranked by its score, the
 * tenant-configurable weighted average of the ANNUAL capaian (realisasi so far against the
 * annual target) of its head PK's indicators at one quarter — by default the last quarter of the
 * year with counted data, so at year end TW IV — with IKU counted `ikuWeight` times. Every PD is
 * measured at the same quarter: a PD without a counted report there has no score.
 *
 * Proposals: a score under `evaluationThreshold` → 'evaluation'; otherwise a rank within the
 * first `appreciationCount` → 'appreciation' (ties at the boundary share it, so more PD may be
 * proposed). A PD under the threshold is never proposed for appreciation, even in the top ranks.
 * The supervisory notes of pihak kedua on each PD's quarters come along.
 */
export async function getAppreciation(
  ctx: TenantContext,
  query: z.infer<typeof appreciationQuery>,
): Promise<Appreciation> {
  assertCan(ctx.actor, 'monitoring.read');
  const env = await dashboardEnv(ctx);
  const { rules } = env;
  const { ikuWeight, appreciationCount, evaluationThreshold } = env.settings.monitoring;
  const { year, quarter, years } = await resolvePeriod(ctx, env, query);
  const heads = await headAgreements(ctx, year);
  const index = new ReportIndex(await countedHeadReports(ctx, year, year));
  const notes = await notesByUnit(ctx, year);

  const lines = heads.map((head) => {
    const rows = index.get(head.unitId, year, quarter)?.rows ?? [];
    const score = averageCapaian(
      rows.map((r) => ({ capaian: stored(r.annual, rules), weight: r.isIku ? ikuWeight : 1 })),
      rules,
    );
    return { head, score, assessed: rows.filter((r) => r.annual !== null).length };
  });
  const ranking: Appreciation['ranking'] = rankByValue(lines, (l) => capaianValue(l.score)).map(
    ({ item, rank }) => {
      const score = capaianValue(item.score);
      const proposal =
        score === null
          ? null
          : new Decimal(score).lt(evaluationThreshold)
            ? ('evaluation' as const)
            : rank !== null && rank <= appreciationCount
              ? ('appreciation' as const)
              : null;
      return {
        rank,
        unitId: item.head.unitId,
        unitName: item.head.unitName,
        score,
        indicators: item.head.indicators,
        assessed: item.assessed,
        iku: item.head.iku,
        band: score === null ? null : bandOf(score, rules),
        proposal,
        notes: notes.get(item.head.unitId) ?? [],
      };
    },
  );
  return {
    year,
    quarter,
    years,
    settings: { ikuWeight, appreciationCount, evaluationThreshold },
    basis,
    bands: bandInfo(rules),
    ranking,
  };
}

type NoteLine = Appreciation['ranking'][number]['notes'][number];

/** Supervisory notes of the year per unit, by quarter then time (table supervisory_notes). */
async function notesByUnit(ctx: TenantContext, year: number): Promise<Map<string, NoteLine[]>> {
  const rows = await queryRows<{
    unit_id: string;
    quarter: number;
    author_name: string;
    note: string;
    created_at: string | Date;
  }>(
    ctx.tx,
    sql`select unit_id, quarter, author_name, note, created_at
          from supervisory_notes
         where tenant_id = ${ctx.tenantId} and year = ${year} and unit_id is not null
         order by quarter, created_at`,
  );
  const out = new Map<string, NoteLine[]>();
  for (const r of rows) {
    const list = out.get(r.unit_id) ?? [];
    list.push({
      quarter: Number(r.quarter),
      authorName: r.author_name,
      note: r.note,
      createdAt: iso(r.created_at),
    });
    out.set(r.unit_id, list);
  }
  return out;
}
