import { expect, type Page, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait, signOut } from './helpers.js';

// The PK journey of issue 3: the Dinas Kesehatan operator drafts the head of PD's PK from the
// Renstra, meets a blocking quality finding, fixes it and submits; the admin returns it with a
// comment; the operator reads the comment, fixes and resubmits; the admin verifies it and marks
// it ready to sign. Needs the demo Pemda's RPJMD/Renstra and the open PK year 2027.
test.describe.configure({ mode: 'serial' });

const position = 'Kepala Dinas Kesehatan';
const returnComment = 'Target TW belum dirinci; lengkapi target triwulan indikator pertama.';
let agreementPath = '';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Simpan', exact: true });

async function save(page: Page) {
  await saveButton(page).click();
  await expect(page.getByText('PK tersimpan.').first()).toBeVisible();
  await expect(page.getByText('Ada perubahan yang belum disimpan.')).toHaveCount(0);
}

async function transition(page: Page, action: string, comment?: string) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('operator menyusun PK Kepala Dinas dari Renstra, memperbaiki temuan, lalu mengajukan', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  await nav(page).getByRole('link', { name: 'Perjanjian Kinerja' }).click();
  await expect(page.getByRole('heading', { name: 'Perjanjian Kinerja', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Tahun PK' })).toHaveValue('2027');

  // Buat PK: pick the head of the dinas, see both parties before creating.
  await page.getByRole('button', { name: 'Buat PK' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Buat Perjanjian Kinerja' });
  await dialog.getByRole('textbox', { name: 'Jabatan pihak pertama' }).click();
  await page.getByRole('option', { name: new RegExp(`^${position} —`) }).click();
  await expect(dialog.getByTestId('Pihak kedua')).toContainText('Wali Kota');
  await expect(dialog.getByTestId('Pihak pertama')).toContainText(position);
  await expect(dialog.getByRole('checkbox', { name: 'Ambil dari Renstra' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Buat PK' }).click();

  await expect(page).toHaveURL(/\/pk\/dokumen\/[0-9a-f-]{36}$/);
  agreementPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: `PK ${position}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('Pihak pertama')).toContainText(position);
  await expect(page.getByTestId('Pihak kedua')).toContainText('Wali Kota');
  // Pihak kedua chosen by hand (a reason is required), then back to the structure's superior.
  await page.getByRole('button', { name: 'Ganti pihak kedua' }).click();
  const override = page.getByRole('dialog', { name: 'Ganti pihak kedua' });
  await override.getByRole('button', { name: 'Ganti pihak kedua' }).click();
  await expect(override.getByText('Pilih jabatan atau pegawai pihak kedua')).toBeVisible();
  await expect(override.getByText('Alasan minimal 10 karakter.')).toBeVisible();
  await override.getByRole('textbox', { name: 'Jabatan pihak kedua' }).fill('Wakil Wali');
  await page.getByRole('option', { name: /^Wakil Wali Kota Contoh/ }).click();
  await override
    .getByRole('textbox', { name: /Alasan penggantian/ })
    .fill('Wali Kota sedang cuti besar; PK ditandatangani Wakil Wali Kota selaku pelaksana tugas.');
  await override.screenshot({ path: 'test-results/pk-override-dialog.png' });
  await override.getByRole('button', { name: 'Ganti pihak kedua' }).click();
  await expect(override).toBeHidden();
  await expect(page.getByTestId('Pihak kedua')).toContainText('Wakil Wali Kota Contoh');
  await expect(page.getByTestId('override-reason')).toContainText('cuti besar');
  await page.evaluate(() => window.scrollTo(0, 0));
  // The toasts would cover the header actions in the picture.
  await page.locator('.mantine-Notification-root').evaluateAll((els) => {
    for (const el of els) el.style.setProperty('visibility', 'hidden');
  });
  await page.screenshot({ path: 'test-results/pk-editor-header.png' });
  await page.getByRole('button', { name: 'Ganti pihak kedua' }).click();
  await override.getByRole('button', { name: 'Kembalikan ke atasan menurut struktur' }).click();
  await expect(override).toBeHidden();
  await expect(page.getByTestId('override-reason')).toHaveCount(0);
  await expect(page.getByTestId('Pihak kedua')).toContainText('Wali Kota');
  await expect(page.getByTestId('Pihak kedua')).not.toContainText('Wakil');

  // The PK date decides who the parties are; the dialog says so.
  await page.getByRole('button', { name: 'Ubah tanggal PK' }).click();
  const dateDialog = page.getByRole('dialog', { name: 'Ubah tanggal PK' });
  await expect(dateDialog.getByText(/Para pihak diambil dari struktur organisasi/)).toBeVisible();
  await dateDialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dateDialog).toBeHidden();

  // "Ubah PK atasan": detach from the Pemda PK (the sasaran links go with it), then link again
  // and pick the supported sasaran from the new parent's.
  const parentLine = page.getByTestId('parent-line');
  const parentDialog = page.getByRole('dialog', { name: 'PK atasan yang didukung' });
  await expect(parentLine).toContainText('PK Wali Kota');
  await parentLine.getByRole('button', { name: 'Ubah PK atasan' }).click();
  await parentDialog.getByRole('button', { name: 'Lepaskan' }).click();
  await expect(parentDialog).toBeHidden();
  await expect(parentLine).toContainText('Belum terhubung ke PK atasan');
  await expect(
    page
      .getByTestId('objective-card')
      .first()
      .getByText(/PK atasan belum ada/),
  ).toBeVisible();
  await parentLine.getByRole('button', { name: 'Ubah PK atasan' }).click();
  await parentDialog.getByRole('textbox', { name: 'PK atasan' }).click();
  await page.getByRole('option', { name: /^PK Wali Kota.*PK pihak kedua$/ }).click();
  await parentDialog.screenshot({ path: 'test-results/pk-parent-dialog.png' });
  await parentDialog.getByRole('button', { name: 'Simpan PK atasan' }).click();
  await expect(parentDialog).toBeHidden();
  await expect(parentLine).toContainText('PK Wali Kota');
  const supports = page
    .getByTestId('objective-card')
    .first()
    .getByRole('textbox', { name: 'Mendukung sasaran atasan' });
  await expect(supports).toHaveValue('');
  await supports.click();
  await page.getByRole('option').first().click();
  await expect(supports).not.toHaveValue('');
  await page
    .getByRole('region', { name: 'Para pihak' })
    .screenshot({ path: 'test-results/pk-parent-line.png' });

  // Pulled from the Renstra: at least one sasaran with indicators and a budget total.
  await expect(page.getByTestId('objective-card').first()).toBeVisible();
  await expect(page.getByTestId('indicator-row').first()).toBeVisible();
  await expect(
    page.getByText(/^Kumulatif: jumlah TW I–IV|^Nilai terakhir|^Rata-rata/).first(),
  ).toBeVisible();

  // Make a blocking finding: the first indicator loses its satuan.
  const satuan = page.getByRole('textbox', { name: /^Satuan – / }).first();
  const originalSatuan = (await satuan.inputValue()) || '%';
  await satuan.fill('');
  await save(page);
  const panel = page.getByTestId('quality-panel');
  await expect(panel.locator('[data-rule="NO_UNIT"]').first()).toBeVisible();
  // …shown next to the indicator too.
  await expect(
    page.getByTestId('objective-card').first().locator('[data-rule="NO_UNIT"]').first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/pk-editor-finding.png', fullPage: true });

  // Submitting is refused with the finding named.
  await transition(page, 'Ajukan');
  await expect(page.getByTestId('quality-blocked')).toBeVisible();
  await expect(page.getByTestId('quality-blocked').locator('[data-rule="NO_UNIT"]')).toBeVisible();
  await expect(page.getByTestId('Pihak pertama')).toBeVisible();

  // A wrongly typed number is caught next to its field, in Indonesian.
  const tw1 = page.getByRole('textbox', { name: /^TW I – / }).first();
  await tw1.fill('1,234.5');
  await tw1.blur();
  await expect(page.getByText(/Gunakan titik untuk ribuan dan koma untuk desimal/)).toBeVisible();
  await tw1.fill('');
  await tw1.blur();

  // Fix: satuan back, save, the finding is gone, submit.
  await satuan.fill(originalSatuan);
  await save(page);
  await expect(panel.locator('[data-rule="NO_UNIT"]')).toHaveCount(0);
  await transition(page, 'Ajukan');
  await expect(page.getByText('Diajukan', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/sedang diajukan dan menunggu verifikasi/)).toBeVisible();
  await expect(saveButton(page)).toHaveCount(0);
  await signOut(page);
});

test('admin mengembalikan PK dengan catatan', async ({ page }) => {
  failOnPageErrors(page);
  expect(agreementPath).not.toBe('');
  await signInAndWait(page, 'admin');
  await nav(page).getByRole('link', { name: 'Pemantauan PK' }).click();
  await expect(page.getByRole('heading', { name: 'Pemantauan PK', level: 1 })).toBeVisible();
  // ~560 rows in pages of 50: the admin narrows them down as a person would.
  await page
    .getByRole('textbox', { name: 'Cari jabatan, unit, atau nama' })
    .fill('Dinas Kesehatan');
  const row = page.getByRole('row').filter({ hasText: position }).filter({ hasText: 'Diajukan' });
  await expect(row.first()).toBeVisible();
  await page.screenshot({ path: 'test-results/pk-board.png', fullPage: false });
  await row
    .first()
    .getByRole('link', { name: `Buka PK ${position}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${agreementPath}$`));
  await expect(page.getByRole('heading', { name: `PK ${position}`, level: 1 })).toBeVisible();

  // A return needs a comment.
  await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(dialog.getByText('Catatan wajib diisi, minimal 5 karakter.')).toBeVisible();
  await dialog.getByRole('textbox', { name: /Catatan untuk penyusun/ }).fill(returnComment);
  await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Dikembalikan', { exact: true }).first()).toBeVisible();
  await signOut(page);
});

test('operator membaca catatan, memperbaiki, dan mengajukan ulang', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  await nav(page).getByRole('link', { name: 'Perjanjian Kinerja' }).click();
  const row = page.getByRole('row').filter({ hasText: position });
  await expect(row.getByText('Dikembalikan')).toBeVisible();
  await row.getByRole('link', { name: position }).click();
  await expect(page.getByTestId('returned-comment')).toContainText(returnComment);

  // Fill TW I–IV of the first indicator so they add up for its aggregation.
  const annual = page.getByRole('textbox', { name: /^Target tahunan – / }).first();
  // A dot groups thousands, a comma marks decimals: "1.000" is one thousand.
  await annual.fill('1.000');
  await annual.blur();
  await expect(annual).toHaveValue('1.000');
  await expect(annual).not.toHaveAttribute('aria-invalid', 'true');
  // English-style or malformed numbers are refused next to the field, never guessed.
  await annual.fill('1000.5');
  await annual.blur();
  await expect(page.getByText(/Gunakan koma untuk desimal, mis\. 1000,5/)).toBeVisible();
  await annual.fill('1,2,3');
  await annual.blur();
  await expect(page.getByText('Hanya boleh ada satu koma desimal, mis. 1.234,5.')).toBeVisible();
  // "1000" is read and shown the Indonesian way, and saves as 1000.
  await annual.fill('1000');
  await annual.blur();
  await expect(annual).toHaveValue('1.000');
  await expect(page.getByText(/Hanya boleh ada satu koma desimal/)).toHaveCount(0);
  const method = page.getByRole('textbox', { name: /^Capaian triwulan – / }).first();
  await method.click();
  await page.getByRole('option', { name: 'Kumulatif' }).click();
  await expect(
    page.getByText('Kumulatif: jumlah TW I–IV sama dengan target tahunan.').first(),
  ).toBeVisible();
  for (const [index, value] of ['100', '200', '300', '400'].entries()) {
    await page
      .getByRole('textbox', { name: new RegExp(`^TW ${['I', 'II', 'III', 'IV'][index]} – `) })
      .first()
      .fill(value);
  }
  await save(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/pk-editor.png' });
  await page
    .getByTestId('objective-card')
    .first()
    .screenshot({ path: 'test-results/pk-editor-indicators.png' });
  await page
    .getByRole('region', { name: /^Program \/ Kegiatan/ })
    .screenshot({ path: 'test-results/pk-editor-budgets.png' });
  await transition(page, 'Ajukan');
  await expect(page.getByText('Diajukan', { exact: true }).first()).toBeVisible();
  // The history names every step with who did it.
  const history = page.getByRole('region', { name: 'Riwayat' });
  await expect(history).toContainText(returnComment);
  await signOut(page);
});

test('admin memverifikasi dan menandai siap ditandatangani', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'admin');
  await page.goto(agreementPath);
  await expect(page.getByRole('heading', { name: `PK ${position}`, level: 1 })).toBeVisible();
  await transition(page, 'Verifikasi');
  await expect(page.getByText('Terverifikasi', { exact: true }).first()).toBeVisible();
  await transition(page, 'Siap Ditandatangani');
  await expect(page.getByText('Siap Ditandatangani', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/siap ditandatangani\. Isinya hanya dapat diubah/)).toBeVisible();

  await nav(page).getByRole('link', { name: 'Pemantauan PK' }).click();
  await page.getByRole('textbox', { name: 'Cari jabatan, unit, atau nama' }).fill('Kesehatan');
  await expect(
    page.getByRole('row').filter({ hasText: position }).getByText('Siap Ditandatangani'),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/pk-board-final.png' });

  // On a phone the read-only PK fits the width; wide tables scroll inside their own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(agreementPath);
  await expect(page.getByRole('heading', { name: `PK ${position}`, level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: 'test-results/pk-editor-phone.png' });
});
