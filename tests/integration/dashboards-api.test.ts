import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import type {
  Appreciation,
  IndicatorDashboard,
  NationalBands,
  PemdaDashboard,
  UnitDashboard,
} from '../../src/modules/dashboards/dashboard-schemas.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import {
  averageCapaian,
  type Capaian,
  defaultCapaianRules,
  type IndicatorMeasure,
  type QuarterValues,
  quarterCapaian,
  type RealisasiValue,
} from '../../src/shared/capaian/index.js';
import type { TargetValue } from '../../src/shared/target-value.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestUser, TEST_PASSWORD, validNip } from '../helpers/factories.js';
import {
  createMonitoringFixture,
  dates,
  disdikContent,
  explanation,
  fillDinkesQuarter,
  type MonitoringFixture,
  openReport,
  resetClock,
  saveValues,
  setToday,
  signedAgreement,
  transition,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { downloadFile, readWorkbook } from '../helpers/uploads.js';

const rules = defaultCapaianRules;
const num = (value: string): TargetValue & RealisasiValue => ({ kind: 'number', value });
const code = (c: string): TargetValue & RealisasiValue => ({ kind: 'scale', code: c });
const opini = [
  { code: 'WTP', score: 4 },
  { code: 'WDP', score: 3 },
  { code: 'TW', score: 2 },
  { code: 'TMP', score: 1 },
];

/** The engine on the fixture's own inputs: one indicator at TW I with one realisasi. */
function engineTw1(
  measure: IndicatorMeasure,
  annual: TargetValue,
  tw1Target: TargetValue,
  value: RealisasiValue | null,
) {
  const quarterTargets: QuarterValues<TargetValue> = [tw1Target, null, null, null];
  const realisasi: QuarterValues<RealisasiValue> = [value, null, null, null];
  return quarterCapaian(measure, { annualTarget: annual, quarterTargets, realisasi }, 1, rules);
}

/** Dinkes TW I as fillDinkesQuarter enters it (66, 85, 31, WTP, 2). */
const dinkesTw1 = () => [
  {
    iku: true,
    c: engineTw1({ method: 'ratio', aggregation: 'last' }, num('80'), num('65'), num('66')),
  },
  {
    iku: false,
    c: engineTw1(
      { method: 'inverse_difference', aggregation: 'last' },
      num('90'),
      num('90'),
      num('85'),
    ),
  },
  {
    iku: false,
    c: engineTw1({ method: 'ratio', aggregation: 'cumulative' }, num('120'), num('30'), num('31')),
  },
  {
    iku: false,
    c: engineTw1(
      { method: 'scale', aggregation: 'last', scale: opini },
      code('WTP'),
      code('WTP'),
      code('WTP'),
    ),
  },
  {
    iku: false,
    c: engineTw1({ method: 'ratio', aggregation: 'last' }, num('5'), num('2'), num('2')),
  },
];

/** Disdik-like TW I: schools 30 (target 45, annual 60), graduates not entered. */
const disdikTw1 = () => [
  {
    iku: true,
    c: engineTw1({ method: 'ratio', aggregation: 'last' }, num('60'), num('45'), num('30')),
  },
  {
    iku: false,
    c: engineTw1({ method: 'ratio', aggregation: 'cumulative' }, num('200'), num('50'), null),
  },
];

const avg = (items: { c: ReturnType<typeof engineTw1> }[], pick: 'toDate' | 'annual') =>
  averageCapaian(
    items.map((i) => ({ capaian: i.c[pick] })),
    rules,
  );
const value = (c: Capaian) => (c.assessed ? c.value : null);

describe.each(testDatabaseKinds())('dashboards on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let other: MonitoringFixture;
  let viewer: ApiClient;
  let dinsos: { unitId: string; pkId: string; indicators: Record<string, string> };
  let kadinsos: ApiClient;
  let operatorDinsos: ApiClient;
  let pemdaObjectiveId: string;

  /** A third PD (Dinas Sosial) with a head, a signed PK like Disdik's and its users. */
  async function addDinsos() {
    const unitId = newId();
    const positionId = newId();
    const employeeId = newId();
    await t.database.withTenant(m.tenantId, async (tx) => {
      await tx.insert(units).values({
        tenantId: m.tenantId,
        id: unitId,
        name: 'Dinas Sosial',
        type: 'dinas',
        level: 'eselon_2',
      });
      await tx.insert(positions).values({
        tenantId: m.tenantId,
        id: positionId,
        unitId,
        title: 'Kepala Dinas Sosial',
        kind: 'jpt_pratama',
        headsUnit: true,
      });
      await tx.insert(employees).values({
        tenantId: m.tenantId,
        id: employeeId,
        nip: validNip(),
        name: 'Sri Wahyuni',
        gender: 'P',
        employeeType: 'pns',
        grade: 'IV/c',
      });
      await tx.insert(assignments).values({
        tenantId: m.tenantId,
        positionId,
        employeeId,
        kind: 'definitif',
        startDate: '2020-01-01',
      });
    });
    const signed = await signedAgreement(t, m, m.clients.admin, positionId, disdikContent);
    kadinsos = await signIn(
      t.app,
      await createTestUser(t.database, m.tenantId, [{ role: 'pimpinan_unit', unitId }]),
      TEST_PASSWORD,
    );
    operatorDinsos = await signIn(
      t.app,
      await createTestUser(t.database, m.tenantId, [{ role: 'operator_unit', unitId }]),
      TEST_PASSWORD,
    );
    return { unitId, pkId: signed.pk.id, indicators: signed.indicators };
  }

  /** Disdik-like TW I (schools 30, graduates missing with explanation), approved by the head. */
  async function fillLikeDisdik(
    operator: ApiClient,
    head: ApiClient,
    pkId: string,
    ids: { schools: string; graduates: string },
    budgetId: string,
  ) {
    setToday(dates.tw1Deadline);
    let report = await openReport(operator, pkId, m.year, 1);
    report = await saveValues(
      operator,
      report,
      [
        { indicatorId: ids.schools, value: '30' },
        { indicatorId: ids.graduates, value: null, ...explanation },
      ],
      [{ budgetId, amount: '40000000' }],
    );
    report = await transition(operator, report, 'submit');
    return transition(head, report, 'approve');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    other = await createMonitoringFixture(t);
    viewer = m.clients.viewer;
    dinsos = await addDinsos();
    const [budget] = await t.database.withTenant(m.tenantId, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`select id from agreement_budgets where tenant_id = ${m.tenantId} and agreement_id = ${dinsos.pkId}`,
      ),
    );
    const dinsosBudget = budget?.id as string;
    // The Pemda PK (RPJMD sasaran) and the cascade: Dinkes's first sasaran supports it. The link
    // is set as the drafting would have (a signed PK is frozen, so triggers are bypassed here).
    const pemda = await signedAgreement(t, m, m.clients.admin, m.positions.walikota, {
      objectives: [
        {
          title: 'Meningkatnya derajat kesehatan masyarakat',
          indicators: [
            {
              key: 'uhh',
              name: 'Usia Harapan Hidup',
              satuan: 'tahun',
              method: 'ratio',
              aggregation: 'last',
              isIku: true,
              annual: '72.3',
              quarters: ['72.3', '72.3', '72.3', '72.3'],
            },
          ],
        },
      ],
      budgets: [],
    });
    pemdaObjectiveId = pemda.pk.objectives[0]?.id as string;
    const dinkesObjective = m.pks.dinkes.objectives[0]?.id as string;
    await t.database.withSystem(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update agreement_objectives set supports_objective_id = ${pemdaObjectiveId}
             where id = ${dinkesObjective}`,
      );
    });
    // TW I: Dinkes verified; Disdik and Dinsos the same figures, approved; TW II: Dinkes only
    // submitted (not counted).
    await fillDinkesQuarter(m, 1, 'verified');
    await fillLikeDisdik(
      m.clients.operatorDisdik,
      m.clients.kadisdik,
      m.pks.disdik.id,
      m.indicators.disdik,
      m.budgets.disdik.sub,
    );
    await fillLikeDisdik(
      operatorDinsos,
      kadinsos,
      dinsos.pkId,
      dinsos.indicators as { schools: string; graduates: string },
      dinsosBudget,
    );
    await fillDinkesQuarter(m, 2, 'submitted');
    resetClock();
  }, 240_000);

  afterEach(() => resetClock());
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  it('the Pemda dashboard: figures equal the engine on the same inputs, counted reports only', async () => {
    setToday('2026-05-01');
    const res = await viewer.get<PemdaDashboard>(`/api/dashboards/pemda?year=${m.year}`);
    expect(res.status).toBe(200);
    const d = res.body;
    // TW II of Dinkes is only submitted: the latest counted quarter is TW I.
    expect(d.quarter).toBe(1);
    expect(d.years).toContain(m.year);
    expect(d.basis.statuses).toEqual(['approved', 'verified']);
    expect(d.deadline).toBe(dates.tw1Deadline);

    const dinkes = avg(dinkesTw1(), 'toDate');
    const disdik = avg(disdikTw1(), 'toDate');
    expect(dinkes.assessed).toBe(true);
    const byUnit = new Map(d.units.map((u) => [u.unitId, u]));
    expect(byUnit.get(m.units.dinkes)?.capaian).toEqual(dinkes);
    expect(byUnit.get(m.units.disdik)?.capaian).toEqual(disdik);
    expect(value(disdik)).toBe('66.67');
    // Not assessed is left out, never 0: Disdik 1 of 2 assessed.
    expect(byUnit.get(m.units.disdik)).toMatchObject({ indicators: 2, assessed: 1 });
    expect(byUnit.get(m.units.dinkes)).toMatchObject({
      indicators: 5,
      assessed: 5,
      reportStatus: 'verified',
      late: false,
    });

    // Ranking: Dinkes first; Disdik and Dinsos tie and share rank 2.
    expect(d.units.map((u) => [u.unitId, u.rank])).toEqual([
      [m.units.dinkes, 1],
      [m.units.disdik, 2],
      [dinsos.unitId, 2],
    ]);

    // Summary over every head-of-PD indicator (9), 7 assessed.
    const everything = [...dinkesTw1(), ...disdikTw1(), ...disdikTw1()];
    expect(d.summary).toMatchObject({ indicators: 9, assessed: 7, notAssessed: 2 });
    expect(d.summary.capaian).toEqual(avg(everything, 'toDate'));
    const bandTotal = Object.values(d.summary.bandCounts).reduce((a, b) => a + b, 0);
    expect(bandTotal).toBe(7);
    expect(d.summary.bandCounts.sedang).toBe(2);

    // Budget absorption: a plain ratio. Dinkes 30 M of 150 M; Disdik 40 M of 80 M.
    expect(byUnit.get(m.units.dinkes)).toMatchObject({
      budgetCeiling: '150000000.00',
      budgetRealised: '30000000.00',
      absorption: '20.00',
    });
    expect(byUnit.get(m.units.disdik)?.absorption).toBe('50.00');

    // Results vs budget: thresholds 76 % capaian and 25 % absorption at TW I.
    expect(d.scatterThresholds).toEqual({ capaian: 76, absorption: 25 });
    const quadrant = new Map(d.scatter.map((s) => [s.unitId, s.quadrant]));
    expect(quadrant.get(m.units.dinkes)).toBe('efficient');
    expect(quadrant.get(m.units.disdik)).toBe('spending_without_results');

    // Trend: 12 points (3 years × 4 quarters); TW I of this year = the summary.
    expect(d.trend).toHaveLength(12);
    expect(d.trend.find((p) => p.year === m.year && p.quarter === 1)?.capaian).toEqual(
      d.summary.capaian,
    );
    expect(d.trend.find((p) => p.year === m.year && p.quarter === 2)?.capaian.assessed).toBe(false);
    expect(byUnit.get(m.units.dinkes)?.trend).toEqual([value(dinkes), null, null, null]);
    expect(byUnit.get(m.units.dinkes)?.previousYear.assessed).toBe(false);
    expect(d.lateUnits).toEqual([]);

    // Capaian per RPJMD sasaran: the Pemda PK's own indicator has no counted realisasi, so the
    // figure comes from the cascade (Dinkes's first sasaran: its three indicators).
    expect(d.objectives).toEqual([
      {
        id: pemdaObjectiveId,
        title: 'Meningkatnya derajat kesehatan masyarakat',
        capaian: avg(dinkesTw1().slice(0, 3), 'toDate'),
        indicators: 1,
        assessed: 0,
        source: 'cascade',
        cascadeCapaian: avg(dinkesTw1().slice(0, 3), 'toDate'),
        supportingIndicators: 3,
      },
    ]);
    // The Pemda PK is not a PD: it is not ranked.
    expect(d.units).toHaveLength(3);
  });

  it('a submitted quarter is not counted, and late units appear after the deadline', async () => {
    setToday('2026-07-20');
    const d = (await viewer.get<PemdaDashboard>(`/api/dashboards/pemda?year=${m.year}&quarter=2`))
      .body;
    expect(d.quarter).toBe(2);
    const dinkes = d.units.find((u) => u.unitId === m.units.dinkes);
    expect(dinkes?.capaian.assessed).toBe(false);
    expect(dinkes?.rank).toBeNull();
    expect(dinkes?.reportStatus).toBe('submitted');
    expect(dinkes?.late).toBe(false);
    expect(d.summary.assessed).toBe(0);
    // TW II deadline 2026-07-14; Disdik and Dinsos never opened TW II.
    expect(d.lateUnits.map((l) => l.unitId).sort()).toEqual([m.units.disdik, dinsos.unitId].sort());
    expect(d.lateUnits[0]).toMatchObject({ missing: 1, deadline: '2026-07-14', daysLate: 6 });
    expect(d.units.find((u) => u.unitId === m.units.disdik)?.late).toBe(true);

    // Before the deadline nobody is late.
    setToday('2026-07-10');
    const early = (
      await viewer.get<PemdaDashboard>(`/api/dashboards/pemda?year=${m.year}&quarter=2`)
    ).body;
    expect(early.lateUnits).toEqual([]);
  });

  it('the unit dashboard: indicators with target path, counted realisasi, budget, tenant isolation', async () => {
    const res = await viewer.get<UnitDashboard>(
      `/api/dashboards/units/${m.units.dinkes}?year=${m.year}&quarter=1`,
    );
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.unit.name).toBe('Dinas Kesehatan');
    expect(d.agreements).toHaveLength(1);
    const pk = d.agreements[0];
    expect(pk?.indicators).toHaveLength(5);
    const accredited = pk?.indicators.find((i) => i.id === m.indicators.dinkes.accredited);
    const engine = dinkesTw1()[0]?.c;
    expect(accredited?.capaian.toDate).toEqual(engine?.toDate);
    expect(accredited?.capaian.quarter).toEqual(engine?.quarter);
    expect(accredited?.capaian.annual).toEqual(engine?.annual);
    expect(accredited?.annualTarget).toEqual(num('80'));
    expect(accredited?.quarterTargets).toEqual([num('65'), num('70'), num('75'), num('80')]);
    // TW II was saved and submitted but is not counted.
    expect(accredited?.realisasi).toEqual([num('66'), null, null, null]);
    expect(accredited?.reportStatus).toBe('verified');
    expect(pk?.capaian).toEqual(avg(dinkesTw1(), 'toDate'));
    expect(d.capaian).toEqual(avg(dinkesTw1(), 'toDate'));
    expect(d.budgets.map((b) => b.realised[0])).toEqual(['20000000.00', '10000000.00']);
    expect(d.budgetTotal).toEqual({
      ceiling: '150000000.00',
      realisedToDate: '30000000.00',
      absorption: '20.00',
    });

    // TW II view: submitted report, nothing counted.
    const tw2 = (
      await viewer.get<UnitDashboard>(
        `/api/dashboards/units/${m.units.dinkes}?year=${m.year}&quarter=2`,
      )
    ).body;
    expect(tw2.agreements[0]?.reportStatus).toBe('submitted');
    expect(tw2.capaian.assessed).toBe(false);

    // Another tenant's unit and indicator are 404; unknown ids too.
    const outsider = other.clients.admin;
    expect((await outsider.get(`/api/dashboards/units/${m.units.dinkes}`)).status).toBe(404);
    expect(
      (await outsider.get(`/api/dashboards/indicators/${m.indicators.dinkes.accredited}`)).status,
    ).toBe(404);
    expect((await viewer.get(`/api/dashboards/units/${newId()}`)).status).toBe(404);
    expect((await viewer.get('/api/dashboards/units/not-a-uuid')).status).toBe(400);
    // The other Pemda's dashboard shows only its own PD.
    const theirs = (await outsider.get<PemdaDashboard>(`/api/dashboards/pemda?year=${m.year}`))
      .body;
    expect(theirs.units.map((u) => u.unitId).sort()).toEqual(
      [other.units.dinkes, other.units.disdik].sort(),
    );
    expect(theirs.summary.assessed).toBe(0);
  });

  it('the indicator page: history, narrative of counted quarters', async () => {
    const res = await viewer.get<IndicatorDashboard>(
      `/api/dashboards/indicators/${m.indicators.disdik.graduates}`,
    );
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.indicator.name).toBe('Jumlah lulusan program kesetaraan');
    expect(d.unit?.id).toBe(m.units.disdik);
    expect(d.targets.annual).toEqual(num('200'));
    expect(d.years.map((y) => y.year)).toEqual([m.year]);
    expect(d.years[0]?.realisasi).toEqual([null, null, null, null]);
    expect(d.years[0]?.capaianToDate[0]?.assessed).toBe(false);
    expect(d.narrative).toEqual([
      {
        year: m.year,
        quarter: 1,
        analysis: explanation.analysis,
        obstacles: explanation.obstacles,
        followUp: explanation.followUp,
      },
    ]);
    const accredited = (
      await viewer.get<IndicatorDashboard>(
        `/api/dashboards/indicators/${m.indicators.dinkes.accredited}`,
      )
    ).body;
    expect(accredited.years[0]?.realisasi[0]).toEqual(num('66'));
    expect(accredited.years[0]?.capaianToDate[0]).toEqual(dinkesTw1()[0]?.c.toDate);
    expect(accredited.years[0]?.capaianAnnual).toEqual(dinkesTw1()[0]?.c.annual);
  });

  it('the appreciation ranking: annual capaian, IKU weighted, ties, proposals and notes', async () => {
    const note = await m.clients.walikota.post('/api/monitoring/notes', {
      unitId: m.units.dinkes,
      year: m.year,
      quarter: 1,
      note: 'Pertahankan capaian akreditasi fasilitas kesehatan.',
    });
    expect(note.status).toBe(201);
    const res = await viewer.get<Appreciation>(`/api/dashboards/appreciation?year=${m.year}`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.quarter).toBe(1);
    expect(d.settings).toEqual({ ikuWeight: 2, appreciationCount: 3, evaluationThreshold: 66 });
    const weighted = averageCapaian(
      dinkesTw1().map((i) => ({ capaian: i.c.annual, weight: i.iku ? 2 : 1 })),
      rules,
    );
    const unweighted = avg(dinkesTw1(), 'annual');
    expect(value(weighted)).not.toBe(value(unweighted));
    const dinkes = d.ranking.find((r) => r.unitId === m.units.dinkes);
    expect(dinkes).toMatchObject({
      rank: 1,
      score: value(weighted),
      indicators: 5,
      iku: 1,
      proposal: 'appreciation',
    });
    expect(dinkes?.notes).toEqual([
      expect.objectContaining({
        quarter: 1,
        note: 'Pertahankan capaian akreditasi fasilitas kesehatan.',
      }),
    ]);
    // Disdik and Dinsos: schools 30 of 60 annual = 50 % (IKU), graduates not assessed → 50,
    // a tie at rank 2, both under the threshold 66 → evaluation.
    const disdik = d.ranking.find((r) => r.unitId === m.units.disdik);
    const dinsosLine = d.ranking.find((r) => r.unitId === dinsos.unitId);
    expect(disdik).toMatchObject({
      rank: 2,
      score: '50',
      proposal: 'evaluation',
      band: 'sangat_rendah',
    });
    expect(dinsosLine).toMatchObject({ rank: 2, score: '50', proposal: 'evaluation' });
    expect(d.basis.statuses).toEqual(['approved', 'verified']);
  });

  it('exports: the xlsx has the same rows as the page table; unknown tables refused', async () => {
    const page = (
      await viewer.get<PemdaDashboard>(`/api/dashboards/pemda?year=${m.year}&quarter=1`)
    ).body;
    const file = await downloadFile(
      viewer,
      `/api/dashboards/export?view=pemda&table=units&year=${m.year}&quarter=1`,
    );
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const workbook = await readWorkbook(file.body);
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    // Title, subtitle, header (row 4), then one row per PD in the page's order.
    const names: string[] = [];
    const capaian: unknown[] = [];
    for (let r = 5; r <= (sheet?.rowCount ?? 0); r += 1) {
      names.push(String(sheet?.getRow(r).getCell(2).value));
      capaian.push(sheet?.getRow(r).getCell(3).value);
    }
    expect(names).toEqual(page.units.map((u) => u.unitName));
    expect(capaian).toEqual(
      page.units.map((u) => (u.capaian.assessed ? Number(u.capaian.value) : '-')),
    );

    for (const url of [
      `/api/dashboards/export?view=unit&table=indicators&unitId=${m.units.dinkes}&year=${m.year}&quarter=1`,
      `/api/dashboards/export?view=unit&table=budget&unitId=${m.units.dinkes}&year=${m.year}&quarter=1`,
      `/api/dashboards/export?view=appreciation&table=ranking&year=${m.year}`,
      `/api/dashboards/export?view=indicator&table=history&indicatorId=${m.indicators.dinkes.accredited}`,
      `/api/dashboards/export?view=pemda&table=scatter&year=${m.year}`,
    ]) {
      const f = await downloadFile(viewer, url);
      expect(f.status, url).toBe(200);
      const wb = await readWorkbook(f.body);
      expect(wb.worksheets[0]?.rowCount, url).toBeGreaterThan(3);
    }
    const unitFile = await readWorkbook(
      (
        await downloadFile(
          viewer,
          `/api/dashboards/export?view=unit&table=indicators&unitId=${m.units.dinkes}&year=${m.year}&quarter=1`,
        )
      ).body,
    );
    expect((unitFile.worksheets[0]?.rowCount ?? 0) - 4).toBe(5);

    expect(
      (await viewer.get(`/api/dashboards/export?view=pemda&table=nothing&year=${m.year}`)).status,
    ).toBe(400);
    expect((await viewer.get('/api/dashboards/export?view=unit&table=budget')).status).toBe(400);
    expect(
      (
        await other.clients.admin.get(
          `/api/dashboards/export?view=unit&table=budget&unitId=${m.units.dinkes}`,
        )
      ).status,
    ).toBe(404);
  });

  it('every role of the Pemda reads; the national aggregate is for the platform admin only', async () => {
    for (const client of [m.clients.operatorDisdik, m.clients.walikota, m.clients.evaluator]) {
      expect((await client.get(`/api/dashboards/pemda?year=${m.year}`)).status).toBe(200);
      expect((await client.get(`/api/dashboards/appreciation?year=${m.year}`)).status).toBe(200);
    }
    expect((await m.clients.admin.get(`/api/platform/national/bands?year=${m.year}`)).status).toBe(
      403,
    );
  });

  it('national bands per province across tenants: TW IV counted rows, stored bands only', async () => {
    // A provinsi tenant sharing the two digits of the first Pemda's region code.
    const [first] = await t.database.withSystem((tx) =>
      queryRows<{ region_code: string }>(
        tx,
        sql`select region_code from tenants where id = ${m.tenantId}`,
      ),
    );
    const prefix = first?.region_code.slice(0, 2) as string;
    await t.database.withSystem((tx) =>
      tx.execute(sql`update tenants set region_code = ${prefix} where id = ${other.tenantId}`),
    );
    await fillDinkesQuarter(m, 4, 'verified');
    await fillDinkesQuarter(other, 4, 'verified');
    // Disdik of the other Pemda: TW IV only submitted, so not counted.
    setToday('2027-01-10');
    let report = await openReport(other.clients.operatorDisdik, other.pks.disdik.id, m.year, 4);
    report = await saveValues(other.clients.operatorDisdik, report, [
      { indicatorId: other.indicators.disdik.schools, value: '60' },
      { indicatorId: other.indicators.disdik.graduates, value: '200' },
    ]);
    await transition(other.clients.operatorDisdik, report, 'submit');

    const platform = await signIn(t.app, await createTestUser(t.database, null, []), TEST_PASSWORD);
    const res = await platform.get<NationalBands>(`/api/platform/national/bands?year=${m.year}`);
    expect(res.status).toBe(200);
    const province = res.body.provinces.find((p) => p.provinceCode === prefix);
    expect(province).toBeDefined();
    // The expected bands: the TW IV bands each dashboard shows for the two Dinkes PKs.
    const expected = { sangat_tinggi: 0, tinggi: 0, sedang: 0, rendah: 0, sangat_rendah: 0 };
    for (const [client, unitId] of [
      [m.clients.admin, m.units.dinkes],
      [other.clients.admin, other.units.dinkes],
    ] as const) {
      const u = (
        await client.get<UnitDashboard>(`/api/dashboards/units/${unitId}?year=${m.year}&quarter=4`)
      ).body;
      for (const i of u.agreements[0]?.indicators ?? []) if (i.band) expected[i.band] += 1;
    }
    const banded = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(banded).toBe(10);
    expect(province).toEqual({
      provinceCode: prefix,
      tenants: 2,
      // First Pemda: 5 + 2 + 2; the other: 5 + 2.
      indicators: 16,
      bands: expected,
      notAssessed: 6,
    });
    expect(res.body.total.indicators).toBe(16);
  });
});
