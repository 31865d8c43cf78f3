import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox } from '../../src/modules/notifications/notification-schemas.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import {
  createMonitoringFixture,
  fillDinkesQuarter,
  type MonitoringFixture,
  openReport,
  resetClock,
  setToday,
  transition,
} from '../helpers/monitoring-fixtures.js';
import { readyAgreement } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(testDatabaseKinds())('Tugas Saya inbox on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let kabid: ApiClient;

  const tasks = async (client: ApiClient) => {
    const res = await client.get<Inbox>('/api/tasks');
    expect(res.status).toBe(200);
    return res.body;
  };
  /** "kind dueOn overdue title · subtitle" lines, for readable expectations. */
  const lines = async (client: ApiClient, kinds?: string[]) =>
    (await tasks(client)).items
      .filter((i) => !kinds || kinds.includes(i.kind))
      .map(
        (i) =>
          `${i.kind} ${i.dueOn ?? '-'}${i.overdue ? ' terlambat' : ''} ${i.title} · ${i.subtitle}`,
      );

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    kabid = await signIn(t.app, m.monitoringUsers.kabid, TEST_PASSWORD);
    await fillDinkesQuarter(m, 1, 'verified');
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });
  afterEach(() => resetClock());

  it('shows fill tasks from 15 days before the quarter ends, late ones as overdue', async () => {
    setToday('2026-06-14');
    expect(await lines(m.clients.operatorDinkes)).toEqual([]);

    setToday('2026-06-20');
    const dinkes = await tasks(m.clients.operatorDinkes);
    expect(dinkes.items).toEqual([
      {
        key: `fill:${m.pks.dinkes.id}:2026:2`,
        kind: 'fill',
        title: 'Isi realisasi TW II 2026',
        subtitle: `Dinas Kesehatan — PK ${m.pks.dinkes.position.title}`,
        dueOn: '2026-07-14',
        overdue: false,
        link: `/realisasi?year=2026&agreementId=${m.pks.dinkes.id}`,
      },
    ]);
    expect(dinkes.counts).toEqual({ sign: 0, fill: 1, fix: 0, approve: 0, verify: 0, unlock: 0 });

    // Disdik never sent TW I: late, first; then TW II.
    expect(await lines(m.clients.operatorDisdik)).toEqual([
      `fill 2026-04-14 terlambat Isi realisasi TW I 2026 · Dinas Pendidikan — PK ${m.pks.disdik.position.title}`,
      `fill 2026-07-14 Isi realisasi TW II 2026 · Dinas Pendidikan — PK ${m.pks.disdik.position.title}`,
    ]);
    // The head of Dinkes may fill too; the head of a bidang below has no Dinkes task; a
    // tenant-wide admin is not handed every PD's work; readers have nothing to do.
    expect(await lines(m.clients.kadinkes, ['fill'])).toHaveLength(1);
    expect(await lines(kabid, ['fill'])).toEqual([]);
    expect(await lines(m.clients.admin)).toEqual([]);
    expect(await lines(m.clients.evaluator)).toEqual([]);
    expect(await lines(m.clients.viewer)).toEqual([]);
  });

  it('moves a report through approve, verify and fix tasks of the right people', async () => {
    let report = await fillDinkesQuarter(m, 2, 'submitted');
    setToday('2026-07-01');
    expect(await lines(m.clients.operatorDinkes)).toEqual([]);
    // (The fixture marks PKs signed without signing their documents: leave "sign" aside.)
    const work = ['fill', 'fix', 'approve', 'verify', 'unlock'];
    expect(await lines(m.clients.kadinkes, work)).toEqual([
      `approve 2026-07-14 Setujui realisasi TW II 2026 · Dinas Kesehatan — PK ${m.pks.dinkes.position.title}`,
    ]);
    expect(await lines(kabid)).toEqual([]);
    expect(await lines(m.clients.kadisdik, ['approve'])).toEqual([]);

    report = await transition(m.clients.kadinkes, report, 'approve');
    expect(await lines(m.clients.kadinkes, work)).toEqual([]);
    for (const verifier of [m.clients.evaluator, m.clients.admin]) {
      const inbox = await tasks(verifier);
      expect(inbox.items.map((i) => [i.kind, i.link, i.overdue])).toEqual([
        ['verify', `/realisasi/${report.id}`, false],
      ]);
      expect(inbox.counts.verify).toBe(1);
    }

    await transition(m.clients.evaluator, report, 'return', 'Lampirkan bukti akreditasi.');
    expect(await tasks(m.clients.operatorDinkes)).toEqual({
      items: [
        {
          key: `fix:${report.id}`,
          kind: 'fix',
          title: 'Perbaiki realisasi TW II 2026',
          subtitle: `Dinas Kesehatan — PK ${m.pks.dinkes.position.title} · Catatan: Lampirkan bukti akreditasi.`,
          dueOn: '2026-07-14',
          overdue: false,
          link: `/realisasi/${report.id}`,
        },
      ],
      counts: { sign: 0, fill: 0, fix: 1, approve: 0, verify: 0, unlock: 0 },
    });
    expect(await lines(m.clients.evaluator)).toEqual([]);
  });

  it('lists pending unlock requests for the admin', async () => {
    setToday('2026-06-20');
    const report = await openReport(m.clients.operatorDisdik, m.pks.disdik.id, 2026, 1);
    const asked = await m.clients.operatorDisdik.post(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Data sekolah baru diterima dari dinas provinsi.' },
    );
    expect(asked.status).toBe(201);
    const admin = await tasks(m.clients.admin);
    const unlock = admin.items.filter((i) => i.kind === 'unlock');
    expect(unlock).toEqual([
      {
        key: `unlock:${(asked.body as { id: string }).id}`,
        kind: 'unlock',
        title: 'Buka kunci realisasi TW I 2026',
        subtitle: expect.stringContaining('Data sekolah baru diterima dari dinas provinsi.'),
        dueOn: null,
        overdue: false,
        link: '/realisasi/buka-kunci',
      },
    ]);
    expect(admin.counts.unlock).toBe(1);
    // Items without a due date come last.
    expect(admin.items.at(-1)?.kind).toBe('unlock');
    expect(await lines(m.clients.evaluator, ['unlock'])).toEqual([]);
    // The late TW I stays on Disdik's list (now with its report) until it is submitted.
    expect(await lines(m.clients.operatorDisdik, ['fill'])).toContain(
      `fill 2026-04-14 terlambat Isi realisasi TW I 2026 · Dinas Pendidikan — PK ${m.pks.disdik.position.title}`,
    );
  });

  it('includes the documents waiting for my signature', async () => {
    const pk = await readyAgreement(m.clients.admin, m, m.positions.kabid);
    const inbox = await tasks(kabid);
    const sign = inbox.items.filter((i) => i.kind === 'sign');
    expect(sign).toHaveLength(1);
    expect(sign[0]).toMatchObject({ link: '/tugas#tanda-tangan', dueOn: null, overdue: false });
    expect(sign[0]?.title).toContain('Tandatangani');
    expect(inbox.counts.sign).toBe(1);
    // Pihak kedua (the Kepala Dinas) signs after pihak pertama: not yet their task.
    const theirs = await lines(m.clients.kadinkes, ['sign']);
    expect(theirs.filter((l) => l.includes(m.pks.dinkes.position.title))).toHaveLength(
      theirs.length,
    );
    expect(sign[0]?.title).not.toContain(m.pks.dinkes.position.title);
    expect(pk.status).toBe('ready_to_sign');
  });
});
