import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import type { NotificationItem, NotificationList } from './notification-schemas.js';
import { notifications } from './schema.js';

/** The signed-in user's own notifications, newest first, with their unread count. */
export async function listNotifications(
  ctx: TenantContext,
  query: { unread: boolean; limit: number },
): Promise<NotificationList> {
  const mine = and(
    eq(notifications.tenantId, ctx.tenantId),
    eq(notifications.userId, ctx.actor.userId),
  );
  const rows = await ctx.tx
    .select()
    .from(notifications)
    .where(query.unread ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  const [unread] = await ctx.tx
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { items: rows.map(toNotificationItem), unread: Number(unread?.n ?? 0) };
}

export function toNotificationItem(row: typeof notifications.$inferSelect): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    dueOn: row.dueOn,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
