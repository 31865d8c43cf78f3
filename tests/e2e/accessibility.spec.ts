import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signInAndWait } from './helpers.js';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
}

test('halaman masuk tanpa pelanggaran aksesibilitas serius', async ({ page }) => {
  await page.goto('/masuk');
  await expect(page.getByRole('heading', { name: 'Selamat datang' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('halaman organisasi tanpa pelanggaran aksesibilitas serius', async ({ page }) => {
  await signInAndWait(page, 'admin');
  // The whole top level (with Plt badges), then a search that opens nested levels.
  await page.goto('/organisasi');
  await expect(page.getByRole('treeitem').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/organisasi?cari=kesehatan');
  await expect(page.getByRole('treeitem').nth(3)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('pohon organisasi dapat dipakai dengan papan ketik', async ({ page }) => {
  await signInAndWait(page, 'admin');
  await page.goto('/organisasi');
  const first = page.getByRole('treeitem').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('treeitem').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/organisasi\/unit\//);
});
