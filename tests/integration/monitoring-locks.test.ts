import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import type { Periods, ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createMonitoringFixture,
  dates,
  fillDinkesQuarter,
  type MonitoringFixture,
  openReport,
  resetClock,
  saveValues,
  setToday,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Unlock {
  id: string;
  reportId: string;
  status: string;
  grantedUntil: string | null;
  requestedByName: string | null;
  decisionNote: string | null;
}

describe.each(testDatabaseKinds())('monitoring locks and unlocks (%s)', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let report: ReportDetail;

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
  });
  afterAll(async () => {
    resetClock();
    await t.close();
  });
  afterEach(() => resetClock());

  const value = (v: string) => [{ indicatorId: m.indicators.dinkes.accredited, value: v }];

  it('locks a quarter the day after its deadline', async () => {
    setToday(dates.tw1Deadline);
    const op = m.clients.operatorDinkes;
    report = await openReport(op, m.pks.dinkes.id, 2026, 1);
    expect(report.locked).toBe(false);
    report = await saveValues(op, report, value('60'));
    const early = await op.post<ErrorBody>(`/api/monitoring/reports/${report.id}/unlocks`, {
      reason: 'Data dari puskesmas terlambat masuk.',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');

    setToday(dates.tw1Locked);
    const locked = await op.get<ReportDetail>(`/api/monitoring/reports/${report.id}`);
    expect(locked.body).toMatchObject({ locked: true, deadline: '2026-04-14' });
    expect(locked.body.permissions).toMatchObject({
      edit: false,
      submit: false,
      requestUnlock: true,
    });
    const save = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: value('61'),
    });
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('QUARTER_LOCKED');
    expect(save.body.error.message).toContain('2026-04-14');
    const submit = await op.post<ErrorBody>(`/api/monitoring/reports/${report.id}/transitions`, {
      version: report.version,
      action: 'submit',
    });
    expect(submit.status).toBe(409);
    expect(submit.body.error.code).toBe('QUARTER_LOCKED');
  });

  it('takes one unlock request at a time, from a writer of the unit', async () => {
    setToday(dates.tw1Locked);
    const tooShort = await m.clients.operatorDinkes.post<ErrorBody>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'telat' },
    );
    expect(tooShort.status).toBe(400);
    const stranger = await m.clients.operatorDisdik.post<ErrorBody>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Data dari puskesmas terlambat masuk.' },
    );
    expect(stranger.status).toBe(403);
    const asked = await m.clients.operatorDinkes.post<Unlock>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Data dari puskesmas terlambat masuk.' },
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      reportId: report.id,
      grantedUntil: null,
    });
    const again = await m.clients.operatorDinkes.post<ErrorBody>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Mohon dibuka kembali, data sudah lengkap.' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('UNLOCK_PENDING');

    const list = await m.clients.admin.get<{ items: (Unlock & Record<string, unknown>)[] }>(
      '/api/monitoring/unlocks?status=pending',
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      reportId: report.id,
      agreementTitle: 'PK Kepala Dinas Kesehatan',
      unitName: 'Dinas Kesehatan',
      year: 2026,
      quarter: 1,
      deadline: '2026-04-14',
    });
    expect((await m.clients.operatorDinkes.get('/api/monitoring/unlocks')).status).toBe(403);
    const detail = await m.clients.operatorDinkes.get<ReportDetail>(
      `/api/monitoring/reports/${report.id}`,
    );
    expect(detail.body.permissions.requestUnlock).toBe(false);
    expect(detail.body.unlocks).toHaveLength(1);
  });

  it('grants for a limited time: entry reopens, then locks again when the time runs out', async () => {
    const grantMoment = new Date('2026-04-16T03:00:00.000Z');
    setToday(grantMoment);
    const [pending] = (
      await m.clients.admin.get<{ items: Unlock[] }>('/api/monitoring/unlocks?status=pending')
    ).body.items;
    expect(pending).toBeDefined();
    const id = pending?.id as string;
    const forbidden = await m.clients.operatorDinkes.post(
      `/api/monitoring/unlocks/${id}/decision`,
      { decision: 'grant', days: 2 },
    );
    expect(forbidden.status).toBe(403);
    const tooLong = await m.clients.admin.post<ErrorBody>(
      `/api/monitoring/unlocks/${id}/decision`,
      {
        decision: 'grant',
        days: 8,
      },
    );
    expect(tooLong.status).toBe(400);
    const granted = await m.clients.admin.post<Unlock>(`/api/monitoring/unlocks/${id}/decision`, {
      decision: 'grant',
      days: 2,
      note: 'Dibuka dua hari.',
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      status: 'granted',
      grantedUntil: '2026-04-18T03:00:00.000Z',
      decisionNote: 'Dibuka dua hari.',
    });
    const twice = await m.clients.admin.post<ErrorBody>(`/api/monitoring/unlocks/${id}/decision`, {
      decision: 'refuse',
    });
    expect(twice.status).toBe(409);

    setToday(new Date('2026-04-17T08:00:00.000Z'));
    const op = m.clients.operatorDinkes;
    let open = (await op.get<ReportDetail>(`/api/monitoring/reports/${report.id}`)).body;
    expect(open).toMatchObject({ locked: false, unlockedUntil: '2026-04-18T03:00:00.000Z' });
    open = await saveValues(op, open, value('62'));
    expect(open.indicators.find((i) => i.id === m.indicators.dinkes.accredited)?.value).toEqual({
      kind: 'number',
      value: '62',
    });

    setToday(new Date('2026-04-18T03:00:01.000Z'));
    const relocked = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: open.version,
      values: value('63'),
    });
    expect(relocked.status).toBe(409);
    expect(relocked.body.error.code).toBe('QUARTER_LOCKED');
    report = (await op.get<ReportDetail>(`/api/monitoring/reports/${report.id}`)).body;
    expect(report.locked).toBe(true);
    expect(report.permissions.requestUnlock).toBe(true);
  });

  it('refuses an unlock: the quarter stays locked; every step is audited', async () => {
    setToday('2026-04-20');
    const asked = await m.clients.operatorDinkes.post<Unlock>(
      `/api/monitoring/reports/${report.id}/unlocks`,
      { reason: 'Masih ada satu indikator yang perlu dikoreksi.' },
    );
    expect(asked.status).toBe(201);
    const refused = await m.clients.admin.post<Unlock>(
      `/api/monitoring/unlocks/${asked.body.id}/decision`,
      { decision: 'refuse', note: 'Batas waktu sudah diperpanjang sekali.' },
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', grantedUntil: null });
    const detail = (
      await m.clients.operatorDinkes.get<ReportDetail>(`/api/monitoring/reports/${report.id}`)
    ).body;
    expect(detail.locked).toBe(true);
    expect(detail.unlocks.map((u) => u.status)).toEqual(['granted', 'refused']);
    const all = await m.clients.admin.get<{ items: Unlock[] }>('/api/monitoring/unlocks');
    expect(all.body.items).toHaveLength(2);
    const audits = await t.database.withTenant(m.tenantId, (tx) =>
      queryRows<{ action: string; n: number }>(
        tx,
        sql`select action, count(*)::int as n from audit_events
             where action like 'quarter_unlock.%' group by action order by action`,
      ),
    );
    expect(audits).toEqual([
      { action: 'quarter_unlock.grant', n: 1 },
      { action: 'quarter_unlock.refuse', n: 1 },
      { action: 'quarter_unlock.request', n: 2 },
    ]);
  });

  it('lists the periods to fill with deadlines, locks and progress', async () => {
    const tw2 = await fillDinkesQuarter(m, 2, 'submitted');
    setToday('2026-07-20');
    // After the deadline a submission is not withdrawn (it could not be submitted again).
    const withdraw = await m.clients.operatorDinkes.post<ErrorBody>(
      `/api/monitoring/reports/${tw2.id}/transitions`,
      { version: tw2.version, action: 'withdraw' },
    );
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('QUARTER_LOCKED');
    const periods = await m.clients.operatorDinkes.get<Periods>(
      '/api/monitoring/periods?year=2026',
    );
    expect(periods.status).toBe(200);
    expect(periods.body.year).toBe(2026);
    expect(periods.body.years).toContain(2026);
    expect(periods.body.quarters).toEqual([
      { quarter: 1, deadline: '2026-04-14', locked: true, open: true },
      { quarter: 2, deadline: '2026-07-14', locked: true, open: true },
      { quarter: 3, deadline: '2026-10-14', locked: false, open: true },
      { quarter: 4, deadline: '2027-01-14', locked: false, open: false },
    ]);
    const dinkes = periods.body.items.find((i) => i.agreementId === m.pks.dinkes.id);
    expect(dinkes).toMatchObject({
      title: 'PK Kepala Dinas Kesehatan',
      unitName: 'Dinas Kesehatan',
    });
    expect(dinkes?.quarters.map((q) => [q.status, q.filled, q.total, q.locked])).toEqual([
      ['draft', 1, 5, true],
      ['submitted', 5, 5, true],
      [null, 0, 5, false],
      [null, 0, 5, true],
    ]);
    expect(periods.body.items).toHaveLength(2);
    const mine = await m.clients.operatorDisdik.get<Periods>(
      '/api/monitoring/periods?year=2026&mine=true',
    );
    expect(mine.body.items.map((i) => i.agreementId)).toEqual([m.pks.disdik.id]);
    const byUnit = await m.clients.viewer.get<Periods>(
      `/api/monitoring/periods?year=2026&unitId=${m.units.dinkes}`,
    );
    expect(byUnit.body.items.map((i) => i.agreementId)).toEqual([m.pks.dinkes.id]);
    const evaluatorMine = await m.clients.evaluator.get<Periods>(
      '/api/monitoring/periods?year=2026&mine=true',
    );
    expect(evaluatorMine.body.items).toHaveLength(0);
  });
});
