import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { percentFormat, safeSheetName, tableWorkbook } from './table-workbook.js';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const columns = [
  { key: 'name', label: 'Perangkat Daerah', kind: 'text' },
  { key: 'count', label: 'Jumlah Indikator', kind: 'number' },
  { key: 'capaian', label: 'Capaian', kind: 'percent' },
  { key: 'pagu', label: 'Pagu', kind: 'rupiah' },
  { key: 'band', label: 'Kategori', kind: 'band' },
] as const;

describe('tableWorkbook', () => {
  it('writes title, subtitle, a styled frozen header with autofilter, and typed cells', async () => {
    const buffer = await tableWorkbook({
      title: 'Peringkat Perangkat Daerah',
      subtitle: 'Tahun 2026, s.d. TW II',
      sheetName: 'Peringkat PD',
      columns,
      rows: [
        {
          name: 'Dinas Kesehatan',
          count: 12,
          capaian: '107.14',
          pagu: '1250000000.50',
          band: 'sangat_tinggi',
        },
        { name: 'Dinas Pendidikan', count: '8', capaian: '-', pagu: null, band: 'rendah' },
        { name: 'Dinas Sosial', count: 0, capaian: null, pagu: '0', band: null },
      ],
    });
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const sheet = await readBack(buffer);
    expect(sheet.name).toBe('Peringkat PD');
    expect(sheet.getCell('A1').value).toBe('Peringkat Perangkat Daerah');
    expect(sheet.getCell('A2').value).toBe('Tahun 2026, s.d. TW II');
    const header = sheet.getRow(4);
    expect(header.values).toEqual([
      undefined,
      'Perangkat Daerah',
      'Jumlah Indikator',
      'Capaian',
      'Pagu',
      'Kategori',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // Read back, exceljs gives the range as text.
    expect(sheet.autoFilter).toBe('A4:E7');

    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe('Dinas Kesehatan');
    expect(first.getCell(2).value).toBe(12);
    expect(first.getCell(3).value).toBe(107.14);
    expect(first.getCell(3).numFmt).toBe(percentFormat);
    expect(first.getCell(4).value).toBe(1250000000.5);
    expect(first.getCell(4).numFmt).toBe('"Rp"#,##0.00');
    // A band is told in words as well as by colour.
    expect(first.getCell(5).value).toBe('Sangat Tinggi');
    expect(first.getCell(5).fill).toMatchObject({ fgColor: { argb: 'FF1B5E20' } });

    const second = sheet.getRow(6);
    expect(second.getCell(2).value).toBe(8);
    // Not assessed stays "-", never 0.
    expect(second.getCell(3).value).toBe('-');
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(5).value).toBe('Rendah');
    const third = sheet.getRow(7);
    expect(third.getCell(2).value).toBe(0);
    expect(third.getCell(3).value).toBeNull();
    expect(third.getCell(4).value).toBe(0);
    expect(third.getCell(5).value).toBeNull();
  });

  it('uses the tenant band labels, keeps huge decimals exact as text, and works without rows', async () => {
    const sheet = await readBack(
      await tableWorkbook({
        title: 'Anggaran',
        columns,
        bandLabels: { tinggi: 'Baik' },
        rows: [{ name: 'X', count: '1234567890123456789.5', band: 'tinggi' }],
      }),
    );
    expect(sheet.name).toBe('Data');
    expect(sheet.getRow(3).getCell(1).value).toBe('Perangkat Daerah');
    expect(sheet.getRow(4).getCell(2).value).toBe('1234567890123456789.5');
    expect(sheet.getRow(4).getCell(5).value).toBe('Baik');

    const empty = await readBack(await tableWorkbook({ title: 'Kosong', columns, rows: [] }));
    expect(empty.getRow(3).getCell(2).value).toBe('Jumlah Indikator');
    expect(empty.autoFilter).toBe('A3:E3');
  });

  it('makes a valid sheet name', () => {
    expect(safeSheetName('Capaian per Sasaran RPJMD: 2026/2027 [final]')).toBe(
      'Capaian per Sasaran RPJMD  2026',
    );
    expect(safeSheetName("'?*'")).toBe('Data');
    expect(safeSheetName(undefined)).toBe('Data');
  });
});
