import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { demoPassword, failOnPageErrors, signInAndWait, signOut } from './helpers.js';

// The journey of issue 4 on the demo data: the admin schedules the January ceremony and keeps
// in it the PK and Pakta Integritas of the Kepala Dinas Pendidikan and the Pemda PK (so this
// journey, alone, can take the board to 100 %); the Kepala Dinas enrols, reads and signs both;
// the Wali Kota enrols and signs the rest in one batch with one passphrase entry while the
// venue board fills up; a visitor who is not signed in uploads the signed PDF and sees it is
// valid. Independent of the other specs: it uses a ceremony of its own (any other open one is
// cancelled first, since a PK sits in one open ceremony at a time) and re-issues a certificate
// when an earlier spec already enrolled the same official.
test.describe.configure({ mode: 'serial' });

const suffix = Date.now().toString(36).slice(-5);
const ceremonyTitle = `Penandatanganan PK dan Pakta Integritas 2027 (uji ${suffix})`;
const headPassphrase = 'Kopi-Tubruk-Pagi-Kebun-2027';
const walikotaPassphrase = 'Senja-Di-Teluk-Mutiara-2027';
const HEAD_UNIT = 'Dinas Pendidikan dan Kebudayaan';
const shot = (name: string) => `test-results/signing-journey-${name}.png`;

interface CeremonyItem {
  id: string;
  kind: 'pk' | 'pi';
  level: string | null;
  unitName: string | null;
  title: string;
  status: string;
  document: { id: string; code: string } | null;
  signers: { employeeId: string; name: string }[];
}
interface Ceremony {
  id: string;
  title: string;
  status: string;
  version: number;
  items: CeremonyItem[];
}

const state = { ceremonyId: '', boardPath: '', headPkDocument: '' };

/** Calls the API with the page's session (cookie shared with the page, plus the CSRF header). */
async function api(page: Page) {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    get: async <T>(url: string): Promise<T> => {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      return (await response.json()) as T;
    },
    post: (url: string, data: unknown) => page.request.post(url, { headers, data }),
    delete: (url: string) => page.request.delete(url, { headers, data: {} }),
  };
}

