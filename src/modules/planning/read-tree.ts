import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan, planNodePermissions } from '../access/policy.js';
import { findPdUnit, findPeriod } from './find-plan.js';
import { indicatorView, qualityInput, yearlyTargets } from './indicator-view.js';
import { listScales } from './list-scales.js';
import { periodView } from './period-view.js';
import { nodeFindings, qualitySeverity } from './plan-quality.js';
import { budgetLines, indicators, indicatorTargets, planNodes } from './schema.js';

/**
 * One whole plan tree in one response: the RPJMD (unitId null) or a PD's Renstra, every node with
 * its indicators, yearly targets, budget lines, supported RPJMD node, permissions and quality
 * findings. A fixed number of queries whatever the size of the tree (no query per node).
 */
export async function readTree(
  ctx: TenantContext,
  periodId: string,
  unitId: string | null,
  includeArchived: boolean,
) {
  assertCan(ctx.actor, 'plans.read');
  const period = await findPeriod(ctx, periodId);
  const unit = unitId ? await findPdUnit(ctx, unitId) : null;
  const inTree: SQL[] = [
    eq(planNodes.tenantId, ctx.tenantId),
    eq(planNodes.periodId, periodId),
    unitId ? eq(planNodes.unitId, unitId) : isNull(planNodes.unitId),
  ];
  if (!includeArchived) inTree.push(isNull(planNodes.archivedAt));
  const treeIds = ctx.tx
    .select({ id: planNodes.id })
    .from(planNodes)
    .where(and(...inTree));

  // Sequential on purpose: one transaction is one connection, which runs one statement at a time.
  const nodes = await ctx.tx
    .select()
    .from(planNodes)
    .where(and(...inTree))
    .orderBy(asc(planNodes.sortOrder), asc(planNodes.code), asc(planNodes.createdAt));
  const indicatorRows = await ctx.tx
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.tenantId, ctx.tenantId),
        inArray(indicators.nodeId, treeIds),
        includeArchived ? undefined : isNull(indicators.archivedAt),
      ),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.createdAt));
  const targetRows = await ctx.tx
    .select({ t: indicatorTargets })
    .from(indicatorTargets)
    .innerJoin(
      indicators,
      and(
        eq(indicators.tenantId, indicatorTargets.tenantId),
        eq(indicators.id, indicatorTargets.indicatorId),
      ),
    )
    .where(and(eq(indicatorTargets.tenantId, ctx.tenantId), inArray(indicators.nodeId, treeIds)));
  const budgetRows = await ctx.tx
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, ctx.tenantId), inArray(budgetLines.nodeId, treeIds)))
    .orderBy(asc(budgetLines.year), asc(budgetLines.kind));
  const rpjmdTargets = await ctx.tx
    .select({
      id: planNodes.id,
      kind: planNodes.kind,
      code: planNodes.code,
      title: planNodes.title,
    })
    .from(planNodes)
    .where(
      and(
        eq(planNodes.tenantId, ctx.tenantId),
        eq(planNodes.periodId, periodId),
        isNull(planNodes.unitId),
        inArray(planNodes.kind, ['tujuan', 'sasaran']),
        isNull(planNodes.archivedAt),
      ),
    )
    .orderBy(asc(planNodes.sortOrder), asc(planNodes.createdAt));
  const scales = await listScales(ctx);
  const severity = await qualitySeverity(ctx);

  const supported = new Map(rpjmdTargets.map((n) => [n.id, n]));
  // A Renstra node may support an archived RPJMD node: keep its title readable.
  const missing = nodes
    .map((n) => n.supportsNodeId)
    .filter((id): id is string => id !== null && !supported.has(id));
  if (missing.length > 0) {
    const rows = await ctx.tx
      .select({
        id: planNodes.id,
        kind: planNodes.kind,
        code: planNodes.code,
        title: planNodes.title,
      })
      .from(planNodes)
      .where(and(eq(planNodes.tenantId, ctx.tenantId), inArray(planNodes.id, missing)));
    for (const row of rows) supported.set(row.id, row);
  }

  const targetsByIndicator = new Map<string, (typeof targetRows)[number]['t'][]>();
  for (const { t } of targetRows) {
    const list = targetsByIndicator.get(t.indicatorId) ?? [];
    list.push(t);
    targetsByIndicator.set(t.indicatorId, list);
  }
  const indicatorsByNode = new Map<string, typeof indicatorRows>();
  for (const i of indicatorRows) {
    const list = indicatorsByNode.get(i.nodeId) ?? [];
    list.push(i);
    indicatorsByNode.set(i.nodeId, list);
  }
  const budgetsByNode = new Map<
    string,
    { year: number; kind: (typeof budgetRows)[number]['kind']; amount: string }[]
  >();
  for (const b of budgetRows) {
    const list = budgetsByNode.get(b.nodeId) ?? [];
    list.push({ year: b.year, kind: b.kind, amount: b.amount });
    budgetsByNode.set(b.nodeId, list);
  }

  const open = period.status !== 'closed';
  const unitPath = unit ? unit.path : null;
  const readOnly = { update: false, createChild: false, archive: false, restore: false };
  const withOpen = (p: typeof readOnly) => (open ? p : readOnly);
  const rootPermissions = withOpen(planNodePermissions(ctx.actor, { unitPath, archived: false }));

  return {
    period: periodView(ctx.actor, period),
    unit: unit ? { id: unit.id, name: unit.name } : null,
    nodes: nodes.map((node) => {
      const own = indicatorsByNode.get(node.id) ?? [];
      const withTargets = own.map((i) => ({
        row: i,
        targets: yearlyTargets(
          targetsByIndicator.get(i.id) ?? [],
          period.startYear,
          period.endYear,
        ),
      }));
      const findings = nodeFindings(
        node,
        withTargets.filter((i) => !i.row.archivedAt).map((i) => qualityInput(i.row, i.targets)),
        severity,
      );
      const supports = node.supportsNodeId ? supported.get(node.supportsNodeId) : undefined;
      return {
        id: node.id,
        periodId: node.periodId,
        unitId: node.unitId,
        parentId: node.parentId,
        kind: node.kind,
        code: node.code,
        title: node.title,
        supports: supports ? { id: supports.id, title: supports.title, code: supports.code } : null,
        sortOrder: node.sortOrder,
        version: node.version,
        archived: node.archivedAt !== null,
        indicators: withTargets.map((i) =>
          indicatorView(i.row, i.targets, findings.byIndicator.get(i.row.id) ?? []),
        ),
        budgets: budgetsByNode.get(node.id) ?? [],
        findings: findings.node,
        permissions: withOpen(
          planNodePermissions(ctx.actor, { unitPath, archived: node.archivedAt !== null }),
        ),
      };
    }),
    rpjmdTargets: unitId ? rpjmdTargets : [],
    scales,
    permissions: { createRoot: rootPermissions.createChild },
  };
}
