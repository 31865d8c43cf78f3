import { expect, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait } from './helpers.js';

test('Bappeda melihat skala Opini BPK dan menambah skala Kategori IKM', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'bappeda');
  await page.goto('/perencanaan');
  await expect(page.getByRole('link', { name: 'Skala penilaian kualitatif' })).toBeVisible();
  await page.screenshot({ path: 'test-results/scales-plans-link.png' });
  await page.getByRole('link', { name: 'Skala penilaian kualitatif' }).click();
  await expect(page).toHaveURL(/\/perencanaan\/skala$/);
  await expect(
    page.getByRole('heading', { name: 'Skala penilaian kualitatif', level: 1 }),
  ).toBeVisible();

  // The default scales every Pemda starts with.
  const bpk = page.getByRole('region', { name: 'Opini BPK' });
  await expect(bpk.getByRole('cell', { name: 'WTP', exact: true })).toBeVisible();
  await expect(bpk.getByRole('cell', { name: 'Wajar Tanpa Pengecualian' })).toBeVisible();
  // Highest score first.
  await expect(bpk.getByRole('row').nth(1)).toContainText('WTP');

  await page.getByRole('button', { name: 'Tambah skala' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tambah skala penilaian' });
  await dialog.getByRole('textbox', { name: 'Nama skala' }).fill('Kategori IKM');
  // The key follows the name until it is typed into.
  await expect(dialog.getByRole('textbox', { name: 'Kunci' })).toHaveValue('kategori_ikm');

  // A key that breaks the rule is explained before anything is sent.
  await dialog.getByRole('textbox', { name: 'Kunci' }).fill('Kategori IKM');
  await dialog.getByRole('button', { name: 'Tambah skala' }).click();
  await expect(dialog.getByText(/Gunakan huruf kecil a–z/)).toBeVisible();

  const levels = [
    ['A', 'Sangat baik', '4'],
    ['B', 'Baik', '3'],
    ['C', 'Kurang baik', '2'],
    ['D', 'Tidak baik', '1'],
  ] as const;
  await dialog.getByRole('button', { name: 'Tambah tingkat' }).click();
  for (const [i, [code, label, score]] of levels.entries()) {
    await dialog.getByRole('textbox', { name: `Kode tingkat ${i + 1}` }).fill(code);
    await dialog.getByRole('textbox', { name: `Keterangan tingkat ${i + 1}` }).fill(label);
    await dialog.getByRole('textbox', { name: `Skor tingkat ${i + 1}` }).fill(score);
  }
  await page.screenshot({ path: 'test-results/scales-form.png', fullPage: true });

  // The server's refusal (a key already taken) appears under the key field.
  const key = dialog.getByRole('textbox', { name: 'Kunci' });
  await key.fill('opini_bpk');
  await dialog.getByRole('button', { name: 'Tambah skala' }).click();
  await expect(dialog.getByText('Kunci skala "opini_bpk" sudah dipakai.')).toBeVisible();
  await expect(key).toHaveAttribute('aria-invalid', 'true');

  await key.fill('kategori_ikm');
  await dialog.getByRole('button', { name: 'Tambah skala' }).click();
  await expect(dialog).toBeHidden();

  const ikm = page.getByRole('region', { name: 'Kategori IKM' });
  await expect(ikm).toBeVisible();
  await expect(ikm.getByText('kategori_ikm')).toBeVisible();
  const rows = ikm.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('A');
  await expect(rows.nth(1)).toContainText('Sangat baik');
  await expect(rows.nth(4)).toContainText('D');

  // Editing: a decimal score typed the Indonesian way is shown back the same way.
  await ikm.getByRole('button', { name: 'Ubah skala Kategori IKM' }).click();
  const edit = page.getByRole('dialog', { name: /Ubah skala/ });
  await edit.getByRole('textbox', { name: 'Skor tingkat 2' }).fill('3,5');
  await edit.getByRole('button', { name: 'Simpan skala' }).click();
  await expect(edit).toBeHidden();
  await expect(ikm.getByRole('cell', { name: '3,5' })).toBeVisible();

  await page.screenshot({ path: 'test-results/scales-page.png', fullPage: true });
});
