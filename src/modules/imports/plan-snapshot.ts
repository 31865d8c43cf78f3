import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Aggregation, CalcMethod, PlanNodeKind, Polarity } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { units } from '../org/schema.js';
import {
  budgetLines,
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
  ratingScaleLevels,
  ratingScales,
} from '../planning/schema.js';

/**
 * Everything an RPJMD or Renstra import compares the file with, read in a handful of queries
 * (never one per row): the period, the tree of the scope, its indicators with targets, the
 * pagu indikatif, the RPJMD nodes a Renstra may support, and the tenant's rating scales.
 */

export interface PeriodRow {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  status: 'draft' | 'active' | 'closed';
}

export interface ExistingNode {
  id: string;
  kind: PlanNodeKind;
  parentId: string | null;
  code: string | null;
  title: string;
  supportsNodeId: string | null;
  sortOrder: number;
}

export interface ExistingIndicator {
  id: string;
  nodeId: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  scaleId: string | null;
  isIku: boolean;
  baselineYear: number | null;
  baseline: TargetValue | null;
  endTarget: TargetValue | null;
  targets: Map<number, TargetValue>;
  sortOrder: number;
}

export interface ScaleInfo {
  id: string;
  key: string;
  codes: ReadonlySet<string>;
}

export interface PlanSnapshot {
  period: PeriodRow;
  unit: { id: string; name: string; path: string[] } | null;
  nodes: ExistingNode[];
  indicators: ExistingIndicator[];
  /** Pagu indikatif per node and year. */
  pagu: Map<string, Map<number, string>>;
  /** RPJMD tujuan/sasaran of the period (what a Renstra row may support). */
  rpjmdNodes: ExistingNode[];
  scalesByKey: Map<string, ScaleInfo>;
  scalesById: Map<string, ScaleInfo>;
}

export const periodYears = (period: PeriodRow): number[] =>
  Array.from({ length: period.endYear - period.startYear + 1 }, (_v, i) => period.startYear + i);

export async function findPeriod(ctx: TenantContext, periodId: string): Promise<PeriodRow> {
  const [period] = await ctx.tx
    .select({
      id: planPeriods.id,
      name: planPeriods.name,
      startYear: planPeriods.startYear,
      endYear: planPeriods.endYear,
      status: planPeriods.status,
    })
    .from(planPeriods)
    .where(and(eq(planPeriods.tenantId, ctx.tenantId), eq(planPeriods.id, periodId)));
  if (!period) throw notFound('Periode RPJMD');
  return period;
}

export async function findPlanUnit(
  ctx: TenantContext,
  unitId: string,
): Promise<{ id: string; name: string; path: string[]; code: string | null }> {
  const [unit] = await ctx.tx
    .select({
      id: units.id,
      name: units.name,
      path: units.path,
      code: units.code,
      archivedAt: units.archivedAt,
    })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unitId)));
  if (!unit) throw notFound('Perangkat Daerah');
  if (unit.archivedAt) {
    throw new AppError('ARCHIVED', 'Perangkat Daerah ini sudah diarsipkan.');
  }
  return { id: unit.id, name: unit.name, path: unit.path, code: unit.code };
}

export async function loadScales(
  ctx: TenantContext,
): Promise<{ byKey: Map<string, ScaleInfo>; byId: Map<string, ScaleInfo> }> {
  const rows = await ctx.tx
    .select({ id: ratingScales.id, key: ratingScales.key, code: ratingScaleLevels.code })
    .from(ratingScales)
    .leftJoin(
      ratingScaleLevels,
      and(
        eq(ratingScaleLevels.tenantId, ratingScales.tenantId),
        eq(ratingScaleLevels.scaleId, ratingScales.id),
      ),
    )
    .where(eq(ratingScales.tenantId, ctx.tenantId));
  const byId = new Map<string, { id: string; key: string; codes: Set<string> }>();
  for (const row of rows) {
    const scale = byId.get(row.id) ?? { id: row.id, key: row.key, codes: new Set<string>() };
    if (row.code) scale.codes.add(row.code);
    byId.set(row.id, scale);
  }
  return { byId, byKey: new Map([...byId.values()].map((s) => [s.key, s])) };
}

const nodeColumns = {
  id: planNodes.id,
  kind: planNodes.kind,
  parentId: planNodes.parentId,
  code: planNodes.code,
  title: planNodes.title,
  supportsNodeId: planNodes.supportsNodeId,
  sortOrder: planNodes.sortOrder,
};

