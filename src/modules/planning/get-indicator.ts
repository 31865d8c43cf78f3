import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { findIndicator, findNode, findPeriod } from './find-plan.js';
import { indicatorView, qualityInput, yearlyTargets } from './indicator-view.js';
import { nodeFindings, qualitySeverity } from './plan-quality.js';
import { indicators, indicatorTargets } from './schema.js';

/**
 * One indicator with its quality findings, computed among its node's other active indicators
 * (so duplicates within the sasaran are found too). Returned after every save.
 */
export async function getIndicator(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, 'plans.read');
  const indicator = await findIndicator(ctx, id);
  const node = await findNode(ctx, indicator.nodeId);
  const period = await findPeriod(ctx, node.periodId);
  const siblings = await ctx.tx
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.tenantId, ctx.tenantId),
        eq(indicators.nodeId, node.id),
        isNull(indicators.archivedAt),
      ),
    );
  const all = indicator.archivedAt ? [...siblings, indicator] : siblings;
  const targetRows = await ctx.tx
    .select()
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.tenantId, ctx.tenantId),
        inArray(
          indicatorTargets.indicatorId,
          all.map((i) => i.id),
        ),
      ),
    );
  const targetsOf = (indicatorId: string) =>
    yearlyTargets(
      targetRows.filter((t) => t.indicatorId === indicatorId),
      period.startYear,
      period.endYear,
    );
  const findings = nodeFindings(
    node,
    all.map((i) => qualityInput(i, targetsOf(i.id))),
    await qualitySeverity(ctx),
  );
  return indicatorView(indicator, targetsOf(indicator.id), findings.byIndicator.get(id) ?? []);
}
