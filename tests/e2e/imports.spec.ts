import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signInAndWait } from './helpers.js';

/**
 * A PD operator downloads the Renstra template (prefilled with the demo Renstra), uploads it
 * unchanged (nothing to change), uploads it with a wrong target (the error table names the row
 * and column, "Terapkan" stays disabled), then with a new indicator and applies it.
 */
async function edited(path: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Renstra');
  if (!sheet) throw new Error('lembar Renstra tidak ada');
  change(sheet);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('operator PD mengunduh templat Renstra, memperbaiki kesalahan, lalu menerapkan impor', async ({
  page,
}) => {
  await signInAndWait(page, 'operator.dinkes');
  await page.goto('/impor');
  await expect(page.getByRole('heading', { name: 'Impor Excel' })).toBeVisible();
  await expect(page.getByText('Renstra PD', { exact: true })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh templat (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^templat-renstra-.*\.xlsx$/);
  const path = await download.path();

  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: 'renstra.xlsx', mimeType: xlsx, buffer: await readFile(path) });
  await expect(page.getByText('tidak ada yang perlu diubah')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terapkan' })).toBeDisabled();

  const headerOf = (sheet: ExcelJS.Worksheet, name: string) => {
    let col = 0;
    sheet.getRow(1).eachCell((cell, c) => {
      if (cell.value === name) col = c;
    });
    return col;
  };
  const wrong = await edited(path, (sheet) => {
    const row = sheet.addRow([]);
    row.getCell(1).value = 'indikator';
    row.getCell(3).value = 'Indikator uji impor';
    row.getCell(headerOf(sheet, 'Target 2026')).value = 'banyak';
  });
  await input.setInputFiles({ name: 'renstra-salah.xlsx', mimeType: xlsx, buffer: wrong });
  const errors = page.getByRole('alert').filter({ hasText: 'masalah harus diperbaiki' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('cell', { name: 'Target 2026' })).toBeVisible();
  await expect(errors.getByText(/padahal harus angka/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terapkan' })).toBeDisabled();

  const fixed = await edited(path, (sheet) => {
    const row = sheet.addRow([]);
    row.getCell(1).value = 'indikator';
    row.getCell(3).value = 'Indikator uji impor';
    row.getCell(headerOf(sheet, 'Satuan')).value = '%';
    row.getCell(headerOf(sheet, 'Target 2026')).value = '75,5';
  });
  await input.setInputFiles({ name: 'renstra-benar.xlsx', mimeType: xlsx, buffer: fixed });
  await expect(page.getByText('Berkas siap diterapkan')).toBeVisible();
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page.getByText('Impor berhasil')).toBeVisible();
  await expect(page.getByText(/2 data baru/)).toBeVisible(); // the indicator and its 2026 target
});
