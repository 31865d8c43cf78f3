import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createSecretBox } from '../src/modules/auth/secret-box.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
// The tests' own fixture, so the benchmark measures the situation the batch test checks: 48
// heads' PKs ready, each already signed by its pihak pertama (the heads sign with a throwaway
// CA there, which keeps the set-up short; the Wali Kota enrols for real below).
import { createBatchFixture, SIGNING_PASSPHRASE } from '../tests/helpers/batch-fixture.js';
import { TEST_PASSWORD } from '../tests/helpers/factories.js';
import { onPglite, onThrowawayPostgres } from './in-process.js';
import {
  type BenchResult,
  formatTable,
  isMain,
  type Metric,
  machine,
  percentile,
  signInCookie,
  today,
  writeResult,
} from './lib.js';

/**
 * `npm run bench:sign`: the Wali Kota's batch at the January ceremony (issue 4 budget: 48 PKs
 * under 10 s on the 2-core machine). A fresh database (PGlite in memory; PostgreSQL as well when
 * DATABASE_URL or TEST_DATABASE_URL is set, loopback only) with 48 heads of PD whose PKs are
 * ready, rendered and signed by the pihak pertama (not timed). The app listens on a loopback
 * port in this process; the Wali Kota signs in and enrols over HTTP (not timed), then sends ONE
 * `POST /api/signing/batch` with the 48 documents and one passphrase and reads the server-sent
 * events to the end. Meanwhile a venue board (the public SSE stream of a ceremony holding the
 * 48 PKs) is open, as on the screen at the venue, and counts its updates.
 *
 * Timed: per document, the server's own figure in each `progress` event (lock, checks, CMS
 * signature, the new file, slot, PK status and audit written in one transaction); in total,
 * from sending the request to the `done` event (the passphrase's argon2id unlock included).
 *
 * BENCH_HEADS changes the number of PKs; BENCH_NO_BOARD=1 leaves the board closed (what it
 * costs); BENCH_ANALYZE=1 runs ANALYZE after the set-up (planner statistics; PGlite has no
 * autovacuum). Figures and what they mean: docs/benchmarks.md.
 */
const HEADS = Number(process.env.BENCH_HEADS ?? 48);
const BUDGET_MS = 10_000;

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
  at: number;
}

/** Reads a server-sent event stream until it ends or `signal` aborts it. */
async function readEvents(response: Response, onEvent: (event: SseEvent) => void): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return; // aborted
    }
    if (chunk.done) return;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) onEvent({ event, data: JSON.parse(data), at: performance.now() });
      end = buffer.indexOf('\n\n');
    }
  }
}

/** A signed-in client over real HTTP: cookie + CSRF header. */
async function httpClient(base: string, identifier: string) {
  const cookie = await signInCookie(base, { identifier, password: TEST_PASSWORD });
  const session = (await (
    await fetch(`${base}/api/auth/session`, { headers: { cookie } })
  ).json()) as { csrfToken: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    post: (path: string, body: unknown) => call('POST', path, body),
    delete: (path: string) => call('DELETE', path, {}),
  };
}

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  }
  return response;
}

export interface SignBatchFigures {
  database: string;
  perDocument: number[];
  totalMs: number;
  /** From sending the request to the stream's start: the passphrase check (argon2id). */
  unlockMs: number;
  serverTotalMs: number;
  signed: number;
  failed: number;
  boardUpdates: number;
  /** GET of the board as JSON after the batch, median of 10: the read the hub repeats. */
  boardReadMs: number;
  boardPercent: { before: number; after: number };
}

