/** Shapes of the notification and Tugas Saya API (type-only imports of the server's schemas). */
export type {
  Inbox,
  InboxItem,
  NotificationItem,
  NotificationList,
  TaskKind,
} from '../../../modules/notifications/notification-schemas.js';
