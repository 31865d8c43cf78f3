import type { Aggregation, CalcMethod } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import type { QuarterPlanProblem } from './types.js';

/**
 * STUB (being written): checks TW I–IV targets against the annual target by aggregation type
 * (cumulative: the quarters add up to the annual target; last value: TW IV equals it; average:
 * their mean equals it). All four or none.
 */
export function checkQuarterPlan(_plan: {
  method: CalcMethod;
  aggregation: Aggregation;
  annual: TargetValue | null;
  quarters: readonly (TargetValue | null)[];
}): QuarterPlanProblem[] {
  return [];
}