/** Enrols with `passphrase`, or re-issues the certificate with it when one already exists. */
async function ensureCertificate(page: Page, passphrase: string) {
  await page.goto('/akun/tanda-tangan');
  await expect(
    page.getByRole('heading', { name: 'Sertifikat tanda tangan', level: 1 }),
  ).toBeVisible();
  const enrol = page.getByRole('button', { name: 'Buat sertifikat', exact: true });
  const reissue = page.getByRole('button', { name: 'Terbitkan ulang' });
  await expect(enrol.or(reissue).first()).toBeVisible();
  if (await enrol.isVisible()) {
    await page.getByRole('textbox', { name: 'Passphrase baru', exact: true }).fill(passphrase);
    await page.getByRole('textbox', { name: 'Ulangi passphrase', exact: true }).fill(passphrase);
    await expect(page.getByText(/^(Kuat|Sangat kuat|Cukup)$/)).toBeVisible();
    await page.screenshot({
      path: shot(`enrol-${passphrase === headPassphrase ? 'head' : 'walikota'}`),
    });
    await enrol.click();
    await expect(page.getByText('Sertifikat tanda tangan dibuat')).toBeVisible();
  } else {
    await reissue.click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan ulang sertifikat' });
    await dialog.getByRole('textbox', { name: 'Alasan' }).click();
    await page.getByRole('option', { name: 'Lupa passphrase' }).click();
    await dialog.getByRole('textbox', { name: 'Kata sandi akun', exact: true }).fill(demoPassword);
    await dialog.getByRole('textbox', { name: 'Passphrase baru', exact: true }).fill(passphrase);
    await dialog.getByRole('textbox', { name: 'Ulangi passphrase', exact: true }).fill(passphrase);
    await dialog.getByRole('button', { name: 'Terbitkan ulang' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('heading', { name: 'Sertifikat Anda' })).toBeVisible();
}

test('admin menjadwalkan acara dan menyisakan PK dan Pakta Integritas Kepala Dinas Pendidikan serta PK Pemda', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'admin');
  const admin = await api(page);

  // A PK is in at most one open ceremony: close the ones other journeys may have left open.
  const list = await admin.get<{ items: Ceremony[] }>('/api/ceremonies');
  for (const c of list.items.filter((c) => ['scheduled', 'ongoing'].includes(c.status))) {
    const cancelled = await admin.post(`/api/ceremonies/${c.id}/cancel`, { version: c.version });
    expect(cancelled.status()).toBe(200);
  }

  await page.goto('/penandatanganan');
  await expect(
    page.getByRole('heading', { name: 'Acara Penandatanganan', level: 1 }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Jadwalkan acara' }).first().click();
  const form = page.getByRole('dialog', { name: 'Jadwalkan acara penandatanganan' });
  await form.getByRole('textbox', { name: 'Tahun anggaran' }).fill('2027');
  await form.getByRole('textbox', { name: 'Nama acara' }).fill(ceremonyTitle);
  const date = form.getByRole('textbox', { name: 'Tanggal acara' });
  await date.fill('15/01/2027');
  await date.press('Enter');
  await form.getByRole('textbox', { name: 'Tempat' }).fill('Ruang Rapat Utama Balai Kota');
  await page.screenshot({ path: shot('schedule-form') });
  await form.getByRole('button', { name: 'Jadwalkan acara' }).click();
  await expect(page).toHaveURL(/\/penandatanganan\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: ceremonyTitle, level: 1 })).toBeVisible();
  state.ceremonyId = page.url().split('/').pop() ?? '';

  // The venue board's address is shown once, now.
  const link = await page.getByRole('textbox', { name: 'Tautan papan acara' }).inputValue();
  state.boardPath = new URL(link).pathname;
  expect(state.boardPath).toMatch(/^\/papan\/.+/);
  await page.screenshot({ path: shot('ceremony-created'), fullPage: true });

  // Keep this journey's three documents; take the others out (one through the page, as an
  // admin would, the rest through the API to keep the test short).
  const ceremony = await admin.get<Ceremony>(`/api/ceremonies/${state.ceremonyId}`);
  const headPk = ceremony.items.find((i) => i.kind === 'pk' && i.unitName === HEAD_UNIT);
  const pemdaPk = ceremony.items.find((i) => i.kind === 'pk' && i.level === 'pemda');
  expect(headPk, 'PK Kepala Dinas Pendidikan di acara').toBeDefined();
  expect(pemdaPk, 'PK Pemda di acara').toBeDefined();
  const headId = headPk!.signers[0]!.employeeId;
  const headPi = ceremony.items.find((i) => i.kind === 'pi' && i.signers[0]?.employeeId === headId);
  expect(headPi, 'Pakta Integritas Kepala Dinas Pendidikan di acara').toBeDefined();
  const keep = new Set([headPk!.id, pemdaPk!.id, headPi!.id]);
  const others = ceremony.items.filter((i) => !keep.has(i.id));
  expect(others.length).toBeGreaterThan(10);

  const first = others[0]!;
  const row = page.getByRole('row').filter({ hasText: first.title }).first();
  await row.getByRole('button', { name: 'Keluarkan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Keluarkan' });
  await confirm.getByRole('button', { name: 'Keluarkan' }).click();
  await expect(page.getByText('Dokumen dikeluarkan dari acara')).toBeVisible();
  for (const item of others.slice(1)) {
    const removed = await admin.delete(`/api/ceremonies/${state.ceremonyId}/items/${item.id}`);
    expect(removed.status(), item.title).toBe(200);
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: ceremonyTitle, level: 1 })).toBeVisible();

  // The PDFs are made before the day, so nobody waits at the venue.
  await page.getByRole('button', { name: /^Siapkan dokumen \(\d+\)$/ }).click();
  await expect(page.getByText(/dokumen disiapkan$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('0 dari 5 tanda tangan')).toBeVisible();
  await page.screenshot({ path: shot('ceremony-prepared'), fullPage: true });
  const prepared = await admin.get<Ceremony>(`/api/ceremonies/${state.ceremonyId}`);
  expect(prepared.items).toHaveLength(3);
  state.headPkDocument = prepared.items.find((i) => i.id === headPk!.id)?.document?.id ?? 'missing';
  await signOut(page);
});

test('Kepala Dinas Pendidikan membuat sertifikat, membaca PK-nya, lalu menandatangani PK dan Pakta Integritas', async ({
  page,
}) => {
  failOnPageErrors(page);
  await signInAndWait(page, 'kadisdik');
  await ensureCertificate(page, headPassphrase);

  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Tugas Saya' })
    .click();
  await expect(page.getByRole('heading', { name: 'Tugas Saya', level: 1 })).toBeVisible();
  const toSign = page.getByRole('region', { name: 'Perlu Anda tandatangani' });
  await expect(toSign.getByText(ceremonyTitle)).toBeVisible();
  await page.screenshot({ path: shot('head-tasks'), fullPage: true });

  for (const kind of ['Perjanjian Kinerja', 'Pakta Integritas']) {
    // The rows name their document; sign the PK first, then the pact.
    const row = toSign.getByRole('listitem').filter({ hasText: kind });
    await row.getByRole('button', { name: 'Baca & tandatangani' }).click();
    const dialog = page.getByRole('dialog', { name: 'Baca dan tandatangani' });
    await expect(dialog.locator('iframe[title="Pratinjau dokumen"]')).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Penanda tangan' })).toContainText(
      'Giliran Anda sekarang',
    );
    await page.screenshot({
      path: shot(`head-dialog-${kind === 'Pakta Integritas' ? 'pi' : 'pk'}`),
    });
    await dialog
      .getByRole('checkbox', { name: 'Saya telah membaca dokumen ini dan menyetujui isinya' })
      .check();
    await dialog
      .getByRole('textbox', { name: 'Passphrase tanda tangan', exact: true })
      .fill(headPassphrase);
    await dialog.getByRole('button', { name: 'Tandatangani', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByText('Dokumen berhasil ditandatangani').last()).toBeVisible();
  }
  const waiting = page.getByRole('region', { name: 'Menunggu pihak lain' });
  await expect(waiting.getByText(/Menunggu .+/).first()).toBeVisible();
  await page.screenshot({ path: shot('head-signed'), fullPage: true });
  await signOut(page);
});

