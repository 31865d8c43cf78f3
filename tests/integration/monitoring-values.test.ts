import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { supersedePrevious } from '../../src/modules/agreements/revisions/supersede.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import {
  capaianFromStored,
  defaultCapaianRules,
  quarterCapaian,
} from '../../src/shared/capaian/index.js';
import { normalizeDecimal } from '../../src/shared/target-value.js';
import { createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { markSignedForTest } from '../helpers/agreements.js';
import { signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD } from '../helpers/factories.js';
import {
  createMonitoringFixture,
  dates,
  type MonitoringFixture,
  openReport,
  resetClock,
  saveValues,
  setToday,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: {
      errors?: { indicatorId: string | null; field: string; message: string; code: string }[];
    };
  };
}

const norm = (v: string | null | undefined) => (v == null ? null : normalizeDecimal(v));

interface StoredRow {
  indicator_id: string;
  quarter: number;
  value: string | null;
  code: string | null;
  capaian_quarter: string | null;
  capaian_to_date: string | null;
  capaian_annual: string | null;
  band: string | null;
}

describe.each(testDatabaseKinds())('monitoring values (%s)', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
  });
  afterAll(async () => {
    resetClock();
    await t.close();
  });
  afterEach(() => resetClock());

  const rows = (reportOrAgreement: string) =>
    t.database.withTenant(m.tenantId, (tx) =>
      queryRows<StoredRow>(
        tx,
        sql`select indicator_id, quarter, value::text as value, code,
                   capaian_quarter::text as capaian_quarter, capaian_to_date::text as capaian_to_date,
                   capaian_annual::text as capaian_annual, band
              from realisasi where agreement_id = ${reportOrAgreement}
             order by quarter, indicator_id`,
      ),
    );

  it('opens a report once (idempotent) and refuses a quarter that has not begun', async () => {
    setToday(dates.tw1Open);
    const op = m.clients.operatorDinkes;
    const first = await openReport(op, m.pks.dinkes.id, 2026, 1);
    const again = await openReport(op, m.pks.dinkes.id, 2026, 1);
    expect(again.id).toBe(first.id);
    expect(first.status).toBe('draft');
    expect(first.indicators).toHaveLength(5);
    expect(first.budgets).toHaveLength(2);
    expect(first.deadline).toBe('2026-04-14');
    expect(first.locked).toBe(false);
    expect(first.permissions.edit).toBe(true);
    // A reader sees the existing report but cannot open a missing one.
    const viewerOpen = await m.clients.viewer.post<ReportDetail>('/api/monitoring/reports', {
      agreementId: m.pks.dinkes.id,
      year: 2026,
      quarter: 1,
    });
    expect(viewerOpen.status).toBe(200);
    expect(viewerOpen.body.permissions.edit).toBe(false);
    const viewerMissing = await m.clients.viewer.post('/api/monitoring/reports', {
      agreementId: m.pks.disdik.id,
      year: 2026,
      quarter: 1,
    });
    expect(viewerMissing.status).toBe(403);
    const future = await op.post<ErrorBody>('/api/monitoring/reports', {
      agreementId: m.pks.dinkes.id,
      year: 2026,
      quarter: 2,
    });
    expect(future.status).toBe(409);
    expect(future.body.error.code).toBe('QUARTER_LOCKED');
    expect(future.body.error.message).toContain('belum dimulai');
    const outside = await op.post<ErrorBody>('/api/monitoring/reports', {
      agreementId: m.pks.dinkes.id,
      year: 2027,
      quarter: 1,
    });
    expect(outside.status).toBe(400);
    const audits = await t.database.withTenant(m.tenantId, (tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from audit_events where action = 'quarter_report.open'`,
      ),
    );
    expect(audits[0]?.n).toBe(1);
  });

  it('saves Indonesian numbers and scale codes, and writes the engine capaian', async () => {
    setToday(dates.tw1Open);
    const op = m.clients.operatorDinkes;
    const i = m.indicators.dinkes;
    const report = await openReport(op, m.pks.dinkes.id, 2026, 1);
    const saved = await saveValues(
      op,
      report,
      [
        { indicatorId: i.accredited, value: '68,25' },
        { indicatorId: i.maternal, value: '95' },
        { indicatorId: i.referrals, value: '28' },
        { indicatorId: i.audit, value: ' wdp ' },
        { indicatorId: i.growth, value: '-1,5', analysis: 'Kunjungan turun karena renovasi.' },
      ],
      [{ budgetId: m.budgets.dinkes.sub1, amount: '25.000.000' }],
    );
    expect(saved.version).toBe(report.version + 1);
    const byId = new Map(saved.indicators.map((x) => [x.id, x]));
    expect(byId.get(i.accredited)?.value).toEqual({ kind: 'number', value: '68.25' });
    expect(byId.get(i.audit)?.value).toEqual({ kind: 'scale', code: 'WDP' });
    expect(byId.get(i.growth)?.value).toEqual({ kind: 'number', value: '-1.5' });
    expect(byId.get(i.growth)?.analysis).toBe('Kunjungan turun karena renovasi.');
    // Capaian shown = the engine's on the same inputs; stored columns = the same figures.
    const accredited = byId.get(i.accredited);
    const expected = quarterCapaian(
      { method: 'ratio', aggregation: 'last' },
      {
        annualTarget: { kind: 'number', value: '80' },
        quarterTargets: [
          { kind: 'number', value: '65' },
          { kind: 'number', value: '70' },
          { kind: 'number', value: '75' },
          { kind: 'number', value: '80' },
        ],
        realisasi: [{ kind: 'number', value: '68.25' }, null, null, null],
      },
      1,
      defaultCapaianRules,
    );
    expect(accredited?.capaian.quarter).toEqual(expected.quarter);
    expect(accredited?.capaian.toDate).toEqual(expected.toDate);
    expect(accredited?.capaian.annual).toEqual(expected.annual);
    const stored = (await rows(m.pks.dinkes.id)).filter((r) => r.quarter === 1);
    expect(stored).toHaveLength(5);
    for (const indicator of saved.indicators) {
      const row = stored.find((r) => r.indicator_id === indicator.id);
      const c = indicator.capaian;
      expect(norm(row?.capaian_quarter)).toBe(c.quarter.assessed ? c.quarter.value : null);
      expect(norm(row?.capaian_to_date)).toBe(c.toDate.assessed ? c.toDate.value : null);
      expect(norm(row?.capaian_annual)).toBe(c.annual.assessed ? c.annual.value : null);
      expect(row?.band ?? null).toBe(c.toDate.assessed ? c.toDate.band : null);
      if (row?.capaian_to_date) {
        expect(capaianFromStored(row.capaian_to_date, defaultCapaianRules)).toMatchObject({
          value: c.toDate.assessed ? c.toDate.value : '',
        });
      }
    }
    // Scale: WDP (3) against WTP (4) = 75.
    expect(byId.get(i.audit)?.capaian.quarter).toMatchObject({ assessed: true, value: '75' });
    // Budget: 25.000.000 of 100.000.000 → 25 % absorbed.
    const sub1 = saved.budgets.find((b) => b.id === m.budgets.dinkes.sub1);
    expect(sub1).toMatchObject({ amount: '25000000.00', previous: '0.00', absorption: '25.00' });
    // Clearing the amount: "not entered" again, not Rp 0.
    const cleared = await saveValues(
      op,
      saved,
      [],
      [{ budgetId: m.budgets.dinkes.sub1, amount: '' }],
    );
    expect(cleared.budgets.find((b) => b.id === m.budgets.dinkes.sub1)?.amount).toBeNull();
  });

  it('refuses every bad value at once, naming the indicators, and writes nothing', async () => {
    setToday(dates.tw1Open);
    const op = m.clients.operatorDinkes;
    const i = m.indicators.dinkes;
    const report = await openReport(op, m.pks.dinkes.id, 2026, 1);
    const before = await rows(m.pks.dinkes.id);
    const res = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [
        { indicatorId: i.accredited, value: '70' },
        { indicatorId: i.maternal, value: 'sembilan puluh' },
        { indicatorId: i.referrals, value: '-3' },
        { indicatorId: i.audit, value: 'XYZ' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const errors = res.body.error.details?.errors ?? [];
    expect(errors.map((e) => [e.indicatorId, e.code])).toEqual([
      [i.maternal, 'INVALID_NUMBER'],
      [i.referrals, 'NEGATIVE_NOT_ALLOWED'],
      [i.audit, 'INVALID_TARGET'],
    ]);
    expect(errors[0]?.message).toContain('Angka kematian ibu');
    expect(await rows(m.pks.dinkes.id)).toEqual(before);
    const after = await m.clients.operatorDinkes.get<ReportDetail>(
      `/api/monitoring/reports/${report.id}`,
    );
    expect(after.body.version).toBe(report.version);

    // One kind of error alone keeps its own code.
    const text = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [{ indicatorId: i.accredited, value: '12abc' }],
    });
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('INVALID_NUMBER');
    const negative = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [{ indicatorId: i.accredited, value: '-5' }],
    });
    expect(negative.body.error.code).toBe('NEGATIVE_NOT_ALLOWED');
    // An indicator of another PK.
    const foreign = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [{ indicatorId: m.indicators.disdik.schools, value: '50' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details?.errors?.[0]?.field).toBe('indicatorId');
    // Budget over the ceiling names the sub kegiatan and the room left.
    const over = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [],
      budgets: [{ budgetId: m.budgets.dinkes.sub2, amount: '50000000,01' }],
    });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('BUDGET_OVER_CEILING');
    expect(over.body.error.message).toContain('Pengadaan Alat Kesehatan');
    expect(over.body.error.message).toContain('Rp 50.000.000,00');
  });

  it('answers a repeated save as done, and refuses a stale version with changes', async () => {
    setToday(dates.tw1Open);
    const op = m.clients.operatorDinkes;
    const i = m.indicators.dinkes;
    const report = await openReport(op, m.pks.dinkes.id, 2026, 1);
    const body = { version: report.version, values: [{ indicatorId: i.accredited, value: '69' }] };
    const first = await op.put<ReportDetail>(`/api/monitoring/reports/${report.id}/values`, body);
    expect(first.status).toBe(200);
    const second = await op.put<ReportDetail>(`/api/monitoring/reports/${report.id}/values`, body);
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(first.body.version);
    const stale = await op.put<ErrorBody>(`/api/monitoring/reports/${report.id}/values`, {
      version: report.version,
      values: [{ indicatorId: i.accredited, value: '70' }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('keeps the scale of a signed PK: its codes and scores cannot change under stored capaian', async () => {
    const list = await m.clients.admin.get<{
      items: {
        id: string;
        version: number;
        levels: { code: string; label: string; score: string }[];
      }[];
    }>('/api/rating-scales');
    const found = list.body.items.find((x) => x.id === m.scaleId);
    if (!found) throw new Error('scale not listed');
    const scale = { body: found };
    const levels = scale.body.levels.map((l) => ({
      code: l.code,
      label: l.label,
      score: String(l.code === 'WDP' ? 2.5 : Number(l.score)),
    }));
    const res = await m.clients.admin.patch<ErrorBody>(`/api/rating-scales/${m.scaleId}`, {
      version: scale.body.version,
      levels,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('HAS_DEPENDENTS');
    expect(res.body.error.message).toMatch(/sudah ditandatangani/);
  });

  it('refuses other units (403), other tenants (404), unsigned and superseded PKs', async () => {
    setToday(dates.tw1Open);
    const report = await openReport(m.clients.operatorDinkes, m.pks.dinkes.id, 2026, 1);
    const other = await m.clients.operatorDisdik.put<ErrorBody>(
      `/api/monitoring/reports/${report.id}/values`,
      {
        version: report.version,
        values: [{ indicatorId: m.indicators.dinkes.accredited, value: '1' }],
      },
    );
    expect(other.status).toBe(403);
    const otherOpen = await m.clients.operatorDisdik.post<ErrorBody>('/api/monitoring/reports', {
      agreementId: m.pks.dinkes.id,
      year: 2026,
      quarter: 1,
    });
    // Reading an existing report is allowed to every reader of the Pemda.
    expect(otherOpen.status).toBe(200);

    const { tenantId: otherTenant, adminUsername } = await createTestTenant(t.database);
    expect(otherTenant).not.toBe(m.tenantId);
    const stranger = await signIn(t.app, adminUsername, TEST_PASSWORD);
    expect((await stranger.get(`/api/monitoring/reports/${report.id}`)).status).toBe(404);
    expect(
      (
        await stranger.put(`/api/monitoring/reports/${report.id}/values`, {
          version: report.version,
          values: [],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await stranger.post('/api/monitoring/reports', {
          agreementId: m.pks.dinkes.id,
          year: 2026,
          quarter: 1,
        })
      ).status,
    ).toBe(404);

    // A PK that is only ready to sign: no report.
    const kabid = await m.clients.admin.post<{ id: string; version: number }>('/api/agreements', {
      yearId: m.yearId,
      positionId: m.positions.kabid,
      agreementDate: '2026-01-05',
    });
    expect(kabid.status).toBe(201);
    const unsigned = await m.clients.admin.post<ErrorBody>('/api/monitoring/reports', {
      agreementId: kabid.body.id,
      year: 2026,
      quarter: 1,
    });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.error.code).toBe('AGREEMENT_NOT_SIGNED');

    // Superseded by a PK Perubahan: entries refused with "digantikan".
    const revision = await m.clients.admin.post<{ id: string }>(
      `/api/agreements/${m.pks.disdik.id}/revisions`,
      {
        version: m.pks.disdik.version,
        reason: 'perubahan_prioritas',
        note: 'Penyesuaian target karena perubahan prioritas daerah.',
      },
    );
    expect(revision.status, JSON.stringify(revision.body)).toBe(201);
    const disdikReport = await openReport(m.clients.operatorDisdik, m.pks.disdik.id, 2026, 1);
    await supersede(revision.body.id);
    const refused = await m.clients.operatorDisdik.put<ErrorBody>(
      `/api/monitoring/reports/${disdikReport.id}/values`,
      {
        version: disdikReport.version,
        values: [{ indicatorId: m.indicators.disdik.schools, value: '50' }],
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('AGREEMENT_NOT_SIGNED');
    expect(refused.body.error.message).toContain('digantikan');
    const reopen = await m.clients.operatorDisdik.post<ErrorBody>('/api/monitoring/reports', {
      agreementId: m.pks.disdik.id,
      year: 2026,
      quarter: 2,
    });
    expect(reopen.status).toBe(409);
  });

  it('copies allowNegative from the plan indicator into a PK pulled from the plan', async () => {
    const f = await createAgreementFixture(t.database);
    const admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    const indicator = await admin.get<{ version: number; allowNegative: boolean }>(
      `/api/indicators/${f.indicators.renstra}`,
    );
    expect(indicator.body.allowNegative).toBe(false);
    const patched = await admin.patch<{ allowNegative: boolean }>(
      `/api/indicators/${f.indicators.renstra}`,
      { version: indicator.body.version, allowNegative: true },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.allowNegative).toBe(true);
    const pk = await admin.post<{ id: string }>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadinkes,
      agreementDate: '2026-01-05',
    });
    expect(pk.status).toBe(201);
    const rows = await t.database.withTenant(f.tenantId, (tx) =>
      queryRows<{ source_indicator_id: string; allow_negative: boolean }>(
        tx,
        sql`select source_indicator_id, allow_negative from agreement_indicators
             where agreement_id = ${pk.body.id}`,
      ),
    );
    expect(rows).toContainEqual({
      source_indicator_id: f.indicators.renstra,
      allow_negative: true,
    });
  });

  /** Signs a PK Perubahan the way the signing feature does: the old version becomes superseded. */
  async function supersede(revisionId: string) {
    const detail = await m.clients.admin.get<{ version: number; status: string }>(
      `/api/agreements/${revisionId}`,
    );
    let version = detail.body.version;
    for (const action of ['submit', 'verify', 'mark_ready']) {
      const res = await m.clients.admin.post<{ version: number }>(
        `/api/agreements/${revisionId}/transitions`,
        { version, action },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = res.body.version;
    }
    await markSignedForTest(t.database, revisionId);
    await t.database.withTenant(m.tenantId, (tx) => supersedePrevious(tx, m.tenantId, revisionId));
  }
});
