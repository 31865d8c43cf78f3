import { newId } from '../../db/columns.js';
import type { TenantContext } from '../access/context.js';
import { nodeForWrite } from './find-plan.js';
import { checkIndicatorTargets } from './indicator-input.js';
import {
  baselineColumns,
  checkResponsibleUnit,
  endTargetColumns,
  scaleCodesFor,
  writeTargets,
} from './indicator-refs.js';
import type { CreateIndicatorInput } from './plan-schemas.js';
import { indicators } from './schema.js';

/** Adds an indicator (with its Manual IKU fields and yearly targets) to a plan node. */
export async function createIndicator(ctx: TenantContext, input: CreateIndicatorInput) {
  const { node, period } = await nodeForWrite(ctx, input.nodeId);
  const scaleId = input.scaleId ?? null;
  await checkResponsibleUnit(ctx, input.responsibleUnitId);
  const scaleCodes = await scaleCodesFor(ctx, input.method, scaleId);
  const checked = checkIndicatorTargets(
    {
      method: input.method,
      polarity: input.polarity,
      startYear: period.startYear,
      endYear: period.endYear,
      scaleCodes,
    },
    {
      targets: input.targets,
      endTarget: input.endTarget ?? null,
      baseline: input.baseline ?? null,
    },
  );
  const id = newId();
  await ctx.tx.insert(indicators).values({
    tenantId: ctx.tenantId,
    id,
    nodeId: node.id,
    name: input.name,
    satuan: input.satuan,
    polarity: input.polarity,
    method: input.method,
    aggregation: input.aggregation,
    scaleId,
    isIku: input.isIku,
    allowNegative: input.allowNegative ?? false,
    definition: input.definition,
    formulaText: input.formulaText,
    dataSource: input.dataSource,
    responsibleUnitId: input.responsibleUnitId ?? null,
    ...baselineColumns(checked.baseline),
    ...endTargetColumns(checked.endTarget),
  });
  await writeTargets(ctx.tx, ctx.tenantId, id, checked.targets);
  await ctx.audit({
    action: 'indicator.create',
    entityType: 'indicator',
    entityId: id,
    data: { ...input },
  });
  return id;
}
