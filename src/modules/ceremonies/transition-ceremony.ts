import { and, eq, sql } from 'drizzle-orm';
import type { CeremonyStatus } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import type { CeremonyAction } from './ceremony-schemas.js';
import { findCeremony } from './load-ceremony.js';
import { ceremonies } from './schema.js';
import { ceremonyStatusLabel } from './update-ceremony.js';

/** scheduled → ongoing → completed; cancelled from either open status. Nothing comes back. */
const moves: Record<CeremonyAction, { from: readonly CeremonyStatus[]; to: CeremonyStatus }> = {
  start: { from: ['scheduled'], to: 'ongoing' },
  complete: { from: ['ongoing'], to: 'completed' },
  cancel: { from: ['scheduled', 'ongoing'], to: 'cancelled' },
};

const actionLabels: Record<CeremonyAction, string> = {
  start: 'dimulai',
  complete: 'diselesaikan',
  cancel: 'dibatalkan',
};

/**
 * Moves a ceremony along. Signing does not depend on the ceremony's status (a head may sign
 * the evening before); the status tells the screens and the report what happened.
 */
export async function transitionCeremony(
  ctx: TenantContext,
  id: string,
  action: CeremonyAction,
  version: number,
): Promise<void> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const row = await findCeremony(ctx, id, { lock: true });
  assertVersion(row, version);
  const move = moves[action];
  if (!move.from.includes(row.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Acara berstatus "${ceremonyStatusLabel(row.status)}" tidak dapat ${actionLabels[action]}.`,
      { status: row.status, action },
    );
  }
  const now = new Date();
  await ctx.tx
    .update(ceremonies)
    .set({
      status: move.to,
      ...(action === 'start' ? { startedAt: now } : {}),
      ...(action === 'complete' ? { completedAt: now } : {}),
      version: sql`${ceremonies.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id)));
  await ctx.audit({
    action: `ceremony.${action}`,
    entityType: 'ceremony',
    entityId: id,
    data: { from: row.status, to: move.to },
  });
}
