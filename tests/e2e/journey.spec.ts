import { expect, test } from '@playwright/test';
import { failOnPageErrors, pickOption, signIn, signInAndWait, signOut } from './helpers.js';

// The journey of the issue: an admin builds a unit and fills its head position with a Plt, finds
// it in the tree and in the audit log; a platform admin creates a second Pemda whose admin sees
// none of the first one.
test.describe.configure({ mode: 'serial' });

const suffix = Date.now().toString(36).slice(-5);
const unitName = `Bidang Uji Coba ${suffix}`;
const decree = `800/${suffix}/BKPSDM/2026`;

test('admin Pemda membuat unit, menugaskan Plt, lalu menemukannya di pohon dan log audit', async ({
  page,
}) => {
  failOnPageErrors(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/masuk/);
  await signInAndWait(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();

  // Find the dinas in the tree and open it.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Organisasi' })
    .click();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill('Dinas Kesehatan');
  await expect(page.getByText('1 unit cocok')).toBeVisible();
  const dinas = page
    .getByRole('treeitem')
    .filter({ hasText: /^Dinas Kesehatan/ })
    .first();
  await dinas.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dinas Kesehatan', level: 1 })).toBeVisible();

  // Create a sub-unit under it.
  await page.getByRole('button', { name: 'Tambah sub-unit' }).first().click();
  const unitDialog = page.getByRole('dialog');
  await unitDialog.getByRole('textbox', { name: 'Nama unit' }).fill(unitName);
  await unitDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: unitName, level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Jejak halaman' })
      .getByRole('link', { name: 'Dinas Kesehatan' }),
  ).toBeVisible();

  // Its head position does not exist yet: create it (the form suggests the title).
  await page.getByRole('button', { name: 'Tambah jabatan' }).first().click();
  const positionDialog = page.getByRole('dialog');
  await expect(positionDialog.getByRole('textbox', { name: 'Nama jabatan' })).toHaveValue(
    `Kepala ${unitName}`,
  );
  await expect(
    positionDialog.getByRole('checkbox', { name: 'Jabatan ini memimpin unit' }),
  ).toBeChecked();
  await positionDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: `Kepala ${unitName}`, level: 1 })).toBeVisible();
  await expect(page.getByText('Jabatan ini sedang kosong.')).toBeVisible();

  // Assign a Plt.
  await page.getByRole('button', { name: 'Tugaskan pegawai' }).first().click();
  const assignDialog = page.getByRole('dialog');
  await pickOption(page, 'Pegawai', 'Rini', /Rini/);
  await assignDialog.getByText('Plt (Pelaksana Tugas)').click();
  await assignDialog.getByRole('textbox', { name: 'Nomor SK' }).fill(decree);
  await assignDialog.getByRole('button', { name: 'Tugaskan pegawai' }).click();
  await expect(assignDialog).toBeHidden();
  const holder = page.getByTestId('current-holder');
  await expect(holder.getByText('Plt', { exact: true })).toBeVisible();
  await expect(page.getByTestId('assignment-history')).toContainText(decree);

  // Find the new unit in the tree by searching, with the Plt badge on its head.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Organisasi' })
    .click();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill(suffix);
  await expect(page.getByText('1 unit cocok')).toBeVisible();
  const row = page.getByRole('treeitem').filter({ hasText: unitName });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Plt', { exact: true })).toBeVisible();
  await expect(row).toContainText('Rini');
  // The parent dinas is shown (expanded) above it.
  await expect(page.getByRole('treeitem').filter({ hasText: /^Dinas Kesehatan/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // The audit log shows the three changes.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Log Audit' })
    .click();
  const audit = page.getByTestId('audit-table');
  await expect(audit.getByRole('row').filter({ hasText: 'Membuat unit' }).first()).toContainText(
    unitName,
  );
  await expect(audit.getByRole('row').filter({ hasText: 'Membuat jabatan' }).first()).toBeVisible();
  await expect(
    audit.getByRole('row').filter({ hasText: 'Menugaskan pegawai' }).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Periksa keutuhan' }).click();
  await expect(page.getByText('Log audit utuh')).toBeVisible();
  await signOut(page);
});

const secondAdmin = `admin.uji${suffix}`;
const firstPassword = `SandiAwal-${suffix}-2026`;
const newPassword = `SandiBaru-${suffix}-2027`;

test('admin platform membuat Pemda kedua; admin-nya tidak melihat apa pun milik Kota Contoh', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'platform');
  await expect(page).toHaveURL(/\/pemda$/);
  await expect(page.getByRole('heading', { name: 'Pemda', level: 1 })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Pemerintah Kota Contoh/ })).toBeVisible();
  // The platform admin sees only the Pemda list in the navigation.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link')).toHaveCount(1);

  await page.getByRole('button', { name: 'Tambah Pemda' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Nama Pemda' })
    .fill(`Pemerintah Kabupaten Uji ${suffix}`);
  await dialog.getByRole('textbox', { name: 'Nama singkat' }).fill(`Kab. Uji ${suffix}`);
  await dialog.getByRole('textbox', { name: 'Kode wilayah Kemendagri' }).fill('72.01');
  await dialog.getByRole('textbox', { name: 'Nama pengguna admin' }).fill(secondAdmin);
  await dialog.getByRole('textbox', { name: 'Nama lengkap admin' }).fill('Admin Kabupaten Uji');
  await dialog.getByLabel('Kata sandi sementara').fill(firstPassword);
  await dialog.getByRole('button', { name: 'Tambah Pemda' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('cell', { name: new RegExp(`Pemerintah Kabupaten Uji ${suffix}`) }),
  ).toBeVisible();
  await signOut(page);

  // The new admin must change the temporary password first.
  await signIn(page, secondAdmin, firstPassword);
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
  await page.getByLabel('Kata sandi saat ini').fill(firstPassword);
  await page.getByLabel(/^Kata sandi baru/).fill(newPassword);
  await page.getByLabel('Ulangi kata sandi baru').fill(newPassword);
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Pemerintah Kabupaten Uji ${suffix}`);

  // An empty organisation, with a clear next step.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Organisasi' })
    .click();
  await expect(page.getByText('Belum ada unit organisasi')).toBeVisible();
  await expect(page.getByRole('tree')).toHaveCount(0);

  // No employees of Kota Contoh.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Pegawai' })
    .click();
  await expect(page.getByText('Belum ada data pegawai')).toBeVisible();

  // The audit log holds only this Pemda's own events.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Log Audit' })
    .click();
  const audit = page.getByTestId('audit-table');
  await expect(audit).toBeVisible();
  await expect(audit).not.toContainText(unitName);
  await expect(audit).not.toContainText('Kota Contoh');
  await expect(audit.getByRole('row').filter({ hasText: 'Membuat unit' })).toHaveCount(0);
  await expect(audit.getByRole('row').filter({ hasText: 'Menugaskan pegawai' })).toHaveCount(0);
  await expect(
    audit
      .getByRole('row')
      .filter({ hasText: /admin(?!\.uji)/ })
      .filter({ hasText: 'Masuk' }),
  ).toHaveCount(0);
});
