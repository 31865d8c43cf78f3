import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { planPeriods } from '../../src/modules/planning/schema.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  downloadFile,
  headerValues,
  makeWorkbook,
  readWorkbook,
  uploadFile,
} from '../helpers/uploads.js';

interface Counts {
  create: number;
  update: number;
  unchanged: number;
}
interface Preview {
  sha256: string;
  summary: Record<string, Counts>;
  totalRows: number;
  rows: { row: number; kind: string; action: string }[];
  errors: { sheet: string; row: number; column: string; message: string }[];
  errorCount: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { rows?: Preview['errors'] } };
}

const YEARS = [2025, 2026, 2027, 2028, 2029];
const RPJMD_HEADER = [
  'Jenis',
  'Kode',
  'Uraian',
  'Satuan',
  'Polaritas',
  'Metode',
  'Skala',
  'Agregasi',
  'IKU',
  'Tahun Baseline',
  'Baseline',
  ...YEARS.map((y) => `Target ${y}`),
  'Target Akhir',
];
const RENSTRA_HEADER = [
  ...RPJMD_HEADER.slice(0, 3),
  'Mendukung (RPJMD)',
  ...RPJMD_HEADER.slice(3),
  ...YEARS.map((y) => `Pagu ${y}`),
];

type Cell = string | number | boolean | null;
interface RowSpec {
  kind: string;
  code?: Cell;
  title: string;
  supports?: Cell;
  satuan?: Cell;
  polarity?: Cell;
  method?: Cell;
  scale?: Cell;
  aggregation?: Cell;
  iku?: Cell;
  baselineYear?: Cell;
  baseline?: Cell;
  targets?: Cell[];
  end?: Cell;
  pagu?: Cell[];
}
function row(header: string[], spec: RowSpec): Cell[] {
  const out: Cell[] = header.map(() => null);
  const set = (name: string, value: Cell | undefined) => {
    const i = header.indexOf(name);
    if (i >= 0 && value !== undefined) out[i] = value;
  };
  set('Jenis', spec.kind);
  set('Kode', spec.code);
  set('Uraian', spec.title);
  set('Mendukung (RPJMD)', spec.supports);
  set('Satuan', spec.satuan);
  set('Polaritas', spec.polarity);
  set('Metode', spec.method);
  set('Skala', spec.scale);
  set('Agregasi', spec.aggregation);
  set('IKU', spec.iku);
  set('Tahun Baseline', spec.baselineYear);
  set('Baseline', spec.baseline);
  spec.targets?.forEach((v, i) => {
    set(`Target ${YEARS[i]}`, v);
  });
  set('Target Akhir', spec.end);
  spec.pagu?.forEach((v, i) => {
    set(`Pagu ${YEARS[i]}`, v);
  });
  return out;
}

const rpjmdRows = (): Cell[][] =>
  [
    { kind: 'misi', code: 'M1', title: 'Mewujudkan masyarakat sehat' },
    { kind: 'tujuan', code: 'T1', title: 'Meningkatkan kualitas kesehatan' },
    {
      kind: 'indikator',
      title: 'Usia Harapan Hidup',
      satuan: 'tahun',
      polarity: 'positif',
      method: 'rasio',
      aggregation: 'terakhir',
      iku: 'Ya',
      baselineYear: 2024,
      baseline: '72,1',
      targets: [72.2, 72.4, 72.6, 72.8, 73],
      end: 73,
    },
    { kind: 'sasaran', code: 'S1', title: 'Meningkatnya derajat kesehatan masyarakat' },
    {
      kind: 'indikator',
      title: 'Angka kematian ibu',
      satuan: 'per 100.000 KH',
      polarity: 'negatif',
      method: 'selisih_terbalik',
      targets: [95, 92, 90, 88, 85],
      end: 85,
    },
    {
      kind: 'indikator',
      title: 'Opini BPK atas LKPD',
      satuan: 'predikat',
      method: 'skala',
      scale: 'opini_bpk',
      targets: ['wtp', 'WTP', 'WTP', 'WTP', 'WTP'],
      end: 'WTP',
    },
  ].map((s) => row(RPJMD_HEADER, s));

