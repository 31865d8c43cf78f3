import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait } from './helpers.js';

// The Pakta Integritas journey of issue 4 on the demo Pemda: the admin opens Pakta Integritas,
// makes the year's pacts for one PD (Dinas Kesehatan) after a confirmation that says how many,
// sees the status per unit, drills into the PD, opens one pact's PDF, then changes the clauses
// as a new version and reads the difference in the history.
test.describe.configure({ mode: 'serial' });

const pd = 'Dinas Kesehatan';
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

test('admin membuat Pakta Integritas satu PD, melihat capaian per unit, dan membuka PDF', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'admin');
  await nav(page).getByRole('link', { name: 'Pakta Integritas' }).click();
  await expect(page.getByRole('heading', { name: 'Pakta Integritas', level: 1 })).toBeVisible();
  const year = await page.getByRole('textbox', { name: 'Tahun anggaran' }).inputValue();
  expect(year).toMatch(/^20\d\d$/);
  await expect(page.getByRole('heading', { name: 'Capaian per unit' })).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Lihat unit di bawah ${pd}` }) });
  await expect(row).toContainText('0 dari');
  expect.soft(await seriousViolations(page), '/pakta-integritas').toEqual([]);
  await page.screenshot({ path: '/tmp/d-integrity-status.png' });

  // Make the PD's pacts: the confirmation counts them first.
  await row.getByRole('button', { name: `Buat pakta untuk ${pd}` }).click();
  const dialog = page.getByRole('dialog', { name: `Buat Pakta Integritas ${year}` });
  await expect(
    dialog.getByText(new RegExp(`Akan dibuat \\d+ Pakta Integritas tahun ${year} untuk ${pd}\\.`)),
  ).toBeVisible();
  const confirm = dialog.getByRole('button', { name: /^Buat \d+ pakta$/ });
  const count = Number((await confirm.textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(10);
  await page.screenshot({ path: '/tmp/d-integrity-dialog.png' });
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(new RegExp(`^${count} Pakta Integritas dibuat`))).toBeVisible();

  // The PD now has a pact for each employee, none signed yet.
  const cells = row.getByRole('cell');
  await expect(cells.nth(2)).toHaveText(String(count));
  await expect(cells.nth(1)).toHaveText(String(count));
  await expect(row).toContainText(`0 dari ${count} pegawai (0,00 %)`);
  await expect(row.getByRole('button', { name: `Buat pakta untuk ${pd}` })).toHaveCount(0);

  // Drill into the PD: its bidang and the pacts of the PD.
  await page.getByRole('button', { name: `Lihat unit di bawah ${pd}` }).click();
  await expect(
    page.getByRole('navigation', { name: 'Jejak unit' }).getByText(pd, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Langsung di Dinas Kesehatan/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Daftar Pakta Integritas: ${pd}` })).toBeVisible();
  await expect(
    page
      .getByText(`${count} pakta`, { exact: true })
      .or(page.getByText(new RegExp(`dari ${count} pakta$`))),
  ).toBeVisible();
  await page
    .locator('.mantine-Paper-root')
    .filter({ has: page.getByRole('heading', { name: 'Capaian per unit' }) })
    .screenshot({ path: '/tmp/d-integrity-drill.png' });

  // The head of the PD pledges before the Wali Kota: open that pact's PDF (made on first open).
  await page
    .getByRole('searchbox', { name: 'Cari nama, NIP, jabatan, unit' })
    .fill('Kepala Dinas Kesehatan');
  const pactRow = page.getByRole('row', { name: /Kepala Dinas Kesehatan/ }).first();
  await expect(pactRow).toContainText('Wali Kota');
  await expect(pactRow).toContainText('Menunggu tanda tangan');
  const popupPromise = page.waitForEvent('popup');
  await pactRow.getByRole('button', { name: /^Buka PDF Pakta Integritas/ }).click();
  const popup = await popupPromise;
  await popup.waitForURL(/\/api\/documents\/[0-9a-f-]{36}\/pdf$/);
  await popup.close();
  // The row now shows the document's signatures (0 of 2).
  await expect(pactRow).toContainText('0/2 tanda tangan');
  await page
    .locator('.mantine-Paper-root')
    .filter({ has: page.getByRole('heading', { name: /^Daftar Pakta Integritas/ }) })
    .screenshot({ path: '/tmp/d-integrity-list.png' });
});

test('admin mengubah klausul sebagai versi baru dan melihat perubahannya', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'admin');
  await page.goto('/pakta-integritas');
  await page.getByRole('link', { name: 'Klausul' }).click();
  await expect(
    page.getByRole('heading', { name: 'Klausul Pakta Integritas', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versi 1 (berlaku)' })).toBeVisible();
  const save = page.getByRole('button', { name: 'Simpan sebagai versi baru' });
  await expect(save).toBeDisabled();
  expect.soft(await seriousViolations(page), '/pakta-integritas/klausul').toEqual([]);

  // Edit clause 3, add an eighth clause and move it up with the keyboard.
  const third = page.getByRole('textbox', { name: 'Klausul 3', exact: true });
  await third.fill(
    'Bersikap transparan, jujur, objektif, adil, dan akuntabel dalam melaksanakan tugas;',
  );
  await page.getByRole('button', { name: 'Tambah klausul' }).click();
  const eighth = page.getByRole('textbox', { name: 'Klausul 8', exact: true });
  await expect(eighth).toBeFocused();
  await eighth.fill('pendek');
  await expect(page.getByText('Minimal 10 karakter.')).toBeVisible();
  await expect(save).toBeDisabled();
  await eighth.fill('Melaporkan harta kekayaan secara jujur dan tepat waktu kepada {instansi};');
  await page.getByRole('button', { name: 'Naikkan klausul 8' }).focus();
  await page.keyboard.press('Enter');
  // Focus stays on the moved clause's arrow, now number 7.
  await expect(page.getByRole('button', { name: 'Naikkan klausul 7' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Klausul 7', exact: true })).toHaveValue(
    /^Melaporkan harta kekayaan/,
  );
  await page.getByRole('textbox', { name: 'Catatan perubahan' }).fill('Menambah klausul LHKPN');
  await page.screenshot({ path: '/tmp/d-integrity-clauses-edit.png', fullPage: true });
  await save.click();
  await expect(page.getByText('Klausul disimpan sebagai versi 2.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Versi 2 (berlaku)' })).toBeVisible();

  // The history shows version 2 with what changed.
  const history = page.getByRole('listitem').filter({ hasText: 'Menambah klausul LHKPN' });
  await history.getByRole('button', { name: 'Lihat perubahan' }).click();
  await expect(page.getByText('Perubahan: 1 ditambah, 1 diubah.')).toBeVisible();
  await expect(history.getByText('Sebelumnya:')).toBeVisible();
  await page.screenshot({ path: '/tmp/d-integrity-clauses-history.png', fullPage: true });
});

test('status dan daftar terbaca di layar ponsel', async ({ page }) => {
  failOnPageErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, 'admin');
  await page.goto('/pakta-integritas');
  await expect(page.getByRole('heading', { name: 'Capaian per unit' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Kesehatan/ }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/d-integrity-phone.png' });
});
