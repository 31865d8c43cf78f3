import type { Database } from '../../../db/client.js';
import type { Actor } from '../../access/actor.js';
import { runInTenant } from '../../access/context.js';
import { assertCan } from '../../access/policy.js';
import { loadUnitDetail, presentUnitDetail } from './get-unit.js';
import { UnitDetailCache } from './unit-detail-cache.js';

const cache = new UnitDetailCache();

/** Permissions depend only on the actor's grants and token scopes: one rendering per set. */
const grantsKey = (actor: Actor): string =>
  `${actor.via}:${actor.scopes.join(',')}:${actor.grants.map((g) => `${g.role}@${g.unitId ?? '*'}`).join(',')}`;

/**
 * GET /api/units/:id as a JSON string: from the per-process cache when the tenant's organisation
 * has not changed since it was read (orgVersion comes with the session), otherwise from the
 * database. Rows are stored under the version read *before* loading them, so a change committed
 * in between can only make an entry fresher than its key, never staler. The rendered JSON is kept
 * per set of grants, because the permissions in it depend on nothing else.
 */
export async function readUnitJson(
  database: Database,
  actor: Actor & { tenantId: string },
  input: { id: string; date: string; orgVersion: number | null; ip: string | null },
): Promise<string> {
  assertCan(actor, 'org.read');
  const { id, date, orgVersion } = input;
  const entry = orgVersion === null ? null : cache.get(actor.tenantId, id, date, orgVersion);
  if (entry) {
    const key = grantsKey(actor);
    let json = entry.rendered.get(key);
    if (json === undefined) {
      json = JSON.stringify(presentUnitDetail(actor, entry.row));
      entry.rendered.set(key, json);
    }
    return json;
  }
  const row = await runInTenant(database, actor, actor.tenantId, input.ip, (ctx) =>
    loadUnitDetail(ctx, id, date),
  );
  const json = JSON.stringify(presentUnitDetail(actor, row));
  if (orgVersion !== null) {
    cache.set(actor.tenantId, id, date, orgVersion, row).rendered.set(grantsKey(actor), json);
  }
  return json;
}
