import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Holder {
  kind: string;
  employee: { id: string; fullName: string };
}
interface Position {
  id: string;
  version: number;
  holder: Holder | null;
  superior: { positionId: string; title: string; holder: Holder | null } | null;
  assignments: { id: string; kind: string; version: number; endDate: string | null }[];
}

describe.each(testDatabaseKinds())('positions, employees and assignments on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  type Key = 'dinas' | 'bidang' | 'seksi' | 'walikota' | 'kadis' | 'kabid' | 'kasi' | 'staf';
  const ids = {} as Record<Key | 'wk' | 'budi' | 'sari' | 'agus', string>;

  const employee = async (name: string, sex: 'L' | 'P' = 'L') => {
    const res = await admin.post<{ id: string }>('/api/employees', {
      nip: validNip(sex),
      name,
      frontTitle: null,
      backTitle: 'S.E.',
      gender: sex,
      employeeType: 'pns',
      grade: 'IV/a',
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const position = async (
    unitId: string | null,
    title: string,
    kindName: string,
    headsUnit: boolean,
  ) => {
    const res = await admin.post<Position>('/api/positions', {
      unitId,
      title,
      kind: kindName,
      headsUnit,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const assign = (
    positionId: string,
    employeeId: string,
    kindName: string,
    startDate: string,
    endDate: string | null = null,
  ) =>
    admin.post<{ id: string } & ErrorBody>('/api/assignments', {
      positionId,
      employeeId,
      kind: kindName,
      startDate,
      endDate,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const unit = async (parentId: string | null, name: string, type: string, level: string) =>
      (await admin.post<{ id: string }>('/api/units', { parentId, name, type, level })).body.id;
    ids.dinas = await unit(null, 'Dinas Pendidikan', 'dinas', 'eselon_2');
    ids.bidang = await unit(ids.dinas, 'Bidang SD', 'bidang', 'eselon_3');
    ids.seksi = await unit(ids.bidang, 'Seksi Kurikulum SD', 'seksi', 'eselon_4');
    ids.walikota = await position(null, 'Wali Kota', 'kepala_daerah', false);
    ids.kadis = await position(ids.dinas, 'Kepala Dinas Pendidikan', 'jpt_pratama', true);
    ids.kabid = await position(ids.bidang, 'Kepala Bidang SD', 'administrator', true);
    ids.kasi = await position(ids.seksi, 'Kepala Seksi Kurikulum SD', 'pengawas', true);
    ids.staf = await position(ids.seksi, 'Pengadministrasi Umum', 'pelaksana', false);
    ids.wk = await admin
      .post<{ id: string }>('/api/employees', {
        nip: null,
        name: 'Wali Kota Uji',
        gender: 'P',
        employeeType: 'pejabat_negara',
        grade: null,
      })
      .then((r) => r.body.id);
    ids.budi = await employee('Budi Santoso');
    ids.sari = await employee('Sari Wulandari', 'P');
    ids.agus = await employee('Agus Salim');
    expect((await assign(ids.walikota, ids.wk, 'definitif', '2025-02-20')).status).toBe(201);
    expect((await assign(ids.kadis, ids.budi, 'definitif', '2022-01-01')).status).toBe(201);
    expect((await assign(ids.kasi, ids.agus, 'definitif', '2023-01-01')).status).toBe(201);
  });
  afterAll(() => t.close());

  it('refuses an overlapping definitif holder with a message naming the current one', async () => {
    const res = await assign(ids.kadis, ids.sari, 'definitif', '2024-06-01');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ASSIGNMENT_OVERLAP');
    expect(res.body.error.message).toContain('Budi Santoso');
  });

  it('the database refuses an overlapping definitif holder too (exclusion constraint)', async () => {
    const tenantId = (await admin.get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant
      .id;
    const { sql } = await import('drizzle-orm');
    await expect(
      t.database.withTenant(tenantId, (tx) =>
        tx.execute(sql`insert into assignments (tenant_id, id, position_id, employee_id, kind, start_date)
          values (${tenantId}, gen_random_uuid(), ${ids.kadis}, ${ids.sari}, 'definitif', '2024-06-01')`),
      ),
    ).rejects.toMatchObject({ cause: { code: '23P01' } });
  });

  it('a Plt holds a vacant eselon III position and the superior chain resolves upward', async () => {
    expect((await assign(ids.kabid, ids.sari, 'plt', '2026-01-05')).status).toBe(201);
    const kabid = await admin.get<Position>(`/api/positions/${ids.kabid}?date=2026-03-01`);
    expect(kabid.body.holder).toMatchObject({ kind: 'plt', employee: { id: ids.sari } });
    expect(kabid.body.superior?.positionId).toBe(ids.kadis);
    expect(kabid.body.superior?.holder?.employee.id).toBe(ids.budi);
    const kasi = await admin.get<Position>(`/api/positions/${ids.kasi}?date=2026-03-01`);
    expect(kasi.body.superior).toMatchObject({ positionId: ids.kabid, holder: { kind: 'plt' } });
    const staf = await admin.get<Position>(`/api/positions/${ids.staf}?date=2026-03-01`);
    expect(staf.body.superior?.positionId).toBe(ids.kasi);
    const kadis = await admin.get<Position>(`/api/positions/${ids.kadis}?date=2026-03-01`);
    expect(kadis.body.superior?.positionId).toBe(ids.walikota);
    const wk = await admin.get<Position>(`/api/positions/${ids.walikota}`);
    expect(wk.body.superior).toBeNull();
  });

  it('before the Plt started, the position was vacant', async () => {
    const kabid = await admin.get<Position>(`/api/positions/${ids.kabid}?date=2025-12-31`);
    expect(kabid.body.holder).toBeNull();
  });

  it('ending a definitif assignment lets a successor start the next day', async () => {
    const pos = await position(ids.bidang, 'Analis Kebijakan', 'fungsional', false);
    const first = await assign(pos, ids.agus, 'definitif', '2020-01-01');
    const detail = await admin.get<Position>(`/api/positions/${pos}`);
    const a = detail.body.assignments.find((x) => x.id === first.body.id)!;
    const ended = await admin.patch(`/api/assignments/${a.id}`, {
      version: a.version,
      endDate: '2025-12-31',
    });
    expect(ended.status).toBe(200);
    expect((await assign(pos, ids.sari, 'definitif', '2026-01-01')).status).toBe(201);
    const onDate = await admin.get<Position>(`/api/positions/${pos}?date=2025-06-30`);
    expect(onDate.body.holder?.employee.id).toBe(ids.agus);
  });

  it('refuses Pj outside the Kepala Daerah and an end before the start', async () => {
    const pj = await assign(ids.kasi, ids.sari, 'pj', '2026-01-01');
    expect(pj.status).toBe(400);
    const backwards = await assign(ids.staf, ids.sari, 'plh', '2026-02-01', '2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['bad length', '1985031520100110', 'format'],
    ['impossible birth date', '198502302010011002', 'birth_date'],
    ['TMT before 18', '198503152001011002', 'tmt_before_18'],
    ['bad sex digit', '198503152010013002', 'sex'],
  ])('refuses a NIP with %s and names the part', async (_label, nip, problem) => {
    const res = await admin.post<ErrorBody>('/api/employees', {
      nip,
      name: 'Pegawai Salah',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/a',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_NIP');
    expect(res.body.error.details).toMatchObject({ field: 'nip', problem });
  });

  it('refuses a NIP whose sex digit contradicts the gender, and a duplicate NIP', async () => {
    const nip = validNip('L');
    const mismatch = await admin.post<ErrorBody>('/api/employees', {
      nip,
      name: 'Pegawai Baru',
      gender: 'P',
      employeeType: 'pns',
      grade: 'III/a',
    });
    expect(mismatch.body.error.code).toBe('INVALID_NIP');
    const ok = await admin.post('/api/employees', {
      nip,
      name: 'Pegawai Baru',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/a',
    });
    expect(ok.status).toBe(201);
    const dup = await admin.post<ErrorBody>('/api/employees', {
      nip,
      name: 'Pegawai Kembar',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/a',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE');
  });

  it('refuses a PNS grade for a PPPK employee', async () => {
    const res = await admin.post<ErrorBody>('/api/employees', {
      nip: validNip('P'),
      name: 'Pegawai PPPK',
      gender: 'P',
      employeeType: 'pppk',
      grade: 'III/a',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ field: 'grade' });
  });

  it('finds employees by name part and by NIP prefix', async () => {
    const byName = await admin.get<{ items: { id: string }[]; total: number }>(
      '/api/employees?q=wulan',
    );
    expect(byName.body.items.map((e) => e.id)).toContain(ids.sari);
    const detail = await admin.get<{ nip: string }>(`/api/employees/${ids.budi}`);
    const byNip = await admin.get<{ items: { id: string }[] }>(
      `/api/employees?q=${detail.body.nip.slice(0, 12)}`,
    );
    expect(byNip.body.items.map((e) => e.id)).toContain(ids.budi);
  });

  it('cannot archive a position or an employee that is still held', async () => {
    const pos = await admin.get<Position>(`/api/positions/${ids.kasi}`);
    const res = await admin.post<ErrorBody>(`/api/positions/${ids.kasi}/archive`, {
      version: pos.body.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('HAS_DEPENDENTS');
    const emp = await admin.get<{ version: number }>(`/api/employees/${ids.agus}`);
    const res2 = await admin.post<ErrorBody>(`/api/employees/${ids.agus}/archive`, {
      version: emp.body.version,
    });
    expect(res2.body.error.code).toBe('HAS_DEPENDENTS');
  });

  it('refuses a second head position in one unit', async () => {
    const res = await admin.post<ErrorBody>('/api/positions', {
      unitId: ids.seksi,
      title: 'Kepala Seksi Kedua',
      kind: 'pengawas',
      headsUnit: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE');
  });
});
