import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyDetail, PublicBoard } from '../../src/modules/ceremonies/ceremony-schemas.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PASSPHRASE = 'Kebun-Raya-Bogor-2026';
const uuidLike = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Reads a server-sent event stream with fetch, one parsed event at a time. */
class EventReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next named event (comments and retry lines skipped), or null when the stream ends. */
  async next(timeoutMs: number): Promise<{ event: string; data: unknown } | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end !== -1) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = frame.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data !== undefined) return { event, data: JSON.parse(data) };
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no event in time')), left),
        ),
      ]);
      if (chunk.done) return null;
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Skips events until one satisfies `match`. */
  async until(match: (board: PublicBoard) => boolean, timeoutMs: number): Promise<PublicBoard> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const next = await this.next(Math.max(1, deadline - Date.now()));
      if (!next) throw new Error('stream ended');
      if (next.event === 'board' && match(next.data as PublicBoard))
        return next.data as PublicBoard;
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

describe.each(testDatabaseKinds())('the venue board and the report on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let admin: ApiClient;
  let walikota: ApiClient;
  let kadinkes: ApiClient;
  let ceremony: CeremonyDetail & { boardToken: string };
  let base: string;
  const docs = { pemdaPk: '', kadinkesPk: '', walikotaPi: '', kadinkesPi: '' };

  beforeAll(async () => {
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
    admin = s.admin;
    walikota = await signIn(t.app, s.signers.walikota, TEST_PASSWORD);
    kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    for (const signer of [walikota, kadinkes]) {
      const enrol = await signer.post('/api/signing/certificate', { passphrase: PASSPHRASE });
      if (enrol.status !== 201) throw new Error(`enrol: ${JSON.stringify(enrol.body)}`);
    }
    const created = await admin.post<CeremonyDetail & { boardToken: string }>('/api/ceremonies', {
      fiscalYear: 2026,
      eventDate: '2026-01-10',
      startTime: '09:00',
      place: 'Aula Kantor Wali Kota',
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    ceremony = created.body;
    await admin.post(`/api/ceremonies/${ceremony.id}/prepare`);
    const detail = (await admin.get<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`)).body;
    const find = (pred: (i: CeremonyDetail['items'][number]) => boolean) =>
      detail.items.find(pred)?.document?.id ?? '';
    docs.pemdaPk = find((i) => i.agreementId === s.pks.pemda.id);
    docs.kadinkesPk = find((i) => i.agreementId === s.pks.kadinkes.id);
    docs.walikotaPi = find((i) => i.kind === 'pi' && i.signers.length === 1);
    docs.kadinkesPi = find((i) => i.kind === 'pi' && i.signers.length === 2);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const sign = async (client: ApiClient, documentId: string) => {
    const res = await client.post(`/api/documents/${documentId}/sign`, { passphrase: PASSPHRASE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('shows the board by its token, with only what is on the documents', async () => {
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/public/ceremony-boards/${ceremony.boardToken}`,
    });
    expect(anonymous.statusCode).toBe(200);
    const board = anonymous.json<PublicBoard>();
    expect(board).toMatchObject({
      title: ceremony.title,
      eventDate: '2026-01-10',
      startTime: '09:00',
      place: 'Aula Kantor Wali Kota',
      status: 'scheduled',
      timeZone: 'Asia/Jakarta',
      progress: { documents: 4, signatures: 6, signaturesDone: 0, percent: 0 },
    });
    expect(board.rows.map((r) => [r.name, r.jabatan, r.documents.map((d) => d.kind)])).toEqual([
      ['Budi Walikota', 'Wali Kota', ['pk', 'pi']],
      ['Siti Aminah', 'Kepala Dinas Kesehatan', ['pk', 'pi']],
    ]);
    expect(board.rows[1]?.unit).toBe('Dinas Kesehatan');
    // No ids, codes or NIP on a public screen.
    const text = anonymous.body;
    expect(text).not.toMatch(uuidLike);
    for (const item of ceremony.items) {
      if (item.document) expect(text).not.toContain(item.document.code);
    }
    expect(text).not.toMatch(/\d{18}/);
  });

  it('answers a wrong token with a calm 404', async () => {
    for (const url of [
      '/api/public/ceremony-boards/salah-ketik',
      `/api/public/ceremony-boards/${ceremony.boardToken.slice(0, -1)}x`,
      '/api/public/ceremony-boards/salah-ketik/events',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.message).toContain('Papan acara tidak ditemukan');
    }
  });

  it('streams the board: at once on connect, after a signature, and after other changes', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/public/ceremony-boards/${ceremony.boardToken}/events`, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const events = new EventReader(res.body as ReadableStream<Uint8Array>);
    const first = await events.next(5000);
    expect(first?.event).toBe('board');
    expect((first?.data as PublicBoard | undefined)?.progress.signaturesDone).toBe(0);

    // A signature made in this process shows at once (the signing event, not the poll).
    const signedAt = Date.now();
    await sign(kadinkes, docs.kadinkesPk);
    const afterSign = await events.until((b) => b.progress.signaturesDone === 1, 2500);
    expect(Date.now() - signedAt).toBeLessThan(2500);
    const pk = afterSign.rows[1]?.documents.find((d) => d.kind === 'pk');
    expect(pk?.status).toBe('partly_signed');
    expect(pk?.signatures[0]?.role).toBe('pihak_pertama');
    expect(pk?.signatures[0]?.signedAt).not.toBeNull();
    expect(pk?.signatures[1]?.signedAt).toBeNull();

    // A change no signing event announces (another process, an edit) arrives with the poll.
    const patched = await admin.patch<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`, {
      version: (await admin.get<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`)).body.version,
      title: 'Penandatanganan PK dan PI Tahun 2026',
    });
    expect(patched.status).toBe(200);
    await events.until((b) => b.title === 'Penandatanganan PK dan PI Tahun 2026', 6000);

    // The rest of the ceremony: everything signed, 100 %.
    await sign(kadinkes, docs.kadinkesPi);
    for (const id of [docs.pemdaPk, docs.kadinkesPk, docs.walikotaPi, docs.kadinkesPi]) {
      await sign(walikota, id);
    }
    const full = await events.until((b) => b.progress.percent === 100, 5000);
    expect(full.progress).toMatchObject({
      documents: 4,
      signed: 4,
      signatures: 6,
      signaturesDone: 6,
    });
    expect(full.rows.flatMap((r) => r.documents.map((d) => d.status))).toEqual([
      'signed',
      'signed',
      'signed',
      'signed',
    ]);
    controller.abort();
    await events.cancel().catch(() => {});
  });

  it('renders the report PDF listing who signed what and when', async () => {
    const res = await admin.request('GET', `/api/ceremonies/${ceremony.id}/report.pdf`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(
      'Laporan-Penandatanganan-2026-01-10.pdf',
    );
    const raw = await t.app.inject({
      method: 'GET',
      url: `/api/ceremonies/${ceremony.id}/report.pdf`,
      headers: { cookie: admin.sessionCookie ?? '' },
    });
    const dir = mkdtempSync(join(tmpdir(), 'e-report-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, raw.rawPayload);
    expect(raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    for (const expected of [
      'LAPORAN PENANDATANGANAN',
      'Penandatanganan PK dan PI Tahun 2026',
      'Aula Kantor Wali Kota',
      'Budi Walikota',
      'Siti Aminah',
      'Pihak Pertama',
      'Pihak Kedua',
      'Pembuat Pernyataan',
      'Menyaksikan',
      'WIB',
      '6 dari 6',
      'Halaman 1 dari',
    ]) {
      expect(text.stdout, expected).toContain(expected);
    }
    expect(text.stdout).not.toContain('Belum ditandatangani');
    const render = spawnSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
    expect(render.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
  });

  it('a new board address retires the old one, on open screens too', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/public/ceremony-boards/${ceremony.boardToken}/events`, {
      signal: controller.signal,
    });
    const events = new EventReader(res.body as ReadableStream<Uint8Array>);
    expect((await events.next(5000))?.event).toBe('board');

    const reset = await admin.post<{ boardToken: string; boardUrl: string }>(
      `/api/ceremonies/${ceremony.id}/board-token`,
    );
    expect(reset.status).toBe(200);
    expect(reset.body.boardToken).not.toBe(ceremony.boardToken);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/public/ceremony-boards/${ceremony.boardToken}`,
    });
    expect(old.statusCode).toBe(404);
    const fresh = await t.app.inject({
      method: 'GET',
      url: `/api/public/ceremony-boards/${reset.body.boardToken}`,
    });
    expect(fresh.statusCode).toBe(200);

    // The open stream learns it at the next poll and ends.
    const gone = await events.next(6000);
    expect(gone?.event).toBe('gone');
    expect(await events.next(2000)).toBeNull();
    controller.abort();
  });
});
