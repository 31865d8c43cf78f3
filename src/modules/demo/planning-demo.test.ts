import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { ensureDemoTenant } from './ensure-demo.js';
import { buildKotaContoh } from './kota-contoh.js';
import {
  buildPlanningDemo,
  DEMO_JOURNEY_PD,
  DEMO_PD_WITHOUT_PK,
  DEMO_PK_YEAR,
} from './planning-demo.js';

const org = buildKotaContoh();
const demo = buildPlanningDemo(org);
const CODE = {
  program: /^\d\.\d{2}\.\d{2}$/,
  kegiatan: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/,
  sub_kegiatan: /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$/,
} as const;

describe('buildPlanningDemo (pure)', () => {
  const byKey = new Map(demo.nodes.map((n) => [n.key, n]));
  const rpjmd = demo.nodes.filter((n) => n.unitCode === null);
  const renstra = demo.nodes.filter((n) => n.unitCode !== null);

  it('is deterministic', () => {
    expect(buildPlanningDemo(buildKotaContoh())).toEqual(demo);
  });

  it('has an RPJMD of 4 misi, 8 tujuan, 12 sasaran, each sasaran with 1–2 IKU', () => {
    const count = (kind: string) => rpjmd.filter((n) => n.kind === kind).length;
    expect([count('misi'), count('tujuan'), count('sasaran')]).toEqual([4, 8, 12]);
    for (const s of rpjmd.filter((n) => n.kind === 'sasaran')) {
      const inds = demo.indicators.filter((i) => i.nodeKey === s.key);
      expect(inds.length, s.title).toBeGreaterThanOrEqual(1);
      expect(inds.length, s.title).toBeLessThanOrEqual(2);
      expect(inds.every((i) => i.isIku)).toBe(true);
    }
    const names = demo.indicators.map((i) => i.def.name);
    for (const name of [
      'Indeks Pembangunan Manusia',
      'Angka Kemiskinan',
      'Opini BPK atas LKPD',
      'Nilai SAKIP',
      'Indeks Kepuasan Masyarakat',
    ]) {
      expect(names).toContain(name);
    }
    const kemiskinan = demo.indicators.find((i) => i.def.name === 'Angka Kemiskinan')!;
    expect(kemiskinan.def).toMatchObject({ polarity: 'negative', method: 'inverse_difference' });
  });

  it('gives every PD a Renstra with 1–2 tujuan, 1–3 sasaran and 2–4 programs', () => {
    expect(demo.renstraUnits).toHaveLength(org.units.length);
    for (const pd of org.units) {
      const mine = renstra.filter((n) => n.unitCode === pd.code);
      const count = (kind: string) => mine.filter((n) => n.kind === kind).length;
      expect(count('tujuan'), pd.name).toBeGreaterThanOrEqual(1);
      expect(count('tujuan'), pd.name).toBeLessThanOrEqual(2);
      expect(count('sasaran'), pd.name).toBeGreaterThanOrEqual(1);
      expect(count('sasaran'), pd.name).toBeLessThanOrEqual(3);
      expect(count('program'), pd.name).toBeGreaterThanOrEqual(2);
      expect(count('program'), pd.name).toBeLessThanOrEqual(4);
    }
  });

  it('uses valid Permendagri 90 codes that extend their parent code', () => {
    for (const n of renstra) {
      if (n.kind === 'program' || n.kind === 'kegiatan' || n.kind === 'sub_kegiatan') {
        expect(n.code, n.title).toMatch(CODE[n.kind]);
      }
      if (n.kind === 'kegiatan' || n.kind === 'sub_kegiatan') {
        expect(n.code!.startsWith(`${byKey.get(n.parentKey!)!.code}.`)).toBe(true);
      }
    }
    const codes = renstra.filter((n) => n.code).map((n) => `${n.unitCode} ${n.code}`);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('links PD sasaran to RPJMD sasaran, except two left unlinked on purpose', () => {
    const sasaran = renstra.filter((n) => n.kind === 'sasaran');
    const unlinked = sasaran.filter((n) => n.supportsKey === null);
    expect(unlinked).toHaveLength(2);
    for (const n of sasaran.filter((s) => s.supportsKey)) {
      expect(byKey.get(n.supportsKey!)).toMatchObject({ kind: 'sasaran', unitCode: null });
    }
  });

  it('writes Dinas Kesehatan with the real program nomenclature', () => {
    const dinkes = org.units.find((u) => u.name === DEMO_JOURNEY_PD)!;
    const programs = renstra.filter((n) => n.unitCode === dinkes.code && n.kind === 'program');
    expect(programs.map((p) => `${p.code} ${p.title}`)).toContain(
      '1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
    );
  });

  it('has yearly targets 2025–2029 for every indicator and exact Rupiah amounts', () => {
    for (const i of demo.indicators) expect(i.def.targets, i.def.name).toHaveLength(5);
    for (const b of demo.budgets) expect(b.amount).toMatch(/^\d+\.00$/);
    const dpa = demo.budgets.filter((b) => b.kind === 'dpa');
    expect(dpa.every((b) => b.year === DEMO_PK_YEAR)).toBe(true);
    const subs = demo.nodes.filter((n) => n.kind === 'sub_kegiatan');
    expect(new Set(dpa.map((b) => b.nodeKey))).toEqual(
      new Set(
        [...subs, ...demo.nodes.filter((n) => n.kind === 'kegiatan' || n.kind === 'program')].map(
          (n) => n.key,
        ),
      ),
    );
  });
});

describe('seedPlanningDemo (PGlite)', () => {
  let database: Database;
  let tenantId = '';
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    tenantId = (await ensureDemoTenant(database)).tenantId;
  }, 120_000);
  afterAll(() => database?.close());

  const rows = <T>(query: ReturnType<typeof sql>) =>
    database.withTenant(tenantId, (tx) => queryRows<T>(tx, query));

  it('opens an active RPJMD and the PK year 2027', async () => {
    const [period] = await rows<{ status: string; name: string }>(
      sql`select status, name from plan_periods`,
    );
    expect(period).toEqual({ status: 'active', name: 'RPJMD Kota Contoh 2025–2029' });
    const [year] = await rows<{ year: number; dpa: string; status: string }>(
      sql`select year, dpa_approved_on::text as dpa, status from agreement_years where year = 2027`,
    );
    expect(year).toEqual({ year: 2027, dpa: '2027-01-08', status: 'open' });
  });

  it('drafts PKs at every level in review statuses, never signed, none for the gaps', async () => {
    const byLevel = await rows<{ level: string; status: string; n: number }>(
      sql`select level, status, count(*)::int as n from agreements where start_year = 2027 group by level, status`,
    );
    const levels = new Set(byLevel.map((r) => r.level));
    expect(levels).toEqual(new Set(['pemda', 'kepala_pd', 'eselon_iii', 'eselon_iv']));
    const statuses = new Set(byLevel.map((r) => r.status));
    expect(statuses).toEqual(new Set(['draft', 'submitted', 'verified', 'ready_to_sign']));
    const total = byLevel.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThan(150);

    const gaps = await rows<{ name: string }>(
      sql`select distinct top.name from agreements a
            join units x on x.tenant_id = a.tenant_id and x.id = a.unit_id
            join units top on top.tenant_id = a.tenant_id and top.id = x.path[1]
           where a.start_year = 2027
             and top.name = any(${sql.param([DEMO_JOURNEY_PD, ...DEMO_PD_WITHOUT_PK])}::text[])`,
    );
    expect(gaps).toEqual([]);
    const kepala = byLevel.filter((r) => r.level === 'kepala_pd').reduce((s, r) => s + r.n, 0);
    expect(kepala).toBe(org.units.length - 1 - DEMO_PD_WITHOUT_PK.length);
  });

  it('makes every head-of-PD PK and the Pemda PK ready for the January ceremony', async () => {
    const heads = await rows<{ level: string; status: string; n: number }>(
      sql`select level, status, count(*)::int as n from agreements
           where level in ('pemda', 'kepala_pd') and start_year = 2027
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
  });

  it('links the Wali Kota and the Kepala Dinas Pendidikan logins to their employees', async () => {
    const linked = await rows<{ username: string; position: string; unit: string | null }>(
      sql`select u.username, p.title as position, un.name as unit
            from users u
            join assignments a on a.tenant_id = u.tenant_id and a.employee_id = u.employee_id
                              and a.end_date is null and a.kind = 'definitif'
            join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
            left join units un on un.tenant_id = p.tenant_id and un.id = p.unit_id
           where u.username in ('walikota', 'kadisdik') order by u.username`,
    );
    expect(linked).toEqual([
      {
        username: 'kadisdik',
        position: 'Kepala Dinas Pendidikan dan Kebudayaan',
        unit: 'Dinas Pendidikan dan Kebudayaan',
      },
      { username: 'walikota', position: 'Wali Kota Contoh', unit: null },
    ]);
    const [pk] = await rows<{ status: string }>(
      sql`select a.status from agreements a join users u
             on u.tenant_id = a.tenant_id and u.employee_id = a.first_party_employee_id
           where u.username = 'kadisdik' and a.level = 'kepala_pd' and a.start_year = 2027`,
    );
    expect(pk).toEqual({ status: 'ready_to_sign' });
  });

  it('links lower PK sasaran to the PK above and keeps a history per transition', async () => {
    const [links] = await rows<{ linked: number; unlinked: number; wrong: number }>(
      sql`select count(*) filter (where o.supports_objective_id is not null)::int as linked,
                 count(*) filter (where o.supports_objective_id is null)::int as unlinked,
                 count(*) filter (where p.agreement_id is distinct from a.parent_agreement_id
                                    and o.supports_objective_id is not null)::int as wrong
            from agreement_objectives o
            join agreements a on a.tenant_id = o.tenant_id and a.id = o.agreement_id
            left join agreement_objectives p on p.tenant_id = o.tenant_id and p.id = o.supports_objective_id
           where a.level <> 'pemda'`,
    );
    expect(links!.wrong).toBe(0);
    expect(links!.linked).toBeGreaterThan(300);
    expect(links!.unlinked).toBeGreaterThanOrEqual(1);
    const [history] = await rows<{ missing: number }>(
      sql`select count(*)::int as missing from agreements a
           where (select count(*) from agreement_transitions t where t.tenant_id = a.tenant_id and t.agreement_id = a.id)
                 <> 1 + array_position(array['draft','submitted','verified','ready_to_sign'], a.status) - 1`,
    );
    expect(history!.missing).toBe(0);
  });
});
