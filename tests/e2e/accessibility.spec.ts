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

// ---------------------------------------------------------------------------------------------
// Issue 3 pages: planning, PK, cascade and imports, as a screen-reader user and on a phone.
// Every page is checked with axe at desktop width, then photographed at phone width
// (test-results/a11y-*.png) for a human look.

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

/** Photographs the current page at phone width, then goes back to desktop width. */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize(phone);
  await page.waitForTimeout(300);
  // The top of the page (at most ~2.5 screens), so the picture stays readable.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: `test-results/a11y-${name}.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width: phone.width, height: Math.min(height, 2100) },
  });
  await page.setViewportSize(desktop);
}

/** Horizontal overflow of the whole page in CSS pixels (0 when nothing sticks out). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

test.describe('halaman perencanaan dan PK (issue 3)', () => {
  test.use({ viewport: desktop });

  test('perencanaan: daftar periode, RPJMD, Renstra, skala, dan editor indikator', async ({
    page,
  }) => {
    await signInAndWait(page, 'bappeda');
    await page.goto('/perencanaan');
    await expect(h1(page, 'Perencanaan')).toBeVisible();
    await expect(page.getByRole('link', { name: /2025/ }).first()).toBeVisible();
    expect.soft(await seriousViolations(page), '/perencanaan').toEqual([]);
    await phoneShot(page, 'perencanaan');

    await page.getByRole('link', { name: /2025/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Misi, tujuan, dan sasaran' })).toBeVisible();
    await expect(page.getByTestId('plan-node-sasaran').first()).toBeVisible();
    const rpjmdPath = new URL(page.url()).pathname;
    expect.soft(await seriousViolations(page), 'RPJMD').toEqual([]);
    await phoneShot(page, 'rpjmd');

    // The indicator editor dialog, opened from the first sasaran.
    await page
      .getByTestId('plan-node-sasaran')
      .first()
      .getByRole('button', { name: 'Tambah indikator' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('textbox', { name: 'Nama indikator' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'editor indikator').toEqual([]);
    await phoneShot(page, 'indikator-dialog');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();

    await page.goto(rpjmdPath);
    await page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
    await expect(h1(page, /^Renstra Dinas Kesehatan/)).toBeVisible();
    await expect(page.getByTestId('plan-node-program').first()).toBeVisible();
    expect.soft(await seriousViolations(page), 'Renstra').toEqual([]);
    await phoneShot(page, 'renstra');

    await page.goto('/perencanaan/skala');
    await expect(h1(page, 'Skala penilaian kualitatif')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect.soft(await seriousViolations(page), '/perencanaan/skala').toEqual([]);
    await phoneShot(page, 'skala');
    // The scale editor dialog too (Bappeda may add scales).
    await page.getByRole('button', { name: 'Tambah skala' }).first().click();
    const scaleDialog = page.getByRole('dialog', { name: 'Tambah skala penilaian' });
    await expect(scaleDialog).toBeVisible();
    expect.soft(await seriousViolations(page), 'dialog skala').toEqual([]);
    await scaleDialog.getByRole('button', { name: 'Batal' }).click();
    await expect(scaleDialog).toBeHidden();
  });

  test('PK: daftar, editor, tahun, pemantauan, kaskade, dan impor', async ({ page }) => {
    await signInAndWait(page, 'admin');
    await page.goto('/pk');
    await expect(h1(page, 'Perjanjian Kinerja')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Tahun PK' })).toHaveValue('2027');
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    expect.soft(await seriousViolations(page), '/pk').toEqual([]);
    await phoneShot(page, 'pk');

    // A draft of a PD other than Dinas Kesehatan (whose PK the journey test drafts).
    const draftRow = page
      .getByRole('row')
      .filter({ hasText: 'Draf' })
      .filter({ hasNotText: 'Dinas Kesehatan' })
      .first();
    await draftRow.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/pk\/dokumen\/[0-9a-f-]{36}$/);
    await expect(h1(page, /^PK /)).toBeVisible();
    await expect(page.getByTestId('objective-card').first()).toBeVisible();
    expect.soft(await seriousViolations(page), 'editor PK').toEqual([]);
    await phoneShot(page, 'pk-editor');

    await page.goto('/pk/tahun');
    await expect(h1(page, /Tahun PK/)).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect.soft(await seriousViolations(page), '/pk/tahun').toEqual([]);
    await phoneShot(page, 'pk-tahun');

    await page.goto('/pk/pemantauan');
    await expect(h1(page, 'Pemantauan PK')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect.soft(await seriousViolations(page), '/pk/pemantauan').toEqual([]);
    await phoneShot(page, 'pk-pemantauan');

    await page.goto('/pk/kaskade');
    await expect(h1(page, 'Kaskade Kinerja')).toBeVisible();
    await expect(page.getByRole('tree', { name: 'Pohon kaskade kinerja' })).toBeVisible();
    expect.soft(await seriousViolations(page), '/pk/kaskade').toEqual([]);
    await phoneShot(page, 'kaskade');

    await page.goto('/impor');
    await expect(h1(page, 'Impor Excel')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect.soft(await seriousViolations(page), '/impor').toEqual([]);
    await phoneShot(page, 'impor');
  });

  test('editor PK dan kaskade tidak meluber ke samping di layar ponsel', async ({ page }) => {
    await page.setViewportSize(phone);
    await signInAndWait(page, 'admin');
    await page.goto('/pk');
    await expect(page.getByRole('textbox', { name: 'Tahun PK' })).toHaveValue('2027');
    const link = page
      .getByRole('row')
      .filter({ hasText: 'Draf' })
      .filter({ hasNotText: 'Dinas Kesehatan' })
      .first()
      .getByRole('link')
      .first();
    await link.click();
    await expect(page.getByTestId('objective-card').first()).toBeVisible();
    expect.soft(await pageOverflow(page), 'editor PK').toBeLessThanOrEqual(1);

    await page.goto('/pk/kaskade');
    await expect(page.getByRole('tree', { name: 'Pohon kaskade kinerja' })).toBeVisible();
    expect.soft(await pageOverflow(page), '/pk/kaskade').toBeLessThanOrEqual(1);
  });
});
