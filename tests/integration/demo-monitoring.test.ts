import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { verifyChain } from '../../src/modules/audit/verify-chain.js';
import { DEMO_PASSWORD, ensureDemoTenant } from '../../src/modules/demo/ensure-demo.js';
import { buildKotaContoh } from '../../src/modules/demo/kota-contoh.js';
import {
  DEMO_RETURN_NOTE,
  DEMO_UNLOCK_REASON,
  IMPORTED_SIGNED_NOTE,
  seedMonitoringDemo,
} from '../../src/modules/demo/monitoring-demo.js';
import {
  DEMO_AWAITING_VERIFICATION,
  DEMO_LATE_PD,
  DEMO_RETURNED_PD,
  DEMO_SPENDER_PD,
} from '../../src/modules/demo/monitoring-demo-values.js';
import { DEMO_PD_WITHOUT_PK } from '../../src/modules/demo/planning-demo.js';
import { setClockForTests } from '../../src/server/clock.js';
import {
  type Capaian,
  defaultCapaianRules,
  quarterCapaian,
  type RealisasiValue,
} from '../../src/shared/capaian/index.js';
import type { Aggregation, CalcMethod } from '../../src/shared/codes.js';
import {
  normalizeDecimal,
  type TargetValue,
  targetFromColumns,
} from '../../src/shared/target-value.js';
import { signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The demo Pemda seeded with its monitoring years on a fixed "today" (24 November 2026, WITA):
 * Y = 2026 with TW I–III past their deadline and TW IV open; 2025 complete.
 */
const TODAY = new Date('2026-11-24T10:00:00+08:00');
const org = buildKotaContoh();

describe.each(testDatabaseKinds())('demo monitoring data on %s', (kind) => {
  let t: TestApp;
  let tenantId = '';
  const rows = <T>(query: ReturnType<typeof sql>) =>
    t.database.withTenant(tenantId, (tx) => queryRows<T>(tx, query));
  const count = async (query: ReturnType<typeof sql>) =>
    (await rows<{ n: number }>(query))[0]?.n ?? -1;

  beforeAll(async () => {
    setClockForTests(TODAY);
    t = await createTestApp(kind);
    tenantId = (await ensureDemoTenant(t.database)).tenantId;
  }, 300_000);
  afterAll(async () => {
    setClockForTests(null);
    await t?.close();
  });

  it('signs the PKs of 2025 and 2026 on paper, with their history and one audit event a year', async () => {
    const years = await rows<{ year: number; status: string; dpa: string }>(
      sql`select year, status, dpa_approved_on::text as dpa from agreement_years order by year`,
    );
    expect(years).toEqual([
      { year: 2025, status: 'closed', dpa: '2025-01-30' },
      { year: 2026, status: 'open', dpa: '2026-01-07' },
      { year: 2027, status: 'open', dpa: '2027-01-08' },
    ]);
    const pks = await rows<{ year: number; level: string; status: string; n: number }>(
      sql`select start_year as year, level, status, count(*)::int as n from agreements
           where start_year in (2025, 2026) group by 1, 2, 3 order by 1, 2, 3`,
    );
    expect(new Set(pks.map((p) => p.status))).toEqual(new Set(['signed']));
    const of = (year: number, level: string) =>
      pks.find((p) => p.year === year && p.level === level)?.n ?? 0;
    // Every PD head in 2026 (the ones without a 2027 PK too), the Pemda PK, Dinkes and Disdik
    // below; in 2025 a few PD had no head until late in the year.
    expect(of(2026, 'kepala_pd')).toBe(org.units.length);
    expect(of(2026, 'pemda')).toBe(1);
    expect(of(2026, 'eselon_iii')).toBeGreaterThanOrEqual(6);
    expect(of(2026, 'eselon_iv')).toBeGreaterThanOrEqual(15);
    expect(of(2025, 'pemda')).toBe(1);
    expect(of(2025, 'kepala_pd')).toBeGreaterThanOrEqual(org.units.length - 5);

    const [history] = await rows<{ bad: number; unsigned: number }>(
      sql`select count(*) filter (where (select string_agg(t.to_status, ',' order by t.created_at)
                                           from agreement_transitions t
                                          where t.tenant_id = a.tenant_id and t.agreement_id = a.id)
                                   <> 'draft,submitted,verified,ready_to_sign,signed')::int as bad,
                 count(*) filter (where a.signed_at is null)::int as unsigned
            from agreements a where a.start_year in (2025, 2026)`,
    );
    expect(history).toEqual({ bad: 0, unsigned: 0 });
    const [note] = await rows<{ comment: string }>(
      sql`select comment from agreement_transitions where to_status = 'signed' limit 1`,
    );
    expect(note?.comment).toBe(IMPORTED_SIGNED_NOTE);
    // Signed on paper: no issued document, nothing to sign in Tugas Saya.
    expect(
      await count(sql`select count(*)::int as n from documents d join agreements a
                        on a.tenant_id = d.tenant_id and a.id = d.agreement_id
                       where a.start_year < 2027`),
    ).toBe(0);
    const audit = await rows<{ year: number; n: number }>(
      sql`select (data->>'year')::int as year, (data->>'count')::int as n from audit_events
           where action = 'agreement.imported_signed' order by 1`,
    );
    expect(audit.map((a) => a.year)).toEqual([2025, 2026]);
    expect(audit.reduce((s, a) => s + a.n, 0)).toBe(pks.reduce((s, p) => s + p.n, 0));
    const chain = await t.database.withSystem((tx) => verifyChain(tx, tenantId));
    expect(chain.firstBreak).toBeNull();
  });

  it('pulls PK content from the Renstra of that year, budgets from its pagu', async () => {
    const [content] = await rows<{
      no_source: number;
      no_targets: number;
      quarter_mismatch: number;
      no_budget: number;
    }>(
      sql`select
            (select count(*) from agreement_indicators ai join agreements a on a.id = ai.agreement_id
              where a.start_year in (2025, 2026) and ai.source_indicator_id is null)::int as no_source,
            (select count(*) from agreement_indicators ai join agreements a on a.id = ai.agreement_id
              where a.start_year in (2025, 2026) and not exists (
                select 1 from agreement_targets t where t.indicator_id = ai.id and t.quarter = 0
                   and t.year = a.start_year))::int as no_targets,
            (select count(*) from agreement_indicators ai
               join agreements a on a.id = ai.agreement_id
               join agreement_targets t0 on t0.indicator_id = ai.id and t0.quarter = 0
               join indicator_targets it on it.indicator_id = ai.source_indicator_id
                                        and it.year = a.start_year
              where a.start_year in (2025, 2026)
                and t0.target_value is distinct from it.target_value)::int as quarter_mismatch,
            (select count(*) from agreements a where a.start_year = 2026 and a.level = 'kepala_pd'
                and not exists (select 1 from agreement_budgets b where b.agreement_id = a.id))::int as no_budget`,
    );
    expect(content).toEqual({ no_source: 0, no_targets: 0, quarter_mismatch: 0, no_budget: 0 });
  });

  it('fills every quarter of 2025 and TW I–III of 2026, verified except the story of TW III', async () => {
    const reports = await rows<{ year: number; quarter: number; status: string; n: number }>(
      sql`select year, quarter, status, count(*)::int as n from quarter_reports
           group by 1, 2, 3 order by 1, 2, 3`,
    );
    const pk2025 = await count(
      sql`select count(*)::int as n from agreements where start_year = 2025`,
    );
    const pk2026 = await count(
      sql`select count(*)::int as n from agreements where start_year = 2026`,
    );
    const n = (year: number, quarter: number, status: string) =>
      reports.find((r) => r.year === year && r.quarter === quarter && r.status === status)?.n ?? 0;
    for (const q of [1, 2, 3, 4]) expect(n(2025, q, 'verified')).toBe(pk2025);
    expect(n(2026, 1, 'verified')).toBe(pk2026);
    expect(n(2026, 2, 'verified')).toBe(pk2026);
    // TW III: one PD late (no report), one returned, three approved, one submitted.
    expect(n(2026, 3, 'returned')).toBe(1);
    expect(n(2026, 3, 'approved')).toBe(DEMO_AWAITING_VERIFICATION.length);
    expect(n(2026, 3, 'submitted')).toBe(1);
    expect(n(2026, 3, 'verified')).toBe(pk2026 - 1 - 1 - DEMO_AWAITING_VERIFICATION.length - 1);
    // TW IV (open): a few drafts only, none counted.
    expect(reports.filter((r) => r.year === 2026 && r.quarter === 4).map((r) => r.status)).toEqual([
      'draft',
    ]);

    // Every indicator of every filled report has its realisasi; drafts are partly filled.
    const [missing] = await rows<{ n: number }>(
      sql`select count(*)::int as n from quarter_reports r
            join agreement_indicators ai on ai.tenant_id = r.tenant_id and ai.agreement_id = r.agreement_id
           where r.status <> 'draft' and not exists (
             select 1 from realisasi v where v.indicator_id = ai.id and v.year = r.year
                and v.quarter = r.quarter and v.report_id = r.id
                and (v.value is not null or v.code is not null))`,
    );
    expect(missing?.n).toBe(0);
    const realisasiRows = await count(sql`select count(*)::int as n from realisasi`);
    expect(realisasiRows).toBeGreaterThan(800);
    const budgetRows = await count(sql`select count(*)::int as n from budget_realisasi`);
    expect(budgetRows).toBeGreaterThan(3000);
  });

  it('stores capaian exactly as the engine computes it, and every band occurs', async () => {
    const data = await rows<{
      indicator_id: string;
      year: number;
      quarter: number;
      method: CalcMethod;
      aggregation: Aggregation;
      scale: { code: string; score: string }[] | null;
      value: string | null;
      code: string | null;
      capaian_quarter: string | null;
      capaian_to_date: string | null;
      capaian_annual: string | null;
      band: string | null;
    }>(
      sql`select v.indicator_id, v.year, v.quarter, ai.method, ai.aggregation,
                 (select json_agg(json_build_object('code', l.code, 'score', l.score::text))
                    from rating_scale_levels l where l.scale_id = ai.scale_id) as scale,
                 v.value::text as value, v.code, v.capaian_quarter::text as capaian_quarter,
                 v.capaian_to_date::text as capaian_to_date,
                 v.capaian_annual::text as capaian_annual, v.band
            from realisasi v join agreement_indicators ai on ai.tenant_id = v.tenant_id and ai.id = v.indicator_id`,
    );
    const targets = await rows<{
      indicator_id: string;
      year: number;
      quarter: number;
      target_value: string | null;
      target_low: string | null;
      target_high: string | null;
      target_code: string | null;
    }>(
      sql`select indicator_id, year, quarter, target_value::text as target_value,
                 target_low::text as target_low, target_high::text as target_high, target_code
            from agreement_targets where year in (2025, 2026)`,
    );
    const targetOf = new Map<string, TargetValue | null>();
    for (const t of targets) {
      targetOf.set(
        `${t.indicator_id}:${t.year}:${t.quarter}`,
        targetFromColumns({
          value: t.target_value,
          low: t.target_low,
          high: t.target_high,
          code: t.target_code,
        }),
      );
    }
    const valuesOf = new Map<string, (RealisasiValue | null)[]>();
    for (const r of data) {
      const key = `${r.indicator_id}:${r.year}`;
      const list = valuesOf.get(key) ?? [null, null, null, null];
      list[r.quarter - 1] =
        r.value !== null
          ? { kind: 'number', value: normalizeDecimal(r.value) }
          : r.code !== null
            ? { kind: 'scale', code: r.code }
            : null;
      valuesOf.set(key, list);
    }
    const stored = (c: Capaian) => (c.assessed ? c.value : null);
    const norm = (v: string | null) => (v === null ? null : normalizeDecimal(v));
    let compared = 0;
    for (const r of data) {
      const key = `${r.indicator_id}:${r.year}`;
      const t = (q: number) => targetOf.get(`${key}:${q}`) ?? null;
      const v = valuesOf.get(key)!;
      const engine = quarterCapaian(
        {
          method: r.method,
          aggregation: r.aggregation,
          ...(r.scale
            ? { scale: r.scale.map((l) => ({ code: l.code, score: Number(l.score) })) }
            : {}),
        },
        {
          annualTarget: t(0),
          quarterTargets: [t(1), t(2), t(3), t(4)],
          realisasi: [v[0] ?? null, v[1] ?? null, v[2] ?? null, v[3] ?? null],
        },
        r.quarter as 1 | 2 | 3 | 4,
        defaultCapaianRules,
      );
      expect(
        [norm(r.capaian_quarter), norm(r.capaian_to_date), norm(r.capaian_annual), r.band],
        `${key}:${r.quarter}`,
      ).toEqual([
        stored(engine.quarter),
        stored(engine.toDate),
        stored(engine.annual),
        engine.toDate.assessed ? engine.toDate.band : null,
      ]);
      compared += 1;
    }
    expect(compared).toBe(data.length);

    const bands = await rows<{ year: number; band: string }>(
      sql`select distinct v.year, v.band from realisasi v
            join quarter_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id
           where r.status in ('approved', 'verified') and v.band is not null`,
    );
    for (const year of [2025, 2026]) {
      expect(new Set(bands.filter((b) => b.year === year).map((b) => b.band))).toEqual(
        new Set(['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah']),
      );
    }
  });

  it('explains every result in the two lowest bands', async () => {
    const [unexplained] = await rows<{ n: number; low: number }>(
      sql`select count(*) filter (where length(trim(v.analysis)) = 0 or length(trim(v.obstacles)) = 0
                                    or length(trim(v.follow_up)) = 0)::int as n,
                 count(*)::int as low
            from realisasi v join quarter_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id
           where r.status <> 'draft' and v.band in ('rendah', 'sangat_rendah')`,
    );
    expect(unexplained?.low).toBeGreaterThan(10);
    expect(unexplained?.n).toBe(0);
  });

  it("leaves Dinas Kesehatan's head PK without a report for the open quarter", async () => {
    const dinkes = await rows<{ quarter: number; status: string }>(
      sql`select r.quarter, r.status from quarter_reports r
            join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
            join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
           where a.level = 'kepala_pd' and a.start_year = 2026 and u.name = 'Dinas Kesehatan'
           order by r.quarter`,
    );
    expect(dinkes).toEqual([
      { quarter: 1, status: 'verified' },
      { quarter: 2, status: 'verified' },
      { quarter: 3, status: 'verified' },
    ]);
    // The operator and the head of Dinas Kesehatan did the work of the past quarters.
    const actors = await rows<{ username: string; to_status: string }>(
      sql`select distinct u.username, t.to_status from quarter_report_transitions t
            join quarter_reports r on r.tenant_id = t.tenant_id and r.id = t.report_id
            join units un on un.tenant_id = r.tenant_id and un.id = r.unit_id
            join users u on u.tenant_id = t.tenant_id and u.id = t.actor_user_id
           where un.name = 'Dinas Kesehatan' and t.to_status in ('submitted', 'approved')`,
    );
    expect(actors).toEqual(
      expect.arrayContaining([
        { username: 'operator.dinkes', to_status: 'submitted' },
        { username: 'kadinkes', to_status: 'approved' },
      ]),
    );
  });

  it('has one PD late for TW III, a returned report with its note and a pending unlock', async () => {
    const late = await rows<{ quarter: number }>(
      sql`select r.quarter from quarter_reports r
            join agreements a on a.tenant_id = r.tenant_id and a.id = r.agreement_id
            join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
           where a.level = 'kepala_pd' and a.start_year = 2026 and u.name = ${DEMO_LATE_PD}
           order by r.quarter`,
    );
    expect(late.map((r) => r.quarter)).toEqual([1, 2]);

    const [returned] = await rows<{ unit: string; quarter: number; note: string; by: string }>(
      sql`select u.name as unit, r.quarter, t.note, us.username as by from quarter_reports r
            join units u on u.tenant_id = r.tenant_id and u.id = r.unit_id
            join quarter_report_transitions t on t.tenant_id = r.tenant_id and t.report_id = r.id
                                             and t.to_status = 'returned'
            join users us on us.tenant_id = t.tenant_id and us.id = t.actor_user_id
           where r.status = 'returned'`,
    );
    expect(returned).toEqual({
      unit: DEMO_RETURNED_PD,
      quarter: 3,
      note: DEMO_RETURN_NOTE,
      by: 'inspektorat',
    });
    const unlocks = await rows<{ status: string; reason: string; by: string; unit: string }>(
      sql`select q.status, q.reason, us.username as by, u.name as unit from quarter_unlocks q
            join quarter_reports r on r.tenant_id = q.tenant_id and r.id = q.report_id
            join units u on u.tenant_id = r.tenant_id and u.id = r.unit_id
            join users us on us.tenant_id = q.tenant_id and us.id = q.requested_by`,
    );
    expect(unlocks).toEqual([
      { status: 'pending', reason: DEMO_UNLOCK_REASON, by: 'kadisdik', unit: DEMO_RETURNED_PD },
    ]);
  });

  it('keeps every stamp after its quarter ended and before now', async () => {
    const [stamps] = await rows<{ early: number; future: number }>(
      sql`select count(*) filter (where t.created_at < make_date(r.year, r.quarter * 3, 1) + interval '1 month')::int as early,
                 count(*) filter (where t.created_at > ${TODAY.toISOString()}::timestamptz)::int as future
            from quarter_report_transitions t
            join quarter_reports r on r.tenant_id = t.tenant_id and r.id = t.report_id`,
    );
    expect(stamps).toEqual({ early: 0, future: 0 });
  });

  it('spends about a quarter of the budget a quarter; one PD spends without results', async () => {
    const absorption = await rows<{
      unit: string;
      ceiling: string;
      spent: string;
      capaian: string | null;
    }>(
      sql`select u.name as unit,
                 (select sum(b.amount) from agreement_budgets b where b.agreement_id = a.id)::text as ceiling,
                 (select coalesce(sum(x.amount), 0) from budget_realisasi x
                   where x.agreement_id = a.id and x.year = 2026 and x.quarter <= 3)::text as spent,
                 (select avg(v.capaian_to_date) from realisasi v
                   where v.agreement_id = a.id and v.year = 2026 and v.quarter = 2)::text as capaian
            from agreements a join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
           where a.level = 'kepala_pd' and a.start_year = 2026`,
    );
    const share = (r: { ceiling: string; spent: string }) =>
      new Decimal(r.spent).dividedBy(r.ceiling).times(100).toNumber();
    const spender = absorption.find((r) => r.unit === DEMO_SPENDER_PD)!;
    expect(share(spender)).toBeGreaterThan(85);
    expect(Number(spender.capaian)).toBeLessThan(76);
    const usual = absorption.filter((r) => r.unit !== DEMO_SPENDER_PD && r.unit !== DEMO_LATE_PD);
    const mean = usual.reduce((s, r) => s + share(r), 0) / usual.length;
    expect(mean).toBeGreaterThan(55);
    expect(mean).toBeLessThan(85);
    const [over] = await rows<{ n: number }>(
      sql`select count(*)::int as n from agreement_budgets b
           where b.amount < (select coalesce(sum(x.amount), 0) from budget_realisasi x
                              where x.budget_id = b.id and x.year = 2025)`,
    );
    expect(over?.n).toBe(0);
  });

  it('has three supervisory notes of the Wali Kota', async () => {
    const notes = await rows<{ unit: string; quarter: number; by: string }>(
      sql`select u.name as unit, n.quarter, us.username as by from supervisory_notes n
            join units u on u.tenant_id = n.tenant_id and u.id = n.unit_id
            join users us on us.tenant_id = n.tenant_id and us.id = n.author_user_id
           order by u.name`,
    );
    expect(notes).toEqual([
      { unit: 'Dinas Kesehatan', quarter: 2, by: 'walikota' },
      { unit: DEMO_SPENDER_PD, quarter: 3, by: 'walikota' },
      { unit: DEMO_LATE_PD, quarter: 3, by: 'walikota' },
    ]);
  });

  it('shows a PK signed on paper in the PK list and page, with its content but no e-document', async () => {
    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const list = await admin.get<{
      items: { id: string; status: string; unit: { name: string } | null }[];
    }>('/api/agreements?year=2026&level=kepala_pd');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(org.units.length);
    expect(new Set(list.body.items.map((i) => i.status))).toEqual(new Set(['signed']));
    const dinkes = list.body.items.find((i) => i.unit?.name === 'Dinas Kesehatan')!;
    const page = await admin.get<{ status: string }>(`/api/agreements/${dinkes.id}`);
    expect(page.status).toBe(200);
    expect(page.body.status).toBe('signed');
    const board = await admin.get(`/api/agreements/board?year=2026`);
    expect(board.status).toBe(200);
    const preview = await admin.request('GET', `/api/agreements/${dinkes.id}/preview.pdf`);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const document = await admin.get<{ error: { code: string; message: string } }>(
      `/api/agreements/${dinkes.id}/document`,
    );
    expect(document.status).toBe(404);
    expect(document.body.error.message).toContain('ditandatangani di atas kertas');
    // Nothing of 2025/2026 waits for a signature in Tugas Saya.
    const kadinkes = await signIn(t.app, 'kadinkes', DEMO_PASSWORD);
    const tasks = await kadinkes.get<{ toSign: unknown[] }>('/api/signing/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.toSign).toEqual([]);
  });

  it('leaves the PK year 2027 of the January ceremony as the planning demo made it', async () => {
    const heads = await rows<{ level: string; status: string; n: number }>(
      sql`select level, status, count(*)::int as n from agreements
           where start_year = 2027 and level in ('pemda', 'kepala_pd')
           group by level, status order by level`,
    );
    expect(heads).toEqual([
      {
        level: 'kepala_pd',
        status: 'ready_to_sign',
        n: org.units.length - 1 - DEMO_PD_WITHOUT_PK.length,
      },
      { level: 'pemda', status: 'ready_to_sign', n: 1 },
    ]);
    expect(
      await count(
        sql`select count(*)::int as n from agreements where start_year = 2027 and status = 'signed'`,
      ),
    ).toBe(0);
  });

  it('runs once: a second ensureDemoTenant, or the seeder again, writes nothing', async () => {
    const before = await rows<{ a: number; r: number; v: number; b: number; e: number }>(
      sql`select (select count(*) from agreements)::int as a, (select count(*) from quarter_reports)::int as r,
                 (select count(*) from realisasi)::int as v, (select count(*) from budget_realisasi)::int as b,
                 (select count(*) from audit_events)::int as e`,
    );
    const again = await ensureDemoTenant(t.database);
    expect(again).toMatchObject({ created: false, tenantId });
    const direct = await t.database.withSystem((tx) =>
      seedMonitoringDemo(tx, tenantId, org, { today: '2026-11-24', now: TODAY }),
    );
    expect(direct.seeded).toBe(false);
    const after = await rows<(typeof before)[number]>(
      sql`select (select count(*) from agreements)::int as a, (select count(*) from quarter_reports)::int as r,
                 (select count(*) from realisasi)::int as v, (select count(*) from budget_realisasi)::int as b,
                 (select count(*) from audit_events)::int as e`,
    );
    expect(after).toEqual(before);
  });

  it('gives Tugas Saya work and the dashboards their story', async () => {
    const counts = async (username: string) => {
      const client = await signIn(t.app, username, DEMO_PASSWORD);
      const tasks = await client.get<{ counts: Record<string, number> }>('/api/tasks');
      expect(tasks.status).toBe(200);
      return tasks.body.counts;
    };
    expect(await counts('admin')).toMatchObject({
      unlock: 1,
      verify: DEMO_AWAITING_VERIFICATION.length,
    });
    expect(await counts('inspektorat')).toMatchObject({
      verify: DEMO_AWAITING_VERIFICATION.length,
    });
    expect(await counts('kadinkes')).toMatchObject({ approve: 1 });
    expect(await counts('kadisdik')).toMatchObject({ fix: 1 });

    const walikota = await signIn(t.app, 'walikota', DEMO_PASSWORD);
    const pemda = await walikota.get<{
      year: number;
      quarter: number;
      lateUnits: { unitName: string }[];
      scatter: { unitName: string; quadrant: string }[];
      summary: { bandCounts: Record<string, number> };
    }>('/api/dashboards/pemda');
    expect(pemda.status).toBe(200);
    expect([pemda.body.year, pemda.body.quarter]).toEqual([2026, 3]);
    expect(pemda.body.lateUnits.map((u) => u.unitName)).toContain(DEMO_LATE_PD);
    expect(pemda.body.scatter.find((u) => u.unitName === DEMO_SPENDER_PD)?.quadrant).toBe(
      'spending_without_results',
    );
    expect(Object.values(pemda.body.summary.bandCounts).every((n) => n > 0)).toBe(true);
  });

  it('lets the browser journey fill the open quarter of Dinas Kesehatan (operator, then head)', async () => {
    const operator = await signIn(t.app, 'operator.dinkes', DEMO_PASSWORD);
    const [pk] = await rows<{ id: string }>(
      sql`select a.id from agreements a join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
           where a.level = 'kepala_pd' and a.start_year = 2026 and u.name = 'Dinas Kesehatan'`,
    );
    type Target = { kind: 'number'; value: string } | { kind: 'scale'; code: string } | null;
    const opened = await operator.post<{
      id: string;
      version: number;
      status: string;
      locked: boolean;
      indicators: { id: string; quarterTarget: Target; annualTarget: Target }[];
    }>('/api/monitoring/reports', { agreementId: pk!.id, year: 2026, quarter: 4 });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'draft', locked: false });
    const asTyped = (target: Target) =>
      target?.kind === 'number'
        ? target.value.replace('.', ',')
        : target?.kind === 'scale'
          ? target.code
          : '1';
    const saved = await operator.put<{ version: number }>(
      `/api/monitoring/reports/${opened.body.id}/values`,
      {
        version: opened.body.version,
        values: opened.body.indicators.map((i) => ({
          indicatorId: i.id,
          value: asTyped(i.quarterTarget ?? i.annualTarget),
        })),
      },
    );
    expect(saved.status).toBe(200);
    const submitted = await operator.post<{ version: number; status: string }>(
      `/api/monitoring/reports/${opened.body.id}/transitions`,
      { version: saved.body.version, action: 'submit' },
    );
    expect(submitted.body.status).toBe('submitted');
    const kadinkes = await signIn(t.app, 'kadinkes', DEMO_PASSWORD);
    const approved = await kadinkes.post<{ status: string }>(
      `/api/monitoring/reports/${opened.body.id}/transitions`,
      { version: submitted.body.version, action: 'approve' },
    );
    expect(approved.body.status).toBe('approved');
  });
});
