import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { planPeriods } from '../../src/modules/planning/schema.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  downloadFile,
  headerValues,
  makeWorkbook,
  readWorkbook,
  uploadFile,
} from '../helpers/uploads.js';

interface Preview {
  summary: Record<string, { create: number; update: number; unchanged: number }>;
  rows: { row: number; action: string; code: string | null }[];
  errors: { sheet: string; row: number; column: string; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { rows?: Preview['errors'] } };
}

const DPA_HEADER = ['Tahun', 'Kode Sub Kegiatan', 'Nama Sub Kegiatan', 'PD', 'Anggaran (Rp)'];
const RENSTRA_HEADER = ['Jenis', 'Kode', 'Uraian'];

describe.each(testDatabaseKinds())('DPA imports and Excel exports on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let tenantId: string;
  let unitId: string;
  let foreignUnitId: string;

  const budgets = () =>
    queryRows<{ code: string; year: number; kind: string; amount: string }>(
      t.database.unsafeOwnerDb,
      sql`select n.code, b.year, b.kind, b.amount::text as amount
            from budget_lines b join plan_nodes n on n.tenant_id = b.tenant_id and n.id = b.node_id
           where b.tenant_id = ${tenantId} order by n.code, b.year, b.kind`,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    unitId = (
      await admin.post<{ id: string }>('/api/units', {
        parentId: null,
        name: 'Dinas Kesehatan',
        type: 'dinas',
        level: 'eselon_2',
        code: 'DINKES',
      })
    ).body.id;
    const periodId = newId();
    await t.database.withTenant(tenantId, (tx) =>
      tx.insert(planPeriods).values({
        tenantId,
        id: periodId,
        name: 'RPJMD 2025–2029',
        startYear: 2025,
        endYear: 2029,
        status: 'active',
      }),
    );
    const renstra = await makeWorkbook('Renstra', RENSTRA_HEADER, [
      ['tujuan', null, 'Meningkatkan derajat kesehatan'],
      ['sasaran', null, 'Meningkatnya akses layanan kesehatan'],
      ['program', '1.02.02', 'Program Pemenuhan Upaya Kesehatan'],
      ['kegiatan', '1.02.02.2.01', 'Penyediaan Fasilitas Kesehatan'],
      ['sub_kegiatan', '1.02.02.2.01.0001', 'Pembangunan Puskesmas'],
      ['sub_kegiatan', '1.02.02.2.01.0002', 'Rehabilitasi Puskesmas'],
      ['sub_kegiatan', '1.02.02.2.01.0003', 'Pengadaan Alat Kesehatan'],
    ]);
    const applied = await uploadFile(
      admin,
      `/api/imports/renstra/apply?periodId=${periodId}&unitId=${unitId}`,
      renstra,
    );
    expect(applied.status).toBe(200);
    const foreign = await createTestTenant(t.database);
    const foreignAdmin = await signIn(t.app, foreign.adminUsername, TEST_PASSWORD);
    foreignUnitId = (
      await foreignAdmin.post<{ id: string }>('/api/units', {
        parentId: null,
        name: 'Dinas Lain',
        type: 'dinas',
        level: 'eselon_2',
      })
    ).body.id;
  });
  afterAll(() => t.close());

  it('offers a DPA template prefilled with the sub kegiatan codes', async () => {
    const file = await downloadFile(admin, `/api/imports/dpa/template?year=2026&unitId=${unitId}`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const book = await readWorkbook(file.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['DPA', 'Petunjuk', 'Contoh']);
    const sheet = book.getWorksheet('DPA')!;
    expect(headerValues(sheet)).toEqual(DPA_HEADER);
    const codes: string[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) codes.push(String(r.getCell(2).value));
    });
    expect(codes).toEqual(['1.02.02.2.01.0001', '1.02.02.2.01.0002', '1.02.02.2.01.0003']);
    // Outside any period: an empty (but valid) template.
    const empty = await downloadFile(admin, `/api/imports/dpa/template?year=2031`);
    expect(empty.status).toBe(200);
  });

  it('writes exact DPA amounts and skips rows without an amount', async () => {
    const file = await makeWorkbook('DPA', DPA_HEADER, [
      [2026, '1.02.02.2.01.0001', 'Pembangunan Puskesmas', null, '1.250.000.000,50'],
      [2026, '1.02.02.2.01.0002', null, 'DINKES', 1250000000.5],
      [2027, '1.02.02.2.01.0002', null, 'Dinas Kesehatan', 0.1 + 0.2],
      [2026, '1.02.02.2.01.0003', null, null, null],
    ]);
    const preview = await uploadFile<Preview>(admin, '/api/imports/dpa/preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.summary).toEqual({ dpa: { create: 3, update: 0, unchanged: 0 } });
    expect(preview.body.rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'skip']);
    expect(await budgets()).toEqual([]);
    const applied = await uploadFile(admin, '/api/imports/dpa/apply', file);
    expect(applied.status).toBe(200);
    expect(await budgets()).toEqual([
      { code: '1.02.02.2.01.0001', year: 2026, kind: 'dpa', amount: '1250000000.50' },
      { code: '1.02.02.2.01.0002', year: 2026, kind: 'dpa', amount: '1250000000.50' },
      { code: '1.02.02.2.01.0002', year: 2027, kind: 'dpa', amount: '0.30' },
    ]);
    const audit = await queryRows<{ data: { kind: string; sha256: string } }>(
      t.database.unsafeOwnerDb,
      sql`select data from audit_events where tenant_id = ${tenantId} and action = 'import.dpa'`,
    );
    expect(audit.map((a) => a.data.kind)).toEqual(['dpa']);
    expect(audit[0]?.data.sha256).toMatch(/^[0-9a-f]{64}$/);

    // DPA-Perubahan goes to its own kind; the DPA figures stay.
    const perubahan = await makeWorkbook('DPA', DPA_HEADER, [
      [2026, '1.02.02.2.01.0001', null, null, 1300000000],
    ]);
    const p = await uploadFile(
      admin,
      `/api/imports/dpa/apply?kind=dpa_perubahan&unitId=${unitId}`,
      perubahan,
    );
    expect(p.status).toBe(200);
    expect((await budgets()).filter((b) => b.kind === 'dpa_perubahan')).toEqual([
      { code: '1.02.02.2.01.0001', year: 2026, kind: 'dpa_perubahan', amount: '1300000000.00' },
    ]);
  });

  it('names unknown codes and years outside the period, and writes nothing', async () => {
    const before = await budgets();
    const file = await makeWorkbook('DPA', DPA_HEADER, [
      [2026, '1.02.02.2.01.0001', null, null, 5000],
      [2026, '9.99.99.9.99.9999', null, null, 1000],
      [2031, '1.02.02.2.01.0002', null, null, 1000],
      [2026, '1.02.02.2.01.0003', null, null, 'seribu'],
      [2026, '1.02.02.2.01.0003', null, null, '10,505'],
    ]);
    const preview = await uploadFile<Preview>(admin, '/api/imports/dpa/preview', file);
    expect(preview.body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Kode Sub Kegiatan'],
      [4, 'Tahun'],
      [5, 'Anggaran (Rp)'],
      [6, 'Anggaran (Rp)'],
      [6, 'Kode Sub Kegiatan'], // the same sub kegiatan and year as row 5
    ]);
    expect(preview.body.errors[0]?.message).toContain('9.99.99.9.99.9999');
    const applied = await uploadFile<ErrorBody>(admin, '/api/imports/dpa/apply', file);
    expect(applied.status).toBe(422);
    expect(applied.body.error.code).toBe('IMPORT_INVALID');
    expect(await budgets()).toEqual(before);
  });

  it('answers 404 for another tenant’s unit', async () => {
    const file = await makeWorkbook('DPA', DPA_HEADER, [
      [2026, '1.02.02.2.01.0001', null, null, 1],
    ]);
    expect(
      (await uploadFile(admin, `/api/imports/dpa/preview?unitId=${foreignUnitId}`, file)).status,
    ).toBe(404);
    expect(
      (await downloadFile(admin, `/api/imports/dpa/template?year=2026&unitId=${foreignUnitId}`))
        .status,
    ).toBe(404);
  });

  it('exports the PK list as a workbook', async () => {
    const file = await downloadFile(admin, '/api/exports/agreements.xlsx?year=2026');
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain('daftar-pk-2026.xlsx');
    const book = await readWorkbook(file.body);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('PK 2026');
    expect(headerValues(sheet)).toEqual(
      expect.arrayContaining(['Tingkat', 'Jabatan', 'Pihak Pertama', 'Pihak Kedua', 'Status']),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('exports the cascade as a workbook', async () => {
    const file = await downloadFile(admin, '/api/exports/cascade.xlsx?year=2026');
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain('kaskade-kinerja-2026.xlsx');
    const book = await readWorkbook(file.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Kaskade', 'Tidak Tertaut', 'Cakupan']);
    expect(headerValues(book.getWorksheet('Kaskade')!)).toEqual(
      expect.arrayContaining(['Sasaran', 'Indikator', 'Target 2026', 'Tautan ke Atas']),
    );
  });
});
