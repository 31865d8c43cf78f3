import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { failOnPageErrors, signInAndWait, signOut } from './helpers.js';

// The realisasi entry page on the demo data: values are checked as they are typed (Indonesian
// messages on the field, nothing saved); a quarter past its deadline is locked — the Inspektorat
// returns a verified report of an eselon III PK of Dinas Kesehatan, the operator sees the lock
// and asks to unlock it, the admin grants it for two days from "Buka kunci", and the operator can
// then correct it. Independent of the other specs: it only touches eselon III/IV PKs.
test.describe.configure({ mode: 'serial' });

const shot = (name: string) => `test-results/realisasi-${name}.png`;
const quarterNames: Record<number, string> = { 1: 'TW I', 2: 'TW II', 3: 'TW III', 4: 'TW IV' };

interface Periods {
  year: number;
  quarters: { quarter: number; open: boolean; locked: boolean; deadline: string }[];
  items: {
    agreementId: string;
    title: string;
    level: string;
    quarters: {
      quarter: number;
      reportId: string | null;
      status: string | null;
      locked: boolean;
    }[];
  }[];
}
interface Report {
  id: string;
  status: string;
  version: number;
  indicators: { id: string; name: string; method: string; value: unknown }[];
}

const state = { reportId: '', title: '', label: '' };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

test('isian realisasi diperiksa saat diketik: teks pada angka ditolak dengan pesan di kolomnya', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  const periods = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  const open = periods.quarters.find((q) => q.open && !q.locked);
  expect(open, 'a quarter open for entry').toBeTruthy();
  const quarter = open?.quarter ?? 4;
  // An eselon IV PK whose open quarter is still a draft (or not opened yet).
  const pk = periods.items.find(
    (i) =>
      i.level === 'eselon_iv' &&
      ['draft', null].includes(i.quarters.find((c) => c.quarter === quarter)?.status ?? null),
  );
  expect(pk, 'an eselon IV PK of Dinas Kesehatan').toBeTruthy();

  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Realisasi Triwulan' })
    .click();
  await expect(page.getByRole('heading', { name: 'Realisasi Triwulan', level: 1 })).toBeVisible();
  await page
    .getByRole('button', { name: `Buka ${quarterNames[quarter]} ${periods.year}: ${pk?.title}` })
    .click();
  await expect(page).toHaveURL(/\/realisasi\/[0-9a-f-]{36}$/);
  const reportId = page.url().split('/').at(-1) ?? '';
  const report = await apiGet<Report>(page, `/api/monitoring/reports/${reportId}`);
  const numeric = report.indicators.find((i) => i.method !== 'scale');
  expect(numeric, 'an indicator measured by a number').toBeTruthy();

  const card = page.getByTestId(`indicator-${numeric?.id}`);
  const field = card.getByRole('textbox', { name: /^Realisasi TW [IV]+: / });
  await field.fill('sembilan puluh');
  await field.blur();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText(/^Realisasi harus berupa angka\./)).toBeVisible();

  // A decimal point instead of the comma: told how to write it.
  await field.fill('87.55');
  await field.blur();
  await expect(card.getByText(/Gunakan koma untuk desimal, mis\. 87,55/)).toBeVisible();

  // Saving with a wrong value saves nothing and says what to do.
  await field.fill('12 orang');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Perbaiki isian yang ditandai sebelum menyimpan.')).toBeVisible();
  await expect(field).toBeFocused();
  await card.screenshot({ path: shot('01-invalid') });
  const after = await apiGet<Report>(page, `/api/monitoring/reports/${reportId}`);
  expect(after.version).toBe(report.version);

  // Corrected the Indonesian way, the value reads back formatted and saves.
  await field.fill('1234,5');
  await field.blur();
  await expect(field).toHaveValue('1.234,5');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Realisasi tersimpan')).toBeVisible();
  const saved = await apiGet<Report>(page, `/api/monitoring/reports/${reportId}`);
  expect(saved.indicators.find((i) => i.id === numeric?.id)?.value).toEqual({
    kind: 'number',
    value: '1234.5',
  });
  await signOut(page);
});

