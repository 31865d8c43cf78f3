import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/actor.js';
import { runInTenant } from '../../src/modules/access/context.js';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { createRevision } from '../../src/modules/agreements/revisions/create-revision.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { markSignedForTest } from '../helpers/agreements.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Regression tests of the PK review (security, correctness): cross-PD parent links, double
 * submits, malformed content never answering 500, pulling from the plan into a PK Perubahan.
 */

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const number = (value: string) => ({ kind: 'number', value });

describe.each(testDatabaseKinds())('PK review regressions on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let admin: ApiClient;
  let perencana: ApiClient;
  let operator: ApiClient;
  let otherOperator: ApiClient;
  let pemda: AgreementDetail;
  let kadinkes: AgreementDetail;
  let kadisdik: AgreementDetail;
  let kabid: AgreementDetail;
  let kasi: AgreementDetail;

  const create = async (client: ApiClient, positionId: string) => {
    const res = await client.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId,
      agreementDate: '2026-01-05',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const reload = async (id: string) =>
    (await admin.get<AgreementDetail>(`/api/agreements/${id}`)).body;
  const move = async (client: ApiClient, pk: AgreementDetail, action: string) => {
    const res = await client.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    perencana = await signIn(t.app, f.users.perencana, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
    otherOperator = await signIn(t.app, f.users.operatorDisdik, TEST_PASSWORD);
    pemda = await create(admin, f.positions.walikota);
    kadinkes = await create(operator, f.positions.kadinkes);
    kadisdik = await create(otherOperator, f.positions.kadisdik);
    kabid = await create(operator, f.positions.kabid);
    kasi = await create(operator, f.positions.kasi);
  });
  afterAll(() => t.close());

  it('refuses linking a PK to another PD’s PK or to a lower PK, so no cross-PD lock-in or loop', async () => {
    // Another PD's PK of the same level: would block Disdik from deleting its own draft.
    const crossPd = await operator.patch<ErrorBody>(`/api/agreements/${kabid.id}`, {
      version: kabid.version,
      parentAgreementId: kadisdik.id,
    });
    expect(crossPd.status, JSON.stringify(crossPd.body)).toBe(400);
    expect(crossPd.body.error.details?.fields).toEqual([
      expect.objectContaining({ path: 'parentAgreementId' }),
    ]);
    // A lower PK as parent would make a loop (kadinkes → kabid → kadinkes).
    const loop = await operator.patch<ErrorBody>(`/api/agreements/${kadinkes.id}`, {
      version: kadinkes.version,
      parentAgreementId: kabid.id,
    });
    expect(loop.status, JSON.stringify(loop.body)).toBe(400);
    // Even the admin (tenant-wide) cannot link the Pemda PK under a PD's PK.
    const pemdaUnder = await admin.patch<ErrorBody>(`/api/agreements/${pemda.id}`, {
      version: pemda.version,
      parentAgreementId: kadinkes.id,
    });
    expect(pemdaUnder.status).toBe(400);
    // Disdik can still delete its draft: nothing of Dinkes points at it.
    const fresh = await reload(kadisdik.id);
    expect(fresh.parent?.id).toBe(pemda.id);
    // The legitimate links still work: the Pemda PK, or a PK of a unit above.
    const toPemda = await operator.patch<AgreementDetail>(`/api/agreements/${kasi.id}`, {
      version: kasi.version,
      parentAgreementId: pemda.id,
    });
    expect(toPemda.status, JSON.stringify(toPemda.body)).toBe(200);
    const back = await operator.patch<AgreementDetail>(`/api/agreements/${kasi.id}`, {
      version: toPemda.body.version,
      parentAgreementId: kabid.id,
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    kasi = back.body;
    expect(kasi.parent?.id).toBe(kabid.id);
  });

  it('never answers 500 to malformed content, and names the field', async () => {
    const pk = await reload(kabid.id);
    const indicator = (over: Record<string, unknown> = {}) => ({
      name: 'Persentase fasilitas kesehatan terakreditasi',
      satuan: '%',
      polarity: 'positive',
      method: 'ratio',
      aggregation: 'last',
      targets: [{ year: 2026, annual: number('82.5'), quarters: [] }],
      ...over,
    });
    const body = (objectives: unknown, budgets: unknown = []) => ({
      version: pk.version,
      objectives,
      budgets,
    });
    const one = (over: Record<string, unknown> = {}, objectiveOver: Record<string, unknown> = {}) =>
      body([{ title: 'Sasaran bidang', indicators: [indicator(over)], ...objectiveOver }]);
    const otherIndicatorId = kadinkes.objectives[0]?.indicators[0]?.id;
    const cases: [string, unknown, number, string?][] = [
      ['unknown method', one({ method: 'median' }), 400],
      ['huge name', one({ name: 'x'.repeat(5000) }), 400],
      ['null objectives', { version: pk.version, objectives: null, budgets: [] }, 400],
      ['null indicator', body([{ title: 'Sasaran', indicators: [null] }]), 400],
      [
        'seven decimals',
        one({ targets: [{ year: 2026, annual: number('1.1234567'), quarters: [] }] }),
        400,
        'objectives.0.indicators.0.targets.2026.annual.value',
      ],
      ['year 1900', one({ targets: [{ year: 1900, annual: number('1'), quarters: [] }] }), 400],
      [
        'year outside the PK',
        one({ targets: [{ year: 2027, annual: number('1'), quarters: [] }] }),
        400,
        'objectives.0.indicators.0.targets.2027',
      ],
      [
        'three quarters',
        one({
          targets: [{ year: 2026, annual: number('4'), quarters: [number('1'), null, null] }],
        }),
        400,
        'objectives.0.indicators.0.targets.2026.quarters',
      ],
      ['NUL in a title', one({}, { title: 'Sasaran \u0000 bidang' }), 400],
      [
        'duplicate indicator ids',
        body([
          {
            title: 'Sasaran',
            indicators: [
              indicator({ id: pk.objectives[0]?.indicators[0]?.id }),
              indicator({ id: pk.objectives[0]?.indicators[0]?.id }),
            ],
          },
        ]),
        400,
      ],
      ["another PK's indicator id", one({ id: otherIndicatorId }), 404],
      [
        "a sasaran of another PK's parent",
        one({}, { supportsObjectiveId: kadisdik.objectives[0]?.id ?? pemda.objectives[0]?.id }),
        400,
        'objectives.0.supportsObjectiveId',
      ],
      [
        'money in exponent form',
        body([], [{ programCode: '1.02.02', programName: 'Program', amount: '1e5' }]),
        400,
        'budgets.0.amount',
      ],
      [
        'money too large',
        body([], [{ programCode: '1.02.02', programName: 'Program', amount: '1'.repeat(19) }]),
        400,
        'budgets.0.amount',
      ],
      ['unknown field', { ...one(), extra: true }, 400],
    ];
    for (const [label, payload, status, path] of cases) {
      const res = await operator.put<ErrorBody>(`/api/agreements/${pk.id}/content`, payload);
      expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(status);
      if (path) {
        const fields = (res.body.error.details?.fields ?? []) as { path: string }[];
        expect(
          fields.map((x) => x.path),
          label,
        ).toContain(path);
      }
    }
    // Nothing was written by any refused body.
    expect((await reload(pk.id)).version).toBe(pk.version);
    // Empty content is a valid (if incomplete) save; budgetTotal stays exact.
    const empty = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, {
      version: pk.version,
      objectives: [],
      budgets: [
        { programCode: '1.02.02', programName: 'Program', amount: '0.1' },
        { programCode: '1.02.02', programName: 'Program', amount: '0.2' },
        { programCode: '1.02.02', programName: 'Program', amount: '999999999999999999.99' },
      ],
    });
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body.budgetTotal).toBe('1000000000000000000.29');
    // Malformed transitions and patches.
    for (const [label, res] of [
      [
        'sign by hand',
        await operator.post(`/api/agreements/${pk.id}/transitions`, {
          version: empty.body.version,
          action: 'sign',
        }),
      ],
      [
        'huge comment',
        await operator.post(`/api/agreements/${pk.id}/transitions`, {
          version: empty.body.version,
          action: 'submit',
          comment: 'x'.repeat(5000),
        }),
      ],
      [
        'short override reason',
        await operator.patch(`/api/agreements/${pk.id}`, {
          version: empty.body.version,
          secondParty: { positionId: f.positions.kadinkes, reason: 'pendek' },
        }),
      ],
      [
        'override without position or employee',
        await operator.patch(`/api/agreements/${pk.id}`, {
          version: empty.body.version,
          secondParty: { reason: 'alasan yang cukup panjang' },
        }),
      ],
    ] as const) {
      expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(400);
    }
  });

  it('lets only one of two simultaneous submits through; the other gets a clear 409', async () => {
    const pk = await reload(kadinkes.id);
    const send = () =>
      operator.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
        version: pk.version,
        action: 'submit',
      });
    const replies = await Promise.all([send(), send()]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
    const refused = replies.find((r) => r.status === 409);
    expect(['VERSION_CONFLICT', 'CONFLICT']).toContain(refused?.body.error.code);
    const after = await reload(pk.id);
    expect(after.status).toBe('submitted');
    expect(after.transitions.filter((tr) => tr.toStatus === 'submitted')).toHaveLength(1);
    // A repeated submit with the fresh version: INVALID_TRANSITION, still 409.
    const again = await operator.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: after.version,
      action: 'submit',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    kadinkes = after;
  });

  it('pulls from the plan into a PK Perubahan without losing quarterly targets, taking the DPA-P', async () => {
    // Sign the Kepala Dinas PK with a quarterly plan (2026: TW I–III are past their deadline
    // once today is after mid-October 2026).
    let pk = await reload(kadinkes.id);
    if (pk.status === 'submitted') {
      const res = await perencana.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
        version: pk.version,
        action: 'return',
        comment: 'Tambahkan target triwulan.',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pk = res.body;
    }
    const objective = pk.objectives[0];
    const aki = objective?.indicators[0];
    if (!objective || !aki) throw new Error('pulled content missing');
    const saved = await operator.put<AgreementDetail>(`/api/agreements/${pk.id}/content`, {
      version: pk.version,
      objectives: [
        {
          id: objective.id,
          title: objective.title,
          sourceNodeId: objective.sourceNodeId,
          supportsObjectiveId: objective.supportsObjectiveId,
          indicators: [
            {
              id: aki.id,
              sourceIndicatorId: aki.sourceIndicatorId,
              name: aki.name,
              satuan: aki.satuan,
              polarity: aki.polarity,
              method: aki.method,
              aggregation: aki.aggregation,
              isIku: aki.isIku,
              targets: [
                {
                  year: 2026,
                  annual: number('85'),
                  quarters: [number('85'), number('85'), number('85'), number('85')],
                },
              ],
            },
          ],
        },
      ],
      budgets: pk.budgets.map(({ id: _id, ...b }) => b),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    pk = await move(operator, saved.body, 'submit');
    pk = await move(admin, pk, 'verify');
    pk = await move(admin, pk, 'mark_ready');
    await markSignedForTest(t.database, pk.id);
    pk = await reload(pk.id);

    const revised = await operator.post<{ id: string; agreement: AgreementDetail }>(
      `/api/agreements/${pk.id}/revisions`,
      {
        version: pk.version,
        reason: 'perubahan_strategi',
        note: 'APBD-Perubahan 2026 mengubah anggaran sub kegiatan',
      },
    );
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    // APBD-P: the sub kegiatan's DPA-Perubahan replaces its DPA.
    await t.database.withTenant(f.tenantId, (tx) =>
      tx.execute(sql`insert into budget_lines (tenant_id, node_id, year, kind, amount)
                     values (${f.tenantId}, ${f.nodes.sub1}, 2026, 'dpa_perubahan', 1750000.05)`),
    );
    const pulled = await operator.post<AgreementDetail>(
      `/api/agreements/${revised.body.id}/pull-from-plan`,
      { version: revised.body.agreement.version },
    );
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    const target = pulled.body.objectives[0]?.indicators[0]?.targets[0];
    expect(target?.quarters).toEqual([number('85'), number('85'), number('85'), number('85')]);
    expect(pulled.body.budgets.find((b) => b.subKegiatanCode === '1.02.02.2.01.0001')?.amount).toBe(
      '1750000.05',
    );
    expect(pulled.body.budgetTotal).toBe('4250000.25');
  });

  it('creates a PK Perubahan as the system actor (demo seed, CLI) without a user reference', async () => {
    const pk = await reload(kadinkes.id);
    const versions = await admin.get<{ items: { id: string; status: string }[] }>(
      `/api/agreements/${pk.id}/versions`,
    );
    const open = versions.body.items.find((v) => v.status === 'draft');
    if (open) {
      const draft = await reload(open.id);
      const del = await admin.delete(`/api/agreements/${open.id}`, { version: draft.version });
      expect(del.status, JSON.stringify(del.body)).toBe(204);
    }
    const signed = await reload(pk.id);
    expect(signed.status).toBe('signed');
    const id = await runInTenant(t.database, systemActor(f.tenantId), f.tenantId, null, (ctx) =>
      createRevision(ctx, signed.id, {
        version: signed.version,
        reason: 'perubahan_prioritas',
        note: 'Perubahan prioritas daerah tahun berjalan',
      }),
    );
    const revision = await reload(id);
    expect(revision.revisionNo).toBe(1);
    expect(revision.transitions[0]?.actor).toBeNull();
  });
});