export async function loadPlanSnapshot(
  ctx: TenantContext,
  period: PeriodRow,
  unit: PlanSnapshot['unit'],
): Promise<PlanSnapshot> {
  const inScope = and(
    eq(planNodes.tenantId, ctx.tenantId),
    eq(planNodes.periodId, period.id),
    unit ? eq(planNodes.unitId, unit.id) : isNull(planNodes.unitId),
    isNull(planNodes.archivedAt),
  );
  const nodes = await ctx.tx.select(nodeColumns).from(planNodes).where(inScope);
  const indicatorRows = await ctx.tx
    .select({
      id: indicators.id,
      nodeId: indicators.nodeId,
      name: indicators.name,
      satuan: indicators.satuan,
      polarity: indicators.polarity,
      method: indicators.method,
      aggregation: indicators.aggregation,
      scaleId: indicators.scaleId,
      isIku: indicators.isIku,
      baselineYear: indicators.baselineYear,
      baselineValue: indicators.baselineValue,
      baselineLow: indicators.baselineLow,
      baselineHigh: indicators.baselineHigh,
      baselineCode: indicators.baselineCode,
      endTargetValue: indicators.endTargetValue,
      endTargetLow: indicators.endTargetLow,
      endTargetHigh: indicators.endTargetHigh,
      endTargetCode: indicators.endTargetCode,
      sortOrder: indicators.sortOrder,
    })
    .from(indicators)
    .innerJoin(
      planNodes,
      and(eq(planNodes.tenantId, indicators.tenantId), eq(planNodes.id, indicators.nodeId)),
    )
    .where(and(inScope, isNull(indicators.archivedAt)));
  const targetRows = indicatorRows.length
    ? await ctx.tx
        .select()
        .from(indicatorTargets)
        .where(
          and(
            eq(indicatorTargets.tenantId, ctx.tenantId),
            inArray(
              indicatorTargets.indicatorId,
              sql`(select i.id from indicators i join plan_nodes n on n.tenant_id = i.tenant_id and n.id = i.node_id
                    where n.tenant_id = ${ctx.tenantId} and n.period_id = ${period.id}
                      and ${unit ? sql`n.unit_id = ${unit.id}` : sql`n.unit_id is null`})`,
            ),
          ),
        )
    : [];
  const targetsByIndicator = new Map<string, Map<number, TargetValue>>();
  for (const t of targetRows) {
    const target = targetFromColumns({
      value: t.targetValue,
      low: t.targetLow,
      high: t.targetHigh,
      code: t.targetCode,
    });
    if (!target) continue;
    const map = targetsByIndicator.get(t.indicatorId) ?? new Map<number, TargetValue>();
    map.set(t.year, target);
    targetsByIndicator.set(t.indicatorId, map);
  }
  const pagu = new Map<string, Map<number, string>>();
  if (unit) {
    const budgetRows = await ctx.tx
      .select({ nodeId: budgetLines.nodeId, year: budgetLines.year, amount: budgetLines.amount })
      .from(budgetLines)
      .innerJoin(
        planNodes,
        and(eq(planNodes.tenantId, budgetLines.tenantId), eq(planNodes.id, budgetLines.nodeId)),
      )
      .where(and(inScope, eq(budgetLines.kind, 'pagu_indikatif')));
    for (const b of budgetRows) {
      const map = pagu.get(b.nodeId) ?? new Map<number, string>();
      map.set(b.year, b.amount);
      pagu.set(b.nodeId, map);
    }
  }
  const rpjmdNodes = unit
    ? await ctx.tx
        .select(nodeColumns)
        .from(planNodes)
        .where(
          and(
            eq(planNodes.tenantId, ctx.tenantId),
            eq(planNodes.periodId, period.id),
            isNull(planNodes.unitId),
            inArray(planNodes.kind, ['tujuan', 'sasaran']),
            isNull(planNodes.archivedAt),
          ),
        )
    : [];
  const scales = await loadScales(ctx);
  return {
    period,
    unit,
    nodes,
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      nodeId: i.nodeId,
      name: i.name,
      satuan: i.satuan,
      polarity: i.polarity,
      method: i.method,
      aggregation: i.aggregation,
      scaleId: i.scaleId,
      isIku: i.isIku,
      baselineYear: i.baselineYear,
      baseline: targetFromColumns({
        value: i.baselineValue,
        low: i.baselineLow,
        high: i.baselineHigh,
        code: i.baselineCode,
      }),
      endTarget: targetFromColumns({
        value: i.endTargetValue,
        low: i.endTargetLow,
        high: i.endTargetHigh,
        code: i.endTargetCode,
      }),
      targets: targetsByIndicator.get(i.id) ?? new Map(),
      sortOrder: i.sortOrder,
    })),
    pagu,
    rpjmdNodes,
    scalesByKey: scales.byKey,
    scalesById: scales.byId,
  };
}
