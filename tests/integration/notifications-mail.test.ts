import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { createUser } from '../../src/modules/auth/users/create-user.js';
import {
  BACKOFF_MINUTES,
  MAX_ATTEMPTS,
  sendDueMail,
} from '../../src/modules/notifications/mail/send-outbox.js';
import {
  createSmtpTransport,
  type MailTransport,
} from '../../src/modules/notifications/mail/smtp-transport.js';
import { type Notice, notify } from '../../src/modules/notifications/notify.js';
import { mailOutbox } from '../../src/modules/notifications/schema.js';
import { employees } from '../../src/modules/org/schema.js';
import { startBackgroundJobs } from '../../src/server/background.js';
import { setClockForTests } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, uniqueName, validNip } from '../helpers/factories.js';
import { startSmtpReceiver } from '../helpers/smtp-receiver.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const FROM = 'Amanah Kota Uji <sakip@kotauji.test>';
const T0 = new Date('2026-07-08T02:00:00.000Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe.each(testDatabaseKinds())('e-mail outbox on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;

  /** A user linked to an employee with this e-mail address (null: none). */
  const person = async (email: string | null) => {
    const employeeId = newId();
    await t.database.withTenant(tenantId, (tx) =>
      tx.insert(employees).values({
        tenantId,
        id: employeeId,
        nip: validNip(),
        name: uniqueName('Pegawai '),
        gender: 'P',
        employeeType: 'pns',
        grade: 'III/c',
        email,
      }),
    );
    return t.database.withSystem((tx) =>
      createUser(tx, null, {
        tenantId,
        username: uniqueName('pegawai.'),
        displayName: 'Pegawai Uji',
        employeeId,
        password: TEST_PASSWORD,
        grants: [{ role: 'operator_unit', unitId: null }],
      }),
    );
  };

  const queue = (notice: Partial<Notice> & Pick<Notice, 'userIds' | 'dedupeKey'>) =>
    t.database.withTenant(tenantId, (tx) =>
      notify(tx, tenantId, {
        kind: 'reminder',
        title: 'Pengingat: realisasi TW II 2026 jatuh tempo 14 Juli 2026',
        body: 'Realisasi TW II 2026 Dinas Kesehatan — PK Kepala Dinas belum diajukan.',
        link: '/realisasi/0190a0b1-0000-7000-8000-000000000001',
        dueOn: '2026-07-14',
        email: true,
        ...notice,
      }),
    );

  const outboxRows = () =>
    t.database.withTenant(tenantId, (tx) =>
      tx.select().from(mailOutbox).where(eq(mailOutbox.tenantId, tenantId)),
    );

  /** Sends until nothing is due at `now`. */
  const drain = async (transport: MailTransport, now: Date) => {
    for (;;) {
      const r = await sendDueMail(t.database, transport, { now, batch: 10 });
      if (r.claimed === 0) return;
    }
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ tenantId } = await createTestTenant(t.database));
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    setClockForTests(null);
    // Every test starts with an empty outbox (rows of earlier tests are done with).
    await t.database.withSystem((tx) =>
      tx.execute(sql`update mail_outbox set status = 'sent' where status <> 'sent'`),
    );
  });

  it('delivers a queued mail through SMTP: address, subject, Indonesian body, public link', async () => {
    setClockForTests(T0);
    const userId = await person('siti.aminah@kotauji.test');
    const noMail = await person(null);
    const badMail = await person('bukan alamat');
    const queued = await queue({ userIds: [userId, noMail, badMail], dedupeKey: 'uji:kirim' });
    expect(queued).toMatchObject({ notifications: 3, mails: 1 });

    const smtp = await startSmtpReceiver();
    const transport = createSmtpTransport({ url: smtp.url, from: FROM });
    try {
      const result = await sendDueMail(t.database, transport, {
        now: T0,
        publicUrl: 'https://sakip.kotauji.test/',
      });
      expect(result).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
      const [mail] = await smtp.waitFor(1);
      expect(mail?.to).toEqual(['siti.aminah@kotauji.test']);
      expect(mail?.headers.from).toContain('sakip@kotauji.test');
      expect(mail?.subject).toBe(
        '[Amanah] Pengingat: realisasi TW II 2026 jatuh tempo 14 Juli 2026',
      );
      expect(mail?.text).toContain('Realisasi TW II 2026 Dinas Kesehatan — PK Kepala Dinas');
      expect(mail?.text).toContain(
        'Buka: https://sakip.kotauji.test/realisasi/0190a0b1-0000-7000-8000-000000000001',
      );
      expect(mail?.text).toContain('Mohon tidak membalas');

      const [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'sent', attempts: 1, leaseUntil: null });
      expect(row?.messageId).toBeTruthy();
      expect(row?.sentAt?.toISOString()).toBe(T0.toISOString());

      // Nothing is due any more; the same notification again queues nothing.
      expect((await sendDueMail(t.database, transport, { now: plus(MIN) })).claimed).toBe(0);
      expect(await queue({ userIds: [userId], dedupeKey: 'uji:kirim' })).toMatchObject({
        notifications: 0,
        mails: 0,
      });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('retries with backoff while the SMTP server is down, then delivers once it is up', async () => {
    setClockForTests(T0);
    const userId = await person('agus.salim@kotauji.test');
    await queue({ userIds: [userId], dedupeKey: 'uji:server-mati' });

    // A port where nothing listens: the connection is refused.
    const probe = await startSmtpReceiver();
    const port = probe.port;
    await probe.close();
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: FROM });
    try {
      const first = await sendDueMail(t.database, transport, { now: T0 });
      expect(first).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
      const [pending] = (await outboxRows()).filter((r) => r.dedupeKey.startsWith('uji:server'));
      expect(pending).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
      expect(pending?.nextAttemptAt.toISOString()).toBe(
        plus(BACKOFF_MINUTES[0] * MIN).toISOString(),
      );
      expect(pending?.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

      // Not due before the backoff ran out.
      expect((await sendDueMail(t.database, transport, { now: plus(30_000) })).claimed).toBe(0);
      // Still down at the second try: the wait grows to 5 minutes.
      expect(await sendDueMail(t.database, transport, { now: plus(MIN) })).toMatchObject({
        retried: 1,
      });
      const [again] = (await outboxRows()).filter((r) => r.dedupeKey.startsWith('uji:server'));
      expect(again?.attempts).toBe(2);
      expect(again?.nextAttemptAt.toISOString()).toBe(
        plus(MIN + BACKOFF_MINUTES[1] * MIN).toISOString(),
      );

      const smtp = await startSmtpReceiver(port);
      try {
        const later = await sendDueMail(t.database, transport, { now: plus(6 * MIN) });
        expect(later).toMatchObject({ claimed: 1, sent: 1 });
        const [mail] = await smtp.waitFor(1);
        expect(mail?.to).toEqual(['agus.salim@kotauji.test']);
        const [sent] = (await outboxRows()).filter((r) => r.dedupeKey.startsWith('uji:server'));
        expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      } finally {
        await smtp.close();
      }
    } finally {
      transport.close();
    }
  });

  it('gives up after the last attempt', async () => {
    setClockForTests(T0);
    const userId = await person('rina.marlina@kotauji.test');
    await queue({ userIds: [userId], dedupeKey: 'uji:gagal' });
    const broken: MailTransport = {
      send: async () => {
        throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
      },
      close: () => {},
    };
    let now = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const r = await sendDueMail(t.database, broken, { now });
      expect(r.claimed).toBe(1);
      expect(attempt < MAX_ATTEMPTS ? r.retried : r.failed).toBe(1);
      now = new Date(now.getTime() + 24 * 60 * MIN);
    }
    expect((await sendDueMail(t.database, broken, { now })).claimed).toBe(0);
    const [row] = (await outboxRows()).filter((r) => r.dedupeKey.startsWith('uji:gagal'));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row?.lastError).toContain('SMTP 550');
  });

  it('two senders at once deliver each mail exactly once', async () => {
    setClockForTests(T0);
    const userIds = await Promise.all(
      Array.from({ length: 6 }, (_, i) => person(`pegawai${i}@kotauji.test`)),
    );
    for (let i = 0; i < 5; i += 1) {
      await queue({ userIds, dedupeKey: `uji:serentak:${i}`, title: `Pesan serentak ${i}` });
    }
    const smtp = await startSmtpReceiver();
    const transport = createSmtpTransport({ url: smtp.url, from: FROM });
    try {
      const results = await Promise.all([
        drain(transport, T0),
        drain(transport, T0),
        drain(transport, T0),
      ]);
      expect(results).toHaveLength(3);
      await smtp.waitFor(30);
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.messages).toHaveLength(30);
      const pairs = new Set(smtp.messages.map((m) => `${m.to[0]}|${m.subject}`));
      expect(pairs.size).toBe(30);
      const rows = (await outboxRows()).filter((r) => r.dedupeKey.startsWith('uji:serentak'));
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('reclaims a mail whose sender died (expired lease), never one still leased', async () => {
    setClockForTests(T0);
    const userId = await person('joko.susilo@kotauji.test');
    await queue({ userIds: [userId], dedupeKey: 'uji:mati' });
    await queue({ userIds: [userId], dedupeKey: 'uji:masih-dikirim' });
    // As a crashed sender leaves them: claimed, one lease run out, one still running.
    await t.database.withSystem(async (tx) => {
      await tx
        .update(mailOutbox)
        .set({ status: 'sending', attempts: 1, leaseUntil: plus(-MIN) })
        .where(and(eq(mailOutbox.tenantId, tenantId), sql`dedupe_key like 'uji:mati:%'`));
      await tx
        .update(mailOutbox)
        .set({ status: 'sending', attempts: 1, leaseUntil: plus(MIN) })
        .where(and(eq(mailOutbox.tenantId, tenantId), sql`dedupe_key like 'uji:masih-dikirim:%'`));
    });
    const smtp = await startSmtpReceiver();
    const transport = createSmtpTransport({ url: smtp.url, from: FROM });
    try {
      const result = await sendDueMail(t.database, transport, { now: T0 });
      expect(result).toMatchObject({ claimed: 1, sent: 1 });
      await smtp.waitFor(1);
      const rows = await queryRows<{ dedupe_key: string; status: string; attempts: number }>(
        t.database.unsafeOwnerDb,
        sql`select dedupe_key, status, attempts from mail_outbox
             where tenant_id = ${tenantId} and dedupe_key like 'uji:m%' order by dedupe_key`,
      );
      expect(rows.map((r) => [r.dedupe_key.split(':')[1], r.status, r.attempts])).toEqual([
        ['masih-dikirim', 'sending', 1],
        ['mati', 'sent', 2],
      ]);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('the server’s background jobs send the outbox and never throw', async () => {
    setClockForTests(T0);
    const userId = await person('dewi.lestari@kotauji.test');
    await queue({ userIds: [userId], dedupeKey: 'uji:latar' });
    const smtp = await startSmtpReceiver();
    const logged: string[] = [];
    const logger = {
      info: (_o: object, msg: string) => logged.push(`info ${msg}`),
      warn: (_o: object, msg: string) => logged.push(`warn ${msg}`),
      error: (_o: object, msg: string) => logged.push(`error ${msg}`),
    };
    const config = loadConfig({
      NODE_ENV: 'test',
      SMTP_URL: smtp.url,
      MAIL_FROM: FROM,
      REMINDERS_INTERVAL_MINUTES: '60',
    });
    const jobs = startBackgroundJobs({ config, database: t.database }, logger, {
      firstReminderMs: 10,
      firstMailMs: 10,
      mailIntervalMs: 50,
    });
    try {
      const [mail] = await smtp.waitFor(1);
      expect(mail?.to).toEqual(['dewi.lestari@kotauji.test']);
    } finally {
      await jobs.stop();
      await smtp.close();
    }
    expect(logged).toContain('info Kotak keluar e-mail diproses');
    expect(logged.filter((l) => l.startsWith('error'))).toEqual([]);
    // Nothing is sent without SMTP_URL, and stop() is quick.
    const quiet = startBackgroundJobs(
      {
        config: loadConfig({ NODE_ENV: 'test', REMINDERS_INTERVAL_MINUTES: '0' }),
        database: t.database,
      },
      logger,
    );
    await quiet.stop();
  });
});
