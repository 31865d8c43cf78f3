import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Shared plumbing of the benchmarks: child servers on loopback, result files, tables. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HOST = '127.0.0.1';

export interface Metric {
  label: string;
  value: number;
  unit: string;
  /** The budget from the issue, when there is one. */
  budget?: { max?: number; min?: number };
}

export interface BenchResult {
  name: string;
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    /** 1/5/15-minute load average at the start: other work on the machine skews the figures. */
    loadAverage: number[];
  };
  metrics: Metric[];
  notes: string[];
}

export const withinBudget = (m: Metric): boolean | null =>
  m.budget
    ? (m.budget.max === undefined || m.value <= m.budget.max) &&
      (m.budget.min === undefined || m.value >= m.budget.min)
    : null;

/** Stops the benchmark with a message when `npm run build` has not been run. */
export function requireBuild(): void {
  const missing = ['dist/server/main.js', 'dist/web/index.html'].filter(
    (f) => !existsSync(join(root, f)),
  );
  if (missing.length > 0) {
    throw new Error(
      `Build belum ada (${missing.join(', ')}). Jalankan dahulu: npm run build && npm run bench`,
    );
  }
}

/** DATABASE_URL or TEST_DATABASE_URL, when one is set: the PostgreSQL server to measure on. */
export const configuredPostgres = (): string | undefined =>
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/**
 * The PostgreSQL server to use (the configured one, else the local default); only a loopback
 * one, so the benchmark never leaves the machine.
 */
export function postgresServerUrl(): URL {
  const url = new URL(configuredPostgres() ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`benchmark hanya memakai PostgreSQL di loopback, bukan ${url.hostname}`);
  }
  return url;
}

/** Runs one statement on its own connection to `url` (default: the server's own database). */
export async function onPostgres(
  statement: string,
  url = postgresServerUrl().toString(),
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates the database `name` on the loopback server; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  await onPostgres(`drop database if exists ${name} with (force)`);
  await onPostgres(`create database ${name}`);
  const url = postgresServerUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database `name` for the length of `fn`, dropped afterwards. */
export async function withThrowawayDatabase<T>(
  name: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const url = await freshDatabase(name);
  try {
    return await fn(url);
  } finally {
    await onPostgres(`drop database if exists ${name} with (force)`);
  }
}

/** Nearest-rank percentile `p` (0–100) of ascending `sorted` values; 0 when empty. */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Signs in through the HTTP API of the server at `base`; returns the session cookie. */
export async function signInCookie(
  base: string,
  login: { identifier: string; password: string },
): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('amanah_session='))
    ?.split(';')[0];
  if (response.status !== 200 || !cookie) {
    throw new Error(
      `masuk sebagai ${login.identifier} gagal: ${response.status} ${await response.text()}`,
    );
  }
  return cookie;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** What the child printed, for the error message when it fails to start. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` in its own process (never sharing the benchmark's event loop) with the
 * given environment, on a free loopback port passed as PORT.
 */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://${HOST}:${port}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Polls `url` until it answers 200; returns the milliseconds since `since`. */
export async function waitForOk(
  server: ChildServer,
  path: string,
  since: number,
  timeoutMs = 60_000,
): Promise<number> {
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(`server berhenti (kode ${server.child.exitCode}):\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - since > timeoutMs) {
      throw new Error(`server tidak menjawab dalam ${timeoutMs} ms:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The environment for a child server: ours minus database settings the benchmark decides. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'SEED_DEMO', 'PORT', 'HOST', 'NODE_ENV']) {
    delete env[key];
  }
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
}

export async function machine(): Promise<BenchResult['machine']> {
  const os = await import('node:os');
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function writeResult(result: BenchResult): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.name}.json`);
  // Short arrays of numbers on one line, as the repository's formatter (Biome) writes JSON.
  const json = JSON.stringify(result, null, 2).replace(
    /\[\s+([-\d.,\s]+?)\s+\]/g,
    (_all, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
  );
  writeFileSync(file, `${json}\n`);
  return file;
}

const formatNumber = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);

function formatBudget(m: Metric): string {
  if (!m.budget) return '';
  const parts = [
    m.budget.min === undefined ? null : `≥ ${formatNumber(m.budget.min)}`,
    m.budget.max === undefined ? null : `≤ ${formatNumber(m.budget.max)}`,
  ].filter(Boolean);
  return `${parts.join(' ')} ${m.unit}`;
}

/** A plain-text table: metric, value, budget, verdict. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.metrics.map((m) => {
      const ok = withinBudget(m);
      return [
        r.name,
        m.label,
        `${formatNumber(m.value)} ${m.unit}`,
        formatBudget(m),
        ok === null ? '' : ok ? 'OK' : 'GAGAL',
      ];
    }),
  );
  const header = ['benchmark', 'ukuran', 'hasil', 'anggaran', ''];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const today = () => new Date().toISOString().slice(0, 10);

/** True when this module is the script node was started with (not imported by run.ts). */
export const isMain = (moduleUrl: string) =>
  process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
