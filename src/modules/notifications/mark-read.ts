import { and, eq, isNull } from 'drizzle-orm';
import { now } from '../../server/clock.js';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { toNotificationItem } from './list-notifications.js';
import type { NotificationItem } from './notification-schemas.js';
import { notifications } from './schema.js';

/**
 * Marks one of the user's own notifications read (again: a no-op). Another user's id answers
 * 404, as if it did not exist.
 */
export async function markNotificationRead(
  ctx: TenantContext,
  id: string,
): Promise<NotificationItem> {
  const mine = and(
    eq(notifications.tenantId, ctx.tenantId),
    eq(notifications.userId, ctx.actor.userId),
    eq(notifications.id, id),
  );
  const [updated] = await ctx.tx
    .update(notifications)
    .set({ readAt: now() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  if (updated) return toNotificationItem(updated);
  const [existing] = await ctx.tx.select().from(notifications).where(mine);
  if (!existing) throw new AppError('NOT_FOUND', 'Notifikasi tidak ditemukan.');
  return toNotificationItem(existing);
}

/** Marks every unread notification of the user read. */
export async function markAllNotificationsRead(
  ctx: TenantContext,
): Promise<{ updated: number; unread: number }> {
  const mine = and(
    eq(notifications.tenantId, ctx.tenantId),
    eq(notifications.userId, ctx.actor.userId),
  );
  const updated = await ctx.tx
    .update(notifications)
    .set({ readAt: now() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: updated.length, unread: 0 };
}
