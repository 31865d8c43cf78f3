import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import { recomputeCapaian } from '../../src/modules/monitoring/recompute-capaian.js';
import { defaultCapaianRules, quarterCapaian } from '../../src/shared/capaian/index.js';
import { normalizeDecimal } from '../../src/shared/target-value.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createMonitoringFixture,
  dates,
  explanation,
  type MonitoringFixture,
  openReport,
  resetClock,
  saveValues,
  setToday,
  transition,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { indicators?: { indicatorId: string; reason: string }[] };
  };
}

/** The SQLSTATE of a refused statement (drizzle wraps the driver's error in `cause`). */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
      if ('code' in current && typeof current.code === 'string') return current.code;
      current = 'cause' in current ? current.cause : undefined;
    }
    return undefined;
  }
  throw new Error('expected the database to refuse the statement');
}

describe.each(testDatabaseKinds())('monitoring workflow (%s)', (kind) => {
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

  const post = (client: keyof MonitoringFixture['clients'], body: Record<string, unknown>) =>
    m.clients[client].post<ReportDetail & ErrorBody>(
      `/api/monitoring/reports/${report.id}/transitions`,
      body,
    );

  it('refuses to submit until missing and low-band indicators are explained (422 lists them)', async () => {
    setToday(dates.tw1Open);
    const op = m.clients.operatorDinkes;
    const i = m.indicators.dinkes;
    report = await openReport(op, m.pks.dinkes.id, 2026, 1);
    report = await saveValues(op, report, [
      { indicatorId: i.accredited, value: '30' }, // 46,15 % of 65: Sangat Rendah
      { indicatorId: i.maternal, value: '90' },
      { indicatorId: i.referrals, value: '30' },
      { indicatorId: i.audit, value: 'WTP' },
      // growth: missing
    ]);
    const accredited = report.indicators.find((x) => x.id === i.accredited);
    expect(accredited?.capaian.toDate).toMatchObject({ assessed: true, band: 'sangat_rendah' });
    expect(accredited?.explanationRequired).toBe(true);
    expect(report.indicators.find((x) => x.id === i.growth)?.explanationRequired).toBe(true);
    expect(report.indicators.find((x) => x.id === i.maternal)?.explanationRequired).toBe(false);

    const refused = await post('operatorDinkes', { version: report.version, action: 'submit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('EXPLANATION_REQUIRED');
    expect(refused.body.error.details?.indicators).toEqual([
      expect.objectContaining({ indicatorId: i.accredited, reason: 'low_band' }),
      expect.objectContaining({ indicatorId: i.growth, reason: 'no_realisasi' }),
    ]);
    expect(refused.body.error.message).toContain('Pertumbuhan kunjungan puskesmas');

    // Half an explanation is not enough.
    report = await saveValues(op, report, [
      { indicatorId: i.accredited, analysis: 'Baru sebagian fasilitas dinilai.' },
      { indicatorId: i.growth, ...explanation },
    ]);
    const still = await post('operatorDinkes', { version: report.version, action: 'submit' });
    expect(still.status).toBe(422);
    expect(still.body.error.details?.indicators?.map((x) => x.indicatorId)).toEqual([i.accredited]);
    report = await saveValues(op, report, [{ indicatorId: i.accredited, ...explanation }]);
    expect(report.indicators.find((x) => x.id === i.accredited)?.analysis).toBe(
      explanation.analysis,
    );
  });

  it('submits once: a double click answers the same report; values are then frozen', async () => {
    setToday(dates.tw1Open);
    const body = { version: report.version, action: 'submit' };
    const first = await post('operatorDinkes', body);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    const second = await post('operatorDinkes', body);
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(first.body.version);
    expect(second.body.transitions).toHaveLength(1);
    report = first.body;
    expect(report.permissions).toMatchObject({ edit: false, withdraw: true, approve: false });

    const edit = await m.clients.operatorDinkes.put<ErrorBody>(
      `/api/monitoring/reports/${report.id}/values`,
      {
        version: report.version,
        values: [{ indicatorId: m.indicators.dinkes.maternal, value: '80' }],
      },
    );
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('NOT_EDITABLE');

    // The database refuses it too, whatever the code does (AM032), for values and budgets.
    expect(
      await sqlState(
        t.database.withTenant(m.tenantId, (tx) =>
          tx.execute(
            sql`update realisasi set value = 1 where report_id = ${report.id}
                 and indicator_id = ${m.indicators.dinkes.maternal}`,
          ),
        ),
      ),
    ).toBe('AM032');
    expect(
      await sqlState(
        t.database.withTenant(m.tenantId, (tx) =>
          tx.execute(
            sql`insert into budget_realisasi (tenant_id, budget_id, year, quarter, report_id, agreement_id, amount)
                values (${m.tenantId}, ${m.budgets.dinkes.sub2}, 2026, 1, ${report.id}, ${m.pks.dinkes.id}, 5)`,
          ),
        ),
      ),
    ).toBe('AM032');
    // …while the engine may still rewrite capaian columns alone.
    await t.database.withTenant(m.tenantId, (tx) =>
      tx.execute(
        sql`update realisasi set capaian_quarter = capaian_quarter where report_id = ${report.id}`,
      ),
    );
  });

  it('withdraws back to draft and submits again', async () => {
    setToday(dates.tw1Open);
    const withdrawn = await post('operatorDinkes', { version: report.version, action: 'withdraw' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('draft');
    report = await transition(m.clients.operatorDinkes, withdrawn.body, 'submit');
    expect(report.status).toBe('submitted');
  });

  it('lets only the head of the unit approve', async () => {
    setToday(dates.tw1Open);
    for (const who of ['operatorDinkes', 'kadisdik', 'evaluator', 'viewer'] as const) {
      const res = await post(who, { version: report.version, action: 'approve' });
      expect(res.status, who).toBe(403);
    }
    const verifyTooEarly = await post('evaluator', { version: report.version, action: 'verify' });
    expect(verifyTooEarly.status).toBe(409);
    expect(verifyTooEarly.body.error.code).toBe('INVALID_TRANSITION');
    const head = await m.clients.kadinkes.get<ReportDetail>(`/api/monitoring/reports/${report.id}`);
    expect(head.body.permissions).toMatchObject({ approve: true, return: true, edit: false });
    report = await transition(m.clients.kadinkes, report, 'approve');
    expect(report.status).toBe('approved');
  });

  it('returns with a note (history kept), and the operator fixes and resubmits', async () => {
    setToday(dates.tw1Open);
    expect((await post('kadinkes', { version: report.version, action: 'verify' })).status).toBe(
      403,
    );
    const short = await post('evaluator', { version: report.version, action: 'return', note: 'x' });
    expect(short.status).toBe(400);
    const returned = await post('evaluator', {
      version: report.version,
      action: 'return',
      note: 'Bukti dukung akreditasi belum dilampirkan.',
    });
    expect(returned.status).toBe(200);
    report = returned.body;
    expect(report.status).toBe('returned');
    expect(report.permissions.edit).toBe(false); // the evaluator's view
    const operatorView = await m.clients.operatorDinkes.get<ReportDetail>(
      `/api/monitoring/reports/${report.id}`,
    );
    expect(operatorView.body.permissions).toMatchObject({ edit: true, submit: true });
    report = await saveValues(m.clients.operatorDinkes, report, [
      { indicatorId: m.indicators.dinkes.accredited, value: '64' },
    ]);
    report = await transition(m.clients.operatorDinkes, report, 'submit');
    report = await transition(m.clients.kadinkes, report, 'approve');
    report = await transition(m.clients.evaluator, report, 'verify');
    expect(report.status).toBe('verified');
    expect(report.transitions.map((x) => [x.fromStatus, x.toStatus])).toEqual([
      ['draft', 'submitted'],
      ['submitted', 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'approved'],
      ['approved', 'returned'],
      ['returned', 'submitted'],
      ['submitted', 'approved'],
      ['approved', 'verified'],
    ]);
    expect(report.transitions[4]?.note).toBe('Bukti dukung akreditasi belum dilampirkan.');
    expect(report.transitions[4]?.actorName).toContain('inspektorat');
    // A verified report can still be returned by a verifier (admin Pemda too).
    const admin = await m.clients.admin.get<ReportDetail>(`/api/monitoring/reports/${report.id}`);
    expect(admin.body.permissions).toMatchObject({ return: true, verify: false });

    const audits = await t.database.withTenant(m.tenantId, (tx) =>
      queryRows<{ action: string; n: number }>(
        tx,
        sql`select action, count(*)::int as n from audit_events
             where entity_id = ${report.id} group by action order by action`,
      ),
    );
    expect(Object.fromEntries(audits.map((a) => [a.action, a.n]))).toMatchObject({
      'quarter_report.open': 1,
      'quarter_report.save': 4,
      'quarter_report.submit': 3,
      'quarter_report.withdraw': 1,
      'quarter_report.approve': 2,
      'quarter_report.return': 1,
      'quarter_report.verify': 1,
    });
  });

  it('a TW II change moves the to-date capaian of TW III (every quarter recomputed by the engine)', async () => {
    // Early July: TW II is still before its deadline and TW III has begun.
    setToday('2026-07-06');
    const op = m.clients.operatorDinkes;
    const referrals = m.indicators.dinkes.referrals;
    let tw2 = await openReport(op, m.pks.dinkes.id, 2026, 2);
    tw2 = await saveValues(op, tw2, [{ indicatorId: referrals, value: '20' }]);
    let tw3 = await openReport(op, m.pks.dinkes.id, 2026, 3);
    tw3 = await saveValues(op, tw3, [{ indicatorId: referrals, value: '40' }]);
    const storedTw3 = async () => {
      const [row] = await t.database.withTenant(m.tenantId, (tx) =>
        queryRows<{ to_date: string; annual: string }>(
          tx,
          sql`select capaian_to_date::text as to_date, capaian_annual::text as annual
                from realisasi where indicator_id = ${referrals} and year = 2026 and quarter = 3`,
        ),
      );
      return {
        toDate: normalizeDecimal(row?.to_date ?? ''),
        annual: normalizeDecimal(row?.annual ?? ''),
      };
    };
    const engine = (tw2Value: string) =>
      quarterCapaian(
        { method: 'ratio', aggregation: 'cumulative' },
        {
          annualTarget: { kind: 'number', value: '120' },
          quarterTargets: [1, 2, 3, 4].map(() => ({ kind: 'number', value: '30' })) as never,
          realisasi: [
            { kind: 'number', value: '30' },
            { kind: 'number', value: tw2Value },
            { kind: 'number', value: '40' },
            null,
          ],
        },
        3,
        defaultCapaianRules,
      );
    const before = engine('20');
    expect(await storedTw3()).toEqual({
      toDate: before.toDate.assessed ? before.toDate.value : '',
      annual: before.annual.assessed ? before.annual.value : '',
    });
    tw2 = await saveValues(op, tw2, [{ indicatorId: referrals, value: '35' }]);
    const after = engine('35');
    expect(await storedTw3()).toEqual({
      toDate: after.toDate.assessed ? after.toDate.value : '',
      annual: after.annual.assessed ? after.annual.value : '',
    });
    expect(after.toDate).not.toEqual(before.toDate);
    const detail = await op.get<ReportDetail>(`/api/monitoring/reports/${tw3.id}`);
    const row = detail.body.indicators.find((x) => x.id === referrals);
    expect(row?.capaian.toDate).toEqual(after.toDate);
    expect(row?.history.map((h) => h.value)).toEqual([
      { kind: 'number', value: '30' },
      { kind: 'number', value: '35' },
      { kind: 'number', value: '40' },
      null,
    ]);
    expect(row?.history.map((h) => h.status)).toEqual(['verified', 'draft', 'draft', null]);
  });

  it('recomputes stored capaian when the tenant changes its cap', async () => {
    setToday('2026-07-06');
    const op = m.clients.operatorDinkes;
    const i = m.indicators.dinkes;
    let tw3 = await openReport(op, m.pks.dinkes.id, 2026, 3);
    // 75 of 75 planned… 150 → 200 % raw, 120 with the default cap.
    tw3 = await saveValues(op, tw3, [{ indicatorId: i.accredited, value: '150' }]);
    expect(tw3.indicators.find((x) => x.id === i.accredited)?.capaian.quarter).toMatchObject({
      value: '120',
      capped: true,
    });
    const tenant = await m.clients.admin.get<{
      version: number;
      settings: Record<string, unknown>;
    }>('/api/tenant');
    const monitoring = tenant.body.settings.monitoring as Record<string, unknown>;
    const patched = await m.clients.admin.patch('/api/tenant', {
      version: tenant.body.version,
      settings: { monitoring: { ...monitoring, cap: 'none' } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const [row] = await t.database.withTenant(m.tenantId, (tx) =>
      queryRows<{ q: string }>(
        tx,
        sql`select capaian_quarter::text as q from realisasi
             where indicator_id = ${i.accredited} and year = 2026 and quarter = 3`,
      ),
    );
    expect(normalizeDecimal(row?.q ?? '')).toBe('200');
    // The verified TW I row was recomputed too (capaian-only updates pass the guard).
    const detail = await op.get<ReportDetail>(`/api/monitoring/reports/${tw3.id}`);
    expect(
      detail.body.indicators.find((x) => x.id === i.accredited)?.capaian.quarter,
    ).toMatchObject({ value: '200', capped: false });
  });
  it('recomputeCapaian rebuilds every stored figure of the tenant (for seeders and rule changes)', async () => {
    const snapshot = () =>
      t.database.withTenant(m.tenantId, (tx) =>
        queryRows<Record<string, string | null>>(
          tx,
          sql`select indicator_id, year, quarter, capaian_quarter::text as q,
                     capaian_to_date::text as d, capaian_annual::text as a, band
                from realisasi order by indicator_id, year, quarter`,
        ),
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(5);
    await t.database.withTenant(m.tenantId, (tx) =>
      tx.execute(
        sql`update realisasi set capaian_quarter = null, capaian_to_date = null,
                                 capaian_annual = null, band = null`,
      ),
    );
    const examined = await t.database.withTenant(m.tenantId, (tx) =>
      recomputeCapaian(tx, m.tenantId),
    );
    expect(examined).toBe(before.length);
    expect(await snapshot()).toEqual(before);
  });
});
