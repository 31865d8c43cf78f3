import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readCell } from './cells.js';
import { contentDisposition, loadWorkbook } from './workbook.js';
import { inspectXlsxZip, type ZipLimits } from './zip-guard.js';

const limits: ZipLimits = {
  maxUncompressedBytes: 5 * 1024 * 1024,
  maxEntries: 100,
  maxCells: 10_000,
  maxRowsPerSheet: 101,
};

async function workbook(rows: number, columns = 1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  for (let r = 0; r < rows; r += 1) sheet.addRow(Array.from({ length: columns }, (_v, c) => r + c));
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function withPart(base: Buffer, name: string, content: Buffer | string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  return null;
};

describe('upload guard (zip bombs, huge sheets)', () => {
  it('passes an ordinary workbook', async () => {
    expect(refusal(() => inspectXlsxZip(Buffer.alloc(0), limits))?.code).toBe('BAD_REQUEST');
    const ordinary = await workbook(50, 3);
    expect(refusal(() => inspectXlsxZip(ordinary, limits))).toBeNull();
  });

  it('refuses a part that inflates past the budget, whatever the zip declares', async () => {
    // 20 MB of zeros deflates to ~20 KB: a small upload, a large bomb.
    const bomb = await withPart(await workbook(2), 'xl/media/image1.png', Buffer.alloc(20 << 20));
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusal(() => inspectXlsxZip(bomb, limits))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    // Through the real loader with the production limits (100 MB): 120 MB of shared strings.
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'A'.repeat(120 << 20)}</t></si></sst>`;
    const big = await withPart(await workbook(2), 'xl/sharedStrings.xml', strings);
    await expect(loadWorkbook(big)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Deflating 140 MB of test input takes ~1 s on a quiet machine and past 5 s on a loaded one.
  }, 30_000);

  it('counts rows holding values and cells before exceljs builds them', async () => {
    const hundred = await workbook(101);
    expect(refusal(() => inspectXlsxZip(hundred, limits))).toBeNull();
    const many = await workbook(102);
    expect(refusal(() => inspectXlsxZip(many, limits))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refusal(() => inspectXlsxZip(many, limits))?.message).toContain('100 baris data');
    // Styled empty cells count as cells, not as rows with values.
    const empties = Array.from(
      { length: 200 },
      (_r, r) =>
        `<row r="${r + 1}">${Array.from({ length: 60 }, (_c, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r + 1}" s="0"/>`).join('')}</row>`,
    ).join('');
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${empties}</sheetData></worksheet>`;
    const wide = await withPart(await workbook(1), 'xl/worksheets/sheet1.xml', sheet);
    expect(refusal(() => inspectXlsxZip(wide, limits))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe('cell values of every kind', () => {
  it('reads formulas, rich text, hyperlinks and dates', () => {
    expect(readCell({ formula: '2025+1', result: 2026 })).toEqual({ kind: 'number', value: 2026 });
    expect(readCell({ formula: 'A1' } as ExcelJS.CellValue)).toEqual({ kind: 'empty' });
    expect(readCell({ richText: [{ text: '1.02' }, { text: '.02' }] })).toEqual({
      kind: 'text',
      text: '1.02.02',
    });
    expect(
      readCell({
        text: { richText: [{ text: 'Dinas ' }, { text: 'Kesehatan' }] },
        hyperlink: 'http://contoh',
      } as unknown as ExcelJS.CellValue),
    ).toEqual({ kind: 'text', text: 'Dinas Kesehatan' });
    const date = new Date('2026-01-31T00:00:00Z');
    expect(readCell(date)).toEqual({ kind: 'date', value: date });
  });
});

describe('download file names', () => {
  it('cannot inject headers or quotes', () => {
    const header = contentDisposition('kaskade "x"\r\nSet-Cookie: a=b;.xlsx');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s"]+$/);
  });
});
