import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import { actorEmployeeId, findCeremony, loadItems } from './load-ceremony.js';

/**
 * The documents of a ceremony the current user signs next (for the batch panel), and how many
 * more wait for someone else to sign first. A signer may have no role at all (a head of PD
 * who only signs), so signing in is enough here; the list holds only their own turns.
 */
export async function myCeremonyDocuments(ctx: TenantContext, id: string) {
  if (!can(ctx.actor, 'ceremonies.read') && !can(ctx.actor, 'signing.self')) {
    throw new AppError('FORBIDDEN', 'Anda tidak memiliki hak untuk tindakan ini.');
  }
  await findCeremony(ctx, id);
  const employeeId = await actorEmployeeId(ctx);
  if (!employeeId) return { documentIds: [], waitingForOthers: 0 };
  const documentIds: string[] = [];
  let waitingForOthers = 0;
  for (const item of await loadItems(ctx.tx, ctx.tenantId, id)) {
    if (item.status !== 'pending' && item.status !== 'partly_signed') continue;
    if (!item.document) continue;
    const next = item.signers.find((s) => s.pending);
    if (next?.employeeId === employeeId) documentIds.push(item.document.id);
    else if (item.signers.some((s) => s.pending && s.employeeId === employeeId)) waitingForOthers++;
  }
  return { documentIds, waitingForOthers };
}