/** A Renstra: 1 tujuan, 1 sasaran, 1 program, 2 kegiatan, 3 sub kegiatan, with indicators. */
const renstraRows = (): Cell[][] =>
  [
    { kind: 'tujuan', code: 'T1', title: 'Meningkatkan derajat kesehatan', supports: 'T1' },
    {
      kind: 'sasaran',
      title: 'Meningkatnya akses layanan kesehatan',
      supports: 'Meningkatnya derajat kesehatan masyarakat',
    },
    {
      kind: 'indikator',
      title: 'Persentase puskesmas terakreditasi',
      satuan: '%',
      method: 'rasio',
      aggregation: 'terakhir',
      iku: 'Ya',
      targets: [50, '60', '70,5', 0.1 + 0.2, '80 s.d. 90'],
      end: 90,
    },
    {
      kind: 'program',
      code: '1.02.02',
      title: 'Program Pemenuhan Upaya Kesehatan',
      pagu: [1250000000.5, '1.300.000.000', null, null, null],
    },
    { kind: 'kegiatan', code: '1.02.02.2.01', title: 'Penyediaan Fasilitas Kesehatan' },
    {
      kind: 'indikator',
      title: 'Jumlah fasilitas direhabilitasi',
      satuan: 'unit',
      aggregation: 'kumulatif',
      targets: [3, 3, 4, 4, 4],
    },
    { kind: 'sub_kegiatan', code: '1.02.02.2.01.0001', title: 'Pembangunan Puskesmas' },
    { kind: 'sub_kegiatan', code: '1.02.02.2.01.0002', title: 'Rehabilitasi Puskesmas' },
    { kind: 'kegiatan', code: '1.02.02.2.02', title: 'Penyediaan Layanan Kesehatan' },
    { kind: 'sub_kegiatan', code: '1.02.02.2.02.0001', title: 'Pengelolaan Pelayanan Kesehatan' },
  ].map((s) => row(RENSTRA_HEADER, s));

