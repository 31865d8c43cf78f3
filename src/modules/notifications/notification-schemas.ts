import { z } from 'zod';
import { notificationKinds } from '../../shared/codes.js';

/** Request and response shapes of the notification and Tugas Saya endpoints (also OpenAPI). */

// ---- In-app notifications (the bell) ------------------------------------------------------------

export const notificationListQuery = z.strictObject({
  /** "true": only the unread ones. */
  unread: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app ("/realisasi/…"), or null. */
  link: z.string().nullable(),
  /** The deadline the notification is about (YYYY-MM-DD), or null. */
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  /** All the user's unread notifications (not only those listed). */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const readAllSchema = z.object({
  /** How many were marked read. */
  updated: z.number().int(),
  unread: z.number().int(),
});

// ---- Tugas Saya inbox ---------------------------------------------------------------------------

export const taskKinds = ['sign', 'fill', 'fix', 'approve', 'verify', 'unlock'] as const;
export type TaskKind = (typeof taskKinds)[number];

export const inboxItemSchema = z.object({
  /** Stable key for React lists: "sign:<documentId>", "fill:<agreementId>:<year>:<q>", … */
  key: z.string(),
  kind: z.enum(taskKinds),
  title: z.string(),
  subtitle: z.string(),
  /** YYYY-MM-DD, null when the task has no deadline. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** A path inside the web app. */
  link: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({
  items: z.array(inboxItemSchema),
  counts: z.object({
    sign: z.number().int(),
    fill: z.number().int(),
    fix: z.number().int(),
    approve: z.number().int(),
    verify: z.number().int(),
    unlock: z.number().int(),
  }),
});
export type Inbox = z.infer<typeof inboxSchema>;
