import type { Database } from '../../../db/client.js';
import type { Actor } from '../../access/actor.js';
import { runInTenant } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { loadUnitDetail, presentUnitDetail } from './get-unit.js';
import { UnitDetailCache } from './unit-detail-cache.js';

const cache = new UnitDetailCache();

/**
 * GET /api/units/:id: from the per-process cache when the tenant's organisation has not changed
 * since it was read (orgVersion comes with the session), otherwise from the database. The rows
 * are stored under the version read *before* loading them, so a change committed in between can
 * only make an entry fresher than its key, never staler.
 */
export async function readUnit(
  database: Database,
  actor: Actor & { tenantId: string },
  input: { id: string; date: string; orgVersion: number | null; ip: string | null },
) {
  assertCan(actor, 'org.read');
  const { id, date, orgVersion } = input;
  const cached = orgVersion === null ? null : cache.get(actor.tenantId, id, date, orgVersion);
  if (cached) return presentUnitDetail(actor, cached);
  const row = await runInTenant(database, actor, actor.tenantId, input.ip, (ctx) =>
    loadUnitDetail(ctx, id, date),
  );
  if (orgVersion !== null) cache.set(actor.tenantId, id, date, orgVersion, row);
  return presentUnitDetail(actor, row);
}