test('Inspektorat mengembalikan laporan triwulan yang sudah lewat batas waktu', async ({
  page,
}) => {
  failOnPageErrors(page);
  // The operator's PKs: an eselon III PK whose last locked quarter is verified.
  await signInAndWait(page, 'operator.dinkes');
  const periods = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  const lockedQuarters = periods.quarters.filter((q) => q.locked).map((q) => q.quarter);
  const last = Math.max(...lockedQuarters);
  const pk = periods.items.find(
    (i) =>
      i.level === 'eselon_iii' && i.quarters.find((c) => c.quarter === last)?.status === 'verified',
  );
  expect(pk, 'a verified eselon III report of a locked quarter').toBeTruthy();
  state.reportId = pk?.quarters.find((c) => c.quarter === last)?.reportId ?? '';
  state.title = pk?.title ?? '';
  state.label = `${quarterNames[last]} ${periods.year}`;
  await signOut(page);

  await signInAndWait(page, 'inspektorat');
  await page.goto(`/realisasi/${state.reportId}`);
  await expect(
    page.getByRole('heading', { name: `Realisasi ${state.label}`, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('Terverifikasi').first()).toBeVisible();
  await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kembalikan' });
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(dialog.getByText(/^Tulis catatan minimal 5 karakter/)).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Catatan pengembalian' })
    .fill('Bukti dukung capaian belum diunggah; mohon dilengkapi.');
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  await expect(page.getByText(/Laporan dikembalikan/)).toBeVisible();
  await expect(page.getByTestId('returned-note')).toContainText(
    'Bukti dukung capaian belum diunggah',
  );
  await signOut(page);
});

test('operator melihat triwulan terkunci dan meminta buka kunci dari Tugas Saya', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  await page.goto('/tugas');
  const fix = page.getByRole('region', { name: 'Perbaiki' });
  await expect(fix).toBeVisible();
  await fix
    .getByRole('button', { name: new RegExp(escapeRegExp(state.title)) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/realisasi/${state.reportId}$`));

  // Locked: the badge, the banner, read-only values, and the form to ask for an unlock.
  await expect(page.getByTestId('returned-note')).toBeVisible();
  const banner = page.getByTestId('locked-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Batas waktu pengisian triwulan ini sudah lewat');
  await expect(page.getByRole('button', { name: 'Simpan', exact: true })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('02-locked') });

  const reason = banner.getByRole('textbox', { name: 'Minta buka kunci' });
  await reason.fill('Mohon');
  await banner.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(banner.getByText('Tulis alasan minimal 10 karakter.')).toBeVisible();
  await reason.fill(
    'Laporan dikembalikan Inspektorat setelah batas waktu; kami perlu mengunggah bukti dukung.',
  );
  await banner.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(
    page.getByText('Permintaan buka kunci sedang menunggu keputusan admin Pemda.'),
  ).toBeVisible();
  await signOut(page);
});

test('admin mengabulkan buka kunci, lalu operator dapat memperbaiki laporan', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'admin');
  await page.goto('/tugas');
  const unlock = page.getByRole('region', { name: 'Buka kunci' });
  await expect(unlock).toBeVisible();
  await unlock
    .getByRole('button', { name: new RegExp(escapeRegExp(state.title)) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/realisasi\/buka-kunci$/);
  await expect(
    page.getByRole('heading', { name: 'Permintaan Buka Kunci', level: 1 }),
  ).toBeVisible();
  await page.screenshot({ path: shot('03-unlocks'), fullPage: true });
  await page
    .getByRole('button', {
      name: `Kabulkan: ${state.title} ${state.label.split(' ').slice(0, 2).join(' ')}`,
    })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Kabulkan buka kunci' });
  await dialog.getByRole('textbox', { name: 'Dibuka selama (hari)' }).fill('2');
  await dialog
    .getByRole('textbox', { name: 'Catatan untuk unit' })
    .fill('Silakan lengkapi dalam dua hari.');
  await dialog.getByRole('button', { name: 'Kabulkan' }).click();
  await expect(page.getByText('Buka kunci dikabulkan')).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: `Kabulkan: ${state.title} ${state.label.split(' ').slice(0, 2).join(' ')}`,
    }),
  ).toHaveCount(0);
  await signOut(page);

  await signInAndWait(page, 'operator.dinkes');
  await page.goto(`/realisasi/${state.reportId}`);
  await expect(page.getByText(/^Dibuka kembali sampai /)).toBeVisible();
  await expect(page.getByTestId('locked-banner')).toHaveCount(0);
  const report = await apiGet<Report>(page, `/api/monitoring/reports/${state.reportId}`);
  expect(report.status).toBe('returned');
  const numeric = report.indicators.find((i) => i.method !== 'scale');
  const field = page
    .getByTestId(`indicator-${numeric?.id}`)
    .getByRole('textbox', { name: /^Realisasi TW [IV]+: / });
  await expect(field).toBeEditable();
  await field.fill('1,5');
  await field.blur();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Realisasi tersimpan')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('04-unlocked') });
});

test('Excel: templat unit diunduh, berkas dengan teks pada angka ditolak seluruhnya dengan daftar barisnya', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  const periods = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  const open = periods.quarters.find((q) => q.open && !q.locked);
  expect(open, 'a quarter open for entry').toBeTruthy();
  await page.goto('/realisasi');
  await page.getByRole('button', { name: 'Isi lewat Excel' }).click();
  const panel = page.getByRole('region', { name: 'Isi lewat Excel' });
  await panel.getByRole('textbox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'Dinas Kesehatan', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Triwulan' }).click();
  await page
    .getByRole('option', {
      name: `${quarterNames[open?.quarter ?? 4]} ${periods.year}`,
      exact: true,
    })
    .click();

  const downloading = page.waitForEvent('download');
  await panel.getByRole('link', { name: 'Unduh templat' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  // exceljs' types predate Node's generic Buffer.
  await book.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('Realisasi');
  if (!sheet) throw new Error('the template has no Realisasi sheet');
  // Find the header row and the column to fill; put text into the first two rows.
  let headerRow = 0;
  let valueColumn = 0;
  sheet.eachRow((row, rowNumber) => {
    if (headerRow) return;
    row.eachCell((cell, col) => {
      if (String(cell.value ?? '').trim() === `Realisasi ${quarterNames[open?.quarter ?? 4]}`) {
        headerRow = rowNumber;
        valueColumn = col;
      }
    });
  });
  expect(valueColumn, 'the fill column').toBeGreaterThan(0);
  sheet.getRow(headerRow + 1).getCell(valueColumn).value = 'sembilan puluh';
  sheet.getRow(headerRow + 2).getCell(valueColumn).value = '12,5';
  const filled = Buffer.from(await book.xlsx.writeBuffer());

  const before = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Unggah berkas terisi' }).click();
  await (await chooser).setFiles({
    name: 'realisasi-dinkes.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: filled,
  });
  const errors = panel.getByRole('alert');
  await expect(errors).toContainText('tidak ada yang disimpan');
  await expect(errors.getByRole('table')).toContainText('Realisasi');
  await expect(errors.getByRole('table')).toContainText(String(headerRow + 1));
  await errors.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: shot('05-excel-errors') });
  // All or nothing: the valid row was not saved either.
  const after = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  expect(after.items.map((i) => i.quarters)).toEqual(before.items.map((i) => i.quarters));
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

/** Horizontal overflow of the page at phone width (0: nothing sticks out). */
async function phoneOverflow(page: Page): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  return overflow;
}

test('halaman realisasi, Tugas Saya, dan buka kunci tanpa pelanggaran aksesibilitas serius', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  await page.goto('/realisasi');
  await expect(page.getByText('PK Kepala Dinas Kesehatan').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await phoneOverflow(page)).toBeLessThanOrEqual(0);

  // An editable report (the eselon IV PK the first test saved).
  const periods = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
  const draft = periods.items
    .flatMap((i) => i.quarters)
    .find((c) => c.status === 'draft' && c.reportId);
  expect(draft, 'a draft report').toBeTruthy();
  await page.goto(`/realisasi/${draft?.reportId}`);
  await expect(page.getByRole('button', { name: 'Simpan', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await phoneOverflow(page)).toBeLessThanOrEqual(0);

  await page.goto('/tugas');
  await expect(page.getByRole('heading', { name: 'Tugas Saya', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Perbaiki' }).or(page.getByText('Tidak ada tugas')).first(),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^Notifikasi/ }).click();
  await expect(page.getByRole('dialog', { name: 'Notifikasi' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await signOut(page);

  await signInAndWait(page, 'admin');
  await page.goto('/realisasi/buka-kunci');
  await expect(
    page.getByRole('heading', { name: 'Permintaan Buka Kunci', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Kabulkan: / }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await phoneOverflow(page)).toBeLessThanOrEqual(0);
});