async function measure(database: Database, label: string): Promise<SignBatchFigures> {
  await migrate(database);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'amanah-bench-sign-')),
  });
  const services = { config, database, secretBox: createSecretBox(Buffer.alloc(32, 9)) };
  const app = await buildApp(services, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    console.log(`  ${label}: menyiapkan ${HEADS} PK (pihak pertama menandatangani)…`);
    const fixture = await createBatchFixture(
      { app, services, database, close: async () => {} },
      { count: HEADS },
    );

    if (process.env.BENCH_ANALYZE === '1') await database.unsafeOwnerDb.execute(sql`analyze`);
    // The ceremony of those PKs, with its venue board; only the PKs, so the board can fill.
    const admin = await httpClient(base, fixture.users.admin);
    const created = (await (
      await expectStatus(
        await admin.post('/api/ceremonies', {
          fiscalYear: fixture.year,
          eventDate: `${fixture.year}-01-10`,
          place: 'Ruang Rapat Utama Balai Kota',
        }),
        201,
        'create ceremony',
      )
    ).json()) as { id: string; boardToken: string; items: { id: string; kind: string }[] };
    for (const item of created.items.filter((i) => i.kind === 'pi')) {
      await expectStatus(
        await admin.delete(`/api/ceremonies/${created.id}/items/${item.id}`),
        200,
        'remove pact',
      );
    }

    const walikota = await httpClient(base, fixture.walikotaUsername);
    await expectStatus(
      await walikota.post('/api/signing/certificate', { passphrase: SIGNING_PASSPHRASE }),
      201,
      'enrol',
    );

    // The venue screen (BENCH_NO_BOARD=1 leaves it closed, to see what it costs).
    const withBoard = process.env.BENCH_NO_BOARD !== '1';
    const board = new AbortController();
    const boardEvents: SseEvent[] = [];
    let boardDone: Promise<void> = Promise.resolve();
    if (withBoard) {
      const boardResponse = await expectStatus(
        await fetch(`${base}/api/public/ceremony-boards/${created.boardToken}/events`, {
          signal: board.signal,
        }),
        200,
        'board',
      );
      boardDone = readEvents(boardResponse, (e) => {
        if (e.event === 'board') boardEvents.push(e);
      });
      while (boardEvents.length === 0) await new Promise((r) => setTimeout(r, 10));
    }

    console.log(`  ${label}: Wali Kota menandatangani ${HEADS} PK dalam satu batch…`);
    const started = performance.now();
    const batch = await expectStatus(
      await walikota.post('/api/signing/batch', {
        documentIds: fixture.documentIds,
        passphrase: SIGNING_PASSPHRASE,
      }),
      200,
      'batch',
    );
    const events: SseEvent[] = [];
    await readEvents(batch, (e) => events.push(e));
    const totalMs = performance.now() - started;
    // The board refreshes right after each signature; give the last one a moment to arrive.
    await new Promise((r) => setTimeout(r, 500));
    board.abort();
    await boardDone;

    // What one board refresh costs (the hub does the same read after every signature).
    const boardReads: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await expectStatus(
        await fetch(`${base}/api/public/ceremony-boards/${created.boardToken}`),
        200,
        'board read',
      ).then((r) => r.arrayBuffer());
      boardReads.push(performance.now() - t0);
    }
    boardReads.sort((a, b) => a - b);
    const progress = events.filter((e) => e.event === 'progress');
    const start = events.find((e) => e.event === 'start');
    const done = events.find((e) => e.event === 'done')?.data as
      | { signed: number; failed: number; totalMs: number }
      | undefined;
    if (!done) throw new Error(`batch ended without "done": ${JSON.stringify(events.at(-1))}`);
    const percent = (e: SseEvent | undefined) =>
      ((e?.data.progress as { percent?: number } | undefined)?.percent ?? -1) as number;
    const during = boardEvents.filter((e) => e.at >= started && e.at <= started + totalMs + 500);
    return {
      database: label,
      perDocument: progress.map((e) => Number(e.data.ms)).sort((a, b) => a - b),
      totalMs,
      unlockMs: (start?.at ?? started) - started,
      serverTotalMs: done.totalMs,
      signed: done.signed,
      failed: done.failed,
      boardUpdates: during.length,
      boardReadMs: percentile(boardReads, 50),
      boardPercent: { before: percent(boardEvents[0]), after: percent(boardEvents.at(-1)) },
    };
  } finally {
    await app.close();
  }
}

function metricsOf(f: SignBatchFigures): Metric[] {
  const per = f.perDocument;
  return [
    {
      label: `${f.database}: ${HEADS} PK, total (request → done)`,
      value: f.totalMs,
      unit: 'ms',
      budget: { max: BUDGET_MS },
    },
    { label: `${f.database}: passphrase check (before the stream)`, value: f.unlockMs, unit: 'ms' },
    {
      label: `${f.database}: sum of per-PK times`,
      value: per.reduce((a, b) => a + b, 0),
      unit: 'ms',
    },
    { label: `${f.database}: per PK median`, value: percentile(per, 50), unit: 'ms' },
    { label: `${f.database}: per PK p95`, value: percentile(per, 95), unit: 'ms' },
    { label: `${f.database}: per PK max`, value: per[per.length - 1] ?? 0, unit: 'ms' },
    { label: `${f.database}: board updates during the batch`, value: f.boardUpdates, unit: '' },
    { label: `${f.database}: one board read (GET, median)`, value: f.boardReadMs, unit: 'ms' },
  ];
}

export async function runSignBatch(): Promise<BenchResult> {
  const figures: SignBatchFigures[] = [await onPglite((db) => measure(db, 'PGlite'))];
  const pg = await onThrowawayPostgres('bench_sign', (db) => measure(db, 'PostgreSQL'));
  if (pg) figures.push(pg);
  return {
    name: 'sign-batch',
    date: today(),
    machine: await machine(),
    metrics: figures.flatMap(metricsOf),
    notes: figures.map(
      (f) =>
        `${f.database}: ${f.signed} ditandatangani, ${f.failed} gagal; server ${Math.round(f.serverTotalMs)} ms; papan acara ${f.boardUpdates} pembaruan selama batch, ${f.boardPercent.before} % → ${f.boardPercent.after} %`,
    ),
  };
}

if (isMain(import.meta.url)) {
  const result = await runSignBatch();
  console.log(`  ${writeResult(result)}\n`);
  console.log(formatTable([result]));
  for (const note of result.notes) console.log(`- ${note}`);
}
