import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import {
  type AgreementFixture,
  assignActing,
  createAgreementFixture,
} from '../helpers/agreement-fixtures.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(testDatabaseKinds())('PK drafting and workflow on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let admin: ApiClient;
  let perencana: ApiClient;
  let operator: ApiClient;
  let otherOperator: ApiClient;
  let pemda: AgreementDetail;
  let kadinkesPk: AgreementDetail;

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    perencana = await signIn(t.app, f.users.perencana, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
    otherOperator = await signIn(t.app, f.users.operatorDisdik, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('refuses a PK date outside the PK year, naming the field', async () => {
    const res = await admin.post('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.walikota,
      agreementDate: '2031-01-05',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'agreementDate' }] } },
    });
  });

  it('drafts the Pemda PK from the RPJMD: the Kepala Daerah signs alone', async () => {
    const res = await admin.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.walikota,
      agreementDate: '2026-01-05',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    pemda = res.body;
    expect(pemda.level).toBe('pemda');
    expect(pemda.secondParty).toBeNull();
    expect(pemda.unit).toBeNull();
    expect(pemda.firstParty.employeeId).toBe(f.employees.walikota);
    expect(pemda.objectives).toHaveLength(1);
    expect(pemda.objectives[0]?.sourceNodeId).toBe(f.nodes.rpjmdSasaran);
    expect(pemda.objectives[0]?.indicators[0]?.targets).toEqual([
      { year: 2026, annual: { kind: 'number', value: '72.2' }, quarters: [null, null, null, null] },
    ]);
    expect(pemda.budgets).toEqual([]);
  });

  it('drafts the head of PD PK with the Kepala Daerah, pulled from the Renstra and the DPA', async () => {
    const res = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadinkes,
      agreementDate: '2026-01-05',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    kadinkesPk = res.body;
    expect(kadinkesPk.level).toBe('kepala_pd');
    expect(kadinkesPk.status).toBe('draft');
    expect(kadinkesPk.firstParty).toMatchObject({
      employeeId: f.employees.kadinkes,
      name: 'Siti Aminah',
      assignmentKind: 'definitif',
    });
    expect(kadinkesPk.secondParty).toMatchObject({
      positionId: f.positions.walikota,
      employeeId: f.employees.walikota,
    });
    expect(kadinkesPk.parent).toMatchObject({ id: pemda.id, level: 'pemda' });
    const [objective] = kadinkesPk.objectives;
    expect(objective?.sourceNodeId).toBe(f.nodes.renstraSasaran);
    // The cascade link: the Renstra sasaran supports the RPJMD sasaran of the Pemda PK.
    expect(objective?.supportsObjectiveId).toBe(pemda.objectives[0]?.id);
    expect(objective?.supports).toMatchObject({ agreementId: pemda.id });
    expect(objective?.indicators[0]).toMatchObject({
      sourceIndicatorId: f.indicators.renstra,
      polarity: 'negative',
      method: 'inverse_ratio',
      targets: [{ year: 2026, annual: { kind: 'number', value: '85' } }],
    });
    expect(kadinkesPk.budgets.map((b) => [b.subKegiatanCode, b.amount, b.programCode])).toEqual([
      ['1.02.02.2.01.0001', '1500000.10', '1.02.02'],
      ['1.02.02.2.01.0002', '2500000.20', '1.02.02'],
    ]);
    expect(kadinkesPk.budgetTotal).toBe('4000000.30');
    expect(kadinkesPk.candidateParentObjectives.map((o) => o.id)).toEqual(
      pemda.objectives.map((o) => o.id),
    );
    expect(kadinkesPk.permissions).toMatchObject({ update: true, submit: true, verify: false });
    expect(kadinkesPk.transitions).toHaveLength(1);
  });

  it('drafts eselon III and IV PKs with their programs/kegiatan and superiors', async () => {
    const kabid = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kabid,
      agreementDate: '2026-01-05',
    });
    expect(kabid.status, JSON.stringify(kabid.body)).toBe(201);
    expect(kabid.body.level).toBe('eselon_iii');
    expect(kabid.body.secondParty?.employeeId).toBe(f.employees.kadinkes);
    expect(kabid.body.parent?.id).toBe(kadinkesPk.id);
    expect(kabid.body.objectives.map((o) => o.sourceNodeId)).toEqual([f.nodes.program]);
    expect(kabid.body.objectives[0]?.supportsObjectiveId).toBe(kadinkesPk.objectives[0]?.id);
    expect(kabid.body.budgetTotal).toBe('4000000.30');

    const kasi = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kasi,
      agreementDate: '2026-01-05',
    });
    expect(kasi.status, JSON.stringify(kasi.body)).toBe(201);
    expect(kasi.body.level).toBe('eselon_iv');
    expect(kasi.body.secondParty?.employeeId).toBe(f.employees.kabid);
    expect(kasi.body.objectives.map((o) => o.sourceNodeId)).toEqual([f.nodes.kegiatan]);
    expect(kasi.body.objectives[0]?.supportsObjectiveId).toBe(kabid.body.objectives[0]?.id);
    expect(kasi.body.objectives[0]?.indicators[0]?.aggregation).toBe('cumulative');
  });

  it('refuses a duplicate PK for the same position and year', async () => {
    const res = await operator.post<ErrorBody>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadinkes,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE');
    expect(res.body.error.message).toContain('Kepala Dinas Kesehatan');
  });

  it('refuses a position without a holder on the PK date with NO_HOLDER', async () => {
    const res = await operator.post<ErrorBody>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.sekretaris,
      agreementDate: '2026-01-05',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NO_HOLDER');
    expect(res.body.error.message).toBe(
      'Jabatan Sekretaris Dinas Kesehatan belum memiliki pemegang pada tanggal 05-01-2026; isi penugasan di menu Organisasi terlebih dahulu.',
    );
  });

  it('refuses an operator of another PD (403) and hides another tenant (404)', async () => {
    const res = await otherOperator.post<ErrorBody>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kabid,
    });
    expect(res.status).toBe(403);
    const edit = await otherOperator.put<ErrorBody>(`/api/agreements/${kadinkesPk.id}/content`, {
      version: kadinkesPk.version,
      objectives: [],
      budgets: [],
    });
    expect(edit.status).toBe(403);
    const other = await createAgreementFixture(t.database);
    const stranger = await signIn(t.app, other.users.admin, TEST_PASSWORD);
    expect((await stranger.get(`/api/agreements/${kadinkesPk.id}`)).status).toBe(404);
    const viaBody = await stranger.post<ErrorBody>('/api/agreements', {
      yearId: f.yearId,
      positionId: other.positions.kadinkes,
    });
    expect(viaBody.status).toBe(404);
  });

  it('resolves a Plt of the superior position, and an override with its reason', async () => {
    // A Plt Wali Kota from 1 January: the head of Dinas Pendidikan signs with the Plt.
    await assignActing(
      t.database,
      f.tenantId,
      f.positions.walikota,
      f.employees.spare,
      '2026-01-01',
    );
    const res = await admin.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadisdik,
      agreementDate: '2026-01-10',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.secondParty).toMatchObject({
      positionId: f.positions.walikota,
      employeeId: f.employees.spare,
      assignmentKind: 'plt',
      name: 'Dewi Lestari',
    });
    expect(res.body.secondPartyOverrideReason).toBeNull();

    const tooShort = await admin.patch<ErrorBody>(`/api/agreements/${res.body.id}`, {
      version: res.body.version,
      secondParty: { employeeId: f.employees.walikota, reason: 'pendek' },
    });
    expect(tooShort.status).toBe(400);
    const overridden = await admin.patch<AgreementDetail>(`/api/agreements/${res.body.id}`, {
      version: res.body.version,
      secondParty: {
        employeeId: f.employees.walikota,
        reason: 'Wali Kota definitif kembali bertugas pada hari penandatanganan.',
      },
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(200);
    expect(overridden.body.secondParty).toMatchObject({
      employeeId: f.employees.walikota,
      assignmentKind: 'definitif',
    });
    expect(overridden.body.secondPartyOverrideReason).toContain('definitif kembali');
    const back = await admin.patch<AgreementDetail>(`/api/agreements/${res.body.id}`, {
      version: overridden.body.version,
      secondParty: null,
    });
    expect(back.body.secondParty?.employeeId).toBe(f.employees.spare);
    expect(back.body.secondPartyOverrideReason).toBeNull();

    // A Plt Kepala Dinas Kesehatan from March: moving the eselon III PK's date there makes the
    // Plt its pihak kedua.
    await assignActing(
      t.database,
      f.tenantId,
      f.positions.kadinkes,
      f.employees.spare,
      '2026-03-01',
    );
    const list = await operator.get<{ items: AgreementDetail[] }>(
      '/api/agreements?year=2026&level=eselon_iii',
    );
    const kabid = list.body.items[0];
    if (!kabid) throw new Error('no eselon III PK');
    expect(kabid.secondParty?.employeeId).toBe(f.employees.kadinkes);
    const moved = await operator.patch<AgreementDetail>(`/api/agreements/${kabid.id}`, {
      version: kabid.version,
      agreementDate: '2026-03-02',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.firstParty.employeeId).toBe(f.employees.kabid);
    expect(moved.body.secondParty).toMatchObject({
      positionId: f.positions.kadinkes,
      employeeId: f.employees.spare,
      assignmentKind: 'plt',
    });
  });

  it('runs draft → submitted → returned → submitted → verified → ready_to_sign with history', async () => {
    let pk = kadinkesPk;
    const move = async (client: ApiClient, action: string, comment?: string) => {
      const res = await client.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
        version: pk.version,
        action,
        ...(comment ? { comment } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pk = res.body;
      return res.body;
    };
    expect((await move(operator, 'submit')).status).toBe('submitted');
    // Reviewers only: the operator may not verify.
    const forbidden = await operator.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'verify',
    });
    expect(forbidden.status).toBe(403);
    // A return needs a comment.
    const noComment = await perencana.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'return',
    });
    expect(noComment.status).toBe(400);
    expect((await move(perencana, 'return', 'Target AKI terlalu rendah, sesuaikan.')).status).toBe(
      'returned',
    );
    expect((await move(operator, 'submit')).status).toBe('submitted');
    expect((await move(admin, 'verify')).status).toBe('verified');
    const ready = await move(admin, 'mark_ready');
    expect(ready.status).toBe('ready_to_sign');
    expect(ready.transitions.map((tr) => [tr.fromStatus, tr.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'returned'],
      ['returned', 'submitted'],
      ['submitted', 'verified'],
      ['verified', 'ready_to_sign'],
    ]);
    expect(ready.transitions[2]?.comment).toBe('Target AKI terlalu rendah, sesuaikan.');
    expect(ready.transitions[2]?.actor?.displayName).toContain(f.users.perencana);
    expect(ready.permissions).toMatchObject({ update: false, return: true, markReady: false });
    kadinkesPk = ready;

    // Not editable any more, through the API and straight in the database.
    const edit = await operator.put<ErrorBody>(`/api/agreements/${pk.id}/content`, {
      version: pk.version,
      objectives: [],
      budgets: [],
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('NOT_EDITABLE');
    await expect(
      t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(sql`update agreement_objectives set title = 'Diubah diam-diam'
                        where agreement_id = ${pk.id}`),
      ),
    ).rejects.toThrow();
    await expect(
      t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(sql`update agreements set status = 'signed' where id = ${pk.id}`),
      ),
    ).rejects.toThrow();
    // Signing is issue 4's: not reachable through the transitions endpoint.
    const sign = await admin.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'sign',
    });
    expect(sign.status).toBe(400);
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    const list = await operator.get<{ items: AgreementDetail[] }>(
      `/api/agreements?year=2026&level=eselon_iii`,
    );
    const kabid = list.body.items[0];
    if (!kabid) throw new Error('no eselon III PK');
    const first = await operator.patch<AgreementDetail>(`/api/agreements/${kabid.id}`, {
      version: kabid.version,
      agreementDate: '2026-01-06',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const stale = await operator.patch<ErrorBody>(`/api/agreements/${kabid.id}`, {
      version: kabid.version,
      agreementDate: '2026-01-07',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('lists the PKs of a year with filters and deadline fields', async () => {
    const all = await admin.get<{ items: AgreementDetail[]; permissions: Record<string, boolean> }>(
      '/api/agreements?year=2026',
    );
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.level)).toEqual([
      'pemda',
      'kepala_pd',
      'kepala_pd',
      'eselon_iii',
      'eselon_iv',
    ]);
    expect(all.body.permissions).toEqual({ create: true, review: true });
    const first = all.body.items[0];
    expect(first?.deadline).toBe('2026-01-20');
    const byUnit = await admin.get<{ items: AgreementDetail[] }>(
      `/api/agreements?year=2026&unitId=${f.units.dinkes}`,
    );
    expect(byUnit.body.items.map((i) => i.id)).toEqual([kadinkesPk.id]);
    const byStatus = await admin.get<{ items: AgreementDetail[] }>(
      '/api/agreements?year=2026&status=ready_to_sign',
    );
    expect(byStatus.body.items.map((i) => i.id)).toEqual([kadinkesPk.id]);
    const search = await admin.get<{ items: AgreementDetail[] }>(
      '/api/agreements?year=2026&q=rujukan',
    );
    expect(search.body.items.map((i) => i.level)).toEqual(['eselon_iv']);
    expect((await admin.get('/api/agreements')).status).toBe(400);
  });

  it('deletes a draft only, and records every step in the audit log', async () => {
    const list = await operator.get<{ items: AgreementDetail[] }>(
      '/api/agreements?year=2026&level=eselon_iv',
    );
    const kasi = list.body.items[0];
    if (!kasi) throw new Error('no eselon IV PK');
    const removed = await operator.delete(`/api/agreements/${kasi.id}`, { version: kasi.version });
    expect(removed.status).toBe(204);
    const refused = await operator.delete<ErrorBody>(`/api/agreements/${kadinkesPk.id}`, {
      version: kadinkesPk.version,
    });
    expect(refused.status).toBe(409);
    const rows = await t.database.withTenant(f.tenantId, (tx) =>
      tx.execute(sql`select action from audit_events where entity_id = ${kadinkesPk.id}
                      order by seq`),
    );
    const actions = (rows as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions).toEqual([
      'agreement.create',
      'agreement.submit',
      'agreement.return',
      'agreement.submit',
      'agreement.verify',
      'agreement.ready',
    ]);
  });
});
