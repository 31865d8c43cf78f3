import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { failOnPageErrors, pickOption, signInAndWait } from './helpers.js';

// The cascade of the demo Pemda's PK year 2027: RPJMD sasaran → PD → eselon III → eselon IV,
// coverage cards, the broken links the demo leaves on purpose, keyboard use of the tree and the
// unit filter. Screenshots go to test-results/ for a human look.
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
}

test('pimpinan melihat kaskade kinerja 2027 dengan mata rantai yang putus', async ({ page }) => {
  failOnPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAndWait(page, 'admin');
  await page.goto('/pk/kaskade');
  await expect(page.getByRole('heading', { name: 'Kaskade Kinerja', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Tahun PK' })).toHaveValue('2027');

  const tree = page.getByRole('tree', { name: 'Pohon kaskade kinerja' });
  await expect(tree).toBeVisible();
  await expect(page.getByText('Sasaran RPJMD didukung PD')).toBeVisible();
  await expect(page.getByText('PK belum dibuat', { exact: true })).toBeVisible();
  const download = page.getByRole('link', { name: 'Unduh Excel' });
  await expect(download).toHaveAttribute('href', '/api/exports/cascade.xlsx?year=2027');

  // Roots are open: the first RPJMD sasaran shows the PD sasaran under it.
  const first = tree.getByRole('treeitem').first();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(first).toContainText('Meningkatnya derajat kesehatan masyarakat');

  // Keyboard: focus the tree, go down to a PD sasaran, open it with the right arrow.
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(tree.locator('[role="treeitem"][aria-level="2"]').first()).toBeFocused();
  // A PD sasaran with PKs below it (the PK journey, which runs earlier on the same database,
  // may have linked a Dinas Kesehatan sasaran without lower PKs in first place).
  const pd = tree.locator('[role="treeitem"][aria-level="2"][aria-expanded]').first();
  await pd.focus();
  await expect(pd).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(pd).toHaveAttribute('aria-expanded', 'true');
  await expect(pd.locator('[role="treeitem"][aria-level="3"]').first()).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(pd).toHaveAttribute('aria-expanded', 'false');

  // The sasaran left unlinked on purpose are listed and flagged with icon and text.
  const unlinked = page.getByRole('tree', {
    name: 'Sasaran yang tidak terhubung ke sasaran atasan',
  });
  await expect(unlinked).toContainText('Meningkatnya wawasan kebangsaan masyarakat');
  await expect(unlinked.getByText('Tidak terhubung ke sasaran atasan').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/cascade-overview.png', fullPage: false });
  expect(await axeViolations(page)).toEqual([]);

  // Open everything once, for the full-page screenshot of one PD.
  await pickOption(page, 'Perangkat daerah', 'Dinas Sosial', 'Dinas Sosial');
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  await expect(download).toHaveAttribute('href', /unitId=/);
  await page.getByRole('button', { name: 'Buka semua' }).first().click();
  await expect(tree.locator('[role="treeitem"][aria-level="4"]').first()).toBeVisible();
  await expect(tree).not.toContainText('Dinas Pendidikan dan Kebudayaan');
  await expect(tree.getByText('Belum didukung PK perangkat daerah mana pun')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/cascade-dinsos.png', fullPage: true });

  // Phone width: the page stays usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/cascade-phone.png', fullPage: false });
});
