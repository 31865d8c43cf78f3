import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import {
  type BenchResult,
  type ChildServer,
  cleanEnv,
  formatTable,
  freshDatabase,
  isMain,
  machine,
  onPostgres,
  postgresServerUrl,
  requireBuild,
  signInCookie,
  spawnServer,
  today,
  waitForOk,
  writeResult,
} from './lib.js';

/**
 * Authenticated GET of one unit with its children, positions and holders on PostgreSQL, at 50
 * connections for 10 s (autocannon), beside a plain Fastify hello-world measured the same way in
 * the same run. Server and load generator are separate processes on the same 2-core machine.
 */
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const BENCH_DB = 'amanah_bench';
const DEMO_LOGIN = { identifier: 'admin', password: 'amanah-demo-2026' };

interface UnitSummary {
  id: string;
  parentId: string | null;
  name: string;
  type: string;
}

/** The first Dinas (in tree order) that has sub-units: a typical unit page. */
async function pickUnit(base: string, cookie: string): Promise<UnitSummary & { children: number }> {
  const response = await fetch(`${base}/api/units`, { headers: { cookie } });
  const { items } = (await response.json()) as { items: UnitSummary[] };
  for (const unit of items.filter((u) => u.type === 'dinas')) {
    const children = items.filter((u) => u.parentId === unit.id).length;
    if (children > 0) return { ...unit, children };
  }
  throw new Error('tidak ada Dinas dengan sub-unit di data demo');
}

async function load(
  url: string,
  headers: Record<string, string>,
  duration = DURATION_S,
): Promise<Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${url}: ${result.non2xx} jawaban bukan 2xx, ${result.errors} galat; angka tidak sah`,
    );
  }
  return result;
}

/**
 * CPU time (ms) used so far by the server process and by the PostgreSQL backends serving
 * amanah_bench, read from /proc (Linux). CPU per request does not depend on what else the
 * machine is doing, unlike requests per second; null where /proc is unavailable.
 */
async function cpuMs(
  serverPid: number | undefined,
  databaseUrl: string,
): Promise<{ server: number; postgres: number } | null> {
  const { readFileSync } = await import('node:fs');
  const ticks = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
    } catch {
      return Number.NaN;
    }
  };
  if (serverPid === undefined || Number.isNaN(ticks(serverPid))) return null;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const postgres = rows.map((r) => ticks(r.pid)).filter((t) => !Number.isNaN(t));
    return { server: ticks(serverPid) * 10, postgres: postgres.reduce((a, b) => a + b, 0) * 10 };
  } finally {
    await client.end();
  }
}

async function withServer<T>(
  start: () => Promise<ChildServer>,
  fn: (s: ChildServer) => Promise<T>,
) {
  const server = await start();
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

export async function runUnitGet(): Promise<BenchResult> {
  requireBuild();
  const databaseUrl = await freshDatabase(BENCH_DB);
  const dataDir = mkdtempSync(join(tmpdir(), 'amanah-bench-unit-'));
  try {
    const amanah = await withServer(
      () =>
        spawnServer(
          ['dist/server/main.js'],
          cleanEnv({ DATABASE_URL: databaseUrl, SEED_DEMO: 'true', DATA_DIR: dataDir }),
        ),
      async (server) => {
        await waitForOk(server, '/api/health', performance.now(), 120_000);
        // The seed just wrote every table; give the planner the statistics autovacuum would
        // gather within a minute on a real server, so the plans are the steady-state ones.
        await onPostgres('analyze', databaseUrl);
        const cookie = await signInCookie(server.url, DEMO_LOGIN);
        const unit = await pickUnit(server.url, cookie);
        const url = `${server.url}/api/units/${unit.id}`;
        // Warm-up: JIT, pool connections, PostgreSQL caches. Not measured.
        await load(url, { cookie }, 3);
        const before = await cpuMs(server.child.pid, databaseUrl);
        const result = await load(url, { cookie });
        const after = await cpuMs(server.child.pid, databaseUrl);
        const cpu =
          before && after
            ? {
                server: ((after.server - before.server) * 1000) / result.requests.total,
                postgres: ((after.postgres - before.postgres) * 1000) / result.requests.total,
              }
            : null;
        return { unit, result, cpu };
      },
    );
    const hello = await withServer(
      () => spawnServer(['--import', 'tsx', 'bench/hello-server.ts'], cleanEnv({})),
      async (server) => {
        await waitForOk(server, '/', performance.now());
        await load(`${server.url}/`, {}, 3);
        return load(`${server.url}/`, {});
      },
    );
    const r = amanah.result;
    return {
      name: 'unit-get',
      date: today(),
      machine: await machine(),
      metrics: [
        {
          label: 'GET /api/units/:id, permintaan/detik',
          value: r.requests.average,
          unit: 'req/s',
          budget: { min: 5000 },
        },
        {
          label: 'GET /api/units/:id, latensi p99',
          value: r.latency.p99,
          unit: 'ms',
          budget: { max: 20 },
        },
        { label: 'GET /api/units/:id, latensi p50', value: r.latency.p50, unit: 'ms' },
        ...(amanah.cpu
          ? [
              { label: 'CPU proses server per permintaan', value: amanah.cpu.server, unit: 'µs' },
              { label: 'CPU PostgreSQL per permintaan', value: amanah.cpu.postgres, unit: 'µs' },
            ]
          : []),
        {
          label: 'Fastify hello-world, permintaan/detik',
          value: hello.requests.average,
          unit: 'req/s',
        },
        { label: 'Fastify hello-world, latensi p99', value: hello.latency.p99, unit: 'ms' },
      ],
      notes: [
        `Unit: ${amanah.unit.name} (${amanah.unit.children} sub-unit), sesi cookie admin Pemda demo.`,
        `${CONNECTIONS} koneksi, ${DURATION_S} s per pengukuran setelah pemanasan 3 s; ${r.requests.total} permintaan, semuanya 2xx.`,
        'Server (node dist/server/main.js, LOG_LEVEL=warn) dan autocannon di proses terpisah pada mesin 2 core yang sama: keduanya berebut CPU.',
        `PostgreSQL ${postgresServerUrl().host}, basis data ${BENCH_DB} dibuat ulang setiap kali, ANALYZE setelah seed demo; DB_POOL_SIZE ${process.env.DB_POOL_SIZE ?? '20 (bawaan)'}.`,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const result = await runUnitGet();
  console.log(formatTable([result]));
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`\nHasil JSON: ${writeResult(result)}`);
}
