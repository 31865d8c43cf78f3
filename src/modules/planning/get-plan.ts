import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { findPeriod } from './find-plan.js';
import { periodView } from './period-view.js';

export async function getPlan(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, 'plans.read');
  return periodView(ctx.actor, await findPeriod(ctx, id));
}
