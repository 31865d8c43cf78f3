import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import type { NotificationList } from '../../src/modules/notifications/notification-schemas.js';
import { runReminders } from '../../src/modules/notifications/reminders/schedule-reminders.js';
import { employees } from '../../src/modules/org/schema.js';
import { now } from '../../src/server/clock.js';
import type { ApiClient } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createMonitoringFixture,
  fillDinkesQuarter,
  type MonitoringFixture,
  resetClock,
  setToday,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** TW II 2026 is due on Tuesday 14 July 2026 (default 10 working days); reminders 7, 3, 1. */
describe.each(testDatabaseKinds())('reminders and escalation on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;

  const run = async (day: string) => {
    setToday(day);
    const result = await runReminders(t.database, { now: now() });
    expect(result.errors).toBe(0);
    return result;
  };

  const keysOf = async (client: ApiClient, kindOf: 'reminder' | 'escalation') =>
    (await client.get<NotificationList>('/api/notifications?limit=200')).body.items
      .filter((n) => n.kind === kindOf)
      .map((n) => n.dueOn)
      .sort();

  const keys = async (prefix: string) =>
    (
      await queryRows<{ user_id: string; dedupe_key: string }>(
        t.database.unsafeOwnerDb,
        sql`select user_id, dedupe_key from notifications
             where tenant_id = ${m.tenantId} and dedupe_key like ${`${prefix}%`}
             order by dedupe_key, user_id`,
      )
    ).map(
      (r) =>
        `${r.dedupe_key.replace(m.pks.dinkes.id, 'dinkes').replace(m.pks.disdik.id, 'disdik')}`,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    await t.database.withTenant(m.tenantId, (tx) =>
      tx
        .update(employees)
        .set({ email: 'walikota@kotauji.test' })
        .where(eq(employees.id, m.employees.walikota)),
    );
    // Dinkes did TW I; Disdik never did.
    await fillDinkesQuarter(m, 1, 'verified');
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });
  afterEach(() => resetClock());

  it('reminds operators and heads at 7, 3 and 1 days before the deadline, once each', async () => {
    // 8 days before: nothing for TW II (Disdik's late TW I escalates: tested below).
    expect((await run('2026-07-06')).reminders).toBe(0);

    // 7 days before: both PKs, to the operator and the head of each unit.
    const seven = await run('2026-07-07');
    expect(seven).toMatchObject({ reminders: 2, escalations: 0, notifications: 4 });
    expect(await keys('reminder:')).toEqual([
      'reminder:dinkes:2026:2:7',
      'reminder:dinkes:2026:2:7',
      'reminder:disdik:2026:2:7',
      'reminder:disdik:2026:2:7',
    ]);
    // Again, and the next day: nothing new.
    expect(await run('2026-07-07')).toMatchObject({ reminders: 0, notifications: 0, mails: 0 });
    expect(await run('2026-07-08')).toMatchObject({ reminders: 0, notifications: 0 });

    // 3 days before, with two schedulers at once: still one message per user.
    setToday('2026-07-11');
    const both = await Promise.all([
      runReminders(t.database, { now: now() }),
      runReminders(t.database, { now: now() }),
    ]);
    expect(both.map((r) => r.errors)).toEqual([0, 0]);
    expect(both[0].notifications + both[1].notifications).toBe(4);
    expect((await keys('reminder:')).filter((k) => k.endsWith(':3'))).toHaveLength(4);

    // Dinkes submits TW II; at 1 day before only Disdik is reminded.
    await fillDinkesQuarter(m, 2, 'submitted');
    expect(await run('2026-07-13')).toMatchObject({ reminders: 1, notifications: 2 });
    expect(await run('2026-07-14')).toMatchObject({ reminders: 0, notifications: 0 });

    expect(await keysOf(m.clients.operatorDisdik, 'reminder')).toEqual([
      '2026-07-14',
      '2026-07-14',
      '2026-07-14',
    ]);
    expect(await keysOf(m.clients.operatorDinkes, 'reminder')).toEqual([
      '2026-07-14',
      '2026-07-14',
    ]);
    const [reminder] = (
      await m.clients.kadisdik.get<NotificationList>('/api/notifications?limit=1')
    ).body.items;
    expect(reminder?.title).toBe('Pengingat: realisasi TW II 2026 jatuh tempo 14 Juli 2026');
    expect(reminder?.body).toContain('1 hari lagi, 14 Juli 2026');
    expect(reminder?.link).toBe(`/realisasi?year=2026&agreementId=${m.pks.disdik.id}`);
    // Nobody outside the units heard of it.
    expect(await keysOf(m.clients.evaluator, 'reminder')).toEqual([]);
  });

  it('escalates a late report to the superior and the admin Pemda, once', async () => {
    // Disdik's TW I was escalated on the first run after its deadline (14 April).
    expect(await keys('escalation:')).toEqual([
      'escalation:disdik:2026:1',
      'escalation:disdik:2026:1',
    ]);
    expect(await run('2026-07-15')).toMatchObject({ escalations: 1, notifications: 2, mails: 1 });
    expect(await run('2026-07-15')).toMatchObject({ escalations: 0, notifications: 0 });
    expect(await run('2026-07-28')).toMatchObject({ escalations: 0, reminders: 0 });

    const walikota = await m.clients.walikota.get<NotificationList>('/api/notifications');
    const escalations = walikota.body.items.filter((n) => n.kind === 'escalation');
    expect(escalations.map((n) => n.dueOn).sort()).toEqual(['2026-04-14', '2026-07-14']);
    expect(escalations[0]?.title).toBe(
      'Terlambat: realisasi TW II 2026 Dinas Pendidikan belum diajukan',
    );
    expect(escalations[0]?.body).toContain('1 hari melewati batas waktu 14 Juli 2026');
    expect(await keysOf(m.clients.admin, 'escalation')).toEqual(['2026-04-14', '2026-07-14']);
    // The unit itself is reminded, not escalated; Dinkes submitted on time.
    expect(await keysOf(m.clients.operatorDisdik, 'escalation')).toEqual([]);
    expect(await keys('escalation:dinkes')).toEqual([]);

    const mails = await queryRows<{ to_address: string; subject: string }>(
      t.database.unsafeOwnerDb,
      sql`select to_address, subject from mail_outbox
           where tenant_id = ${m.tenantId} and dedupe_key like 'escalation:%'
           order by created_at`,
    );
    expect(mails.map((r) => r.to_address)).toEqual([
      'walikota@kotauji.test',
      'walikota@kotauji.test',
    ]);
    expect(mails[1]?.subject).toBe(
      '[Amanah] Terlambat: realisasi TW II 2026 Dinas Pendidikan belum diajukan',
    );
  });
});
