import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/modules/monitoring/evidence/evidence-schemas.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import type { ApiClient } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createMonitoringFixture,
  dates,
  fillDinkesQuarter,
  type MonitoringFixture,
  openReport,
  resetClock,
  setToday,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { downloadFile, makeWorkbook, uploadFile } from '../helpers/uploads.js';

// ---- real files ------------------------------------------------------------------------------

/** A minimal but complete PDF (one empty page) with a correct cross-reference table. */
function makePdf(text = 'Bukti dukung'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>`,
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A zip of stored (uncompressed) entries: enough for a real .docx. */
function makeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function makeDocx(): Buffer {
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Notulen rapat evaluasi</w:t></w:r></w:p></w:body></w:document>',
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testDatabaseKinds())('evidence files on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let other: MonitoringFixture;
  let report: ReportDetail;
  let otherReport: ReportDetail;
  let operator: ApiClient;
  let xlsx: Buffer;

  const upload = (
    client: ApiClient,
    reportId: string,
    bytes: Buffer,
    fileName: string,
    opts: { indicatorId?: string | null; contentType?: string } = {},
  ) => {
    const indicator =
      opts.indicatorId === null
        ? ''
        : `&indicatorId=${opts.indicatorId ?? m.indicators.dinkes.accredited}`;
    return uploadFile<Evidence & ErrorBody>(
      client,
      `/api/monitoring/reports/${reportId}/evidence?fileName=${encodeURIComponent(fileName)}${indicator}`,
      bytes,
      { contentType: opts.contentType ?? 'application/octet-stream' },
    );
  };

  const evidenceDir = (tenantId: string) => join(t.services.config.DATA_DIR, 'evidence', tenantId);
  const storedFiles = (tenantId: string): string[] =>
    existsSync(evidenceDir(tenantId)) ? readdirSync(evidenceDir(tenantId)) : [];
  const rowCount = async (tenantId: string): Promise<number> => {
    const result = (await t.database.withSystem((tx) =>
      tx.execute(sql`select count(*)::int as n from evidence_files where tenant_id = ${tenantId}`),
    )) as unknown as { rows: { n: number }[] };
    return Number(result.rows[0]?.n);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    other = await createMonitoringFixture(t);
    operator = m.clients.operatorDinkes;
    setToday(dates.tw1Open);
    report = await openReport(operator, m.pks.dinkes.id, m.year, 1);
    otherReport = await openReport(
      other.clients.operatorDinkes,
      other.pks.dinkes.id,
      other.year,
      1,
    );
    xlsx = await makeWorkbook('Data', ['Puskesmas', 'Status'], [['Puskesmas Kota', 'Paripurna']]);
    resetClock();
  });
  afterEach(() => resetClock());
  afterAll(() => t.close());

  it('accepts a real PDF, PNG, xlsx and docx, typed by their content', async () => {
    setToday(dates.tw1Open);
    const cases: [Buffer, string, string, string][] = [
      [makePdf(), 'Sertifikat akreditasi.pdf', 'application/pdf', 'Sertifikat akreditasi.pdf'],
      [png, 'foto-kegiatan.PNG', 'image/png', 'foto-kegiatan.PNG'],
      [
        xlsx,
        'rekap.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'rekap.xlsx',
      ],
      [
        makeDocx(),
        'notulen',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'notulen.docx',
      ],
    ];
    for (const [bytes, name, type, storedName] of cases) {
      const res = await upload(operator, report.id, bytes, name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        reportId: report.id,
        indicatorId: m.indicators.dinkes.accredited,
        fileName: storedName,
        contentType: type,
        sizeBytes: bytes.length,
        sha256: sha(bytes),
      });
      expect(res.body.uploadedByName).toBeTruthy();
      const file = join(evidenceDir(m.tenantId), sha(bytes));
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    const list = await operator.get<{ items: Evidence[] }>(
      `/api/monitoring/reports/${report.id}/evidence`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((e) => e.fileName)).toEqual(cases.map((c) => c[3]));
    // The report detail (helper B) lists them too.
    const detail = await operator.get<ReportDetail>(`/api/monitoring/reports/${report.id}`);
    expect(detail.body.evidence.length).toBe(4);
  });

  it('downloads the exact bytes as an attachment with its type and nosniff', async () => {
    setToday(dates.tw1Open);
    const pdf = makePdf('Unduh saya');
    const created = await upload(operator, report.id, pdf, 'Laporan "TW I" ñ.pdf', {
      indicatorId: null,
    });
    expect(created.status).toBe(201);
    expect(created.body.indicatorId).toBeNull();
    // Any reader of monitoring may download (the Wali Kota here).
    const res = await downloadFile(
      m.clients.walikota,
      `/api/monitoring/evidence/${created.body.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="Laporan _TW I_ _\.pdf"; filename\*=UTF-8''/,
    );
  });

  it('makes a double upload idempotent: same bytes, report and indicator → the same row', async () => {
    setToday(dates.tw1Open);
    const pdf = makePdf('Dua kali');
    const first = await upload(operator, report.id, pdf, 'a.pdf');
    expect(first.status).toBe(201);
    const again = await upload(operator, report.id, pdf, 'b.pdf');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.fileName).toBe('a.pdf');
    // For another indicator it is another piece of evidence.
    const elsewhere = await upload(operator, report.id, pdf, 'a.pdf', {
      indicatorId: m.indicators.dinkes.referrals,
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it('refuses a text file named .pdf (415) and writes nothing', async () => {
    setToday(dates.tw1Open);
    const rows = await rowCount(m.tenantId);
    const files = storedFiles(m.tenantId);
    const text = Buffer.from('Ini bukan PDF, hanya teks biasa.\n');
    const res = await upload(operator, report.id, text, 'x.pdf', {
      contentType: 'application/pdf',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('EVIDENCE_TYPE');
    expect(res.body.error.message).toContain('bukan PDF yang sah');
    const plain = await upload(operator, report.id, text, 'catatan.txt');
    expect(plain.status).toBe(415);
    expect(plain.body.error.message).toContain('bukan PDF/gambar/Excel/Word yang sah');
    // A PNG claiming to be a PDF is refused too, with a message naming both.
    const mislabelled = await upload(operator, report.id, png, 'scan.pdf');
    expect(mislabelled.status).toBe(415);
    expect(mislabelled.body.error.message).toContain('gambar PNG');
    // A zip that is neither a workbook nor a document.
    const zip = makeZip({ '[Content_Types].xml': '<Types/>', 'data.txt': 'x' });
    expect((await upload(operator, report.id, zip, 'arsip.zip')).status).toBe(415);
    expect(await rowCount(m.tenantId)).toBe(rows);
    expect(storedFiles(m.tenantId)).toEqual(files);
  });

  it('refuses a file over the tenant limit (413) while reading, writing nothing', async () => {
    setToday(dates.tw1Open);
    await t.database.withSystem((tx) =>
      tx.execute(
        sql`update tenants set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{monitoring}',
              coalesce(settings->'monitoring', '{}'::jsonb) || '{"evidenceMaxMb": 1}'::jsonb)
            where id = ${m.tenantId}`,
      ),
    );
    try {
      const rows = await rowCount(m.tenantId);
      const files = storedFiles(m.tenantId);
      const big = Buffer.concat([makePdf(), Buffer.alloc(1024 * 1024, 0x20), Buffer.from('%%EOF')]);
      const res = await upload(operator, report.id, big, 'besar.pdf');
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.body.error.message).toContain('1 MB');
      expect(await rowCount(m.tenantId)).toBe(rows);
      expect(storedFiles(m.tenantId)).toEqual(files);
      // Just under the limit passes.
      const fits = Buffer.concat([
        makePdf(),
        Buffer.alloc(1000 * 1000, 0x20),
        Buffer.from('%%EOF'),
      ]);
      expect((await upload(operator, report.id, fits, 'pas.pdf')).status).toBe(201);
    } finally {
      await t.database.withSystem((tx) =>
        tx.execute(
          sql`update tenants set settings = settings #- '{monitoring,evidenceMaxMb}' where id = ${m.tenantId}`,
        ),
      );
    }
  });

  it("answers 404 for another tenant's report, evidence and indicator", async () => {
    setToday(dates.tw1Open);
    const theirs = await upload(
      other.clients.operatorDinkes,
      otherReport.id,
      makePdf('lain'),
      'x.pdf',
      {
        indicatorId: other.indicators.dinkes.accredited,
      },
    );
    expect(theirs.status).toBe(201);
    expect(
      (await upload(operator, otherReport.id, makePdf(), 'x.pdf', { indicatorId: null })).status,
    ).toBe(404);
    expect((await operator.get(`/api/monitoring/reports/${otherReport.id}/evidence`)).status).toBe(
      404,
    );
    expect(
      (await downloadFile(operator, `/api/monitoring/evidence/${theirs.body.id}`)).status,
    ).toBe(404);
    expect((await operator.delete(`/api/monitoring/evidence/${theirs.body.id}`)).status).toBe(404);
    // An indicator of another tenant, or of another PK, on our report.
    const foreign = await upload(operator, report.id, makePdf('asing'), 'x.pdf', {
      indicatorId: other.indicators.dinkes.accredited,
    });
    expect(foreign.status).toBe(404);
    const otherPk = await upload(operator, report.id, makePdf('pk lain'), 'x.pdf', {
      indicatorId: m.indicators.disdik.schools,
    });
    expect(otherPk.status).toBe(404);
  });

  it('refuses the operator of another unit (403) and readers without write rights', async () => {
    setToday(dates.tw1Open);
    const res = await upload(m.clients.operatorDisdik, report.id, makePdf('disdik'), 'x.pdf');
    expect(res.status).toBe(403);
    expect((await upload(m.clients.viewer, report.id, makePdf('v'), 'x.pdf')).status).toBe(403);
    const mine = await upload(operator, report.id, makePdf('milik dinkes'), 'x.pdf');
    expect(
      (await m.clients.operatorDisdik.delete(`/api/monitoring/evidence/${mine.body.id}`)).status,
    ).toBe(403);
    // Reading is for every reader of monitoring.
    expect(
      (await downloadFile(m.clients.operatorDisdik, `/api/monitoring/evidence/${mine.body.id}`))
        .status,
    ).toBe(200);
  });

  it('deletes softly: gone from the list and downloads, the row and bytes kept', async () => {
    setToday(dates.tw1Open);
    const pdf = makePdf('hapus');
    const created = await upload(operator, report.id, pdf, 'hapus.pdf');
    const res = await operator.delete(`/api/monitoring/evidence/${created.body.id}`);
    expect(res.status).toBe(204);
    const list = await operator.get<{ items: Evidence[] }>(
      `/api/monitoring/reports/${report.id}/evidence`,
    );
    expect(list.body.items.some((e) => e.id === created.body.id)).toBe(false);
    expect(
      (await downloadFile(operator, `/api/monitoring/evidence/${created.body.id}`)).status,
    ).toBe(404);
    expect((await operator.delete(`/api/monitoring/evidence/${created.body.id}`)).status).toBe(404);
    const kept = (await t.database.withSystem((tx) =>
      tx.execute(
        sql`select deleted_at is not null as deleted, deleted_by is not null as by from evidence_files where id = ${created.body.id}`,
      ),
    )) as unknown as { rows: { deleted: boolean; by: boolean }[] };
    expect(kept.rows[0]).toEqual({ deleted: true, by: true });
    expect(existsSync(join(evidenceDir(m.tenantId), sha(pdf)))).toBe(true);
    // Uploading the same file again after a delete makes a new row.
    expect((await upload(operator, report.id, pdf, 'hapus.pdf')).status).toBe(201);
  });

  it('records audit events for upload and delete', async () => {
    setToday(dates.tw1Open);
    const created = await upload(operator, report.id, makePdf('audit'), 'audit.pdf');
    await operator.delete(`/api/monitoring/evidence/${created.body.id}`);
    const result = (await t.database.withSystem((tx) =>
      tx.execute(
        sql`select action from audit_events where tenant_id = ${m.tenantId} and entity_id = ${created.body.id} order by id`,
      ),
    )) as unknown as { rows: { action: string }[] };
    expect(result.rows.map((r) => r.action)).toEqual(['evidence.upload', 'evidence.delete']);
  });

  it('refuses uploads and deletes once the quarter is locked', async () => {
    setToday(dates.tw1Open);
    const created = await upload(operator, report.id, makePdf('kunci'), 'kunci.pdf');
    setToday(dates.tw1Locked);
    const res = await upload(operator, report.id, makePdf('terlambat'), 'x.pdf');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('QUARTER_LOCKED');
    const del = await operator.delete<ErrorBody>(`/api/monitoring/evidence/${created.body.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('QUARTER_LOCKED');
    // Still readable.
    expect(
      (await downloadFile(operator, `/api/monitoring/evidence/${created.body.id}`)).status,
    ).toBe(200);
  });

  it('refuses uploads and deletes on a submitted report, and the database refuses too', async () => {
    setToday(dates.tw2Open);
    const draft = await openReport(operator, m.pks.dinkes.id, m.year, 2);
    const created = await upload(operator, draft.id, makePdf('tw2'), 'tw2.pdf');
    expect(created.status).toBe(201);
    const submitted = await fillDinkesQuarter(m, 2, 'submitted');
    expect(submitted.status).toBe('submitted');
    const res = await upload(operator, draft.id, makePdf('sesudah'), 'x.pdf');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_EDITABLE');
    const del = await operator.delete<ErrorBody>(`/api/monitoring/evidence/${created.body.id}`);
    expect(del.status).toBe(409);
    // AM032: the guard refuses a row on a report that is not editable, whatever the code says.
    await expect(
      t.database.withTenant(m.tenantId, (tx) =>
        tx.execute(
          sql`insert into evidence_files (tenant_id, report_id, file_name, content_type, size_bytes, sha256, storage_key)
              values (${m.tenantId}, ${draft.id}, 'x.pdf', 'application/pdf', 1, ${'a'.repeat(64)}, 'evidence/x')`,
        ),
      ),
    ).rejects.toThrow();
  });

  it('names a file without a name by its type; refuses a bad indicator id or an empty file', async () => {
    setToday(dates.tw1Open);
    const noName = await uploadFile<Evidence>(
      operator,
      `/api/monitoring/reports/${report.id}/evidence`,
      makePdf('tanpa nama'),
      { contentType: 'application/pdf' },
    );
    expect(noName.status).toBe(201);
    expect(noName.body.fileName).toBe('bukti.pdf');
    expect(noName.body.indicatorId).toBeNull();
    const badId = await uploadFile<ErrorBody>(
      operator,
      `/api/monitoring/reports/${report.id}/evidence?fileName=a.pdf&indicatorId=abc`,
      makePdf(),
      { contentType: 'application/pdf' },
    );
    expect(badId.status).toBe(400);
    const empty = await upload(operator, report.id, Buffer.alloc(0), 'kosong.pdf');
    expect(empty.status).toBe(400);
  });
});
