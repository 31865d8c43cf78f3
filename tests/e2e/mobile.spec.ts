import { expect, test } from '@playwright/test';
import { signInAndWait } from './helpers.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('pohon organisasi dan menu burger berfungsi di layar ponsel', async ({ page }) => {
  await signInAndWait(page, 'admin');
  await page.goto('/organisasi');
  await expect(page.getByRole('heading', { name: 'Organisasi', level: 1 })).toBeVisible();
  await expect(page.getByRole('treeitem').first()).toBeVisible();

  // The navigation is hidden behind the burger.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeHidden();
  await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeVisible();
  await nav.getByRole('link', { name: 'Pegawai' }).click();
  await expect(page).toHaveURL(/\/pegawai$/);
  await expect(page.getByRole('heading', { name: 'Pegawai', level: 1 })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeHidden();

  // Nothing overflows sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);

  // The tree still opens and closes with a tap.
  await page.goto('/organisasi');
  const first = page.getByRole('treeitem').first();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await first.locator('span[aria-hidden]').first().click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
});
