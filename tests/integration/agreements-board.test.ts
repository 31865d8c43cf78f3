import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface BoardRow {
  positionTitle: string;
  level: string;
  status: string;
  deadline: string | null;
  daysLeft: number | null;
  late: boolean;
  holderName: string | null;
  pd: { name: string } | null;
  agreement: { id: string } | null;
  permissions: { create: boolean };
}
interface Board {
  deadline: string | null;
  rows: BoardRow[];
  counts: Record<string, number>;
}
interface Year {
  id: string;
  year: number;
  dpaApprovedOn: string | null;
  deadline: string | null;
  version: number;
  status: string;
  counts: Record<string, number>;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testDatabaseKinds())('PK years and deadline board on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let admin: ApiClient;
  let operator: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The DPA was approved long ago: every PK not signed by a month later is late.
    f = await createAgreementFixture(t.database, { dpaApprovedOn: '2025-12-31' });
    admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('lists, opens and updates PK years (admin only)', async () => {
    const list = await admin.get<{ items: Year[]; permissions: { create: boolean } }>(
      '/api/agreement-years',
    );
    expect(list.status).toBe(200);
    expect(list.body.permissions.create).toBe(true);
    // 31 December + 1 month: clamped to the end of January.
    expect(list.body.items[0]).toMatchObject({
      year: 2026,
      dpaApprovedOn: '2025-12-31',
      deadline: '2026-01-31',
      status: 'open',
    });
    expect(list.body.items[0]?.counts.draft).toBe(0);

    const forbidden = await operator.post<ErrorBody>('/api/agreement-years', { year: 2027 });
    expect(forbidden.status).toBe(403);
    const created = await admin.post<Year>('/api/agreement-years', { year: 2027 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ year: 2027, dpaApprovedOn: null, deadline: null });
    const duplicate = await admin.post<ErrorBody>('/api/agreement-years', { year: 2027 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('DUPLICATE');
    const wrongDate = await admin.patch<ErrorBody>(`/api/agreement-years/${created.body.id}`, {
      version: created.body.version,
      dpaApprovedOn: '2020-01-01',
    });
    expect(wrongDate.status).toBe(400);
    const dated = await admin.patch<Year>(`/api/agreement-years/${created.body.id}`, {
      version: created.body.version,
      dpaApprovedOn: '2026-12-28',
    });
    expect(dated.status, JSON.stringify(dated.body)).toBe(200);
    expect(dated.body.deadline).toBe('2027-01-28');
    const stale = await admin.patch<ErrorBody>(`/api/agreement-years/${created.body.id}`, {
      version: created.body.version,
      status: 'closed',
    });
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const closed = await admin.patch<Year>(`/api/agreement-years/${created.body.id}`, {
      version: dated.body.version,
      status: 'closed',
    });
    expect(closed.body.status).toBe('closed');
    const inClosed = await operator.post<ErrorBody>('/api/agreements', {
      yearId: created.body.id,
      positionId: f.positions.kadinkes,
    });
    expect(inClosed.status).toBe(409);
  });

  it('shows every position that must sign, with status, days left and the late flag', async () => {
    const draft = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kadinkes,
      agreementDate: '2026-01-05',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.deadline).toBe('2026-01-31');
    expect(draft.body.late).toBe(true);
    expect(draft.body.daysLeft).toBeLessThan(0);

    const board = await admin.get<Board>('/api/agreements/board?year=2026');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect(board.body.deadline).toBe('2026-01-31');
    expect(board.body.rows.map((r) => [r.level, r.positionTitle, r.status])).toEqual([
      ['pemda', 'Wali Kota', 'not_created'],
      ['kepala_pd', 'Kepala Dinas Kesehatan', 'draft'],
      ['eselon_iii', 'Kepala Bidang Pelayanan Kesehatan', 'not_created'],
      ['eselon_iii', 'Sekretaris Dinas Kesehatan', 'not_created'],
      ['eselon_iv', 'Kepala Seksi Rujukan', 'not_created'],
      ['kepala_pd', 'Kepala Dinas Pendidikan', 'not_created'],
    ]);
    expect(board.body.rows.every((r) => r.late)).toBe(true);
    expect(board.body.rows[1]?.agreement?.id).toBe(draft.body.id);
    expect(board.body.rows[1]?.pd?.name).toBe('Dinas Kesehatan');
    expect(board.body.rows[3]?.holderName).toBeNull();
    expect(board.body.counts).toMatchObject({ not_created: 5, draft: 1, late: 6 });

    // "Buat PK" per row, decided by the policy: the admin may draft every PK not created yet
    // (the Pemda PK included); the Dinkes operator only those inside Dinas Kesehatan.
    const creatable = (b: Board) =>
      b.rows.filter((r) => r.permissions.create).map((r) => r.positionTitle);
    expect(creatable(board.body)).toEqual([
      'Wali Kota',
      'Kepala Bidang Pelayanan Kesehatan',
      'Sekretaris Dinas Kesehatan',
      'Kepala Seksi Rujukan',
      'Kepala Dinas Pendidikan',
    ]);
    const operatorBoard = await operator.get<Board>('/api/agreements/board?year=2026');
    expect(operatorBoard.status).toBe(200);
    expect(creatable(operatorBoard.body)).toEqual([
      'Kepala Bidang Pelayanan Kesehatan',
      'Sekretaris Dinas Kesehatan',
      'Kepala Seksi Rujukan',
    ]);
    expect(
      operatorBoard.body.rows
        .filter((r) => r.permissions.create)
        .every((r) => r.pd?.name === 'Dinas Kesehatan' && r.agreement === null),
    ).toBe(true);

    // A year not opened yet (no DPA date): nobody is late.
    const next = await admin.get<Board>('/api/agreements/board?year=2028');
    expect(next.body.rows.every((r) => !r.late && r.deadline === null)).toBe(true);
    // …and nothing can be drafted in it before the admin opens it.
    expect(next.body.rows.some((r) => r.permissions.create)).toBe(false);
    const years = await admin.get<{ items: Year[] }>('/api/agreement-years');
    expect(years.body.items.find((y) => y.year === 2026)?.counts.draft).toBe(1);
  });
  it('links a PK drafted before its higher PK when it is pulled again', async () => {
    const kasi = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kasi,
      agreementDate: '2026-01-05',
    });
    expect(kasi.status, JSON.stringify(kasi.body)).toBe(201);
    expect(kasi.body.parent).toBeNull();
    expect(kasi.body.objectives[0]?.supportsObjectiveId).toBeNull();
    const kabid = await operator.post<AgreementDetail>('/api/agreements', {
      yearId: f.yearId,
      positionId: f.positions.kabid,
      agreementDate: '2026-01-05',
    });
    expect(kabid.status).toBe(201);
    const pulled = await operator.post<AgreementDetail>(
      `/api/agreements/${kasi.body.id}/pull-from-plan`,
      { version: kasi.body.version },
    );
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    expect(pulled.body.parent?.id).toBe(kabid.body.id);
    expect(pulled.body.objectives[0]?.supportsObjectiveId).toBe(kabid.body.objectives[0]?.id);
    expect(pulled.body.objectives[0]?.id).toBe(kasi.body.objectives[0]?.id);
  });
});
