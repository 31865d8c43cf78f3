import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Review of the planning slice: every referenced id is looked up inside the tenant (another
 * tenant's id answers 404 like a missing one, field by field, with real objects of the other
 * tenant), a PD operator cannot write another PD's Renstra through any route (and each refusal is
 * audited), malformed input is refused with a 4xx naming the field (never a 500), every update
 * checks its version, and a closed period is read-only on every write route.
 */
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Saved {
  id: string;
  version: number;
}
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** The field an error names: the use case's `field`, or the first schema issue's path. */
const fieldOf = (body: ErrorBody): unknown => {
  const details = body.error.details ?? {};
  const issues = details.issues as { path: (string | number)[] }[] | undefined;
  return details.field ?? issues?.[0]?.path.join('.');
};

const unitBody = (name: string) => ({ parentId: null, name, type: 'dinas', level: 'eselon_2' });

const indicatorBody = (nodeId: string, extra: Record<string, unknown> = {}) => ({
  nodeId,
  name: 'Persentase balita gizi baik',
  satuan: '%',
  polarity: 'positive',
  method: 'ratio',
  aggregation: 'last',
  isIku: false,
  definition: 'Balita gizi baik dibanding balita ditimbang.',
  formulaText: 'gizi baik / ditimbang × 100',
  dataSource: 'e-PPGBM',
  targets: [{ year: 2031, target: { kind: 'number', value: '80' } }],
  ...extra,
});