describe.each(testDatabaseKinds())('RPJMD and Renstra imports on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let tenantId: string;
  let periodId: string;
  let unitId: string;
  let otherUnitId: string;
  let foreignUnitId: string;
  let foreignPeriodId: string;

  const count = async (table: string) => {
    const [r] = await queryRows<{ n: string | number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*) as n from ${sql.raw(table)} where tenant_id = ${tenantId}`,
    );
    return Number(r?.n ?? 0);
  };
  const counts = async () => ({
    nodes: await count('plan_nodes'),
    indicators: await count('indicators'),
    targets: await count('indicator_targets'),
    budgets: await count('budget_lines'),
  });
  const renstraUrl = (step: 'preview' | 'apply', unit = unitId, period = periodId) =>
    `/api/imports/renstra/${step}?periodId=${period}&unitId=${unit}`;

  async function createPeriod(tid: string, startYear: number): Promise<string> {
    const id = newId();
    await t.database.withTenant(tid, (tx) =>
      tx.insert(planPeriods).values({
        tenantId: tid,
        id,
        name: `RPJMD ${startYear}–${startYear + 4}`,
        startYear,
        endYear: startYear + 4,
        status: 'active',
      }),
    );
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const unit = await admin.post<{ id: string }>('/api/units', {
      parentId: null,
      name: 'Dinas Kesehatan',
      type: 'dinas',
      level: 'eselon_2',
      code: 'DINKES',
    });
    unitId = unit.body.id;
    otherUnitId = (
      await admin.post<{ id: string }>('/api/units', {
        parentId: null,
        name: 'Dinas Pendidikan',
        type: 'dinas',
        level: 'eselon_2',
      })
    ).body.id;
    periodId = await createPeriod(tenantId, 2025);
    // Every new tenant starts with the opini_bpk scale (WTP, WDP, TW, TMP): see default-scales.ts.
    const scales = await queryRows<{ key: string }>(
      t.database.unsafeOwnerDb,
      sql`select key from rating_scales where tenant_id = ${tenantId}`,
    );
    expect(scales.map((s) => s.key)).toContain('opini_bpk');
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
    foreignPeriodId = await createPeriod(foreign.tenantId, 2025);
  });
  afterAll(() => t.close());

  it('offers templates with the expected sheets and headers', async () => {
    const rpjmd = await downloadFile(admin, `/api/imports/rpjmd/template?periodId=${periodId}`);
    expect(rpjmd.status).toBe(200);
    expect(String(rpjmd.headers['content-disposition'])).toContain('templat-rpjmd-2025-2029.xlsx');
    const book = await readWorkbook(rpjmd.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['RPJMD', 'Petunjuk', 'Contoh']);
    expect(headerValues(book.getWorksheet('RPJMD')!)).toEqual(RPJMD_HEADER);
    expect(book.getWorksheet('RPJMD')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const renstra = await downloadFile(
      admin,
      `/api/imports/renstra/template?periodId=${periodId}&unitId=${unitId}`,
    );
    expect(renstra.status).toBe(200);
    const rbook = await readWorkbook(renstra.body);
    expect(headerValues(rbook.getWorksheet('Renstra')!)).toEqual(RENSTRA_HEADER);
    const help = rbook.getWorksheet('Petunjuk')!;
    const helpText: string[] = [];
    help.eachRow((r) => {
      helpText.push(String(r.getCell(1).value ?? ''));
    });
    expect(helpText).toEqual(expect.arrayContaining(['Jenis', 'Metode', 'Pagu 2025']));

    const dpa = await downloadFile(admin, `/api/imports/dpa/template?year=2026`);
    expect(dpa.status).toBe(200);
    const dbook = await readWorkbook(dpa.body);
    expect(headerValues(dbook.getWorksheet('DPA')!)).toEqual([
      'Tahun',
      'Kode Sub Kegiatan',
      'Nama Sub Kegiatan',
      'PD',
      'Anggaran (Rp)',
    ]);
  });

  it('imports the RPJMD with targets, scale codes and Indonesian numbers', async () => {
    const file = await makeWorkbook('RPJMD', RPJMD_HEADER, rpjmdRows());
    const preview = await uploadFile<Preview>(
      admin,
      `/api/imports/rpjmd/preview?periodId=${periodId}`,
      file,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.summary).toMatchObject({
      misi: { create: 1 },
      tujuan: { create: 1 },
      sasaran: { create: 1 },
      indikator: { create: 3 },
      target: { create: 15 },
    });
    expect(await count('plan_nodes')).toBe(0);
    const applied = await uploadFile(admin, `/api/imports/rpjmd/apply?periodId=${periodId}`, file);
    expect(applied.status).toBe(200);
    const rows = await queryRows<{
      name: string;
      method: string;
      polarity: string;
      baseline_value: string;
    }>(
      t.database.unsafeOwnerDb,
      sql`select name, method, polarity, baseline_value from indicators where tenant_id = ${tenantId} order by name`,
    );
    expect(rows.map((r) => [r.name, r.method, r.polarity])).toEqual([
      ['Angka kematian ibu', 'inverse_difference', 'negative'],
      ['Opini BPK atas LKPD', 'scale', 'positive'],
      ['Usia Harapan Hidup', 'ratio', 'positive'],
    ]);
    expect(Number(rows[2]?.baseline_value)).toBe(72.1);
    const codes = await queryRows<{ target_code: string }>(
      t.database.unsafeOwnerDb,
      sql`select distinct target_code from indicator_targets where tenant_id = ${tenantId} and target_code is not null`,
    );
    expect(codes.map((c) => c.target_code)).toEqual(['WTP']);

    // The prefilled template reads back as exactly what is stored.
    const template = await downloadFile(admin, `/api/imports/rpjmd/template?periodId=${periodId}`);
    const roundTrip = await uploadFile<Preview>(
      admin,
      `/api/imports/rpjmd/preview?periodId=${periodId}`,
      template.body,
    );
    expect(roundTrip.body.errors).toEqual([]);
    for (const c of Object.values(roundTrip.body.summary)) expect(c.create + c.update).toBe(0);
  });

  it('imports a Renstra, then the same file again changes nothing', async () => {
    const file = await makeWorkbook('Renstra', RENSTRA_HEADER, renstraRows());
    const before = await counts();
    const preview = await uploadFile<Preview>(admin, renstraUrl('preview'), file);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.summary).toMatchObject({
      tujuan: { create: 1 },
      sasaran: { create: 1 },
      program: { create: 1 },
      kegiatan: { create: 2 },
      sub_kegiatan: { create: 3 },
      indikator: { create: 2 },
      target: { create: 10 },
      pagu: { create: 2 },
    });
    expect(await counts()).toEqual(before);

    const applied = await uploadFile<{ summary: Record<string, Counts>; sha256: string }>(
      admin,
      renstraUrl('apply'),
      file,
    );
    expect(applied.status).toBe(200);
    const after = await counts();
    expect(after.nodes - before.nodes).toBe(8);
    expect(after.indicators - before.indicators).toBe(2);
    // Exact values: 0.1 + 0.2 computed by Excel arrives as 0.30000000000000004.
    const targets = await queryRows<{
      year: number;
      v: string | null;
      lo: string | null;
      hi: string | null;
    }>(
      t.database.unsafeOwnerDb,
      sql`select t.year, t.target_value::text as v, t.target_low::text as lo, t.target_high::text as hi
            from indicator_targets t join indicators i on i.id = t.indicator_id
           where i.name = 'Persentase puskesmas terakreditasi' order by t.year`,
    );
    expect(targets.map((r) => r.v ?? `${r.lo}..${r.hi}`)).toEqual([
      '50',
      '60',
      '70.5',
      '0.3',
      '80..90',
    ]);
    const pagu = await queryRows<{ year: number; amount: string }>(
      t.database.unsafeOwnerDb,
      sql`select year, amount::text as amount from budget_lines where tenant_id = ${tenantId} order by year`,
    );
    expect(pagu).toEqual([
      { year: 2025, amount: '1250000000.50' },
      { year: 2026, amount: '1300000000.00' },
    ]);
    const supports = await queryRows<{ n: string | number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*) as n from plan_nodes where tenant_id = ${tenantId} and unit_id is not null and supports_node_id is not null`,
    );
    expect(Number(supports[0]?.n)).toBe(2);
    const audit = await queryRows<{ data: { sha256: string } }>(
      t.database.unsafeOwnerDb,
      sql`select data from audit_events where tenant_id = ${tenantId} and action = 'import.renstra'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data.sha256).toBe(applied.body.sha256);

    const again = await uploadFile<Preview>(admin, renstraUrl('preview'), file);
    for (const [k, c] of Object.entries(again.body.summary)) {
      expect({ k, create: c.create, update: c.update }).toEqual({ k, create: 0, update: 0 });
    }
    const reapplied = await uploadFile(admin, renstraUrl('apply'), file);
    expect(reapplied.status).toBe(200);
    expect(await counts()).toEqual(after);

    // The template is prefilled with the saved Renstra: uploading it unchanged changes nothing.
    const template = await downloadFile(
      admin,
      `/api/imports/renstra/template?periodId=${periodId}&unitId=${unitId}`,
    );
    const roundTrip = await uploadFile<Preview>(admin, renstraUrl('preview'), template.body);
    expect(roundTrip.body.errors).toEqual([]);
    expect(roundTrip.body.totalRows).toBe(10);
    for (const c of Object.values(roundTrip.body.summary)) {
      expect(c.create + c.update).toBe(0);
    }
  });

  it('lists row errors in the preview and writes nothing on apply', async () => {
    const rows = [
      ...renstraRows().slice(0, 2),
      row(RENSTRA_HEADER, { kind: 'indikator', title: 'Cakupan imunisasi', targets: ['tinggi'] }),
      row(RENSTRA_HEADER, { kind: 'indikator', title: 'Waktu tunggu', targets: ['30 s.d. 20'] }),
      row(RENSTRA_HEADER, { kind: 'indikator', title: 'Rasio dokter', targets: ['1.234'] }),
      row(RENSTRA_HEADER, { kind: 'indikator', title: 'Indikator metode', method: 'acak' }),
      row(RENSTRA_HEADER, { kind: 'program', code: '1.02.03', title: 'Program baru' }),
      row(RENSTRA_HEADER, {
        kind: 'kegiatan',
        code: '1.02.02.2.09',
        title: 'Kegiatan salah induk',
      }),
      row(RENSTRA_HEADER, { kind: 'kegiatan', code: '1.02.03.2.01', title: 'Kegiatan A' }),
      row(RENSTRA_HEADER, { kind: 'kegiatan', code: '1.02.03.2.01', title: 'Kegiatan B' }),
    ];
    const file = await makeWorkbook('Renstra', RENSTRA_HEADER, rows);
    const before = await counts();
    const preview = await uploadFile<Preview>(admin, renstraUrl('preview'), file);
    expect(preview.status).toBe(200);
    const errors = preview.body.errors.map((e) => [e.row, e.column, e.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [4, 'Target 2025', expect.stringContaining('padahal harus angka')],
        [5, 'Target 2025', expect.stringContaining('Rentang terbalik')],
        [6, 'Target 2025', expect.stringContaining('meragukan')],
        [7, 'Metode', expect.stringContaining('tidak dikenal')],
        [9, 'Kode', expect.stringContaining('tidak diawali kode program')],
        [11, 'Kode', expect.stringContaining('sudah dipakai di baris 10')],
      ]),
    );
    expect(preview.body.errorCount).toBe(6);
    const applied = await uploadFile<ErrorBody>(admin, renstraUrl('apply'), file);
    expect(applied.status).toBe(422);
    expect(applied.body.error.code).toBe('IMPORT_INVALID');
    expect(applied.body.error.details?.rows).toHaveLength(6);
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when one row of many is invalid', async () => {
    const rows: Cell[][] = [
      row(RENSTRA_HEADER, { kind: 'tujuan', title: 'Tujuan besar' }),
      row(RENSTRA_HEADER, { kind: 'sasaran', title: 'Sasaran besar' }),
      row(RENSTRA_HEADER, { kind: 'program', code: '2.07.02', title: 'Program pendidikan' }),
      row(RENSTRA_HEADER, { kind: 'kegiatan', code: '2.07.02.2.01', title: 'Kegiatan pendidikan' }),
    ];
    for (let i = 1; i <= 150; i += 1) {
      rows.push(
        row(RENSTRA_HEADER, {
          kind: 'sub_kegiatan',
          code: `2.07.02.2.01.${String(i).padStart(4, '0')}`,
          title: `Sub kegiatan ${i}`,
          pagu: [i * 1000],
        }),
      );
    }
    rows.push(
      row(RENSTRA_HEADER, { kind: 'indikator', title: 'Satu yang salah', targets: [null, 'abc'] }),
    );
    const file = await makeWorkbook('Renstra', RENSTRA_HEADER, rows);
    const before = await counts();
    const applied = await uploadFile<ErrorBody>(admin, renstraUrl('apply', otherUnitId), file);
    expect(applied.status).toBe(422);
    expect(applied.body.error.details?.rows).toEqual([
      expect.objectContaining({ row: 156, column: 'Target 2026', sheet: 'Renstra' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses headers with years outside the period', async () => {
    const header = RENSTRA_HEADER.map((h) => (h === 'Target 2029' ? 'Target 2031' : h));
    const file = await makeWorkbook('Renstra', header, []);
    const preview = await uploadFile<Preview>(admin, renstraUrl('preview'), file);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Target 2031',
        message: expect.stringContaining('di luar periode'),
      }),
    ]);
  });

  it('answers 404 for another tenant’s unit or period', async () => {
    const file = await makeWorkbook('Renstra', RENSTRA_HEADER, renstraRows());
    expect((await uploadFile(admin, renstraUrl('preview', foreignUnitId), file)).status).toBe(404);
    expect(
      (await uploadFile(admin, renstraUrl('apply', unitId, foreignPeriodId), file)).status,
    ).toBe(404);
    const template = await downloadFile(
      admin,
      `/api/imports/renstra/template?periodId=${periodId}&unitId=${foreignUnitId}`,
    );
    expect(template.status).toBe(404);
    expect(
      (await downloadFile(admin, `/api/imports/rpjmd/template?periodId=${foreignPeriodId}`)).status,
    ).toBe(404);
  });

  it('refuses other content, non-workbooks, missing CSRF and users without rights', async () => {
    const json = await admin.post<ErrorBody>(renstraUrl('preview'), { rows: [] });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const csv = await uploadFile<ErrorBody>(admin, renstraUrl('preview'), 'a,b\n1,2', {
      contentType: 'text/csv',
    });
    expect(csv.status).toBe(415);
    expect(csv.body.error.message).toContain('.xlsx');

    const notZip = await uploadFile<ErrorBody>(admin, renstraUrl('preview'), Buffer.from('halo'));
    expect(notZip.status).toBe(400);
    expect(notZip.body.error.message).toContain('buku kerja Excel');
    const zip = new JSZip();
    zip.file('catatan.txt', 'bukan workbook');
    const zipBuffer = await zip.generateAsync({ type: 'nodebuffer' });
    const wrongZip = await uploadFile<ErrorBody>(admin, renstraUrl('preview'), zipBuffer);
    expect(wrongZip.status).toBe(400);
    expect(wrongZip.body.error.message).toContain('buku kerja Excel');

    const file = await makeWorkbook('Renstra', RENSTRA_HEADER, renstraRows());
    const noCsrf = await uploadFile<ErrorBody>(admin, renstraUrl('apply'), file, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_FAILED');

    const viewer = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    const viewerClient = await signIn(t.app, viewer, TEST_PASSWORD);
    expect((await uploadFile(viewerClient, renstraUrl('preview'), file)).status).toBe(403);
    const operator = await createTestUser(t.database, tenantId, [
      { role: 'operator_unit', unitId: otherUnitId },
    ]);
    const operatorClient = await signIn(t.app, operator, TEST_PASSWORD);
    expect((await uploadFile(operatorClient, renstraUrl('preview'), file)).status).toBe(403);
    expect(
      (await uploadFile(operatorClient, `/api/imports/rpjmd/preview?periodId=${periodId}`, file))
        .status,
    ).toBe(403);
    const options = await operatorClient.get<{
      units: { id: string }[];
      permissions: Record<string, boolean>;
    }>('/api/imports/options');
    expect(options.body.units.map((u) => u.id)).toEqual([otherUnitId]);
    expect(options.body.permissions).toEqual({ rpjmd: false, renstra: true, dpa: true });
  });
});
