import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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
  makeWorkbook,
  readWorkbook,
  uploadFile,
  XLSX_MIME,
} from '../helpers/uploads.js';

/**
 * Security and correctness review of the Excel module: upload limits over real HTTP, zip bombs
 * and huge sheets, every kind of cell, all-or-nothing when the database refuses mid-write,
 * formula injection in exports, and the cascade of a year without a PK year.
 */

interface Preview {
  summary: Record<string, { create: number; update: number; unchanged: number }>;
  rows: { row: number; action: string; code: string | null }[];
  errors: { sheet: string; row: number; column: string; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { rows?: Preview['errors'] } };
}

const DPA_HEADER = ['Tahun', 'Kode Sub Kegiatan', 'Nama Sub Kegiatan', 'PD', 'Anggaran (Rp)'];
const INJECTED = '=HYPERLINK("http://jahat.example","klik")';

/**
 * Starts an upload that announces (or streams) far more than the limit, writes `sendUpTo` bytes
 * and then waits: the server must answer before the body is complete. (Once it has answered
 * it closes the connection, so a client still writing would get a reset instead.)
 */
function rawUpload(
  port: number,
  path: string,
  headers: Record<string, string>,
  sendUpTo: number,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer after ${sent} bytes`));
    }, 20_000);
    req.on('response', (res) => {
      answered = true;
      clearTimeout(timer);
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(error);
      }
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      if (answered || req.destroyed || sent >= sendUpTo) return;
      sent += chunk.length;
      req.write(chunk);
      setTimeout(pump, 1);
    };
    pump();
  });
}

describe.each(testDatabaseKinds())('Excel import/export review on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let tenantId: string;
  let unitId: string;
  let periodId: string;

  const count = async (table: string, where = sql`true`) =>
    Number(
      (
        await queryRows<{ n: string }>(
          t.database.unsafeOwnerDb,
          sql`select count(*)::text as n from ${sql.identifier(table)} where tenant_id = ${tenantId} and ${where}`,
        )
      )[0]?.n,
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
    periodId = newId();
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
    const rpjmd = await makeWorkbook(
      'RPJMD',
      ['Jenis', 'Kode', 'Uraian'],
      [
        ['misi', null, 'Mewujudkan masyarakat sehat'],
        ['tujuan', null, 'Meningkatkan derajat kesehatan'],
        ['sasaran', null, INJECTED],
        ['sasaran', null, '@SUM(1+1)*cmd|"/c calc"!A0'],
      ],
    );
    const rpjmdApplied = await uploadFile(
      admin,
      `/api/imports/rpjmd/apply?periodId=${periodId}`,
      rpjmd,
    );
    expect(rpjmdApplied.status).toBe(200);
    const renstra = await makeWorkbook(
      'Renstra',
      ['Jenis', 'Kode', 'Uraian'],
      [
        ['tujuan', null, 'Meningkatkan derajat kesehatan'],
        ['sasaran', null, 'Meningkatnya akses layanan kesehatan'],
        ['program', '1.02.02', 'Program Pemenuhan Upaya Kesehatan'],
        ['kegiatan', '1.02.02.2.01', 'Penyediaan Fasilitas Kesehatan'],
        ['sub_kegiatan', '1.02.02.2.01.0001', 'Pembangunan Puskesmas'],
        ['sub_kegiatan', '1.02.02.2.01.0002', 'Rehabilitasi Puskesmas'],
      ],
    );
    const applied = await uploadFile(
      admin,
      `/api/imports/renstra/apply?periodId=${periodId}&unitId=${unitId}`,
      renstra,
    );
    expect(applied.status).toBe(200);
  });
  afterAll(() => t.close());

  it('answers 413 to a 50 MB upload quickly, without reading it all', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const session = await admin.get<{ csrfToken: string }>('/api/auth/session');
    const headers = {
      cookie: admin.sessionCookie ?? '',
      'x-csrf-token': session.body.csrfToken,
      'content-type': XLSX_MIME,
    };
    const fifty = 50 * 1024 * 1024;
    const declared = await rawUpload(
      port,
      '/api/imports/dpa/preview',
      { ...headers, 'content-length': String(fifty) },
      64 * 1024,
    );
    expect(declared).toEqual({ status: 413, sent: 64 * 1024 });
    // Chunked (no Content-Length): cut off just past 10 MB, never buffered to the end.
    const chunked = await rawUpload(
      port,
      '/api/imports/dpa/preview',
      { ...headers, 'transfer-encoding': 'chunked' },
      10 * 1024 * 1024 + 128 * 1024,
    );
    expect(chunked.status).toBe(413);
    // Another site's page cannot upload, whatever the body.
    const crossSite = await rawUpload(
      port,
      '/api/imports/dpa/apply',
      { ...headers, origin: 'https://jahat.example', 'content-length': String(fifty) },
      64 * 1024,
    );
    expect(crossSite.status).toBe(403);
  }, 60_000);

  it('refuses a zip bomb and an oversized sheet with a calm message', async () => {
    const base = await makeWorkbook('DPA', DPA_HEADER, []);
    const zip = await JSZip.loadAsync(base);
    // 150 MB of one repeated byte: ~150 KB compressed.
    zip.file('xl/media/image1.png', Buffer.alloc(150 << 20, 0x41));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1 << 20);
    const refused = await uploadFile<ErrorBody>(admin, '/api/imports/dpa/preview', bomb);
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toContain('terlalu besar');

    const rows = Array.from({ length: 20_001 }, () => [2026, '1.02.02.2.01.0001', null, null, 1]);
    const huge = await makeWorkbook('DPA', DPA_HEADER, rows);
    const tooMany = await uploadFile<ErrorBody>(admin, '/api/imports/dpa/preview', huge);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('baris');
    expect(await count('budget_lines')).toBe(0);
  }, 60_000);

  it('reads formulas, rich text, hyperlinks and dates in uploaded cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('DPA');
    sheet.addRow(DPA_HEADER);
    sheet.addRow([
      { formula: '2025+1', result: 2026 },
      { richText: [{ text: '1.02.02.2.01' }, { text: '.0001' }] },
      null,
      { text: { richText: [{ text: 'DIN' }, { text: 'KES' }] }, hyperlink: 'http://contoh' },
      { formula: '1000000+0.5', result: 1000000.5 },
    ] as ExcelJS.CellValue[]);
    sheet.addRow([new Date('2026-01-01T00:00:00Z'), '1.02.02.2.01.0002', null, null, 5]);
    sheet.addRow([2026, '1.02.02.2.01.0002', null, null, { formula: 'A1' }] as ExcelJS.CellValue[]);
    sheet.addRow([2027, `1.02.02.2.01.0002${'9'.repeat(40_000)}`, null, null, 5]);
    const file = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await uploadFile<Preview>(admin, '/api/imports/dpa/preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'skip'],
      [5, 'error'],
    ]);
    const byRow = new Map(preview.body.errors.map((e) => [e.row, e]));
    expect(byRow.get(3)?.column).toBe('Tahun');
    expect(byRow.get(5)?.message.length).toBeLessThan(300);
    expect(JSON.stringify(preview.body).length).toBeLessThan(20_000);
  });

  it('rolls everything back and answers a clear error when the database refuses mid-write', async () => {
    // A database rule the analysis does not know: the last statement of the import breaks it.
    await t.database.unsafeOwnerDb.execute(
      sql`alter table budget_lines add constraint zz_review_amount check (amount <> 424242)`,
    );
    try {
      const file = await makeWorkbook(
        'Renstra',
        ['Jenis', 'Kode', 'Uraian', 'Pagu 2026'],
        [
          ['tujuan', null, 'Tujuan baru dari impor yang gagal', null],
          ['sasaran', null, 'Sasaran baru dari impor yang gagal', null],
          ['program', '1.02.03', 'Program baru dari impor yang gagal', 424242],
        ],
      );
      const auditsBefore = await count('audit_events');
      const refused = await uploadFile<ErrorBody>(
        admin,
        `/api/imports/renstra/apply?periodId=${periodId}&unitId=${unitId}`,
        file,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(await count('plan_nodes', sql`title like '%impor yang gagal'`)).toBe(0);
      expect(await count('audit_events')).toBe(auditsBefore);
    } finally {
      await t.database.unsafeOwnerDb.execute(
        sql`alter table budget_lines drop constraint zz_review_amount`,
      );
    }
  });

  it('audits an import with its row count and SHA-256 in the same transaction', async () => {
    const file = await makeWorkbook('DPA', DPA_HEADER, [
      [2026, '1.02.02.2.01.0001', null, 'DINKES', '1.000.000,50'],
    ]);
    const applied = await uploadFile(admin, '/api/imports/dpa/apply', file);
    expect(applied.status).toBe(200);
    const [event] = await queryRows<{ data: { sha256: string; rows: number } }>(
      t.database.unsafeOwnerDb,
      sql`select data from audit_events where tenant_id = ${tenantId} and action = 'import.dpa'`,
    );
    expect(event?.data).toMatchObject({
      sha256: createHash('sha256').update(file).digest('hex'),
      rows: 1,
    });
  });

  it('exports user text as text, never as a formula, with a safe file name', async () => {
    const cascade = await admin.get<{ yearId: string | null; roots: { title: string }[] }>(
      '/api/cascade?year=2026',
    );
    // A year inside the period with no PK year opened: an empty tree, not a 500.
    expect(cascade.status).toBe(200);
    expect(cascade.body.yearId).toBeNull();
    expect(cascade.body.roots.map((r) => r.title)).toContain(INJECTED);

    for (const url of [
      '/api/exports/cascade.xlsx?year=2026',
      '/api/exports/agreements.xlsx?year=2026',
    ]) {
      const file = await downloadFile(admin, url);
      expect(file.status).toBe(200);
      expect(String(file.headers['content-disposition'])).toMatch(
        /^attachment; filename="[\w.-]+"; filename\*=UTF-8''[\w.%-]+$/,
      );
      const zip = await JSZip.loadAsync(file.body);
      for (const name of Object.keys(zip.files).filter((n) =>
        /^xl\/worksheets\/[^/]+\.xml$/.test(n),
      )) {
        expect(await zip.file(name)?.async('string')).not.toMatch(/<f[\s>]|<hyperlink/);
      }
    }
    const file = await downloadFile(admin, '/api/exports/cascade.xlsx?year=2026');
    const book = await readWorkbook(file.body);
    const titles: unknown[] = [];
    book.getWorksheet('Kaskade')?.eachRow((row) => {
      titles.push(row.getCell(3).value);
    });
    expect(titles).toContain(INJECTED);
    // And the templates carry the same text back as plain strings.
    const template = await downloadFile(admin, `/api/imports/rpjmd/template?periodId=${periodId}`);
    const zip = await JSZip.loadAsync(template.body);
    for (const name of Object.keys(zip.files).filter((n) =>
      /^xl\/worksheets\/[^/]+\.xml$/.test(n),
    )) {
      expect(await zip.file(name)?.async('string')).not.toMatch(/<f[\s>]/);
    }
  });
});
