import { expect, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait } from './helpers.js';

test('Bappeda menambah indikator dengan target berformat Indonesia pada sasaran RPJMD', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'bappeda');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Perencanaan' })
    .click();
  await expect(page.getByRole('heading', { name: 'Perencanaan', level: 1 })).toBeVisible();

  // The demo Pemda has its RPJMD 2025–2029 (src/modules/demo/planning-demo.ts). Wait for the
  // list to load rather than peeking at it: a check made before the list arrives is a race.
  const existing = page.getByRole('link', { name: /2025/ }).first();
  await expect(existing).toBeVisible();
  await existing.click();
  await expect(page.getByRole('heading', { name: 'Misi, tujuan, dan sasaran' })).toBeVisible();

  const sasaranCards = page.getByTestId('plan-node-sasaran');
  await expect(sasaranCards.first()).toBeVisible();

  const sasaran = sasaranCards.first();
  await sasaran.getByRole('button', { name: 'Tambah indikator' }).click();
  const dialog = page.getByRole('dialog');
  const name = `Indeks uji Playwright ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Nama indikator' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Satuan' }).fill('orang');
  await dialog.getByRole('textbox', { name: 'Target 2026' }).fill('1.234,5');
  await dialog.getByRole('textbox', { name: 'Target 2027' }).fill('1.300');
  const response = page.waitForResponse(
    (r) => r.url().endsWith('/api/indicators') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  const created = (await (await response).json()) as { findings: unknown[] };
  // With findings the editor stays open to show them inline; close it after reading.
  if (created.findings.length > 0) {
    await expect(dialog.getByTestId('quality-findings')).toBeVisible();
    await page.screenshot({ path: 'test-results/planning-findings.png' });
    await dialog.getByRole('button', { name: 'Batal' }).click();
  }
  await expect(dialog).toBeHidden();

  // The indicator's own row (a findings row below it may quote its name too).
  const row = page
    .getByRole('row')
    .filter({ hasText: name })
    .filter({ has: page.getByRole('cell', { name: '1.234,5', exact: true }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '1.300', exact: true })).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/planning.png', fullPage: false });

  // Archive the indicator: the confirmation says PKs keep their own copy; it leaves the tree.
  await row.getByRole('button', { name: `Tindakan indikator: ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Arsipkan indikator' }).click();
  const confirm = page.getByRole('dialog', { name: 'Arsipkan indikator ini?' });
  await expect(confirm.getByText(/menyimpan salinannya sendiri/)).toBeVisible();
  await confirm.screenshot({ path: 'test-results/planning-archive-indicator.png' });
  await confirm.getByRole('button', { name: 'Arsipkan indikator' }).click();
  await expect(confirm).toBeHidden();
  const anyRow = page.getByRole('row').filter({ hasText: name });
  await expect(anyRow).toHaveCount(0);

  // "Tampilkan yang diarsipkan": it is back, marked, and can be restored.
  const toggle = page.getByRole('switch', { name: 'Tampilkan yang diarsipkan' });
  await toggle.dispatchEvent('click'); // the toasts may cover it
  await expect(toggle).toBeChecked();
  const archivedRow = page.locator('tr[data-archived]').filter({ hasText: name });
  await expect(archivedRow).toBeVisible();
  await expect(archivedRow.getByText('Diarsipkan', { exact: true })).toBeVisible();
  await expect(archivedRow.getByRole('button', { name: `Ubah indikator: ${name}` })).toHaveCount(0);
  await archivedRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/planning-archived-shown.png', fullPage: false });
  await archivedRow.getByRole('button', { name: `Tindakan indikator: ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Pulihkan indikator' }).click();
  const restore = page.getByRole('dialog', { name: 'Pulihkan indikator ini?' });
  await restore.getByRole('button', { name: 'Pulihkan indikator' }).click();
  await expect(restore).toBeHidden();
  await expect(archivedRow).toHaveCount(0);
  await toggle.dispatchEvent('click');
  await expect(toggle).not.toBeChecked();
  await expect(row).toBeVisible();
  await expect(row.getByText('Diarsipkan', { exact: true })).toHaveCount(0);

  // A plan node: archive a new misi, find it with the toggle, restore it.
  const misi = `Misi arsip uji ${Date.now()}`;
  const misiCard = page.getByTestId('plan-node-misi').filter({ hasText: misi });
  await page.getByRole('button', { name: /^Tambah misi$/ }).click();
  const misiDialog = page.getByRole('dialog');
  await misiDialog.getByRole('textbox', { name: /^Uraian/ }).fill(misi);
  await misiDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(misiDialog).toBeHidden();
  await expect(misiCard).toBeVisible();
  await misiCard.getByRole('button', { name: `Tindakan lain: ${misi}` }).click();
  await page.getByRole('menuitem', { name: 'Arsipkan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Arsipkan' }).click();
  await expect(misiCard).toHaveCount(0);
  await toggle.dispatchEvent('click'); // the toasts may cover it
  await expect(toggle).toBeChecked();
  await expect(misiCard).toHaveAttribute('data-archived', 'true');
  await expect(misiCard.getByText('Diarsipkan', { exact: true })).toBeVisible();
  await misiCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/planning-archived-node.png', fullPage: false });
  await misiCard.getByRole('button', { name: `Tindakan lain: ${misi}` }).click();
  await page.getByRole('menuitem', { name: 'Pulihkan' }).click();
  await page
    .getByRole('dialog', { name: 'Pulihkan butir ini?' })
    .getByRole('button', { name: 'Pulihkan' })
    .click();
  await expect(misiCard.getByText('Diarsipkan', { exact: true })).toHaveCount(0);
  await toggle.dispatchEvent('click');
  await expect(toggle).not.toBeChecked();
  await expect(misiCard).toBeVisible();
});

test('operator Dinas Kesehatan membuka Renstra PD-nya di layar ponsel', async ({ page }) => {
  failOnPageErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, 'operator.dinkes');
  await page.goto('/perencanaan');
  await page.getByRole('link', { name: /2025/ }).first().click();
  await page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: /^Renstra Dinas Kesehatan/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('plan-node-program').first()).toBeVisible();
  await expect(page.getByText(/Rp\s?[\d.]+/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/planning-renstra-phone.png', fullPage: false });
});
