import { expect, type Page, test } from '@playwright/test';
import { failOnPageErrors, signInAndWait, signOut } from './helpers.js';

// The journey of issue 5 on the demo data: the operator of Dinas Kesehatan opens Tugas Saya,
// takes the task to fill the open quarter of the head's PK, fills every indicator (one falls in a
// low band and needs the narrative), attaches a PDF as evidence and submits; the head of the
// Dinas approves from Tugas Saya; the Wali Kota opens the Pemda dashboard and finds the Dinas with
// its new capaian and band.
test.describe.configure({ mode: 'serial' });

const HEAD_PK = /Dinas Kesehatan — PK Kepala Dinas Kesehatan/;
const shot = (name: string) => `test-results/monitoring-journey-${name}.png`;

interface Target {
  kind: 'number' | 'range' | 'scale';
  value?: string;
  low?: string;
  high?: string;
  code?: string;
}
interface Indicator {
  id: string;
  name: string;
  method: string;
  aggregation: string;
  scale: { code: string; score: number }[] | null;
  annualTarget: Target | null;
  quarterTarget: Target | null;
}
interface Report {
  id: string;
  year: number;
  quarter: number;
  status: string;
  agreement: { unitId: string | null; unitName: string | null };
  indicators: Indicator[];
}

interface Periods {
  year: number;
  quarters: { quarter: number; open: boolean; locked: boolean }[];
  items: { title: string; quarters: { quarter: number; reportId: string | null }[] }[];
}

const quarterNames: Record<number, string> = { 1: 'TW I', 2: 'TW II', 3: 'TW III', 4: 'TW IV' };
const state = { reportId: '', year: 0, quarter: 0, unitId: '' };

/** A tiny valid PDF (one empty page), built with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Indonesian text of a canonical decimal ("1234.5" → "1234,5"). */
const typed = (canonical: string) => canonical.replace('.', ',');

