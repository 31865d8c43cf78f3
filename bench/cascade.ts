import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BenchResult,
  type ChildServer,
  cleanEnv,
  formatTable,
  isMain,
  type Metric,
  machine,
  percentile,
  requireBuild,
  signInCookie,
  spawnServer,
  today,
  waitForOk,
  writeResult,
} from './lib.js';
import {
  BENCH_LOGIN,
  BENCH_YEAR,
  createPlanningBenchDatabase,
  type PlanningData,
} from './planning-data.js';

/**
 * `GET /api/cascade?year=2027` of a synthetic Pemda (bench/planning-data.ts: 45 PD, 4 PK levels,
 * ~400 PKs, ~2,270 PK indicators) on PostgreSQL, through the REAL HTTP server
 * (node dist/server/main.js in its own process) with a signed-in admin's cookie. Requests are
 * sent one after another (latency, not throughput): p50 / p95 / max over N requests after a
 * warm-up. Not part of `npm test`; needs `npm run build`.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  bytes: number;
  n: number;
}

/** Times `n` sequential GETs of `path` (after `warmup` unmeasured ones); every answer must be 200. */
export async function timeGets(
  base: string,
  path: string,
  cookie: string,
  n = REQUESTS,
  warmup = WARMUP,
): Promise<Timing> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + n; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) {
      throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    }
    if (i >= warmup) times.push(ms);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? 0,
    bytes,
    n,
  };
}

/** Loads the synthetic Pemda, starts the built server on it, runs `fn`, stops the server. */
export async function withPlanningServer<T>(
  databaseName: string,
  fn: (server: ChildServer, cookie: string, data: PlanningData) => Promise<T>,
): Promise<T> {
  requireBuild();
  const data = await createPlanningBenchDatabase(databaseName);
  const dataDir = mkdtempSync(join(tmpdir(), 'amanah-bench-planning-'));
  const server = await spawnServer(
    ['dist/server/main.js'],
    cleanEnv({ DATABASE_URL: data.url, SEED_DEMO: 'false', DATA_DIR: dataDir }),
  );
  try {
    await waitForOk(server, '/api/health', performance.now(), 120_000);
    return await fn(server, await signInCookie(server.url, BENCH_LOGIN), data);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const timingMetrics = (label: string, t: Timing, budget?: number): Metric[] => [
  {
    label: `${label}, p50`,
    value: t.p50,
    unit: 'ms',
    ...(budget ? { budget: { max: budget } } : {}),
  },
  {
    label: `${label}, p95`,
    value: t.p95,
    unit: 'ms',
    ...(budget ? { budget: { max: budget } } : {}),
  },
  { label: `${label}, maks`, value: t.max, unit: 'ms' },
];

export async function runCascade(): Promise<BenchResult> {
  const { all, onePd, data } = await withPlanningServer(
    'amanah_bench_cascade',
    async (server, cookie, d) => ({
      all: await timeGets(server.url, `/api/cascade?year=${BENCH_YEAR}`, cookie),
      onePd: await timeGets(
        server.url,
        `/api/cascade?year=${BENCH_YEAR}&unitId=${d.pdIds[0]}`,
        cookie,
      ),
      data: d,
    }),
  );
  return {
    name: 'cascade',
    date: today(),
    machine: await machine(),
    metrics: [
      ...timingMetrics('GET /api/cascade (seluruh Pemda)', all, 150),
      ...timingMetrics('GET /api/cascade (satu PD)', onePd),
      { label: 'ukuran jawaban seluruh Pemda', value: all.bytes / 1000, unit: 'kB' },
    ],
    notes: [
      cascadeTimingNote(data, all),
      'Sasaran PK terhubung ke atas lewat supportsObjectiveId (Pemda → kepala PD → eselon III → eselon IV).',
    ],
  };
}

/** Where the figures come from: data shape, method, database. */
export function cascadeTimingNote(data: PlanningData, t: Timing): string {
  const c = data.counts;
  return [
    `Data sintetis: ${data.pdIds.length} PD, ${c.units} unit, ${c.agreements} PK (4 tingkat), ${c.objectives} sasaran PK, ${c.indicators} indikator PK, ${c.planNodes} node rencana; dimuat dalam ${Math.round(c.loadMs)} ms.`,
    `${t.n} permintaan berurutan per ukuran setelah ${WARMUP} pemanasan, lewat server HTTP sungguhan (node dist/server/main.js, proses terpisah) dengan cookie admin Pemda; latensi diukur di klien (termasuk JSON ${Math.round(t.bytes / 1000)} kB lewat loopback).`,
    'PostgreSQL di loopback, basis data dibuat ulang setiap kali, ANALYZE setelah pemuatan.',
  ].join(' ');
}

if (isMain(import.meta.url)) {
  const result = await runCascade();
  console.log(formatTable([result]));
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`\nHasil JSON: ${writeResult(result)}`);
}