describe.each(testDatabaseKinds())('planning review on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let admin: ApiClient;
  let operatorOther: ApiClient;
  let bAdmin: ApiClient;
  let dinkes: string;
  let dinsos: string;
  let period: Saved;
  let rpjmdTujuan: Saved;
  let rpjmdSasaran: Saved;
  let tujuan: Saved;
  let sasaran: Saved;
  let program: Saved;
  let indicator: Saved;
  let opiniBpk: string;
  const b: Record<string, string> = {};

  const node = async (client: ApiClient, body: Record<string, unknown>) => {
    const res = await client.post<Saved & ErrorBody>('/api/plan-nodes', {
      unitId: null,
      parentId: null,
      ...body,
    });
    if (res.status !== 201) throw new Error(`node: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    dinkes = (await admin.post<Saved>('/api/units', unitBody('Dinas Kesehatan'))).body.id;
    dinsos = (await admin.post<Saved>('/api/units', unitBody('Dinas Sosial'))).body.id;
    operatorOther = await signIn(
      t.app,
      await createTestUser(t.database, tenantId, [{ role: 'operator_unit', unitId: dinsos }]),
      TEST_PASSWORD,
    );
    period = (await admin.post<Saved>('/api/plans', { name: 'RPJMD 2030–2034', startYear: 2030 }))
      .body;
    const periodId = period.id;
    const misi = await node(admin, { periodId, kind: 'misi', title: 'Misi A' });
    rpjmdTujuan = await node(admin, {
      periodId,
      kind: 'tujuan',
      parentId: misi.id,
      title: 'Tujuan A',
    });
    rpjmdSasaran = await node(admin, {
      periodId,
      kind: 'sasaran',
      parentId: rpjmdTujuan.id,
      title: 'Sasaran A',
    });
    tujuan = await node(admin, { periodId, unitId: dinkes, kind: 'tujuan', title: 'Tujuan PD' });
    sasaran = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'sasaran',
      parentId: tujuan.id,
      title: 'Sasaran PD',
      supportsNodeId: rpjmdSasaran.id,
    });
    program = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'program',
      parentId: sasaran.id,
      code: '1.02.02',
      title: 'Program PD',
    });
    indicator = (await admin.post<Saved>('/api/indicators', indicatorBody(sasaran.id))).body;
    const scales = await admin.get<{ items: { id: string; key: string }[] }>('/api/rating-scales');
    opiniBpk = scales.body.items.find((s) => s.key === 'opini_bpk')!.id;

    // Tenant B, with one object of every kind the planning routes refer to.
    const other = await createTestTenant(t.database);
    bAdmin = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    b.unit = (await bAdmin.post<Saved>('/api/units', unitBody('Dinas B'))).body.id;
    b.period = (
      await bAdmin.post<Saved>('/api/plans', { name: 'RPJMD B', startYear: 2030 })
    ).body.id;
    b.rpjmdSasaran = (
      await node(bAdmin, {
        periodId: b.period,
        kind: 'tujuan',
        title: 'Tujuan B',
      })
    ).id;
    b.tujuan = (
      await node(bAdmin, { periodId: b.period, unitId: b.unit, kind: 'tujuan', title: 'Tujuan B' })
    ).id;
    b.sasaran = (
      await node(bAdmin, {
        periodId: b.period,
        unitId: b.unit,
        kind: 'sasaran',
        parentId: b.tujuan,
        title: 'Sasaran B',
      })
    ).id;
    b.indicator = (await bAdmin.post<Saved>('/api/indicators', indicatorBody(b.sasaran))).body.id;
    const bScales = await bAdmin.get<{ items: { id: string; key: string }[] }>(
      '/api/rating-scales',
    );
    b.scale = bScales.body.items.find((s) => s.key === 'opini_bpk')!.id;
  });
  afterAll(() => t.close());

  it('answers 404 to every id of another tenant, in the path, the query and each body field', async () => {
    const cases: [string, Method, () => string, () => unknown][] = [
      ['period in path', 'GET', () => `/api/plans/${b.period}`, () => undefined],
      ['period of renstra', 'GET', () => `/api/plans/${b.period}/renstra`, () => undefined],
      [
        'unitId in query',
        'GET',
        () => `/api/plans/${period.id}/tree?unitId=${b.unit}`,
        () => undefined,
      ],
      ['indicator in path', 'GET', () => `/api/indicators/${b.indicator}`, () => undefined],
      [
        'create node: periodId',
        'POST',
        () => '/api/plan-nodes',
        () => ({ periodId: b.period, unitId: null, parentId: null, kind: 'misi', title: 'X misi' }),
      ],
      [
        'create node: unitId',
        'POST',
        () => '/api/plan-nodes',
        () => ({
          periodId: period.id,
          unitId: b.unit,
          parentId: null,
          kind: 'tujuan',
          title: 'Tujuan X',
        }),
      ],
      [
        'create node: parentId',
        'POST',
        () => '/api/plan-nodes',
        () => ({
          periodId: period.id,
          unitId: dinkes,
          parentId: b.tujuan,
          kind: 'sasaran',
          title: 'Sasaran X',
        }),
      ],
      [
        'create node: supportsNodeId',
        'POST',
        () => '/api/plan-nodes',
        () => ({
          periodId: period.id,
          unitId: dinkes,
          parentId: null,
          kind: 'tujuan',
          title: 'Tujuan X',
          supportsNodeId: b.rpjmdSasaran,
        }),
      ],
      [
        'update node: supportsNodeId',
        'PATCH',
        () => `/api/plan-nodes/${tujuan.id}`,
        () => ({ version: 1, supportsNodeId: b.rpjmdSasaran }),
      ],
      [
        'update node in path',
        'PATCH',
        () => `/api/plan-nodes/${b.tujuan}`,
        () => ({ version: 1, title: 'Diubah' }),
      ],
      [
        'budgets of a node',
        'PUT',
        () => `/api/plan-nodes/${b.sasaran}/budgets`,
        () => ({ version: 1, lines: [] }),
      ],
      [
        'archive node',
        'POST',
        () => `/api/plan-nodes/${b.sasaran}/archive`,
        () => ({ version: 1 }),
      ],
      [
        'restore node',
        'POST',
        () => `/api/plan-nodes/${b.sasaran}/restore`,
        () => ({ version: 1 }),
      ],
      [
        'create indicator: nodeId',
        'POST',
        () => '/api/indicators',
        () => indicatorBody(b.sasaran!),
      ],
      [
        'create indicator: scaleId (scale method)',
        'POST',
        () => '/api/indicators',
        () =>
          indicatorBody(sasaran.id, {
            method: 'scale',
            scaleId: b.scale,
            targets: [{ year: 2031, target: { kind: 'scale', code: 'WTP' } }],
          }),
      ],
      [
        'create indicator: scaleId (other method)',
        'POST',
        () => '/api/indicators',
        () => indicatorBody(sasaran.id, { scaleId: b.scale }),
      ],
      [
        'create indicator: responsibleUnitId',
        'POST',
        () => '/api/indicators',
        () => indicatorBody(sasaran.id, { responsibleUnitId: b.unit }),
      ],
      [
        'update indicator: scaleId',
        'PATCH',
        () => `/api/indicators/${indicator.id}`,
        () => ({ version: indicator.version, scaleId: b.scale }),
      ],
      [
        'update indicator: responsibleUnitId',
        'PATCH',
        () => `/api/indicators/${indicator.id}`,
        () => ({ version: indicator.version, responsibleUnitId: b.unit }),
      ],
      [
        'update indicator in path',
        'PATCH',
        () => `/api/indicators/${b.indicator}`,
        () => ({ version: 1, name: 'Diubah tenant lain' }),
      ],
      [
        'archive indicator',
        'POST',
        () => `/api/indicators/${b.indicator}/archive`,
        () => ({ version: 1 }),
      ],
      [
        'update scale',
        'PATCH',
        () => `/api/rating-scales/${b.scale}`,
        () => ({ version: 1, name: 'Diubah tenant lain' }),
      ],
      [
        'update period',
        'PATCH',
        () => `/api/plans/${b.period}`,
        () => ({ version: 1, name: 'Diubah tenant lain' }),
      ],
    ];
    const failures: string[] = [];
    for (const [label, method, url, body] of cases) {
      const res = await admin.request<ErrorBody>(method, url(), body());
      if (res.status !== 404)
        failures.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    // Nothing of B changed.
    const still = await bAdmin.get<{ name: string; version: number }>(
      `/api/indicators/${b.indicator}`,
    );
    expect(still.body).toMatchObject({ name: 'Persentase balita gizi baik', version: 1 });
  });

  it('refuses a PD operator every write into another PD’s Renstra or the RPJMD, and audits each refusal', async () => {
    const [before] = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from audit_events where tenant_id = ${tenantId} and action = 'access.refused'`,
    );
    const cases: [string, Method, string, unknown][] = [
      [
        'create in other PD',
        'POST',
        '/api/plan-nodes',
        {
          periodId: period.id,
          unitId: dinkes,
          parentId: tujuan.id,
          kind: 'sasaran',
          title: 'Sasaran susupan',
        },
      ],
      [
        'rename other PD node',
        'PATCH',
        `/api/plan-nodes/${sasaran.id}`,
        { version: 1, title: 'X y' },
      ],
      [
        'relink other PD node',
        'PATCH',
        `/api/plan-nodes/${sasaran.id}`,
        { version: 1, supportsNodeId: null },
      ],
      [
        'budgets of other PD',
        'PUT',
        `/api/plan-nodes/${program.id}/budgets`,
        { version: 1, lines: [{ year: 2030, kind: 'pagu_indikatif', amount: '1' }] },
      ],
      ['archive other PD node', 'POST', `/api/plan-nodes/${program.id}/archive`, { version: 1 }],
      ['restore other PD node', 'POST', `/api/plan-nodes/${program.id}/restore`, { version: 1 }],
      ['indicator on other PD', 'POST', '/api/indicators', indicatorBody(program.id)],
      [
        'edit other PD indicator',
        'PATCH',
        `/api/indicators/${indicator.id}`,
        { version: indicator.version, name: 'Diubah operator lain' },
      ],
      [
        'archive other PD indicator',
        'POST',
        `/api/indicators/${indicator.id}/archive`,
        { version: indicator.version },
      ],
      ['indicator on RPJMD', 'POST', '/api/indicators', indicatorBody(rpjmdSasaran.id)],
      [
        'edit RPJMD node',
        'PATCH',
        `/api/plan-nodes/${rpjmdTujuan.id}`,
        { version: 1, title: 'X y' },
      ],
      [
        'create RPJMD node',
        'POST',
        '/api/plan-nodes',
        { periodId: period.id, unitId: null, parentId: null, kind: 'misi', title: 'Misi X' },
      ],
      ['edit period', 'PATCH', `/api/plans/${period.id}`, { version: 1, visi: 'Visi operator' }],
      ['create period', 'POST', '/api/plans', { name: 'RPJMD operator', startYear: 2040 }],
      [
        'create scale',
        'POST',
        '/api/rating-scales',
        {
          key: 'skala_operator',
          name: 'Skala operator',
          levels: [
            { code: 'A', label: 'A', score: '2' },
            { code: 'B', label: 'B', score: '1' },
          ],
        },
      ],
      ['edit scale', 'PATCH', `/api/rating-scales/${opiniBpk}`, { version: 1, name: 'Opini X' }],
    ];
    const failures: string[] = [];
    for (const [label, method, url, body] of cases) {
      const res = await operatorOther.request<ErrorBody>(method, url, body);
      if (res.status !== 403 || res.body.error.code !== 'FORBIDDEN')
        failures.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    const [after] = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from audit_events where tenant_id = ${tenantId} and action = 'access.refused'`,
    );
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(cases.length);
    // Reads stay open to the operator.
    expect((await operatorOther.get(`/api/plans/${period.id}/tree?unitId=${dinkes}`)).status).toBe(
      200,
    );
  });

  it.each<[string, Method, () => string, () => unknown, string?]>([
    [
      'a huge title',
      'POST',
      () => '/api/plan-nodes',
      () => ({
        periodId: period.id,
        unitId: null,
        parentId: null,
        kind: 'misi',
        title: 'x'.repeat(100_000),
      }),
      'title',
    ],
    [
      'an unknown kind',
      'POST',
      () => '/api/plan-nodes',
      () => ({ periodId: period.id, unitId: null, parentId: null, kind: 'visi', title: 'Visi X' }),
      'kind',
    ],
    [
      'a text with a NUL character',
      'POST',
      () => '/api/plan-nodes',
      () => ({
        periodId: period.id,
        unitId: null,
        parentId: null,
        kind: 'misi',
        title: 'Mi\u0000si',
      }),
    ],
    [
      'a target year 1900',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [{ year: 1900, target: { kind: 'number', value: '1' } }],
        }),
    ],
    [
      'a target year outside the period',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [{ year: 2029, target: { kind: 'number', value: '1' } }],
        }),
      'targets.2029',
    ],
    [
      'the same year twice',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [
            { year: 2031, target: { kind: 'number', value: '1' } },
            { year: 2031, target: { kind: 'number', value: '2' } },
          ],
        }),
      'targets.2031',
    ],
    [
      'seven decimals',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [{ year: 2031, target: { kind: 'number', value: '1.1234567' } }],
        }),
      'targets.2031',
    ],
    [
      'a formatted number',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [{ year: 2031, target: { kind: 'number', value: '1.234,5' } }],
        }),
      'targets.2031',
    ],
    [
      'a number as JSON number',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          targets: [{ year: 2031, target: { kind: 'number', value: 1 } }],
        }),
    ],
    [
      'null where a target is expected',
      'POST',
      () => '/api/indicators',
      () => indicatorBody(sasaran.id, { targets: [{ year: 2031, target: null }] }),
    ],
    [
      'targets: null',
      'POST',
      () => '/api/indicators',
      () => indicatorBody(sasaran.id, { targets: null }),
    ],
    [
      'a range low > high',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          method: 'range',
          targets: [{ year: 2031, target: { kind: 'range', low: '10', high: '9.5' } }],
        }),
      'targets.2031',
    ],
    [
      'an unknown scale code',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          method: 'scale',
          scaleId: opiniBpk,
          targets: [{ year: 2031, target: { kind: 'scale', code: 'BAIK' } }],
        }),
      'targets.2031',
    ],
    [
      'a negative method with positive polarity',
      'POST',
      () => '/api/indicators',
      () => indicatorBody(sasaran.id, { method: 'inverse_ratio' }),
      'polarity',
    ],
    [
      'a baseline after the start year',
      'POST',
      () => '/api/indicators',
      () =>
        indicatorBody(sasaran.id, {
          baseline: { year: 2031, value: { kind: 'number', value: '1' } },
        }),
      'baseline.year',
    ],
    [
      'a bad Permendagri code',
      'POST',
      () => '/api/plan-nodes',
      () => ({
        periodId: period.id,
        unitId: dinkes,
        parentId: sasaran.id,
        kind: 'program',
        code: '1.2.3',
        title: 'Program X',
      }),
      'code',
    ],
    [
      'a budget with three decimals',
      'PUT',
      () => `/api/plan-nodes/${program.id}/budgets`,
      () => ({ version: 1, lines: [{ year: 2030, kind: 'dpa', amount: '1.234' }] }),
      'lines.0.amount',
    ],
    [
      'a negative budget',
      'PUT',
      () => `/api/plan-nodes/${program.id}/budgets`,
      () => ({ version: 1, lines: [{ year: 2030, kind: 'dpa', amount: '-5' }] }),
      'lines.0.amount',
    ],
    [
      'a budget in exponent notation',
      'PUT',
      () => `/api/plan-nodes/${program.id}/budgets`,
      () => ({ version: 1, lines: [{ year: 2030, kind: 'dpa', amount: '1e9' }] }),
      'lines.0.amount',
    ],
    [
      'a budget year outside the period',
      'PUT',
      () => `/api/plan-nodes/${program.id}/budgets`,
      () => ({ version: 1, lines: [{ year: 2029, kind: 'dpa', amount: '5' }] }),
      'lines.0.year',
    ],
    [
      'a budget twice for one year and kind',
      'PUT',
      () => `/api/plan-nodes/${program.id}/budgets`,
      () => ({
        version: 1,
        lines: [
          { year: 2030, kind: 'dpa', amount: '5' },
          { year: 2030, kind: 'dpa', amount: '6' },
        ],
      }),
      'lines.1',
    ],
    ['a string version', 'PATCH', () => `/api/plan-nodes/${tujuan.id}`, () => ({ version: '1' })],
    ['a body that is an array', 'PATCH', () => `/api/plan-nodes/${tujuan.id}`, () => [1, 2]],
    [
      'an unknown period status',
      'PATCH',
      () => `/api/plans/${period.id}`,
      () => ({ version: 1, status: 'archived' }),
    ],
    ['a path id that is no UUID', 'GET', () => '/api/indicators/123', () => undefined],
    [
      'a bad includeArchived',
      'GET',
      () => `/api/plans/${period.id}/tree?includeArchived=yes`,
      () => undefined,
    ],
    [
      'a scale level with score 0',
      'POST',
      () => '/api/rating-scales',
      () => ({
        key: 'skala_nol',
        name: 'Skala nol',
        levels: [
          { code: 'A', label: 'A', score: '0' },
          { code: 'B', label: 'B', score: '1' },
        ],
      }),
      'levels.0.score',
    ],
    [
      'scale codes equal after normalising',
      'POST',
      () => '/api/rating-scales',
      () => ({
        key: 'skala_kembar',
        name: 'Skala kembar',
        levels: [
          { code: 'wtp', label: 'A', score: '2' },
          { code: 'W T P', label: 'B', score: '1' },
        ],
      }),
      'levels.1.code',
    ],
  ])(
    'refuses %s with a 4xx naming the field, never a 500',
    async (_label, method, url, body, field) => {
      const res = await admin.request<ErrorBody>(method, url(), body());
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      expect(res.body.error.message.length).toBeGreaterThan(5);
      if (field) expect(fieldOf(res.body), JSON.stringify(res.body)).toBe(field);
    },
  );

  it('checks the version on every update', async () => {
    const stale: [string, Method, string, unknown][] = [
      ['budgets', 'PUT', `/api/plan-nodes/${program.id}/budgets`, { version: 99, lines: [] }],
      ['archive node', 'POST', `/api/plan-nodes/${program.id}/archive`, { version: 99 }],
      ['node', 'PATCH', `/api/plan-nodes/${program.id}`, { version: 99, title: 'Program Y' }],
      [
        'indicator',
        'PATCH',
        `/api/indicators/${indicator.id}`,
        { version: 99, name: 'Indikator Y' },
      ],
      ['archive indicator', 'POST', `/api/indicators/${indicator.id}/archive`, { version: 99 }],
      ['period', 'PATCH', `/api/plans/${period.id}`, { version: 99, visi: 'Visi Y' }],
      ['scale', 'PATCH', `/api/rating-scales/${opiniBpk}`, { version: 99, name: 'Opini Y' }],
    ];
    for (const [label, method, url, body] of stale) {
      const res = await admin.request<ErrorBody>(method, url, body);
      expect([label, res.status, res.body.error?.code]).toEqual([label, 409, 'VERSION_CONFLICT']);
    }
  });

  it('restoring a node whose code was taken meanwhile answers a clear conflict', async () => {
    const periodId = period.id;
    const old = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'program',
      parentId: sasaran.id,
      code: '1.02.03',
      title: 'Program lama',
    });
    const archived = await admin.post<Saved>(`/api/plan-nodes/${old.id}/archive`, {
      version: old.version,
    });
    expect(archived.status).toBe(200);
    await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'program',
      parentId: sasaran.id,
      code: '1.02.03',
      title: 'Program baru',
    });
    const restore = await admin.post<ErrorBody>(`/api/plan-nodes/${old.id}/restore`, {
      version: archived.body.version,
    });
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('DUPLICATE');
    expect(restore.body.error.details?.field).toBe('code');
    expect(restore.body.error.message).toContain('1.02.03');
  });

  it('restoring a sub kegiatan whose kegiatan changed its code meanwhile names the code', async () => {
    const periodId = period.id;
    const keg = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'kegiatan',
      parentId: program.id,
      code: '1.02.02.2.05',
      title: 'Kegiatan berganti kode',
    });
    const sub = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'sub_kegiatan',
      parentId: keg.id,
      code: '1.02.02.2.05.0001',
      title: 'Sub kegiatan lama',
    });
    const archived = await admin.post<Saved>(`/api/plan-nodes/${sub.id}/archive`, {
      version: sub.version,
    });
    const renamed = await admin.patch(`/api/plan-nodes/${keg.id}`, {
      version: keg.version,
      code: '1.02.02.2.06',
    });
    expect(renamed.status).toBe(200);
    const restore = await admin.post<ErrorBody>(`/api/plan-nodes/${sub.id}/restore`, {
      version: archived.body.version,
    });
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('PLAN_STRUCTURE');
    expect(restore.body.error.details?.field).toBe('code');
  });

  it('refuses a period whose last years could not be planned, and a Renstra for an archived PD', async () => {
    const late = await admin.post<ErrorBody>('/api/plans', {
      name: 'RPJMD akhir',
      startYear: 2097,
    });
    expect(late.status).toBe(400);
    expect(fieldOf(late.body)).toBe('startYear');
    const gone = await admin.post<Saved>('/api/units', unitBody('Dinas Dibubarkan'));
    const archivedUnit = await admin.post(`/api/units/${gone.body.id}/archive`, {
      version: gone.body.version,
    });
    expect(archivedUnit.status).toBe(200);
    const res = await admin.post<ErrorBody>('/api/plan-nodes', {
      periodId: period.id,
      unitId: gone.body.id,
      parentId: null,
      kind: 'tujuan',
      title: 'Tujuan PD bubar',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ARCHIVED');
    expect(res.body.error.details?.field).toBe('unitId');
  });

  it('keeps a closed period read-only on every write route', async () => {
    const periodId = period.id;
    const spare = await node(admin, {
      periodId,
      unitId: dinkes,
      kind: 'program',
      parentId: sasaran.id,
      code: '1.02.09',
      title: 'Program diarsipkan',
    });
    const archived = (
      await admin.post<Saved>(`/api/plan-nodes/${spare.id}/archive`, { version: spare.version })
    ).body;
    const current = await admin.get<Saved>(`/api/indicators/${indicator.id}`);
    const prog = await admin.get<{ nodes: Saved[] }>(
      `/api/plans/${periodId}/tree?unitId=${dinkes}`,
    );
    const programVersion = prog.body.nodes.find((n) => n.id === program.id)!.version;
    let version = period.version;
    for (const status of ['active', 'closed']) {
      const res = await admin.patch<Saved>(`/api/plans/${periodId}`, { version, status });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    const writes: [string, Method, string, unknown][] = [
      [
        'create node',
        'POST',
        '/api/plan-nodes',
        { periodId, unitId: dinkes, parentId: null, kind: 'tujuan', title: 'Tujuan baru' },
      ],
      [
        'update node',
        'PATCH',
        `/api/plan-nodes/${program.id}`,
        { version: programVersion, title: 'Program Z' },
      ],
      [
        'budgets',
        'PUT',
        `/api/plan-nodes/${program.id}/budgets`,
        { version: programVersion, lines: [] },
      ],
      [
        'archive node',
        'POST',
        `/api/plan-nodes/${program.id}/archive`,
        { version: programVersion },
      ],
      [
        'restore node',
        'POST',
        `/api/plan-nodes/${spare.id}/restore`,
        { version: archived.version },
      ],
      ['create indicator', 'POST', '/api/indicators', indicatorBody(sasaran.id)],
      [
        'update indicator',
        'PATCH',
        `/api/indicators/${indicator.id}`,
        { version: current.body.version, name: 'Indikator Z' },
      ],
      [
        'archive indicator',
        'POST',
        `/api/indicators/${indicator.id}/archive`,
        { version: current.body.version },
      ],
      ['period', 'PATCH', `/api/plans/${periodId}`, { version, visi: 'Visi baru' }],
    ];
    for (const [label, method, url, body] of writes) {
      const res = await admin.request<ErrorBody>(method, url, body);
      expect([label, res.status, res.body.error?.code]).toEqual([label, 409, 'NOT_EDITABLE']);
    }
    const tree = await admin.get<{ nodes: { permissions: Record<string, boolean> }[] }>(
      `/api/plans/${periodId}/tree?unitId=${dinkes}`,
    );
    expect(tree.body.nodes.every((n) => Object.values(n.permissions).every((p) => !p))).toBe(true);
  });
});
