import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { users } from '../../src/modules/auth/schema.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import type { NotificationList } from '../../src/modules/notifications/notification-schemas.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { employees } from '../../src/modules/org/schema.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import {
  createMonitoringFixture,
  dates,
  fillDinkesQuarter,
  type MonitoringFixture,
  resetClock,
  setToday,
  transition,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(testDatabaseKinds())('notifications on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let kabid: ApiClient;

  const userId = async (username: string) => {
    const [row] = await t.database.withSystem((tx) =>
      tx.select({ id: users.id }).from(users).where(eq(users.username, username)),
    );
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };

  const inbox = async (client: ApiClient, query = '') => {
    const res = await client.get<NotificationList>(`/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Notifications of a report for one user, oldest first. */
  const about = async (client: ApiClient, reportId: string) =>
    (await inbox(client, '?limit=200')).items
      .filter((n) => n.link === `/realisasi/${reportId}`)
      .reverse();

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    kabid = await signIn(t.app, m.monitoringUsers.kabid, TEST_PASSWORD);
    // The Kepala Dinas has an e-mail address: what asks them to act also goes by e-mail.
    await t.database.withTenant(m.tenantId, (tx) =>
      tx
        .update(employees)
        .set({ email: 'kadinkes@kotauji.test' })
        .where(eq(employees.id, m.employees.kadinkes)),
    );
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });
  afterEach(() => resetClock());

  it('notify writes each (user, key) once, and e-mail only with a new notification', async () => {
    const [kadinkesId, operatorId] = [
      await userId(m.monitoringUsers.kadinkes),
      await userId(m.monitoringUsers.operatorDinkes),
    ];
    const send = () =>
      t.database.withTenant(m.tenantId, (tx) =>
        notify(tx, m.tenantId, {
          userIds: [kadinkesId, operatorId, kadinkesId, '00000000-0000-0000-0000-000000000000'],
          kind: 'reminder',
          title: 'Uji dedupe',
          body: 'Isi',
          link: '/tugas',
          dueOn: '2026-04-14',
          dedupeKey: 'uji:dedupe',
          email: true,
        }),
      );
    const first = await send();
    expect(first.notifications).toBe(2);
    expect(first.mails).toBe(1);
    expect(await send()).toMatchObject({ notifications: 0, mails: 0 });
    const [count] = await queryRows<{ n: string | number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*) as n from notifications where dedupe_key = 'uji:dedupe'`,
    );
    expect(Number(count?.n)).toBe(2);
  });

  it('tells the right people about each step of a quarter report', async () => {
    const operator = m.clients.operatorDinkes;
    const { kadinkes, evaluator, admin } = m.clients;

    let report: ReportDetail = await fillDinkesQuarter(m, 1, 'submitted');
    // Submitted → the head of Dinkes (pimpinan_unit covering it), by e-mail too; the head of
    // a bidang below does not approve Dinkes's PK, the operator who submitted is not told.
    const submitted = await about(kadinkes, report.id);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ kind: 'submitted', readAt: null });
    expect(submitted[0]?.title).toContain('menunggu persetujuan');
    expect(submitted[0]?.title).toContain('TW I 2026');
    expect(await about(kabid, report.id)).toHaveLength(0);
    expect(await about(operator, report.id)).toHaveLength(0);
    const mails = await queryRows<{ to_address: string; subject: string }>(
      t.database.unsafeOwnerDb,
      sql`select to_address, subject from mail_outbox
           where tenant_id = ${m.tenantId} and dedupe_key like ${`report:${report.id}:%`}`,
    );
    expect(mails).toEqual([
      { to_address: 'kadinkes@kotauji.test', subject: `[Amanah] ${submitted[0]?.title}` },
    ]);

    // Approved → the verifiers (evaluator, admin), not the head who approved.
    report = await transition(kadinkes, report, 'approve');
    expect((await about(evaluator, report.id)).map((n) => n.kind)).toEqual(['approved']);
    expect((await about(admin, report.id)).map((n) => n.kind)).toEqual(['approved']);
    expect(await about(kadinkes, report.id)).toHaveLength(1);

    // Returned → the operators and the submitter, with the note.
    report = await transition(evaluator, report, 'return', 'Bukti dukung TW I belum lengkap.');
    const returned = await about(operator, report.id);
    expect(returned.map((n) => n.kind)).toEqual(['returned']);
    expect(returned[0]?.body).toContain('Catatan: Bukti dukung TW I belum lengkap.');
    expect(await about(m.clients.operatorDisdik, report.id)).toHaveLength(0);

    // A second round notifies again (new keys), then verified → operators and heads.
    report = await transition(operator, report, 'submit');
    expect((await about(kadinkes, report.id)).map((n) => n.kind)).toEqual([
      'submitted',
      'submitted',
    ]);
    report = await transition(kadinkes, report, 'approve');
    report = await transition(evaluator, report, 'verify');
    expect((await about(operator, report.id)).map((n) => n.kind)).toEqual(['returned', 'verified']);
    expect((await about(kadinkes, report.id)).map((n) => n.kind)).toEqual([
      'submitted',
      'submitted',
      'verified',
    ]);
    expect((await about(evaluator, report.id)).map((n) => n.kind)).toEqual([
      'approved',
      'approved',
    ]);
  });

  it('tells the admins of an unlock request and the requester of the decision', async () => {
    const operator = m.clients.operatorDinkes;
    const report = await fillDinkesQuarter(m, 2, 'draft');
    setToday(dates.tw2Locked);
    const asked = await operator.post<{ id: string }>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Data puskesmas baru diterima setelah batas waktu.' },
    );
    expect(asked.status).toBe(201);
    const adminSees = (await inbox(m.clients.admin)).items.filter(
      (n) => n.kind === 'unlock_requested',
    );
    expect(adminSees).toHaveLength(1);
    expect(adminSees[0]).toMatchObject({ link: '/realisasi/buka-kunci' });
    expect(adminSees[0]?.body).toContain('Data puskesmas baru diterima');
    expect(
      (await inbox(m.clients.evaluator)).items.filter((n) => n.kind === 'unlock_requested'),
    ).toHaveLength(0);

    const decided = await m.clients.admin.post(
      `/api/monitoring/unlocks/${asked.body.id}/decision`,
      { decision: 'grant', days: 2 },
    );
    expect(decided.status).toBe(200);
    const told = (await inbox(operator)).items.filter((n) => n.kind === 'unlock_decided');
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toContain('disetujui');
    expect(told[0]?.link).toBe(`/realisasi/${report.id}`);
  });

  it('lists, counts and marks only the user’s own notifications', async () => {
    const kadinkes = m.clients.kadinkes;
    const before = await inbox(kadinkes);
    expect(before.unread).toBeGreaterThanOrEqual(3);
    expect(before.items.every((n) => n.readAt === null)).toBe(true);
    // Newest first.
    const times = before.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const limited = await inbox(kadinkes, '?limit=1&unread=true');
    expect(limited.items).toHaveLength(1);
    expect(limited.unread).toBe(before.unread);

    const first = before.items[0];
    if (!first) throw new Error('no notification');
    const read = await kadinkes.post<{ id: string; readAt: string | null }>(
      `/api/notifications/${first.id}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    // Again: still read, same time.
    const again = await kadinkes.post<{ readAt: string | null }>(
      `/api/notifications/${first.id}/read`,
    );
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(kadinkes)).unread).toBe(before.unread - 1);
    expect((await inbox(kadinkes, '?unread=true')).items.map((n) => n.id)).not.toContain(first.id);

    // Someone else's notification, of this tenant or another: 404, and it stays unread.
    const evaluatorItem = (await inbox(m.clients.evaluator)).items[0];
    if (!evaluatorItem) throw new Error('evaluator has no notification');
    const foreign = await kadinkes.post(`/api/notifications/${evaluatorItem.id}/read`);
    expect(foreign.status).toBe(404);
    expect((await inbox(m.clients.evaluator)).items[0]?.readAt).toBeNull();

    const other = await createTestTenant(t.database);
    const otherUser = await createTestUser(t.database, other.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const otherClient = await signIn(t.app, otherUser, TEST_PASSWORD);
    expect((await otherClient.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    expect(await inbox(otherClient)).toEqual({ items: [], unread: 0 });

    expect((await kadinkes.post('/api/notifications/bukan-uuid/read')).status).toBe(400);
    expect((await kadinkes.get('/api/notifications?limit=0')).status).toBe(400);

    const all = await kadinkes.post<{ updated: number; unread: number }>(
      '/api/notifications/read-all',
    );
    expect(all.body).toEqual({ updated: before.unread - 1, unread: 0 });
    expect((await inbox(kadinkes)).unread).toBe(0);
    expect((await inbox(m.clients.evaluator)).unread).toBeGreaterThan(0);
  });
});
