import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type BenchResult,
  cleanEnv,
  formatTable,
  isMain,
  type Metric,
  machine,
  requireBuild,
  root,
  spawnServer,
  today,
  waitForOk,
  writeResult,
} from './lib.js';

/**
 * `npm start` on a fresh clone: how long until /api/health answers (first start creates the
 * PGlite database and seeds the demo Pemda; second start finds them), how long the first page
 * takes (index.html plus every script, module preload and stylesheet it references, fetched the
 * way a browser would: HTML first, then the assets in parallel), and the gzipped size of the
 * JavaScript the sign-in page needs before it can render.
 */

/** Asset URLs referenced by index.html: scripts, module preloads and stylesheets. */
export function referencedAssets(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src || /^[a-z]+:/i.test(src)) continue;
    if (tag.startsWith('<script')) js.add(src);
    else if (/rel="modulepreload"/.test(tag)) js.add(src);
    else if (/rel="stylesheet"/.test(tag)) css.add(src);
  }
  return { js: [...js], css: [...css] };
}

/** GET / then every referenced asset in parallel; total wall time in ms. */
async function firstPage(base: string): Promise<{ ms: number; bytes: number; files: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('<div id="root">')) {
    throw new Error(`GET / menjawab ${response.status}, bukan halaman aplikasi`);
  }
  const { js, css } = referencedAssets(html);
  const assets = await Promise.all(
    [...js, ...css].map(async (path) => {
      const r = await fetch(new URL(path, base), { headers: { 'accept-encoding': 'gzip, br' } });
      if (r.status !== 200) throw new Error(`${path} menjawab ${r.status}`);
      return (await r.arrayBuffer()).byteLength;
    }),
  );
  return {
    ms: performance.now() - started,
    bytes: html.length + assets.reduce((a, b) => a + b, 0),
    files: assets.length + 1,
  };
}

/** Sum of the gzipped JS that index.html loads up front (what the sign-in page waits for). */
export function initialJsGzipBytes(): { bytes: number; files: string[] } {
  const html = readFileSync(join(root, 'dist/web/index.html'), 'utf8');
  const { js } = referencedAssets(html);
  let bytes = 0;
  for (const path of js) {
    bytes += gzipSync(readFileSync(join(root, 'dist/web', path))).byteLength;
  }
  return { bytes, files: js };
}

async function startOnce(
  dataDir: string,
): Promise<{ answerMs: number; cold: number; warm: number }> {
  const started = performance.now();
  const server = await spawnServer(['dist/server/main.js'], cleanEnv({ DATA_DIR: dataDir }));
  try {
    const answerMs = await waitForOk(server, '/api/health', started);
    const cold = (await firstPage(server.url)).ms;
    const warmRuns: number[] = [];
    for (let i = 0; i < 5; i += 1) warmRuns.push((await firstPage(server.url)).ms);
    warmRuns.sort((a, b) => a - b);
    return { answerMs, cold, warm: warmRuns[2] ?? 0 };
  } finally {
    await server.stop();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Each round starts from a new, empty DATA_DIR and starts the server twice. The machine has two
 * cores that other work may share, so the figures are the median of the rounds.
 */
export async function runStartup(
  rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 3),
): Promise<BenchResult> {
  requireBuild();
  const runs: {
    first: Awaited<ReturnType<typeof startOnce>>;
    second: Awaited<ReturnType<typeof startOnce>>;
  }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'amanah-bench-startup-'));
    try {
      const first = await startOnce(dataDir);
      const second = await startOnce(dataDir);
      runs.push({ first, second });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const pick = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const spread = (f: (r: (typeof runs)[number]) => number) =>
    runs.map((r) => Math.round(f(r))).join(' / ');
  const js = initialJsGzipBytes();
  const metrics: Metric[] = [
    {
      label: 'start pertama → /api/health 200 (termasuk seed demo)',
      value: pick((r) => r.first.answerMs),
      unit: 'ms',
      budget: { max: 5000 },
    },
    {
      label: 'start kedua (data sudah ada) → /api/health 200',
      value: pick((r) => r.second.answerMs),
      unit: 'ms',
      budget: { max: 5000 },
    },
    {
      label: 'halaman pertama (HTML + JS + CSS), permintaan pertama',
      value: pick((r) => r.first.cold),
      unit: 'ms',
      budget: { max: 1000 },
    },
    {
      label: 'halaman pertama, median 5 permintaan berikutnya',
      value: pick((r) => r.first.warm),
      unit: 'ms',
      budget: { max: 1000 },
    },
    {
      label: `JS awal halaman masuk, gzip (${js.files.length} berkas)`,
      value: js.bytes / 1000,
      unit: 'kB',
      budget: { max: 250 },
    },
  ];
  return {
    name: 'startup',
    date: today(),
    machine: await machine(),
    metrics,
    notes: [
      `Median dari ${rounds} putaran, masing-masing dengan DATA_DIR PGlite baru yang kosong; server = node dist/server/main.js dalam proses terpisah.`,
      `Per putaran (ms): start pertama ${spread((r) => r.first.answerMs)}; start kedua ${spread((r) => r.second.answerMs)}; halaman pertama ${spread((r) => r.first.cold)}.`,
      `JS awal: ${js.files.join(', ')} (kB = 1000 byte, gzip zlib bawaan).`,
    ],
  };
}

if (isMain(import.meta.url)) {
  const result = await runStartup();
  console.log(formatTable([result]));
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`\nHasil JSON: ${writeResult(result)}`);
}
