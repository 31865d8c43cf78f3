import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: { path: string; message: string }[]; findings?: { rule: string }[] };
  };
}

const number = (value: string) => ({ kind: 'number', value });
const none = [null, null, null, null];

describe.each(testDatabaseKinds())('PK content on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let operator: ApiClient;
  let pemda: AgreementDetail;
  let pk: AgreementDetail;

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    const admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
    pemda = (
      await admin.post<AgreementDetail>('/api/agreements', {
        yearId: f.yearId,
        positionId: f.positions.walikota,
        agreementDate: '2026-01-05',
      })
    ).body;
    const created = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadinkes,
      agreementDate: '2026-01-05',
      pullFromPlan: false,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pk = created.body;
    expect(pk.objectives).toEqual([]);
    expect(pk.budgetTotal).toBe('0.00');
  });
  afterAll(() => t.close());

  /** A valid content body: three indicators of three methods, quarterly plans, two budget rows. */
  const content = () => ({
    version: pk.version,
    objectives: [
      {
        title: 'Meningkatnya mutu layanan kesehatan',
        sourceNodeId: f.nodes.renstraSasaran,
        supportsObjectiveId: pemda.objectives[0]?.id ?? null,
        indicators: [
          {
            name: 'Jumlah rujukan tertangani',
            satuan: 'kasus',
            polarity: 'positive',
            method: 'ratio',
            aggregation: 'cumulative',
            targets: [
              {
                year: 2026,
                annual: number('110'),
                quarters: [number('20'), number('30'), number('30'), number('30')],
              },
            ],
          },
          {
            name: 'Opini BPK atas laporan keuangan dinas',
            satuan: 'opini',
            polarity: 'positive',
            method: 'scale',
            aggregation: 'last',
            scaleId: f.scaleId,
            targets: [{ year: 2026, annual: { kind: 'scale', code: 'wtp ' }, quarters: [] }],
          },
          {
            name: 'Indeks kepuasan masyarakat',
            satuan: 'indeks',
            polarity: 'positive',
            method: 'range',
            aggregation: 'last',
            isIku: true,
            targets: [
              { year: 2026, annual: { kind: 'range', low: '80', high: '90.50' }, quarters: [] },
            ],
          },
        ],
      },
    ],
    budgets: [
      {
        sourceNodeId: f.nodes.sub1,
        programCode: '1.02.02',
        programName: 'Program Pemenuhan Upaya Kesehatan',
        kegiatanCode: '1.02.02.2.01',
        kegiatanName: 'Penyediaan Fasilitas Pelayanan Kesehatan',
        subKegiatanCode: '1.02.02.2.01.0001',
        subKegiatanName: 'Pembangunan Puskesmas',
        amount: '0.10',
      },
      {
        programCode: '1.02.02',
        programName: 'Program Pemenuhan Upaya Kesehatan',
        amount: '0.2',
      },
    ],
  });

  it('saves content with exact decimals, normalised codes and kept ids', async () => {
    const res = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, content());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pk = res.body;
    const [objective] = pk.objectives;
    expect(objective?.supports?.agreementId).toBe(pemda.id);
    expect(objective?.indicators.map((i) => i.targets[0])).toEqual([
      {
        year: 2026,
        annual: number('110'),
        quarters: [number('20'), number('30'), number('30'), number('30')],
      },
      { year: 2026, annual: { kind: 'scale', code: 'WTP' }, quarters: none },
      { year: 2026, annual: { kind: 'range', low: '80', high: '90.5' }, quarters: none },
    ]);
    // 0.10 + 0.20: exact, never 0.30000000000000004.
    expect(pk.budgets.map((b) => b.amount)).toEqual(['0.10', '0.20']);
    expect(pk.budgetTotal).toBe('0.30');

    // Saving again with the ids keeps the same rows.
    const body = content();
    const first = body.objectives[0];
    if (!first || !objective) throw new Error('no objective');
    Object.assign(first, { id: objective.id, title: 'Meningkatnya mutu layanan kesehatan dasar' });
    for (const [n, i] of first.indicators.entries()) {
      Object.assign(i, { id: objective.indicators[n]?.id });
    }
    const again = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, body);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.objectives[0]?.id).toBe(objective.id);
    expect(again.body.objectives[0]?.indicators.map((i) => i.id)).toEqual(
      objective.indicators.map((i) => i.id),
    );
    expect(again.body.version).toBe(pk.version + 1);
    pk = again.body;
  });

  const refused = async (mutate: (body: ReturnType<typeof content>) => void) => {
    const body = content();
    mutate(body);
    const res = await operator.put<ErrorBody>(`/api/agreements/${pk.id}/content`, body);
    return res;
  };
  const firstIndicators = (body: ReturnType<typeof content>) => {
    const list = body.objectives[0]?.indicators;
    if (!list) throw new Error('no indicators');
    return list;
  };

  it('refuses text where a number is expected, naming the field', async () => {
    const res = await refused((b) => {
      const target = firstIndicators(b)[0]?.targets[0];
      if (target) target.annual = number('seratus');
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_NUMBER');
    expect(res.body.error.details?.fields?.[0]?.path).toBe(
      'objectives.0.indicators.0.targets.2026.annual.value',
    );
  });

  it('refuses a range with the lower bound above the upper', async () => {
    const res = await refused((b) => {
      const target = firstIndicators(b)[2]?.targets[0];
      if (target) target.annual = { kind: 'range', low: '95', high: '90' } as never;
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_TARGET');
    expect(res.body.error.details?.fields?.[0]?.path).toBe(
      'objectives.0.indicators.2.targets.2026.annual',
    );
  });

  it('refuses a cumulative quarterly plan that does not add up (QUARTER_PLAN_INVALID)', async () => {
    const res = await refused((b) => {
      const indicators = firstIndicators(b);
      // The cumulative indicator goes second, so the path names indicators.1.
      const [cumulative, scale] = indicators;
      if (!cumulative || !scale) throw new Error('fixture changed');
      indicators.splice(0, 2, scale, cumulative);
      const target = cumulative.targets[0];
      // Typed "up to this quarter" (25/50/75/110) instead of per quarter: the sum is 260.
      if (target) target.quarters = [number('25'), number('50'), number('75'), number('110')];
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('QUARTER_PLAN_INVALID');
    expect(res.body.error.details?.fields?.map((x) => x.path)).toEqual([
      'objectives.0.indicators.1.targets.2026.quarters',
    ]);
  });

  it('refuses unknown scale codes, years outside the PK and foreign sasaran links', async () => {
    const scale = await refused((b) => {
      const target = firstIndicators(b)[1]?.targets[0];
      if (target) target.annual = { kind: 'scale', code: 'BAIK' } as never;
    });
    expect(scale.body.error.code).toBe('INVALID_TARGET');
    expect(scale.body.error.message).toBeTruthy();
    const year = await refused((b) => {
      const target = firstIndicators(b)[0]?.targets[0];
      if (target) target.year = 2027;
    });
    expect(year.status).toBe(400);
    expect(year.body.error.details?.fields?.[0]?.path).toBe(
      'objectives.0.indicators.0.targets.2027',
    );
    const link = await refused((b) => {
      const objective = b.objectives[0];
      // A sasaran of this very PK is not one of the parent PK's.
      if (objective) objective.supportsObjectiveId = pk.objectives[0]?.id ?? null;
    });
    expect(link.status).toBe(400);
    expect(link.body.error.details?.fields?.[0]?.path).toBe('objectives.0.supportsObjectiveId');
    const money = await refused((b) => {
      const budget = b.budgets[0];
      if (budget) budget.amount = '1.500.000';
    });
    expect(money.body.error.code).toBe('INVALID_NUMBER');
    expect(money.body.error.details?.fields?.[0]?.path).toBe('budgets.0.amount');
  });

  it('answers 404 for ids of another tenant in the body', async () => {
    const other = await createAgreementFixture(t.database);
    const res = await refused((b) => {
      const objective = b.objectives[0];
      if (objective) objective.sourceNodeId = other.nodes.renstraSasaran;
    });
    expect(res.status).toBe(404);
  });

  it('blocks submitting a PK with blocking quality findings', async () => {
    const body = content();
    body.objectives.push({
      title: 'Sasaran tanpa indikator',
      sourceNodeId: null as never,
      supportsObjectiveId: null,
      indicators: [],
    });
    const saved = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    pk = saved.body;
    expect(pk.quality.blocking).toBe(true);
    const quality = await operator.get<{ blocking: boolean; findings: { rule: string }[] }>(
      `/api/agreements/${pk.id}/quality`,
    );
    expect(quality.body.findings.map((x) => x.rule)).toContain('SASARAN_WITHOUT_INDICATOR');
    const submit = await operator.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'submit',
    });
    expect(submit.status).toBe(422);
    expect(submit.body.error.code).toBe('QUALITY_BLOCKED');
    expect(submit.body.error.details?.findings?.map((x) => x.rule)).toContain(
      'SASARAN_WITHOUT_INDICATOR',
    );

    const empty = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, {
      version: pk.version,
      objectives: [],
      budgets: [],
    });
    pk = empty.body;
    const emptySubmit = await operator.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'submit',
    });
    expect(emptySubmit.body.error.code).toBe('QUALITY_BLOCKED');
    expect(emptySubmit.body.error.details?.findings?.map((x) => x.rule)).toEqual(['NO_OBJECTIVES']);
  });

  it('re-pulls from the plan keeping sasaran a lower PK supports', async () => {
    const pulled = await operator.post<AgreementDetail>(`/api/agreements/${pk.id}/pull-from-plan`, {
      version: pk.version,
    });
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    pk = pulled.body;
    expect(pk.objectives.map((o) => o.sourceNodeId)).toEqual([f.nodes.renstraSasaran]);
    expect(pk.budgetTotal).toBe('4000000.30');
    const kabid = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kabid,
      agreementDate: '2026-01-05',
    });
    expect(kabid.body.objectives[0]?.supportsObjectiveId).toBe(pk.objectives[0]?.id);

    const again = await operator.post<AgreementDetail>(`/api/agreements/${pk.id}/pull-from-plan`, {
      version: pk.version,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.objectives[0]?.id).toBe(pk.objectives[0]?.id);
    expect(again.body.objectives[0]?.indicators[0]?.id).toBe(pk.objectives[0]?.indicators[0]?.id);
    pk = again.body;

    // Dropping that sasaran is refused while the lower PK points at it.
    const drop = await operator.put<ErrorBody>(`/api/agreements/${pk.id}/content`, {
      version: pk.version,
      objectives: [],
      budgets: [],
    });
    expect(drop.status).toBe(409);
    expect(drop.body.error.code).toBe('HAS_DEPENDENTS');
  });
});
