import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../db/client.js';
import type { MailTransport } from './smtp-transport.js';

/**
 * The outbox sender. Mail rows are written in the transaction of what caused them (notify.ts);
 * this delivers them, safely under crashes and with several senders at once:
 *
 *  1. claim: one short transaction takes up to `batch` due rows with `FOR UPDATE SKIP LOCKED`
 *     (a concurrent sender skips them), marks them `sending` with a lease and counts the
 *     attempt, and commits;
 *  2. send each through SMTP outside any transaction;
 *  3. mark it `sent` (with the server's message id), or back to `pending` with a backoff
 *     (1, 5, 30, 120, 360 minutes), or `failed` after the 6th attempt.
 *
 * A sender that dies after claiming leaves rows `sending` whose lease runs out: they are due
 * again and another sender reclaims them, so mail is never lost. The one case that sends a mail
 * twice is a process dying between the SMTP server's accept and step 3 (at-least-once: the
 * outbox cannot know whether the server got it). A sender stops starting new sends after half
 * its lease and hands the rest back, so a lease does not run out while its rows are still
 * queued (SMTP waits are bounded well under the lease, see smtp-transport.ts).
 *
 * Cross-tenant system work (like the audit verifier): runs as the owner, without a tenant.
 * Logs carry counts only, never addresses or bodies.
 */
export const MAX_ATTEMPTS = 6;
/** Minutes to wait after attempt 1, 2, 3, 4, 5 failed. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 360] as const;
export const DEFAULT_LEASE_MS = 2 * 60_000;

export interface SendOptions {
  now: Date;
  batch?: number;
  leaseMs?: number;
  /** PUBLIC_URL: turns the "Buka: /…" link of a mail into an address people can click. */
  publicUrl?: string | undefined;
  logger?: MailLogger | undefined;
}

export interface MailLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SendResult {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Failed for the last time. */
  failed: number;
  /** Claimed but handed back unsent (the lease was running out). */
  released: number;
}

interface Claimed {
  tenant_id: string;
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/** A timestamp parameter, the same on both drivers. */
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

export function backoffMs(attempts: number): number {
  const minutes =
    BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? BACKOFF_MINUTES[0];
  return minutes * 60_000;
}

export async function sendDueMail(
  database: Database,
  transport: MailTransport,
  options: SendOptions,
): Promise<SendResult> {
  const { now } = options;
  const batch = options.batch ?? 20;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const lease = new Date(now.getTime() + leaseMs);
  const started = performance.now();
  const result: SendResult = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };

  const claimed = await database.withSystem((tx) =>
    queryRows<Claimed>(
      tx,
      sql`with due as (
            select tenant_id, id from mail_outbox
             where status in ('pending', 'sending') and next_attempt_at <= ${at(now)}
               and (status = 'pending' or lease_until <= ${at(now)})
             order by next_attempt_at, id
             limit ${batch}
             for update skip locked)
          update mail_outbox m
             set status = 'sending', lease_until = ${at(lease)}, attempts = m.attempts + 1
            from due
           where m.tenant_id = due.tenant_id and m.id = due.id
          returning m.tenant_id, m.id, m.to_address, m.subject, m.body_text, m.attempts`,
    ),
  );
  result.claimed = claimed.length;

  for (const [index, mail] of claimed.entries()) {
    if (performance.now() - started > leaseMs / 2) {
      result.released = await release(database, claimed.slice(index), lease);
      break;
    }
    try {
      const info = await transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text: withPublicLinks(mail.body_text, options.publicUrl),
      });
      await database.withSystem((tx) =>
        tx.execute(
          sql`update mail_outbox
                 set status = 'sent', sent_at = ${at(now)}, message_id = ${info.messageId},
                     lease_until = null, last_error = null
               where tenant_id = ${mail.tenant_id} and id = ${mail.id}`,
        ),
      );
      result.sent += 1;
    } catch (error) {
      const last = mail.attempts >= MAX_ATTEMPTS;
      const next = new Date(now.getTime() + backoffMs(mail.attempts));
      await database.withSystem((tx) =>
        tx.execute(
          sql`update mail_outbox
                 set status = ${last ? 'failed' : 'pending'}, next_attempt_at = ${at(next)},
                     lease_until = null, last_error = ${errorText(error)}
               where tenant_id = ${mail.tenant_id} and id = ${mail.id}
                 and status = 'sending' and lease_until = ${at(lease)}`,
        ),
      );
      if (last) result.failed += 1;
      else result.retried += 1;
      options.logger?.warn(
        { code: errorCode(error), attempts: mail.attempts, final: last },
        'E-mail gagal dikirim',
      );
    }
  }
  if (result.claimed > 0) {
    options.logger?.info(
      {
        sent: result.sent,
        retried: result.retried,
        failed: result.failed,
        released: result.released,
      },
      'Kotak keluar e-mail diproses',
    );
  }
  return result;
}

/** Hands claimed, unsent rows back (their attempt did not happen). */
async function release(database: Database, rows: Claimed[], lease: Date): Promise<number> {
  let released = 0;
  await database.withSystem(async (tx) => {
    for (const mail of rows) {
      const done = await queryRows<{ id: string }>(
        tx,
        sql`update mail_outbox
               set status = 'pending', lease_until = null, attempts = greatest(attempts - 1, 0)
             where tenant_id = ${mail.tenant_id} and id = ${mail.id}
               and status = 'sending' and lease_until = ${at(lease)}
            returning id`,
      );
      released += done.length;
    }
  });
  return released;
}

/** "Buka: /realisasi/…" → "Buka: https://sakip.example.go.id/realisasi/…" when PUBLIC_URL is set. */
export function withPublicLinks(text: string, publicUrl: string | undefined): string {
  if (!publicUrl) return text;
  const base = publicUrl.replace(/\/+$/, '');
  return text.replace(/^Buka: (\/\S*)$/gm, (_line, path: string) => `Buka: ${base}${path}`);
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
    if (typeof code === 'string') return code;
  }
  return 'ERROR';
}

/** Kept in the row for the admin (it may name the address: never logged). */
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `${errorCode(error)}: ${text}`.slice(0, 500);
}
