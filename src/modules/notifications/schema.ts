import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tenantIdColumn } from '../../db/columns.js';
import { inList } from '../../db/target-columns.js';
import { mailStatuses, notificationKinds } from '../../shared/codes.js';
import { users } from '../auth/schema.js';
import { tenants } from '../tenants/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An in-app notification for one user. `dedupeKey` makes every reminder and escalation
 * idempotent: the scheduler may run any number of times, a (user, key) pair is written once.
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path inside the web app ("/realisasi/…"), never an external address. */
    link: text('link'),
    dueOn: date('due_on', { mode: 'string' }),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'notifications_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }),
    uniqueIndex('notifications_dedupe_key').on(t.tenantId, t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt),
    check('notifications_kind_check', sql`${t.kind} in ${inList(notificationKinds)}`),
    check('notifications_link_check', sql`${t.link} is null or ${t.link} ~ '^/[^/]'`),
  ],
);

/**
 * Outgoing e-mail. Written in the same transaction as what caused it; a sender claims rows
 * (`sending` with a lease), delivers through SMTP and marks them sent, retrying with backoff.
 * `dedupeKey` keeps a reminder from being queued twice.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: mailStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** While `sending`: the sender's lease; an expired lease is claimable again. */
    leaseUntil: ts('lease_until'),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('mail_outbox_dedupe_key').on(t.tenantId, t.dedupeKey),
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    check('mail_outbox_status_check', sql`${t.status} in ${inList(mailStatuses)}`),
    check('mail_outbox_address_check', sql`${t.toAddress} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('mail_outbox_attempts_check', sql`${t.attempts} >= 0`),
  ],
);
