import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Period {
  id: string;
  version: number;
  status: string;
  startYear: number;
  endYear: number;
  visi: string;
}
interface PlanNode {
  id: string;
  version: number;
  kind: string;
  code: string | null;
  budgets: { year: number; kind: string; amount: string }[];
}
type Target =
  | { kind: 'number'; value: string }
  | { kind: 'range'; low: string; high: string }
  | { kind: 'scale'; code: string };
interface Indicator {
  id: string;
  version: number;
  isIku: boolean;
  ikuChangedAt: string | null;
  targets: { year: number; target: Target | null }[];
  endTarget: Target | null;
  findings: { rule: string }[];
}
interface Tree {
  nodes: (PlanNode & {
    parentId: string | null;
    supports: { id: string; title: string } | null;
    indicators: Indicator[];
    permissions: Record<string, boolean>;
    findings: { rule: string }[];
  })[];
  rpjmdTargets: { id: string }[];
  scales: { id: string; key: string; levels: { code: string }[] }[];
  permissions: { createRoot: boolean };
}
interface RenstraRow {
  unit: { id: string };
  counts: Record<string, number>;
  unlinkedSasaran: number;
  paguTotal: string;
  permissions: { write: boolean };
}

const unitBody = (name: string) => ({ parentId: null, name, type: 'dinas', level: 'eselon_2' });