/** A value that meets the target of this quarter (or of the year), by method. */
function meetingValue(indicator: Indicator): string {
  const target = indicator.quarterTarget ?? indicator.annualTarget;
  if (!target) return '1';
  if (target.kind === 'scale') return target.code ?? '';
  if (target.kind === 'range') return typed(target.low ?? '0');
  return typed(target.value ?? '0');
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

test('operator Dinas Kesehatan mengisi realisasi triwulan berjalan dari Tugas Saya dan mengajukannya', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'operator.dinkes');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Tugas Saya' })
    .click();
  await expect(page.getByRole('heading', { name: 'Tugas Saya', level: 1 })).toBeVisible();
  const fill = page.getByRole('region', { name: 'Isi realisasi' });
  const nothing = page.getByText('Tidak ada tugas yang menunggu Anda');
  await expect(fill.or(nothing).first()).toBeVisible();
  await page.screenshot({ path: shot('01-tugas-saya'), fullPage: true });
  const task = fill.getByRole('button', { name: HEAD_PK });
  if ((await task.count()) > 0) {
    await task.first().click();
  } else {
    // Tugas Saya lists a quarter's fill task from 15 days before the quarter ends; earlier in the
    // quarter (the demo's open quarter on most days) the operator opens it from the list page.
    const periods = await apiGet<Periods>(page, '/api/monitoring/periods?mine=true');
    const head = periods.items.find((i) => i.title === 'PK Kepala Dinas Kesehatan');
    const open = periods.quarters.find(
      (q) =>
        q.open &&
        !q.locked &&
        head?.quarters.find((c) => c.quarter === q.quarter)?.reportId === null,
    );
    expect(open, 'the open quarter of the head PK').toBeTruthy();
    // Tugas Saya points there itself when it has nothing due yet.
    await page.getByRole('link', { name: 'Buka Realisasi Triwulan' }).click();
    await expect(page.getByRole('heading', { name: 'Realisasi Triwulan', level: 1 })).toBeVisible();
    await expect(page.getByText('PK Kepala Dinas Kesehatan').first()).toBeVisible();
    await page.screenshot({ path: shot('01b-realisasi'), fullPage: true });
    await page
      .getByRole('button', {
        name: `Buka ${quarterNames[open?.quarter ?? 1]} ${periods.year}: PK Kepala Dinas Kesehatan`,
      })
      .click();
  }
  await expect(page).toHaveURL(/\/realisasi\/[0-9a-f-]{36}$/);
  state.reportId = page.url().split('/').at(-1) ?? '';

  const report = await apiGet<Report>(page, `/api/monitoring/reports/${state.reportId}`);
  state.year = report.year;
  state.quarter = report.quarter;
  state.unitId = report.agreement.unitId ?? '';
  expect(report.status).toBe('draft');
  expect(report.indicators.length).toBeGreaterThan(1);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${report.year}`);
  await page.screenshot({ path: shot('01c-report-fresh') });

  // One indicator measured "higher is better" gets a fraction of its target: a low band.
  const low =
    report.indicators.find(
      (i) =>
        i.method === 'ratio' &&
        i.aggregation !== 'cumulative' &&
        i.quarterTarget?.kind === 'number',
    ) ?? report.indicators.find((i) => i.method === 'ratio' && i.quarterTarget?.kind === 'number');
  expect(low, 'an indicator with method ratio').toBeTruthy();

  for (const indicator of report.indicators) {
    const card = page.getByTestId(`indicator-${indicator.id}`);
    const field = card.getByRole(indicator.method === 'scale' ? 'textbox' : 'textbox', {
      name: /^Realisasi TW [IV]+: /,
    });
    if (indicator.method === 'scale') {
      await field.click();
      await page.getByRole('option', { name: meetingValue(indicator), exact: true }).click();
    } else if (indicator.id === low?.id) {
      const target = Number(indicator.quarterTarget?.value ?? '1');
      await field.fill(typed(String(Math.round(target * 0.2 * 100) / 100)));
      await field.blur();
    } else {
      await field.fill(meetingValue(indicator));
      await field.blur();
    }
  }
  // The low one shows a low band and asks for the explanation.
  const lowCard = page.getByTestId(`indicator-${low?.id}`);
  await expect(lowCard.getByText('Wajib dijelaskan')).toBeVisible();
  await expect(lowCard.getByText(/Rendah/).first()).toBeVisible();
  await page.screenshot({ path: shot('02-filled'), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('02a-top') });
  await lowCard.screenshot({ path: shot('02b-low-card') });

  // Every card that needs it gets its narrative.
  const required = page.locator('article').filter({ hasText: 'Wajib dijelaskan' });
  const count = await required.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const card = required.nth(i);
    await card
      .getByRole('textbox', { name: /^Analisis: / })
      .fill('Capaian rendah karena kegiatan lapangan tertunda musim hujan.');
    await card
      .getByRole('textbox', { name: /^Kendala: / })
      .fill('Akses ke beberapa kelurahan terputus banjir selama tiga minggu.');
    await card
      .getByRole('textbox', { name: /^Tindak lanjut: / })
      .fill('Kegiatan dijadwalkan ulang pada bulan berikutnya dengan tim tambahan.');
  }

  // Evidence: a real (tiny) PDF on the low indicator.
  const chooser = page.waitForEvent('filechooser');
  await lowCard.getByRole('button', { name: /^Pilih berkas: / }).click();
  await (await chooser).setFiles({
    name: 'bukti-capaian-tw.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  });
  await expect(
    lowCard.getByRole('link', { name: 'Unduh bukti-capaian-tw.pdf' }).first(),
  ).toBeVisible();

  await lowCard.screenshot({ path: shot('02c-low-card-evidence') });
  // This quarter's spending of the first sub kegiatan: the absorption follows what is typed.
  const budgets = page.getByRole('region', { name: 'Realisasi anggaran' });
  const firstBudget = budgets
    .getByRole('textbox', { name: /^Realisasi anggaran TW [IV]+: / })
    .first();
  await firstBudget.fill('125000000');
  await firstBudget.blur();
  await expect(firstBudget).toHaveValue('125.000.000');
  await page
    .getByRole('region', { name: 'Realisasi anggaran' })
    .screenshot({ path: shot('02d-budgets') });
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Realisasi tersimpan')).toBeVisible();
  await page.screenshot({ path: shot('03-saved'), fullPage: true });

  await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajukan' });
  await dialog.getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByText(/Laporan diajukan/)).toBeVisible();
  await expect(page.getByText('Diajukan', { exact: true }).first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('04-submitted') });

  // On a phone: the report and the list stay readable (no overlap, tables scroll sideways).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot('04b-phone-report') });
  await lowCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('04c-phone-card') });
  await page.goto('/realisasi');
  await expect(page.getByText('PK Kepala Dinas Kesehatan').first()).toBeVisible();
  await page.screenshot({ path: shot('04d-phone-list') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOut(page);
});

test('Kepala Dinas Kesehatan menyetujui laporan dari Tugas Saya', async ({ page }) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'kadinkes');
  // The home page says what waits, and the bell has the notice of the submission.
  await expect(page.getByRole('region', { name: 'Tugas Saya' })).toContainText('Setujui');
  const bell = page.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = page.getByRole('dialog', { name: 'Notifikasi' });
  await expect(popover).toBeVisible();
  await page.screenshot({ path: shot('05a-home-bell') });
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await page.goto('/tugas');
  const approve = page.getByRole('region', { name: 'Setujui' });
  await expect(approve).toBeVisible();
  await page.screenshot({ path: shot('05-head-tasks'), fullPage: true });
  await approve.getByRole('button', { name: HEAD_PK }).first().click();
  await expect(page).toHaveURL(new RegExp(`/realisasi/${state.reportId}$`));
  await page.getByRole('button', { name: 'Setujui', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Setujui' });
  await dialog.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByText(/Laporan disetujui/)).toBeVisible();
  await expect(page.getByText('Disetujui', { exact: true }).first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('06-approved') });
  await signOut(page);
});

interface Dashboard {
  year: number;
  quarter: number;
  units: {
    unitId: string;
    unitName: string;
    capaian: { assessed: boolean; value?: string; band?: string };
  }[];
}

const bandLabels: Record<string, string> = {
  sangat_tinggi: 'Sangat Tinggi',
  tinggi: 'Tinggi',
  sedang: 'Sedang',
  rendah: 'Rendah',
  sangat_rendah: 'Sangat Rendah',
};

/** "87.5" → "87,50 %": the engine's Indonesian text of a capaian value. */
const capaianText = (value: string) => {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole},${fraction.padEnd(2, '0').slice(0, 2)} %`;
};

