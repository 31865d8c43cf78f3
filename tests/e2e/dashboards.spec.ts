import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait } from './helpers.js';

/**
 * The Wali Kota's dashboards on the demo Pemda (this year's past quarters verified by the demo
 * seed): the Pemda dashboard with its ranking, bands told in text, a chart's table view and its
 * PNG and xlsx downloads; the unit and indicator pages opened from links; the appreciation
 * proposals. Every page is photographed at desktop and phone widths (test-results/dashboards-*).
 * Reads only: later specs (monitoring-journey) find the demo as it was.
 */

const shot = (name: string) => `test-results/dashboards-${name}.png`;
const bandText = /Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah/;

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}

/** Waits until every chart on the page has drawn (its canvas exists and the skeleton is gone). */
async function chartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('[aria-label="Memuat grafik…"]')).toHaveCount(0);
  const charts = page.locator('div[role="img"][aria-label^="Grafik"]');
  const count = await charts.count();
  for (let i = 0; i < count; i += 1) {
    const chart = charts.nth(i);
    if (await chart.isVisible()) await expect(chart.locator('canvas')).toHaveCount(1);
  }
}

/** Serious axe findings in the page's main content (with every chart's table view open). */
async function seriousViolations(page: Page) {
  for (const toggle of await page.getByText('Tabel', { exact: true }).all()) await toggle.click();
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  for (const toggle of await page.getByText('Grafik', { exact: true }).all()) await toggle.click();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await trigger.click();
  const file = await waiting;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test.describe('dasbor kinerja', () => {
  test('Wali Kota membaca dasbor Pemda, unit, indikator, dan usulan apresiasi', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    failOnPageErrors(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInAndWait(page, 'walikota');

    await page.goto('/dasbor');
    await expect(page.getByRole('heading', { name: 'Dasbor Kinerja', level: 1 })).toBeVisible();
    const rows = page.locator('[data-testid^="unit-row-"]');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);

    // The demo's figures: a Pemda capaian in percent with its band named in text.
    const summary = page.getByTestId('summary-capaian');
    await expect(summary).toContainText(/\d+(,\d+)? %/);
    await expect(summary.locator('[data-band]')).toHaveText(bandText);
    // The first ranked PD has a rank, a capaian and its band as a word (not only a colour).
    const first = rows.first();
    await expect(first.locator('td').first()).toHaveText('1');
    await expect(first.locator('[data-band]').first()).toHaveText(bandText);
    await expect(first).toContainText(/\d+(,\d+)? %/);

    await chartsDrawn(page);
    await page.screenshot({ path: shot('pemda-desktop'), fullPage: true });

    // A chart's "Tabel" view shows the same data as a table.
    const objectives = page.getByTestId('chart-objectives');
    await objectives.getByText('Tabel', { exact: true }).click();
    const table = objectives.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Sasaran' })).toBeVisible();

    // The chart as PNG (even in table view) and the table as xlsx.
    const png = await download(page, objectives.getByRole('button', { name: /sebagai PNG/ }));
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const xlsx = await download(page, objectives.getByRole('link', { name: /sebagai Excel/ }));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The scatter names the "Belanja tanpa hasil" quadrant in text.
    await expect(page.getByTestId('chart-scatter')).toContainText('Belanja tanpa hasil');
    expect(await seriousViolations(page)).toEqual([]);

    // The period lives in the address: TW I (always past in the demo's year) has figures too,
    // and the back button returns to the quarter shown before.
    const before = (await summary.textContent()) ?? '';
    await page.getByRole('textbox', { name: 'Triwulan' }).click();
    await page.getByRole('option', { name: 'TW I', exact: true }).click();
    await expect(page).toHaveURL(/triwulan=1/);
    await expect(summary).toContainText('s.d. TW I ');
    await expect(summary).toContainText(/\d+(,\d+)? %/);
    await page.goBack();
    await expect(summary).toHaveText(before);

    // The unit dashboard opens from the ranking.
    const unitLink = first.getByRole('link').first();
    const unitName = (await unitLink.textContent())?.trim() ?? '';
    await unitLink.click();
    await expect(page).toHaveURL(/\/dasbor\/unit\/[0-9a-f-]{36}/);
    await expect(page.getByRole('heading', { name: unitName, level: 1 })).toBeVisible();
    const agreements = page.getByTestId('unit-agreements');
    await expect(agreements.getByRole('table')).toBeVisible();
    await expect(page.getByText('Catatan supervisi pihak kedua')).toBeVisible();
    await chartsDrawn(page);
    await page.screenshot({ path: shot('unit-desktop'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The indicator page opens from the unit's indicator table.
    const indicatorLink = agreements.getByRole('table').getByRole('link').first();
    const indicatorName = (await indicatorLink.textContent())?.trim() ?? '';
    await indicatorLink.click();
    await expect(page).toHaveURL(/\/dasbor\/indikator\/[0-9a-f-]{36}/);
    await expect(page.getByRole('heading', { name: indicatorName, level: 1 })).toBeVisible();
    await expect(page.getByTestId('chart-history')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Narasi per triwulan' })).toBeVisible();
    await chartsDrawn(page);
    await page.screenshot({ path: shot('indicator-desktop'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The appreciation page proposes PD for appreciation, with the rules it used.
    await page.goto('/dasbor/apresiasi');
    await expect(
      page.getByRole('heading', { name: 'Usulan Apresiasi dan Evaluasi', level: 1 }),
    ).toBeVisible();
    const proposals = page.getByTestId('proposals-appreciation');
    await expect(proposals.getByRole('link').first()).toBeVisible();
    await expect(proposals.getByText('Apresiasi', { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId('appreciation-settings')).toContainText('IKU');
    await chartsDrawn(page);
    await page.screenshot({ path: shot('appreciation-desktop'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('tahun tanpa PK yang ditandatangani menampilkan keadaan kosong', async ({ page }) => {
    failOnPageErrors(page);
    await signInAndWait(page, 'walikota');
    // The demo's Renstra starts in 2025: nothing was signed for 2024.
    await page.goto('/dasbor?tahun=2024');
    await expect(page.getByTestId('dashboard-empty')).toContainText(
      'Belum ada realisasi yang disetujui untuk triwulan ini',
    );
    await expect(page.locator('[data-testid^="unit-row-"]')).toHaveCount(0);
  });

  test('dasbor terbaca di layar ponsel tanpa geser ke samping', async ({ page }) => {
    test.setTimeout(120_000);
    failOnPageErrors(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAndWait(page, 'walikota');

    await page.goto('/dasbor');
    const rows = page.locator('[data-testid^="unit-row-"]');
    await expect(rows.first()).toBeAttached();
    await chartsDrawn(page);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('pemda-mobile'), fullPage: true });

    const unitId = (await rows.first().getAttribute('data-testid'))?.replace('unit-row-', '');
    await page.goto(`/dasbor/unit/${unitId}`);
    await expect(page.getByTestId('unit-agreements')).toBeVisible();
    await chartsDrawn(page);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('unit-mobile'), fullPage: true });

    const indicatorLink = page.getByTestId('unit-agreements').getByRole('table').getByRole('link');
    await indicatorLink.first().click();
    await expect(page.getByTestId('chart-history')).toBeVisible();
    await chartsDrawn(page);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('indicator-mobile'), fullPage: true });

    await page.goto('/dasbor/apresiasi');
    await expect(page.getByTestId('proposals-appreciation')).toBeVisible();
    await chartsDrawn(page);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('appreciation-mobile'), fullPage: true });
  });
});