test('Wali Kota menandatangani sisanya sekaligus dengan satu passphrase; papan acara mencapai 100 %', async ({
  page,
  browser,
}) => {
  failOnPageErrors(page);
  // The screen at the venue: public, not signed in, open before the Wali Kota starts.
  const venue = await browser.newContext();
  const board = await venue.newPage();
  failOnPageErrors(board);
  await board.goto(state.boardPath);
  await expect(board.getByRole('heading', { name: ceremonyTitle, level: 1 })).toBeVisible();
  await expect(board.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^\d+$/);
  await board.screenshot({ path: shot('board-before') });

  await signInAndWait(page, 'walikota');
  await ensureCertificate(page, walikotaPassphrase);
  await page.goto(`/penandatanganan/${state.ceremonyId}`);
  await expect(page.getByRole('heading', { name: ceremonyTitle, level: 1 })).toBeVisible();
  await expect(
    page.getByText('3 dokumen menunggu tanda tangan Anda.', { exact: false }),
  ).toBeVisible();
  await page
    .getByRole('checkbox', { name: 'Saya telah membaca seluruh dokumen ini dan menyetujui isinya' })
    .check();
  await page
    .getByRole('textbox', { name: 'Passphrase tanda tangan', exact: true })
    .fill(walikotaPassphrase);
  await page.screenshot({ path: shot('walikota-batch-entry'), fullPage: true });
  await page.getByRole('button', { name: 'Tandatangani 3 dokumen' }).click();

  const progress = page.getByRole('progressbar', { name: 'Kemajuan penandatanganan' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', '3', { timeout: 30_000 });
  await expect(page.getByText('Penandatanganan selesai')).toBeVisible();
  await expect(page.getByText(/3 ditandatangani, 0 dilewati, 0 gagal/)).toBeVisible();
  // The card no longer says they are waiting for him.
  await expect(
    page.getByText('3 dokumen menunggu tanda tangan Anda.', { exact: false }),
  ).toBeHidden();
  await page.screenshot({ path: shot('walikota-batch-done'), fullPage: true });

  // The board filled up by itself.
  await expect(board.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', {
    timeout: 15_000,
  });
  await expect(board.getByText('Seluruh dokumen telah ditandatangani')).toBeVisible();
  // The bar and the banner ease in: let them finish before the picture.
  await board.screenshot({ path: shot('board-complete'), animations: 'disabled' });
  await venue.close();

  // The ceremony page says so too.
  await page.reload();
  await expect(page.getByText('5 dari 5 tanda tangan')).toBeVisible();
  await signOut(page);
});

test('pemeriksa tanpa akun mengunggah PDF yang ditandatangani dan melihat bahwa dokumen sah', async ({
  page,
  browser,
}) => {
  failOnPageErrors(page);
  // The PDF as a party or an admin downloads it.
  await signInAndWait(page, 'admin');
  const response = await page.request.get(`/api/documents/${state.headPkDocument}/pdf?download=1`);
  expect(response.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'amanah-e2e-')), 'pk-kepala-dinas-pendidikan.pdf');
  writeFileSync(file, await response.body());
  await signOut(page);

  const visitor = await browser.newContext();
  const verifier = await visitor.newPage();
  failOnPageErrors(verifier);
  await verifier.goto('/verifikasi');
  await expect(verifier.getByRole('heading', { name: 'Periksa keaslian dokumen' })).toBeVisible();
  await verifier.getByRole('tab', { name: 'Unggah PDF' }).click();
  await verifier.locator('input[type="file"]').setInputFiles(file);
  await expect(verifier.getByText('Dokumen sah dan berlaku')).toBeVisible({ timeout: 20_000 });
  await expect(verifier.getByText(HEAD_UNIT).first()).toBeVisible();
  await verifier.screenshot({ path: shot('verify-valid'), fullPage: true });
  await visitor.close();
});