test('Wali Kota melihat capaian baru Dinas Kesehatan dan kategorinya di Dasbor Kinerja', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'walikota');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Dasbor Kinerja' })
    .click();
  await expect(page).toHaveURL(/\/dasbor/);
  await page.getByRole('textbox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: String(state.year), exact: true }).click();
  await page.getByRole('textbox', { name: 'Triwulan' }).click();
  await page.getByRole('option', { name: quarterNames[state.quarter], exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Tahun' })).toHaveValue(String(state.year));
  await expect(page.getByRole('textbox', { name: 'Triwulan' })).toHaveValue(
    quarterNames[state.quarter] ?? '',
  );

  // The figure the engine stored for the approved report, as the API gives it.
  const dashboard = await apiGet<Dashboard>(
    page,
    `/api/dashboards/pemda?year=${state.year}&quarter=${state.quarter}`,
  );
  const dinkes = dashboard.units.find((u) => u.unitId === state.unitId);
  expect(dinkes?.capaian.assessed, 'Dinas Kesehatan is assessed after the approval').toBe(true);
  const row = page.getByTestId(`unit-row-${state.unitId}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Dinas Kesehatan');
  await expect(row).toContainText(capaianText(dinkes?.capaian.value ?? ''));
  await expect(row).toContainText(bandLabels[dinkes?.capaian.band ?? ''] ?? '');
  await expect(row).toContainText('Disetujui');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('07-dashboard') });
  await row.screenshot({ path: shot('07b-dashboard-row') });
});
