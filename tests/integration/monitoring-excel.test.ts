import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterImportResponse } from '../../src/modules/monitoring/excel/excel-routes.js';
import type { ReportDetail } from '../../src/modules/monitoring/monitoring-schemas.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import type { ApiClient } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createMonitoringFixture,
  dates,
  fillDinkesQuarter,
  type MonitoringFixture,
  openReport,
  resetClock,
  saveValues,
  setToday,
  signedAgreement,
} from '../helpers/monitoring-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { downloadFile, readWorkbook, uploadFile } from '../helpers/uploads.js';

interface ImportError {
  error: {
    code: string;
    message: string;
    details: {
      rows: { sheet: string; row: number; column: string; message: string }[];
      errorCount: number;
    };
  };
}

type Edit = Partial<Record<'value' | 'analysis' | 'obstacles' | 'followUp', string | number>>;

const url = (kind: 'template' | 'import', unitId: string, quarter: number, year = 2026) =>
  `/api/monitoring/${kind}?unitId=${unitId}&year=${year}&quarter=${quarter}`;

function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const cols = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    cols.set(String(cell.value), col);
  });
  return cols;
}

/** The template filled as a person would: cells found by header and by the hidden id column. */
async function fillTemplate(
  template: Buffer,
  quarter: number,
  edits: Record<string, Edit>,
  budgets: Record<string, string | number> = {},
  extraRows: (string | number)[][] = [],
): Promise<Buffer> {
  const workbook = await readWorkbook(template);
  const tw = ['I', 'II', 'III', 'IV'][quarter - 1];
  const r = workbook.getWorksheet('Realisasi') as ExcelJS.Worksheet;
  const rc = columnsOf(r);
  const headerOf = {
    value: `Realisasi TW ${tw}`,
    analysis: 'Analisis',
    obstacles: 'Kendala',
    followUp: 'Tindak Lanjut',
  } as const;
  r.eachRow((row, n) => {
    if (n === 1) return;
    const edit = edits[String(row.getCell(rc.get('ID Indikator') as number).value)];
    if (!edit) return;
    for (const [field, value] of Object.entries(edit)) {
      row.getCell(rc.get(headerOf[field as keyof Edit]) as number).value = value;
    }
  });
  for (const extra of extraRows) {
    const row = r.addRow([]);
    row.getCell(rc.get('ID Indikator') as number).value = extra[0] as string;
    row.getCell(rc.get(headerOf.value) as number).value = extra[1] as string | number;
  }
  const b = workbook.getWorksheet('Anggaran') as ExcelJS.Worksheet;
  const bc = columnsOf(b);
  b.eachRow((row, n) => {
    if (n === 1) return;
    const amount = budgets[String(row.getCell(bc.get('ID Anggaran') as number).value)];
    if (amount !== undefined)
      row.getCell(bc.get(`Realisasi TW ${tw} (Rp)`) as number).value = amount;
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe.each(testDatabaseKinds())('quarterly Excel template and import on %s', (kind) => {
  let t: TestApp;
  let m: MonitoringFixture;
  let other: AgreementFixture;
  let yankes: { indicator: string; budget: string; agreementId: string };
  let operator: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    m = await createMonitoringFixture(t);
    other = await createAgreementFixture(t.database);
    operator = m.clients.operatorDinkes;
    // An eselon III PK in the Dinkes subtree (Bidang Yankes): the template covers it too.
    const pk = await signedAgreement(t, m, m.clients.admin, m.positions.kabid, {
      objectives: [
        {
          title: 'Meningkatnya mutu pelayanan rujukan',
          indicators: [
            {
              key: 'onTime',
              name: 'Persentase rujukan tepat waktu',
              satuan: '%',
              method: 'ratio',
              aggregation: 'last',
              annual: '90',
              quarters: ['85', '87', '89', '90'],
            },
          ],
        },
      ],
      budgets: [
        { key: 'sub', code: '1.02.02.2.01.0003', name: 'Pembinaan Rujukan', amount: '30000000' },
      ],
    });
    yankes = {
      indicator: pk.indicators.onTime as string,
      budget: pk.budgets.sub as string,
      agreementId: pk.pk.id,
    };
    // TW I of Dinkes filled and verified (its values are TW I's stored column in TW II).
    await fillDinkesQuarter(m, 1, 'verified');
    resetClock();
  });
  afterEach(() => resetClock());
  afterAll(() => t.close());

  const detail = async (reportId: string) =>
    (await operator.get<ReportDetail>(`/api/monitoring/reports/${reportId}`)).body;

  it('builds a protected template of every signed PK of the unit and its subtree, prefilled', async () => {
    setToday(dates.tw2Open);
    const file = await downloadFile(operator, url('template', m.units.dinkes, 2));
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(
      'realisasi-dinas-kesehatan-2026-TW2.xlsx',
    );
    const workbook = await readWorkbook(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Petunjuk',
      'Realisasi',
      'Anggaran',
      'Versi',
    ]);
    // The report versions at download, hidden: the import refuses a file older than a save.
    expect(workbook.getWorksheet('Versi')?.state).toBe('veryHidden');
    const r = workbook.getWorksheet('Realisasi') as ExcelJS.Worksheet;
    expect([...columnsOf(r).keys()]).toEqual([
      'PK',
      'Sasaran',
      'Indikator',
      'Satuan',
      'Target Tahunan',
      'Target TW II',
      'TW I (tersimpan)',
      'Realisasi TW II',
      'Analisis',
      'Kendala',
      'Tindak Lanjut',
      'ID Indikator',
    ]);
    const keys: string[] = [];
    r.eachRow((row, n) => {
      if (n > 1) keys.push(String(row.getCell(12).value));
    });
    const i = m.indicators.dinkes;
    expect(keys).toEqual([
      i.accredited,
      i.maternal,
      i.referrals,
      i.audit,
      i.growth,
      yankes.indicator,
    ]);
    // Disdik's PK is another unit: not in the file.
    expect(keys).not.toContain(m.indicators.disdik.schools);
    const accredited = r.getRow(2);
    expect(accredited.getCell(1).value).toMatch(/^Kepala PD · Dinas Kesehatan · /);
    expect(accredited.getCell(5).value).toBe(80);
    expect(accredited.getCell(6).value).toBe(70);
    expect(accredited.getCell(7).value).toBe(66);
    expect(accredited.getCell(8).value).toBeNull();
    expect(r.getRow(5).getCell(7).value).toBe('WTP');
    expect(r.getRow(7).getCell(1).value).toMatch(/^Eselon III · Bidang Pelayanan Kesehatan/);
    // Only the yellow columns are editable; the key column is hidden; scale cells offer the codes.
    expect((r as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({
      sheet: true,
    });
    expect(accredited.getCell(8).protection).toMatchObject({ locked: false });
    expect(accredited.getCell(3).protection?.locked).not.toBe(false);
    expect(r.getColumn(12).hidden).toBe(true);
    expect(r.getRow(5).getCell(8).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"WTP,WDP,TW,TMP"'],
    });

    const b = workbook.getWorksheet('Anggaran') as ExcelJS.Worksheet;
    expect([...columnsOf(b).keys()]).toEqual([
      'PK',
      'Kode',
      'Nama Sub Kegiatan',
      'Pagu (Rp)',
      'Realisasi s.d. TW I (Rp)',
      'Realisasi TW II (Rp)',
      'ID Anggaran',
    ]);
    expect(b.getRow(2).values).toEqual([
      undefined,
      expect.stringContaining('Kepala PD'),
      '1.02.02.2.01.0001',
      'Pembangunan Puskesmas',
      100000000,
      20000000,
      undefined,
      m.budgets.dinkes.sub1,
    ]);
    expect(b.getRow(4).getCell(7).value).toBe(yankes.budget);
    const help = workbook.getWorksheet('Petunjuk') as ExcelJS.Worksheet;
    const text: string[] = [];
    help.eachRow((row) => {
      text.push(row.values ? String((row.values as unknown[]).join(' ')) : '');
    });
    expect(text.join('\n')).toContain('2026-07-14');
    expect(text.join('\n')).toContain('WTP, WDP, TW, TMP');

    // TW I's template prefills the stored values.
    const tw1 = await readWorkbook(
      (await downloadFile(operator, url('template', m.units.dinkes, 1))).body,
    );
    const tw1Row = (tw1.getWorksheet('Realisasi') as ExcelJS.Worksheet).getRow(2);
    expect(tw1Row.getCell(7).value).toBe(66);
    // Readers may download; another tenant's unit is not found.
    expect((await downloadFile(m.clients.viewer, url('template', m.units.disdik, 2))).status).toBe(
      200,
    );
    expect((await downloadFile(operator, url('template', other.units.dinkes, 2))).status).toBe(404);
  });

  it('imports a filled template: values, narratives and budgets saved, capaian shown, audited', async () => {
    setToday(dates.tw2Open);
    const template = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const i = m.indicators.dinkes;
    const filled = await fillTemplate(
      template,
      2,
      {
        [i.accredited]: { value: '72,5', analysis: 'Akreditasi dua puskesmas selesai.' },
        [i.maternal]: { value: 80 },
        [i.referrals]: { value: '31' },
        [i.audit]: { value: 'wdp' },
        [i.growth]: { value: '-1,5' },
      },
      { [m.budgets.dinkes.sub1]: '15.000.000', [yankes.budget]: 1250000.5 },
    );
    const res = await uploadFile<QuarterImportResponse>(
      operator,
      url('import', m.units.dinkes, 2),
      filled,
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.reports).toHaveLength(2);
    const dinkes = res.body.reports.find((r) => r.agreementTitle.includes('Kesehatan'));
    expect(dinkes).toMatchObject({ valuesSaved: 5, budgetsSaved: 1 });
    const report = await detail(dinkes?.reportId as string);
    expect(report).toMatchObject({ quarter: 2, status: 'draft', agreementId: m.pks.dinkes.id });
    const byId = new Map(report.indicators.map((x) => [x.id, x]));
    expect(byId.get(i.accredited)).toMatchObject({
      value: { kind: 'number', value: '72.5' },
      analysis: 'Akreditasi dua puskesmas selesai.',
    });
    // The engine's capaian is stored and shown: 72,5 / 70 = 103,57 %.
    expect(byId.get(i.accredited)?.capaian.quarter).toMatchObject({
      assessed: true,
      value: '103.57',
    });
    expect(byId.get(i.maternal)?.value).toEqual({ kind: 'number', value: '80' });
    expect(byId.get(i.audit)?.value).toEqual({ kind: 'scale', code: 'WDP' });
    expect(byId.get(i.growth)?.value).toEqual({ kind: 'number', value: '-1.5' });
    expect(report.budgets.find((b) => b.id === m.budgets.dinkes.sub1)?.amount).toBe('15000000.00');
    const yankesReport = res.body.reports.find((r) => r !== dinkes);
    expect(yankesReport).toMatchObject({ valuesSaved: 0, budgetsSaved: 1 });
    const yr = await detail(yankesReport?.reportId as string);
    expect(yr.budgets[0]?.amount).toBe('1250000.50');
    expect(yr.indicators[0]?.value).toBeNull();

    const audit = await m.clients.admin.get<{
      items: { entityId: string; data: Record<string, unknown> }[];
    }>('/api/audit?action=import.realisasi');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      entityId: m.units.dinkes,
      data: { year: 2026, quarter: 2, rows: 9 },
    });

    // The same file again: nothing changes, and the answer says so.
    const again = await uploadFile<QuarterImportResponse>(
      operator,
      url('import', m.units.dinkes, 2),
      filled,
    );
    expect(again.status).toBe(200);
    expect(again.body.reports).toEqual([]);
    expect(again.body.warnings[0]).toContain('Tidak ada perubahan');
    // Empty cells leave stored values alone: the downloaded (prefilled) template re-imports as is.
    const prefilled = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const blank = await fillTemplate(prefilled, 2, { [i.referrals]: { value: '' } });
    const third = await uploadFile<QuarterImportResponse>(
      operator,
      url('import', m.units.dinkes, 2),
      blank,
    );
    expect(third.body.reports).toEqual([]);
    expect((await detail(dinkes?.reportId as string)).indicators[2]?.value).toEqual({
      kind: 'number',
      value: '31',
    });
  });

  it('writes nothing from a file that is valid except one row, and names that row', async () => {
    setToday(dates.tw2Open);
    const reportId = (await openReport(operator, m.pks.dinkes.id, 2026, 2)).id;
    const before = await detail(reportId);
    const template = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const i = m.indicators.dinkes;
    const file = await fillTemplate(
      template,
      2,
      {
        [i.accredited]: { value: '74', analysis: 'Berubah.' },
        [i.maternal]: { value: '82' },
        [i.referrals]: { value: 'tiga puluh' },
        [i.audit]: { value: 'WTP' },
        [i.growth]: { value: '1,25' },
        [yankes.indicator]: { value: '88' },
      },
      { [m.budgets.dinkes.sub1]: 16000000, [m.budgets.dinkes.sub2]: 5000000 },
    );
    const res = await uploadFile<ImportError>(operator, url('import', m.units.dinkes, 2), file);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details.errorCount).toBe(1);
    expect(res.body.error.details.rows).toEqual([
      {
        sheet: 'Realisasi',
        row: 4,
        column: 'Realisasi TW II',
        message: expect.stringContaining('"tiga puluh" bukan angka'),
      },
    ]);
    const after = await detail(reportId);
    expect(after.version).toBe(before.version);
    expect(after.indicators.map((x) => [x.value, x.analysis])).toEqual(
      before.indicators.map((x) => [x.value, x.analysis]),
    );
    expect(after.budgets.map((b) => b.amount)).toEqual(before.budgets.map((b) => b.amount));
  });

  it('refuses a file made before a colleague saved the report on the web, writing nothing', async () => {
    setToday(dates.tw2Open);
    const report = await openReport(operator, m.pks.dinkes.id, 2026, 2);
    const template = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const i = m.indicators.dinkes;
    // A colleague saves on the web after the download.
    const saved = await saveValues(operator, report, [{ indicatorId: i.maternal, value: '91' }]);
    const file = await fillTemplate(template, 2, { [i.maternal]: { value: '80' } });
    const res = await uploadFile<ImportError>(operator, url('import', m.units.dinkes, 2), file);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    expect(res.body.error.details.rows[0]?.message).toMatch(/Unduh templat baru/);
    const after = await detail(report.id);
    expect(after.version).toBe(saved.version);
    expect(after.indicators.find((x) => x.id === i.maternal)?.value).toEqual({
      kind: 'number',
      value: '91',
    });
    // Put the value back as it was for the cases that follow.
    const previous = report.indicators.find((x) => x.id === i.maternal)?.value;
    await saveValues(operator, after, [
      { indicatorId: i.maternal, value: previous?.kind === 'number' ? previous.value : null },
    ]);
  });

  it('lists every kind of bad row at once', async () => {
    setToday(dates.tw2Open);
    const template = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const i = m.indicators.dinkes;
    const file = await fillTemplate(
      template,
      2,
      {
        [i.accredited]: { value: '1.234' },
        [i.maternal]: { value: '-3' },
        [i.audit]: { value: 'XYZ' },
        [i.growth]: { value: '-2', analysis: 'x'.repeat(5001) },
      },
      { [m.budgets.dinkes.sub2]: '60.000.000', [m.budgets.dinkes.sub1]: 'banyak' },
      [
        ['0190a0a0-0000-7000-8000-000000000000', '5'],
        [m.indicators.disdik.schools, '50'],
        [i.maternal, '70'],
        ['', '12'],
      ],
    );
    const res = await uploadFile<ImportError>(operator, url('import', m.units.dinkes, 2), file);
    expect(res.status).toBe(422);
    const rows = res.body.error.details.rows.map(
      (r) => `${r.sheet}!${r.row} ${r.column}: ${r.message}`,
    );
    const expectOne = (pattern: RegExp) =>
      expect(rows.filter((r) => pattern.test(r))).toHaveLength(1);
    expectOne(/^Realisasi!2 Realisasi TW II: .*meragukan/);
    expectOne(/^Realisasi!3 Realisasi TW II: .*tidak boleh bernilai negatif/);
    expectOne(/^Realisasi!5 Realisasi TW II: .*"XYZ" tidak ada dalam skala.*WTP/);
    expectOne(/^Realisasi!6 Analisis: Paling banyak 5000 karakter/);
    expectOne(/^Realisasi!8 ID Indikator: Indikator tidak dikenal/);
    expectOne(/^Realisasi!9 ID Indikator: .*milik PK Dinas Pendidikan/);
    expectOne(/^Realisasi!10 ID Indikator: .*sudah ada di baris 3/);
    expectOne(/^Realisasi!11 ID Indikator: .*tidak memiliki ID indikator/);
    expectOne(/^Anggaran!2 Realisasi TW II \(Rp\): .*"banyak" bukan angka/);
    expectOne(/^Anggaran!3 Realisasi TW II \(Rp\): .*melebihi pagu.*sisa pagu Rp 40\.000\.000/);
    expect(rows).toHaveLength(10);
  });

  it('refuses a file of another quarter and a file without the headers', async () => {
    setToday(dates.tw2Open);
    const tw2 = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const wrongQuarter = await uploadFile<ImportError>(
      operator,
      url('import', m.units.dinkes, 1),
      tw2,
    );
    expect(wrongQuarter.status).toBe(422);
    expect(wrongQuarter.body.error.details.rows[0]).toMatchObject({
      sheet: 'Realisasi',
      row: 1,
      column: 'Realisasi TW I',
      message: expect.stringContaining('templat TW II'),
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Realisasi').addRow(['Indikator', 'Nilai']);
    const bare = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const headers = await uploadFile<ImportError>(operator, url('import', m.units.dinkes, 2), bare);
    expect(headers.status).toBe(422);
    expect(headers.body.error.details.rows.map((r) => r.column)).toEqual([
      'ID Indikator',
      'Realisasi TW II',
      'Analisis',
      'Kendala',
      'Tindak Lanjut',
    ]);
    const none = new ExcelJS.Workbook();
    none.addWorksheet('Lain').addRow(['x']);
    const noSheet = await uploadFile<ImportError>(
      operator,
      url('import', m.units.dinkes, 2),
      Buffer.from((await none.xlsx.writeBuffer()) as ArrayBuffer),
    );
    expect(noSheet.status).toBe(422);
    expect(noSheet.body.error.details.rows[0]?.message).toContain('Lembar "Realisasi" tidak ada');
    expect(
      (await uploadFile(operator, url('import', m.units.dinkes, 2), 'bukan excel')).status,
    ).toBe(400);
    expect(
      (
        await uploadFile(operator, url('import', m.units.dinkes, 2), tw2, {
          contentType: 'text/csv',
        })
      ).status,
    ).toBe(415);
  });

  it('refuses a locked quarter and a report that is no longer editable', async () => {
    // Disdik TW I after its deadline, never opened: locked.
    setToday(dates.tw1Locked);
    const disdik = m.clients.operatorDisdik;
    const template = (await downloadFile(disdik, url('template', m.units.disdik, 1))).body;
    const file = await fillTemplate(
      template,
      1,
      { [m.indicators.disdik.schools]: { value: '46' } },
      { [m.budgets.disdik.sub]: '1000000' },
    );
    const locked = await uploadFile<ImportError>(disdik, url('import', m.units.disdik, 1), file);
    expect(locked.status).toBe(422);
    expect(locked.body.error.details.rows).toHaveLength(2);
    expect(locked.body.error.details.rows.every((r) => r.message.includes('terkunci'))).toBe(true);
    const periods = await disdik.get<{
      items: { agreementId: string; quarters: { reportId: string | null }[] }[];
    }>('/api/monitoring/periods?year=2026');
    const item = periods.body.items.find((x) => x.agreementId === m.pks.disdik.id);
    expect(item?.quarters[0]?.reportId ?? null).toBeNull();

    // Dinkes TW I is verified: open on its deadline day, still not editable.
    setToday(dates.tw1Deadline);
    const tw1 = (await downloadFile(operator, url('template', m.units.dinkes, 1))).body;
    const changed = await fillTemplate(tw1, 1, {
      [m.indicators.dinkes.accredited]: { value: '60' },
    });
    const verified = await uploadFile<ImportError>(
      operator,
      url('import', m.units.dinkes, 1),
      changed,
    );
    expect(verified.status).toBe(422);
    expect(verified.body.error.details.rows[0]?.message).toContain('sudah diverifikasi');
  });

  it("refuses another unit's operator (403) and another tenant's unit (404)", async () => {
    setToday(dates.tw2Open);
    const template = (await downloadFile(operator, url('template', m.units.dinkes, 2))).body;
    const file = await fillTemplate(template, 2, {
      [m.indicators.dinkes.accredited]: { value: '75' },
    });
    const foreignOperator = await uploadFile(
      m.clients.operatorDisdik,
      url('import', m.units.dinkes, 2),
      file,
    );
    expect(foreignOperator.status).toBe(403);
    expect(
      (await uploadFile(m.clients.viewer, url('import', m.units.dinkes, 2), file)).status,
    ).toBe(403);
    expect((await uploadFile(operator, url('import', other.units.dinkes, 2), file)).status).toBe(
      404,
    );
    // The operator of a PD imports into its subtree (Bidang Yankes) only that subtree's PKs.
    const sub = (await downloadFile(operator, url('template', m.units.yankes, 2))).body;
    const subBook = await readWorkbook(sub);
    expect((subBook.getWorksheet('Realisasi') as ExcelJS.Worksheet).rowCount).toBe(2);
    expect(yankes.agreementId).toBeTruthy();
    // A unit without a signed PK gets an empty template that says so.
    const empty = await readWorkbook(
      (await downloadFile(operator, url('template', m.units.sekretariat, 2))).body,
    );
    expect((empty.getWorksheet('Realisasi') as ExcelJS.Worksheet).rowCount).toBe(1);
    const help: string[] = [];
    (empty.getWorksheet('Petunjuk') as ExcelJS.Worksheet).eachRow((row) => {
      help.push(String(row.getCell(2).value ?? ''));
    });
    expect(help.join(' ')).toContain('Belum ada PK yang ditandatangani');
  });
});
