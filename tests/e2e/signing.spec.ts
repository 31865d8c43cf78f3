import { expect, type Page, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait } from './helpers.js';

// One official enrols and signs their own PK in the sign dialog; the Wali Kota then signs
// what waits for them in one batch. Serial: the second test needs the first one's signature.
test.describe.configure({ mode: 'serial' });

const kadisdikPassphrase = 'sekolah rakyat tumbuh bersama pagi ini';
const walikotaPassphrase = 'pohon kelapa tumbuh di pantai utara';

async function enrol(page: Page, passphrase: string) {
  await page.goto('/akun/tanda-tangan');
  await expect(page.getByRole('heading', { name: 'Buat sertifikat' })).toBeVisible();
  // The strength rules are shown while typing, before anything is sent.
  await page.getByLabel('Passphrase baru').fill('1234567890');
  await expect(page.getByText('Jangan hanya angka: tambahkan huruf atau kata.')).toBeVisible();
  await page.getByLabel('Passphrase baru').fill(passphrase);
  await page.getByLabel('Ulangi passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Buat sertifikat' }).click();
  await expect(page.getByRole('heading', { name: 'Sertifikat Anda' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
}

test('pejabat membuat sertifikat lalu membaca dan menandatangani PK-nya', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'kadisdik');
  await enrol(page, kadisdikPassphrase);

  await page.goto('/tugas');
  const row = page
    .getByRole('listitem')
    .filter({ hasText: 'Perjanjian Kinerja Tahun 2027: Kepala Dinas Pendidikan' });
  await expect(row.getByText('Menunggu Anda')).toBeVisible();
  await row.getByRole('button', { name: 'Baca & tandatangani' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('iframe[title="Pratinjau dokumen"]')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Buka di tab baru' })).toHaveAttribute(
    'href',
    /\/api\/documents\/[0-9a-f-]+\/pdf$/,
  );
  // The statement must be ticked before anything is sent.
  await dialog.getByLabel('Passphrase tanda tangan').fill(kadisdikPassphrase);
  await dialog.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(dialog.getByText('Centang pernyataan bahwa Anda telah membaca')).toBeVisible();

  await dialog.getByLabel('Saya telah membaca dokumen ini dan menyetujui isinya').check();
  await dialog.getByLabel('Passphrase tanda tangan').fill('bukan passphrase saya');
  await dialog.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Passphrase salah.', { timeout: 30_000 });
  // The field is emptied after every attempt: the passphrase is never kept in the page.
  await expect(dialog.getByLabel('Passphrase tanda tangan')).toHaveValue('');

  await dialog.getByLabel('Passphrase tanda tangan').fill(kadisdikPassphrase);
  await dialog.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(page.getByText('Dokumen berhasil ditandatangani')).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeHidden();

  // Signed by pihak pertama; now it waits for the Wali Kota (pihak kedua).
  const waiting = page.getByRole('region', { name: 'Menunggu pihak lain' });
  await expect(waiting.getByText('Kepala Dinas Pendidikan dan Kebudayaan')).toBeVisible();
  await expect(waiting.getByText('Menunggu Sisca Rantung, S.E., M.Si.')).toBeVisible();
});

test('Wali Kota menandatangani semua yang menunggunya sekaligus', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'walikota');
  await enrol(page, walikotaPassphrase);

  await page.goto('/tugas');
  // Her own PK (sole signer) and the one the Kepala Dinas Pendidikan has just signed.
  await page.getByRole('button', { name: 'Tandatangani semua (2)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Saya telah membaca seluruh dokumen ini dan menyetujui isinya').check();
  await dialog.getByLabel('Passphrase tanda tangan').fill(walikotaPassphrase);
  await dialog.getByRole('button', { name: 'Tandatangani 2 dokumen' }).click();

  await expect(dialog.getByText('Penandatanganan selesai')).toBeVisible({ timeout: 60_000 });
  const progress = dialog.getByRole('progressbar');
  await expect(progress).toHaveAttribute('aria-valuetext', '2 dari 2');
  await expect(dialog.getByText('2 ditandatangani, 0 dilewati, 0 gagal')).toBeVisible();
  await dialog.getByRole('button', { name: 'Selesai' }).click();

  await expect(
    page.getByText('Saat ini tidak ada dokumen yang menunggu tanda tangan Anda.'),
  ).toBeVisible();
  const recent = page.getByRole('region', { name: 'Baru Anda tandatangani' });
  await expect(recent.getByText('Lengkap')).toHaveCount(2);
  await expect(recent.getByRole('link', { name: /^Unduh PDF: / }).first()).toHaveAttribute(
    'href',
    /download=1/,
  );
});
