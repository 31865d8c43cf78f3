import type { Actor } from '../access/actor.js';
import { can } from '../access/policy.js';
import type { PeriodRow } from './find-plan.js';

/** A period as the API shows it, with what the actor may do with it. */
export function periodView(actor: Actor, p: PeriodRow) {
  const write = can(actor, 'plans.write');
  return {
    id: p.id,
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
    status: p.status,
    visi: p.visi,
    version: p.version,
    permissions: {
      update: write && p.status !== 'closed',
      activate: write && p.status === 'draft',
      close: write && p.status === 'active',
    },
  };
}
