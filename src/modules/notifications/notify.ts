import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { now } from '../../server/clock.js';
import type { NotificationKind } from '../../shared/codes.js';
import { mailOutbox, notifications } from './schema.js';

/** One message to a set of users. */
export interface Notice {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the web app ("/realisasi/…"), or null. */
  link: string | null;
  /** The deadline it is about (YYYY-MM-DD), or null. */
  dueOn: string | null;
  /**
   * Idempotency: a (user, key) pair is written once, whatever runs again. The e-mail of that
   * pair is queued under `<key>:<userId>` (also once).
   */
  dedupeKey: string;
  /** Also queue an e-mail to users whose employee record has an address. */
  email: boolean;
}

export interface NotifyResult {
  /** Notifications written now (a pair already notified is not counted). */
  notifications: number;
  /** E-mails queued now. */
  mails: number;
  /** The dedupe keys that got at least one new notification. */
  writtenKeys: Set<string>;
}

/** Same shape as the mail_outbox CHECK: an address that would break the insert is skipped. */
const mailPattern = '^[^@\\s]+@[^@\\s]+$';
const CHUNK = 500;

/**
 * Writes in-app notifications (and their e-mails) in the caller's transaction. Rows that exist
 * already (same tenant, user and key) are skipped by the unique indexes, so a scheduler that
 * runs twice, or two at once, writes each message once; the mail of a pair goes out only when
 * its notification is new.
 */
export async function notify(tx: Tx, tenantId: string, notice: Notice): Promise<NotifyResult> {
  return notifyMany(tx, tenantId, [notice]);
}

/** notify for many messages at once: one insert per 500 rows, one address look-up. */
export async function notifyMany(
  tx: Tx,
  tenantId: string,
  notices: readonly Notice[],
): Promise<NotifyResult> {
  const at = now();
  const active = await activeUsers(tx, tenantId, notices);
  const rows: (typeof notifications.$inferInsert)[] = [];
  const byKey = new Map<string, Notice>();
  for (const notice of notices) {
    byKey.set(notice.dedupeKey, notice);
    for (const userId of new Set(notice.userIds)) {
      if (!active.has(userId)) continue;
      rows.push({
        tenantId,
        id: newId(),
        userId,
        kind: notice.kind,
        title: clip(notice.title, 300),
        body: clip(notice.body, 4000),
        link: notice.link,
        dueOn: notice.dueOn,
        dedupeKey: notice.dedupeKey,
        createdAt: at,
      });
    }
  }
  const written: { userId: string; dedupeKey: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    written.push(
      ...(await tx
        .insert(notifications)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoNothing({
          target: [notifications.tenantId, notifications.userId, notifications.dedupeKey],
        })
        .returning({ userId: notifications.userId, dedupeKey: notifications.dedupeKey })),
    );
  }

  const toMail = written.filter((w) => byKey.get(w.dedupeKey)?.email);
  let mails = 0;
  if (toMail.length > 0) {
    const addresses = await queryRows<{ id: string; email: string }>(
      tx,
      sql`select u.id, trim(e.email) as email
            from users u
            join employees e on e.tenant_id = u.tenant_id and e.id = u.employee_id
           where u.tenant_id = ${tenantId}
             and u.id = any(${sql.param([...new Set(toMail.map((w) => w.userId))])}::uuid[])
             and u.status = 'active' and e.archived_at is null
             and trim(e.email) ~ ${mailPattern}`,
    );
    const addressOf = new Map(addresses.map((a) => [a.id, a.email]));
    const mailRows: (typeof mailOutbox.$inferInsert)[] = [];
    for (const w of toMail) {
      const address = addressOf.get(w.userId);
      const notice = byKey.get(w.dedupeKey);
      if (!address || !notice) continue;
      mailRows.push({
        tenantId,
        id: newId(),
        userId: w.userId,
        toAddress: address,
        subject: clip(`[Amanah] ${notice.title}`, 300),
        bodyText: mailBody(notice),
        dedupeKey: `${notice.dedupeKey}:${w.userId}`,
        nextAttemptAt: at,
        createdAt: at,
      });
    }
    for (let i = 0; i < mailRows.length; i += CHUNK) {
      const inserted = await tx
        .insert(mailOutbox)
        .values(mailRows.slice(i, i + CHUNK))
        .onConflictDoNothing({ target: [mailOutbox.tenantId, mailOutbox.dedupeKey] })
        .returning({ id: mailOutbox.id });
      mails += inserted.length;
    }
  }
  return {
    notifications: written.length,
    mails,
    writtenKeys: new Set(written.map((w) => w.dedupeKey)),
  };
}

/** Of the users named, those that are active accounts of the tenant (a stray id is skipped). */
async function activeUsers(
  tx: Tx,
  tenantId: string,
  notices: readonly Notice[],
): Promise<Set<string>> {
  const ids = [...new Set(notices.flatMap((n) => n.userIds))];
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where tenant_id = ${tenantId} and status = 'active'
          and id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The e-mail text: the message, the link as a path (the sender makes it absolute with
 * PUBLIC_URL, see send-outbox.ts), and a footer.
 */
export function mailBody(notice: Pick<Notice, 'title' | 'body' | 'link'>): string {
  return [
    notice.title,
    '',
    notice.body,
    ...(notice.link ? ['', `Buka: ${notice.link}`] : []),
    '',
    '—',
    'Pesan ini dikirim otomatis oleh Amanah (aplikasi SAKIP). Mohon tidak membalas e-mail ini.',
  ].join('\n');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
