import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan, canWriteRenstra } from '../access/policy.js';
import { units } from '../org/schema.js';
import { findPeriod, pdUnitTypes } from './find-plan.js';
import { budgetLines, indicators, planNodes } from './schema.js';

const emptyCounts = () => ({
  tujuan: 0,
  sasaran: 0,
  program: 0,
  kegiatan: 0,
  subKegiatan: 0,
  indicators: 0,
});

/**
 * One row per Perangkat Daerah with the size of its Renstra in the period, the sasaran not linked
 * to an RPJMD sasaran, and its total pagu indikatif. Four grouped queries for all PD at once.
 */
export async function listRenstra(ctx: TenantContext, periodId: string) {
  assertCan(ctx.actor, 'plans.read');
  const period = await findPeriod(ctx, periodId);
  const pds = await ctx.tx
    .select({ id: units.id, name: units.name, shortName: units.shortName, path: units.path })
    .from(units)
    .where(
      and(
        eq(units.tenantId, ctx.tenantId),
        isNull(units.parentId),
        isNull(units.archivedAt),
        inArray(units.type, [...pdUnitTypes]),
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.name));
  const active = and(
    eq(planNodes.tenantId, ctx.tenantId),
    eq(planNodes.periodId, periodId),
    isNotNull(planNodes.unitId),
    isNull(planNodes.archivedAt),
  );
  const nodeCounts = await ctx.tx
    .select({
      unitId: planNodes.unitId,
      kind: planNodes.kind,
      n: count(),
      unlinked: sql<number>`count(*) filter (where ${planNodes.supportsNodeId} is null)`.mapWith(
        Number,
      ),
    })
    .from(planNodes)
    .where(active)
    .groupBy(planNodes.unitId, planNodes.kind);
  const indicatorCounts = await ctx.tx
    .select({ unitId: planNodes.unitId, n: count() })
    .from(indicators)
    .innerJoin(
      planNodes,
      and(eq(planNodes.tenantId, indicators.tenantId), eq(planNodes.id, indicators.nodeId)),
    )
    .where(and(active, isNull(indicators.archivedAt)))
    .groupBy(planNodes.unitId);
  const pagu = await ctx.tx
    .select({
      unitId: planNodes.unitId,
      total: sql<string>`coalesce(sum(${budgetLines.amount}), 0)::numeric(22,2)::text`,
    })
    .from(budgetLines)
    .innerJoin(
      planNodes,
      and(eq(planNodes.tenantId, budgetLines.tenantId), eq(planNodes.id, budgetLines.nodeId)),
    )
    .where(and(active, eq(planNodes.kind, 'program'), eq(budgetLines.kind, 'pagu_indikatif')))
    .groupBy(planNodes.unitId);

  const counts = new Map<string, ReturnType<typeof emptyCounts> & { unlinked: number }>();
  const countsOf = (unitId: string) => {
    let c = counts.get(unitId);
    if (!c) {
      c = { ...emptyCounts(), unlinked: 0 };
      counts.set(unitId, c);
    }
    return c;
  };
  for (const row of nodeCounts) {
    if (!row.unitId) continue;
    const c = countsOf(row.unitId);
    const key = row.kind === 'sub_kegiatan' ? 'subKegiatan' : row.kind;
    if (key !== 'misi') c[key] = Number(row.n);
    if (row.kind === 'sasaran') c.unlinked = row.unlinked;
  }
  for (const row of indicatorCounts)
    if (row.unitId) countsOf(row.unitId).indicators = Number(row.n);
  const paguBy = new Map(pagu.map((p) => [p.unitId, p.total]));
  const open = period.status !== 'closed';

  return {
    items: pds.map((pd) => {
      const { unlinked, ...c } = counts.get(pd.id) ?? { ...emptyCounts(), unlinked: 0 };
      return {
        unit: { id: pd.id, name: pd.name, shortName: pd.shortName },
        counts: c,
        unlinkedSasaran: unlinked,
        paguTotal: paguBy.get(pd.id) ?? '0.00',
        permissions: { write: open && canWriteRenstra(ctx.actor, pd.path) },
      };
    }),
  };
}
