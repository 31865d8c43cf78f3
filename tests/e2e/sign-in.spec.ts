import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('kata sandi salah menampilkan pesan dari server dan tetap di halaman masuk', async ({
  page,
}) => {
  await signIn(page, 'tamu', 'bukan-kata-sandinya-1');
  const alert = page.getByRole('alert').filter({ hasText: 'Gagal masuk' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/salah/i);
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.getByLabel('Nama pengguna atau NIP')).toHaveValue('tamu');
});

test('kolom kosong ditandai tanpa memanggil server', async ({ page }) => {
  await page.goto('/masuk');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Wajib diisi')).toHaveCount(2);
});

test('halaman yang dilindungi mengarahkan ke halaman masuk lalu kembali', async ({ page }) => {
  await page.goto('/pegawai');
  await expect(page).toHaveURL(/\/masuk\?redirect=%2Fpegawai/);
  await page.getByLabel('Nama pengguna atau NIP').fill('tamu');
  await page.getByLabel('Kata sandi').fill('amanah-demo-2026');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/pegawai$/);
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
  // A viewer has no admin pages in the navigation.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pengguna & Peran' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Pengaturan Pemda' })).toHaveCount(0);
});
