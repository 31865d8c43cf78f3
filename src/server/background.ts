import { sendDueMail } from '../modules/notifications/mail/send-outbox.js';
import {
  createSmtpTransport,
  type MailTransport,
} from '../modules/notifications/mail/smtp-transport.js';
import { runReminders } from '../modules/notifications/reminders/schedule-reminders.js';
import { now } from './clock.js';
import type { Services } from './services.js';

/** How often the outbox is read when SMTP_URL is set. */
export const MAIL_INTERVAL_MS = 30_000;
/** Mails per sender round (a round stops early, see send-outbox.ts). */
const MAIL_BATCH = 50;

/** What the jobs log with (a pino logger fits): counts and error codes only. */
export interface BackgroundLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BackgroundJobs {
  /** Stops the timers and waits for a running round to finish. */
  stop(): Promise<void>;
}

/**
 * The server's periodic work (started by main.ts, never by tests' buildApp):
 *  - realisasi reminders and escalations every REMINDERS_INTERVAL_MINUTES (0 disables), the
 *    first run a minute after start;
 *  - the e-mail outbox every 30 s when SMTP_URL is set.
 * Timers are unref'd (they never keep the process alive), a round never overlaps the previous
 * one, and errors are logged, never thrown: a broken SMTP server or a bad tenant must not stop
 * the server. Several servers on one database are fine (dedupe keys, SKIP LOCKED).
 */
export function startBackgroundJobs(
  services: Pick<Services, 'config' | 'database'>,
  logger: BackgroundLogger,
  timing: { firstReminderMs?: number; firstMailMs?: number; mailIntervalMs?: number } = {},
): BackgroundJobs {
  const { config, database } = services;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  const every = (ms: number, firstAfterMs: number, name: string, job: () => Promise<void>) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const round = job()
        .catch((error: unknown) => logger.error({ err: error }, `Tugas latar "${name}" gagal`))
        .finally(() => {
          busy = false;
          running.delete(round);
        });
      running.add(round);
    };
    const first = setTimeout(tick, firstAfterMs);
    first.unref();
    const interval = setInterval(tick, ms);
    interval.unref();
    timers.push(first, interval);
  };

  if (config.REMINDERS_INTERVAL_MINUTES > 0) {
    every(
      config.REMINDERS_INTERVAL_MINUTES * 60_000,
      timing.firstReminderMs ?? 60_000,
      'pengingat',
      async () => {
        const result = await runReminders(database, { now: now(), logger });
        if (result.notifications > 0 || result.errors > 0) {
          logger.info(
            {
              reminders: result.reminders,
              escalations: result.escalations,
              notifications: result.notifications,
              mails: result.mails,
              errors: result.errors,
            },
            'Pengingat realisasi dijadwalkan',
          );
        }
      },
    );
  }

  let transport: MailTransport | null = null;
  if (config.SMTP_URL) {
    const mailer = createSmtpTransport({ url: config.SMTP_URL, from: config.MAIL_FROM });
    transport = mailer;
    every(
      timing.mailIntervalMs ?? MAIL_INTERVAL_MS,
      timing.firstMailMs ?? 5_000,
      'e-mail',
      async () => {
        await sendDueMail(database, mailer, {
          now: now(),
          batch: MAIL_BATCH,
          publicUrl: config.PUBLIC_URL,
          logger,
        });
      },
    );
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
      transport?.close();
    },
  };
}