describe.each(testDatabaseKinds())('planning API on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let operatorOther: ApiClient;
  let operatorOwn: ApiClient;
  let otherTenant: ApiClient;
  let tenantId: string;
  let dinkes: string;
  let dinsos: string;
  let period: Period;
  let misi: PlanNode;
  let rpjmdTujuan: PlanNode;
  let rpjmdSasaran: PlanNode;
  let tujuan: PlanNode;
  let sasaran: PlanNode;
  let program: PlanNode;
  let kegiatan: PlanNode;
  let sub: PlanNode;

  const node = async (body: Record<string, unknown>, client = admin) =>
    client.post<PlanNode & ErrorBody>('/api/plan-nodes', {
      periodId: period.id,
      unitId: null,
      parentId: null,
      ...body,
    });
  const indicatorBody = (nodeId: string, extra: Record<string, unknown> = {}) => ({
    nodeId,
    name: 'Persentase balita gizi baik',
    satuan: '%',
    polarity: 'positive',
    method: 'ratio',
    aggregation: 'last',
    isIku: false,
    definition: 'Balita dengan status gizi baik dibanding seluruh balita yang ditimbang.',
    formulaText: 'balita gizi baik / balita ditimbang × 100',
    dataSource: 'e-PPGBM',
    targets: [
      { year: 2025, target: { kind: 'number', value: '80' } },
      { year: 2026, target: { kind: 'number', value: '82.5' } },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    dinkes = (await admin.post<{ id: string }>('/api/units', unitBody('Dinas Kesehatan'))).body.id;
    dinsos = (await admin.post<{ id: string }>('/api/units', unitBody('Dinas Sosial'))).body.id;
    operatorOther = await signIn(
      t.app,
      await createTestUser(t.database, tenantId, [{ role: 'operator_unit', unitId: dinsos }]),
      TEST_PASSWORD,
    );
    operatorOwn = await signIn(
      t.app,
      await createTestUser(t.database, tenantId, [{ role: 'operator_unit', unitId: dinkes }]),
      TEST_PASSWORD,
    );
    const other = await createTestTenant(t.database);
    otherTenant = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('creates a period of five years as a draft, with the default scales in place', async () => {
    const res = await admin.post<Period>('/api/plans', {
      name: 'RPJMD 2025–2029',
      startYear: 2025,
      visi: 'Kota sehat dan sejahtera',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ startYear: 2025, endYear: 2029, status: 'draft' });
    period = res.body;
    const list = await admin.get<{ items: Period[]; permissions: { create: boolean } }>(
      '/api/plans',
    );
    expect(list.body.items.map((p) => p.id)).toContain(period.id);
    expect(list.body.permissions.create).toBe(true);
    const scales = await admin.get<{ items: { key: string; levels: { code: string }[] }[] }>(
      '/api/rating-scales',
    );
    const byKey = Object.fromEntries(scales.body.items.map((s) => [s.key, s.levels]));
    expect(byKey.opini_bpk?.map((l) => l.code)).toEqual(['WTP', 'WDP', 'TW', 'TMP']);
    expect(byKey.predikat_sakip?.map((l) => l.code)).toEqual([
      'AA',
      'A',
      'BB',
      'B',
      'CC',
      'C',
      'D',
    ]);
    const duplicate = await admin.post<ErrorBody>('/api/plans', {
      name: 'RPJMD lain',
      startYear: 2025,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('DUPLICATE');
  });

  it('builds the RPJMD tree misi → tujuan → sasaran', async () => {
    misi = (await node({ kind: 'misi', title: 'Meningkatkan kualitas SDM' })).body;
    rpjmdTujuan = (await node({ kind: 'tujuan', parentId: misi.id, title: 'Derajat kesehatan' }))
      .body;
    const res = await node({
      kind: 'sasaran',
      parentId: rpjmdTujuan.id,
      title: 'Meningkatnya derajat kesehatan masyarakat',
    });
    expect(res.status).toBe(201);
    rpjmdSasaran = res.body;
    const topTujuan = await node({ kind: 'tujuan', title: 'Tujuan tanpa misi' });
    expect(topTujuan.status).toBe(201);
    const tree = await admin.get<Tree>(`/api/plans/${period.id}/tree`);
    expect(tree.status).toBe(200);
    expect(tree.body.nodes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['misi', 'tujuan', 'sasaran']),
    );
    expect(tree.body.permissions.createRoot).toBe(true);
  });

  it('builds a Renstra tree with Permendagri 90/2019 codes', async () => {
    const renstra = { unitId: dinkes };
    tujuan = (
      await node({
        ...renstra,
        kind: 'tujuan',
        title: 'Meningkatkan status kesehatan',
        supportsNodeId: rpjmdTujuan.id,
      })
    ).body;
    const s = await node({
      ...renstra,
      kind: 'sasaran',
      parentId: tujuan.id,
      title: 'Menurunnya prevalensi stunting',
      supportsNodeId: rpjmdSasaran.id,
    });
    expect(s.status).toBe(201);
    sasaran = s.body;
    program = (
      await node({
        ...renstra,
        kind: 'program',
        parentId: sasaran.id,
        code: '1.02.02',
        title: 'Program Pemenuhan Upaya Kesehatan',
      })
    ).body;
    kegiatan = (
      await node({
        ...renstra,
        kind: 'kegiatan',
        parentId: program.id,
        code: '1.02.02.2.01',
        title: 'Penyediaan Fasilitas Pelayanan Kesehatan',
      })
    ).body;
    const subRes = await node({
      ...renstra,
      kind: 'sub_kegiatan',
      parentId: kegiatan.id,
      code: '1.02.02.2.01.0001',
      title: 'Pembangunan Puskesmas',
    });
    expect(subRes.status).toBe(201);
    sub = subRes.body;
    const tree = await admin.get<Tree>(`/api/plans/${period.id}/tree?unitId=${dinkes}`);
    expect(tree.body.nodes.map((n) => n.code).filter(Boolean)).toEqual([
      '1.02.02',
      '1.02.02.2.01',
      '1.02.02.2.01.0001',
    ]);
    const linked = tree.body.nodes.find((n) => n.id === sasaran.id);
    expect(linked?.supports?.id).toBe(rpjmdSasaran.id);
    expect(tree.body.rpjmdTargets.map((n) => n.id)).toContain(rpjmdSasaran.id);
    // The RPJMD tree does not contain the Renstra nodes.
    const rpjmd = await admin.get<Tree>(`/api/plans/${period.id}/tree`);
    expect(rpjmd.body.nodes.some((n) => n.id === sub.id)).toBe(false);
  });

  it.each([
    [
      'kegiatan under a sasaran',
      () => ({ kind: 'kegiatan', parentId: sasaran.id, code: '1.02.02.2.02' }),
      'parentId',
    ],
    [
      'a code that does not extend its parent',
      () => ({ kind: 'sub_kegiatan', parentId: kegiatan.id, code: '1.02.03.2.01.0001' }),
      'code',
    ],
    ['a program without a code', () => ({ kind: 'program', parentId: sasaran.id }), 'code'],
    ['a misi in a Renstra', () => ({ kind: 'misi' }), 'kind'],
    [
      'a Renstra sasaran supporting a Renstra node',
      () => ({ kind: 'sasaran', parentId: tujuan.id, supportsNodeId: sasaran.id }),
      'supportsNodeId',
    ],
    [
      'a sasaran supporting an RPJMD tujuan',
      () => ({ kind: 'sasaran', parentId: tujuan.id, supportsNodeId: rpjmdTujuan.id }),
      'supportsNodeId',
    ],
  ])('refuses %s with PLAN_STRUCTURE', async (_label, body, field) => {
    const res = await node({ unitId: dinkes, title: 'Butir yang salah tempat', ...body() });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PLAN_STRUCTURE');
    expect(res.body.error.details?.field).toBe(field);
    expect(res.body.error.message.length).toBeGreaterThan(20);
  });

  it('the database trigger refuses a wrong shape even without the application checks', async () => {
    await expect(
      t.database.withTenant(tenantId, (tx) =>
        tx.execute(sql`update plan_nodes set parent_id = ${sasaran.id} where id = ${kegiatan.id}`),
      ),
    ).rejects.toMatchObject({ cause: { code: 'AM014' } });
  });

  it('lists the PD Renstra with counts and the sasaran not linked to the RPJMD', async () => {
    await node({ unitId: dinkes, kind: 'sasaran', parentId: tujuan.id, title: 'Sasaran lepas' });
    const res = await admin.get<{ items: RenstraRow[] }>(`/api/plans/${period.id}/renstra`);
    expect(res.status).toBe(200);
    const row = res.body.items.find((r) => r.unit.id === dinkes);
    expect(row?.counts).toMatchObject({
      tujuan: 1,
      sasaran: 2,
      program: 1,
      kegiatan: 1,
      subKegiatan: 1,
    });
    expect(row?.unlinkedSasaran).toBe(1);
    const other = await operatorOther.get<{ items: RenstraRow[] }>(
      `/api/plans/${period.id}/renstra`,
    );
    const perm = Object.fromEntries(other.body.items.map((r) => [r.unit.id, r.permissions.write]));
    expect(perm).toEqual({ [dinkes]: false, [dinsos]: true });
  });

  it('saves an indicator with exact targets and returns its findings', async () => {
    const res = await admin.post<Indicator>('/api/indicators', {
      ...indicatorBody(rpjmdSasaran.id),
      targets: [
        { year: 2025, target: { kind: 'number', value: '1234.50' } },
        { year: 2026, target: { kind: 'number', value: '0.1' } },
      ],
      endTarget: { kind: 'number', value: '90' },
      baseline: { year: 2024, value: { kind: 'number', value: '75' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.targets).toEqual([
      { year: 2025, target: { kind: 'number', value: '1234.5' } },
      { year: 2026, target: { kind: 'number', value: '0.1' } },
      { year: 2027, target: null },
      { year: 2028, target: null },
      { year: 2029, target: null },
    ]);
    expect(Array.isArray(res.body.findings)).toBe(true);
    const tree = await admin.get<Tree>(`/api/plans/${period.id}/tree`);
    const s = tree.body.nodes.find((n) => n.id === rpjmdSasaran.id);
    expect(s?.indicators.map((i) => i.id)).toEqual([res.body.id]);
  });

  it.each([
    [
      'text where a number is expected',
      { targets: [{ year: 2027, target: { kind: 'number', value: 'delapan puluh' } }] },
      'INVALID_NUMBER',
      'targets.2027',
    ],
    [
      'a range with low > high',
      {
        method: 'range',
        targets: [{ year: 2026, target: { kind: 'range', low: '10', high: '5' } }],
      },
      'INVALID_TARGET',
      'targets.2026',
    ],
    [
      'a year outside the period',
      { targets: [{ year: 2031, target: { kind: 'number', value: '1' } }] },
      'INVALID_TARGET',
      'targets.2031',
    ],
    [
      'a range target on a ratio indicator',
      { targets: [{ year: 2025, target: { kind: 'range', low: '1', high: '2' } }] },
      'INVALID_TARGET',
      'targets.2025',
    ],
    [
      'method inconsistent with polarity',
      { method: 'inverse_ratio' },
      'VALIDATION_FAILED',
      'polarity',
    ],
    [
      'a scale method without a scale',
      { method: 'scale', targets: [] },
      'VALIDATION_FAILED',
      'scaleId',
    ],
    [
      'a bad end target',
      { endTarget: { kind: 'number', value: '1,5' } },
      'INVALID_NUMBER',
      'endTarget',
    ],
  ])('refuses %s naming the field', async (_label, extra, code, field) => {
    const res = await admin.post<ErrorBody>('/api/indicators', indicatorBody(sasaran.id, extra));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details?.field).toBe(field);
    const fields = res.body.error.details?.fields as { path: string }[];
    expect(fields.map((f) => f.path)).toContain(field);
  });

  it('checks scale codes against the tenant scale (case- and space-insensitive)', async () => {
    const scales = await admin.get<{ items: { id: string; key: string }[] }>('/api/rating-scales');
    const bpk = scales.body.items.find((s) => s.key === 'opini_bpk')!;
    const scaleBody = (code: string) =>
      indicatorBody(sasaran.id, {
        name: 'Opini BPK atas LKPD',
        satuan: 'opini',
        method: 'scale',
        scaleId: bpk.id,
        targets: [{ year: 2025, target: { kind: 'scale', code } }],
      });
    const bad = await admin.post<ErrorBody>('/api/indicators', scaleBody('WTPX'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('targets.2025');
    const ok = await admin.post<Indicator>('/api/indicators', scaleBody(' wtp '));
    expect(ok.status).toBe(201);
    expect(ok.body.targets[0]?.target).toEqual({ kind: 'scale', code: 'WTP' });
    // Another tenant's scale is as unknown as a missing one.
    const foreign = await otherTenant.get<{ items: { id: string }[] }>('/api/rating-scales');
    const res = await admin.post<ErrorBody>('/api/indicators', {
      ...scaleBody('WTP'),
      scaleId: foreign.body.items[0]!.id,
    });
    expect(res.status).toBe(404);
    // A level still used by a target cannot be removed from the scale.
    const scale = (
      await admin.get<{ items: { id: string; version: number; key: string }[] }>(
        '/api/rating-scales',
      )
    ).body.items.find((s) => s.key === 'opini_bpk')!;
    const shrink = await admin.patch<ErrorBody>(`/api/rating-scales/${scale.id}`, {
      version: scale.version,
      levels: [
        { code: 'WDP', label: 'WDP', score: '3' },
        { code: 'TW', label: 'TW', score: '2' },
      ],
    });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.code).toBe('HAS_DEPENDENTS');
  });

  it('lets the operator of the PD write its own Renstra but not another PD’s (403) or the RPJMD', async () => {
    const own = await node(
      { unitId: dinkes, kind: 'tujuan', title: 'Tujuan oleh operator' },
      operatorOwn,
    );
    expect(own.status).toBe(201);
    const res = await node(
      { unitId: dinkes, kind: 'tujuan', title: 'Tujuan oleh PD lain' },
      operatorOther,
    );
    expect(res.status).toBe(403);
    const rpjmd = await node({ kind: 'misi', title: 'Misi oleh operator' }, operatorOwn);
    expect(rpjmd.status).toBe(403);
    const indicator = await operatorOther.post<ErrorBody>(
      '/api/indicators',
      indicatorBody(sasaran.id),
    );
    expect(indicator.status).toBe(403);
    const tree = await operatorOther.get<Tree>(`/api/plans/${period.id}/tree?unitId=${dinkes}`);
    expect(tree.status).toBe(200);
    expect(tree.body.nodes.every((n) => !n.permissions.update)).toBe(true);
  });

  it('answers 404 to another tenant, in the path and in the body', async () => {
    expect((await otherTenant.get(`/api/plans/${period.id}`)).status).toBe(404);
    expect((await otherTenant.get(`/api/plans/${period.id}/tree?unitId=${dinkes}`)).status).toBe(
      404,
    );
    const create = await otherTenant.post<ErrorBody>('/api/plan-nodes', {
      periodId: period.id,
      unitId: dinkes,
      parentId: tujuan.id,
      kind: 'sasaran',
      title: 'Sasaran susupan',
    });
    expect(create.status).toBe(404);
    const patch = await otherTenant.patch(`/api/plan-nodes/${sasaran.id}`, {
      version: 1,
      title: 'Diubah tenant lain',
    });
    expect(patch.status).toBe(404);
    const own = await otherTenant.post<Period>('/api/plans', { name: 'RPJMD B', startYear: 2025 });
    const supports = await otherTenant.post<ErrorBody>('/api/plan-nodes', {
      periodId: own.body.id,
      unitId: null,
      parentId: null,
      kind: 'tujuan',
      title: 'Tujuan B',
      supportsNodeId: rpjmdTujuan.id,
    });
    expect(supports.status).toBe(404);
  });

  it('sets ikuChangedAt when the IKU flag is toggled in an active period only', async () => {
    const created = await admin.post<Indicator>('/api/indicators', indicatorBody(sasaran.id));
    const draftToggle = await admin.patch<Indicator>(`/api/indicators/${created.body.id}`, {
      version: created.body.version,
      isIku: true,
    });
    expect(draftToggle.status).toBe(200);
    expect(draftToggle.body.ikuChangedAt).toBeNull();
    const activated = await admin.patch<Period>(`/api/plans/${period.id}`, {
      version: period.version,
      status: 'active',
    });
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('active');
    period = activated.body;
    const toggled = await admin.patch<Indicator>(`/api/indicators/${created.body.id}`, {
      version: draftToggle.body.version,
      isIku: false,
    });
    expect(toggled.body.ikuChangedAt).not.toBeNull();
    expect(toggled.body.findings.map((f) => f.rule)).toEqual(expect.any(Array));
    // A second period cannot be active at the same time.
    const second = await admin.post<Period>('/api/plans', { name: 'RPJMD 2030', startYear: 2030 });
    const clash = await admin.patch<ErrorBody>(`/api/plans/${second.body.id}`, {
      version: second.body.version,
      status: 'active',
    });
    expect(clash.status).toBe(409);
    const backwards = await admin.patch<ErrorBody>(`/api/plans/${period.id}`, {
      version: period.version,
      status: 'draft',
    });
    expect(backwards.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('keeps budget amounts exact', async () => {
    const res = await admin.put<PlanNode>(`/api/plan-nodes/${program.id}/budgets`, {
      version: program.version,
      lines: [
        { year: 2025, kind: 'pagu_indikatif', amount: '0.10' },
        { year: 2026, kind: 'pagu_indikatif', amount: '0.2' },
        { year: 2027, kind: 'dpa', amount: '12345678901234567.89' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.budgets).toEqual([
      { year: 2025, kind: 'pagu_indikatif', amount: '0.10' },
      { year: 2026, kind: 'pagu_indikatif', amount: '0.20' },
      { year: 2027, kind: 'dpa', amount: '12345678901234567.89' },
    ]);
    program = res.body;
    const rows = await admin.get<{ items: RenstraRow[] }>(`/api/plans/${period.id}/renstra`);
    expect(rows.body.items.find((r) => r.unit.id === dinkes)?.paguTotal).toBe('0.30');
    const tree = await admin.get<Tree>(`/api/plans/${period.id}/tree?unitId=${dinkes}`);
    expect(tree.body.nodes.find((n) => n.id === program.id)?.budgets[2]?.amount).toBe(
      '12345678901234567.89',
    );
    for (const [amount, path] of [
      ['1.234', 'lines.0.amount'],
      ['-5', 'lines.0.amount'],
      ['1,5', 'lines.0.amount'],
    ]) {
      const bad = await admin.put<ErrorBody>(`/api/plan-nodes/${program.id}/budgets`, {
        version: program.version,
        lines: [{ year: 2025, kind: 'dpa', amount }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details?.field).toBe(path);
    }
    const outside = await admin.put<ErrorBody>(`/api/plan-nodes/${program.id}/budgets`, {
      version: program.version,
      lines: [{ year: 2024, kind: 'dpa', amount: '1' }],
    });
    expect(outside.body.error.details?.field).toBe('lines.0.year');
    const onSasaran = await admin.put<ErrorBody>(`/api/plan-nodes/${sasaran.id}/budgets`, {
      version: sasaran.version,
      lines: [],
    });
    expect(onSasaran.body.error.code).toBe('PLAN_STRUCTURE');
  });

  it('refuses an edit based on an outdated version', async () => {
    const first = await admin.patch<PlanNode>(`/api/plan-nodes/${sub.id}`, {
      version: sub.version,
      title: 'Pembangunan Puskesmas Baru',
    });
    expect(first.status).toBe(200);
    const stale = await admin.patch<ErrorBody>(`/api/plan-nodes/${sub.id}`, {
      version: sub.version,
      title: 'Perubahan yang basi',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    sub = first.body;
  });

  it('refuses to archive a node with active children, then archives bottom-up', async () => {
    const refused = await admin.post<ErrorBody>(`/api/plan-nodes/${kegiatan.id}/archive`, {
      version: kegiatan.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HAS_DEPENDENTS');
    expect(refused.body.error.message).toMatch(/di bawahnya/);
    const supported = await admin.post<ErrorBody>(`/api/plan-nodes/${rpjmdSasaran.id}/archive`, {
      version: rpjmdSasaran.version,
    });
    expect(supported.body.error.code).toBe('HAS_DEPENDENTS');
    const archived = await admin.post<PlanNode & { archived: boolean }>(
      `/api/plan-nodes/${sub.id}/archive`,
      { version: sub.version },
    );
    expect(archived.body.archived).toBe(true);
    const restored = await admin.post<PlanNode & { archived: boolean }>(
      `/api/plan-nodes/${sub.id}/restore`,
      { version: archived.body.version },
    );
    expect(restored.body.archived).toBe(false);
  });

  it('wrote an audit event for every kind of write', async () => {
    const rows = await queryRows<{ action: string }>(
      t.database.unsafeOwnerDb,
      sql`select distinct action from audit_events where tenant_id = ${tenantId}`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'plan.create',
        'plan.update',
        'plan_node.create',
        'plan_node.update',
        'plan_node.archive',
        'plan_node.restore',
        'indicator.create',
        'indicator.update',
        'budget.update',
      ]),
    );
  });
});
