import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { DEMO_PASSWORD, ensureDemoTenant } from '../src/modules/demo/ensure-demo.js';
import { defaultCapaianRules } from '../src/shared/capaian/index.js';
import { type Timing, timeGets, timingMetrics } from './cascade.js';
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
import { freshMigratedDatabase, vacuumAnalyze, withClient } from './national/database.js';
import { bulkLoad, type LoadStats } from './national/load.js';
import { defaultPemdaOptions, type OpenReport, type PemdaResult } from './national/pemda-rows.js';
import { mix, type PemdaSpec } from './national/shape.js';

/**
 * `npm run bench:monitoring`: the monitoring budgets of issue 5 on one full-size synthetic Pemda
 * (PostgreSQL) and on the demo Pemda (PGlite).
 *
 * PostgreSQL (loopback server of DATABASE_URL / TEST_DATABASE_URL, fresh database
 * `amanah_bench_monitoring`): one Pemda of 60 PD loaded with the national generator
 * (bench/national: COPY, capaian from the engine) — PKs on three levels below the Pemda PK
 * (kepala PD, eselon III, eselon IV), 5–20 indicators each, years Y−3 … Y (Y = this year in the
 * Pemda's zone): every quarter before the current one reported (mostly verified/approved) with
 * realisasi and budget realisasi; the current quarter's reports are drafts, ready to be filled.
 * Users: the Kepala Daerah and one operator per PK of the most indicators (1 + 200).
 * The app runs as its own process on that database (`node --import tsx src/server/main.ts`,
 * or the build `dist/server/main.js` with BENCH_USE_DIST=1); every request goes through HTTP.
 *
 * 1. Pemda dashboard `GET /api/dashboards/pemda` as the Kepala Daerah, sequential requests
 *    (p50/p95/max after a warm-up): last year's TW IV (three full years read) and the default
 *    (this year, latest counted quarter). Budget < 100 ms.
 * 2. Saving one quarter of a unit: `PUT /api/monitoring/reports/:id/values` with 20 values,
 *    sequential, each save different from the last (so each writes). Budget < 50 ms.
 * 3. 200 operators at once for 60 s, each with their own session and their own draft report,
 *    saving all its number values again and again; every save sends new values (seq × 10 + i)
 *    with the version the last answer gave. Two runs: closed loop (autocannon, 200 connections,
 *    the next save as soon as the last is answered: latency is then the queue) and paced (each
 *    operator pauses 0.5–1.5 × BENCH_THINK_MS, default 10 s, between saves). Budget: zero
 *    errors, p99 < 200 ms. After each run, once the database is still, a count proves no write
 *    was lost: the reports' versions moved by exactly the saves answered 200 plus at most one
 *    save per connection cut by the end of the run (committed, answer not awaited); the
 *    realisasi rows' versions add up to the values those saves wrote; one audit event per save;
 *    each report holds the values of its last save. Lock waits are sampled meanwhile.
 *
 * PGlite: the demo Pemda Kota Contoh made in a fresh DATA_DIR the way the build makes its
 * snapshot (migrations + ensureDemoTenant, monitoring demo included; not timed), then the app
 * with that embedded database as its own process, as `npm start` opens existing data; the Wali
 * Kota's dashboard, sequential requests. Budget < 300 ms.
 *
 * Options: --only postgres|pglite; BENCH_CONCURRENCY (200), BENCH_DURATION (60 s),
 * BENCH_REQUESTS (200 sequential GETs), BENCH_SAVES (100 sequential saves), BENCH_THINK_MS
 * (10000), BENCH_CONNECTION_RATE (autocannon's per-connection rate for the closed loop).
 * Server and PostgreSQL CPU per request are read from /proc (Linux).
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 60);
const SAVES = Number(process.env.BENCH_SAVES ?? 100);
/** Mean pause of a paced operator between two saves (ms). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 10_000);
const DATABASE = 'amanah_bench_monitoring';
const PASSWORD = 'bench-amanah-2026-rahasia';
const TIME_ZONE = 'Asia/Makassar';

const useDist = process.env.BENCH_USE_DIST === '1';
const serverArgs = () => {
  if (useDist) {
    requireBuild();
    return ['dist/server/main.js'];
  }
  return ['--import', 'tsx', 'src/server/main.ts'];
};

/** Today's year and quarter in the bench Pemda's zone (the real clock: the server uses it). */
function currentQuarter(): { year: number; quarter: number } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [y, m] = day.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** A signed-in client over HTTP: cookie and CSRF token. */
async function session(base: string, identifier: string, password = PASSWORD) {
  const cookie = await signInCookie(base, { identifier, password });
  const s = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { cookie, csrf: s.csrfToken };
}

interface Loaded {
  url: string;
  result: PemdaResult;
  stats: LoadStats;
  vacuumMs: number;
  year: number;
  quarter: number;
}

/** The 60-PD Pemda in a fresh database, through the national generator (COPY). */
async function loadPemda(): Promise<Loaded> {
  const { year, quarter } = currentQuarter();
  const url = await freshMigratedDatabase(DATABASE);
  const spec: PemdaSpec = {
    index: 0,
    name: 'Pemerintah Kota Uji Beban Monitoring',
    shortName: 'Kota Uji',
    type: 'kota',
    regionCode: '99.97',
    provinceCode: '99',
    timeZone: TIME_ZONE,
    pd: 60,
    seed: mix(5, 60),
  };
  let result: PemdaResult | null = null;
  const stats = await bulkLoad(
    url,
    [spec],
    {
      ...defaultPemdaOptions(defaultCapaianRules),
      years: [year - 3, year - 2, year - 1, year],
      openQuarter: { year, quarter },
      transitions: true,
      users: { passwordHash: await hashPassword(PASSWORD), operators: CONCURRENCY + 1 },
    },
    { batchSize: 1, workers: 0, onResult: (_s, r) => (result = r) },
  );
  const vacuumMs = await vacuumAnalyze(url);
  if (!result) throw new Error('generator returned nothing');
  return { url, result, stats, vacuumMs, year, quarter };
}

async function withServer<T>(
  env: Record<string, string>,
  fn: (s: ChildServer) => Promise<T>,
  prepare?: (dataDir: string) => Promise<void>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanah-bench-monitoring-'));
  await prepare?.(dataDir);
  const server = await spawnServer(
    serverArgs(),
    cleanEnv({
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      // No reminder scan during the measurement (it runs hourly in production).
      REMINDERS_INTERVAL_MINUTES: '0',
      ...env,
    }),
  );
  try {
    await waitForOk(server, '/api/health', performance.now(), 300_000);
    return await fn(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- Saving ------------------------------------------------------------------------------------

/** The body of one save: every number indicator gets a new value for save number `seq`. */
function saveBody(report: OpenReport, version: number, seq: number, numeric: Set<string>) {
  return JSON.stringify({
    version,
    values: report.indicatorIds
      .filter((id) => numeric.has(id))
      .map((indicatorId, i) => ({ indicatorId, value: String(seq * 10 + (i % 10)) })),
  });
}

/** Indicators that take a number (the scale ones take a code: the saves leave them alone). */
async function numericIndicators(url: string, reports: OpenReport[]): Promise<Set<string>> {
  return withClient(url, async (c) => {
    const r = await c.query<{ id: string }>(
      `select id from agreement_indicators where method <> 'scale' and id = any($1::uuid[])`,
      [reports.flatMap((x) => x.indicatorIds)],
    );
    return new Set(r.rows.map((x) => x.id));
  });
}

async function timeSaves(base: string, report: OpenReport, numeric: Set<string>) {
  const s = await session(base, report.operator!);
  let version = 1;
  const times: number[] = [];
  const warmup = 10;
  for (let seq = 1; seq <= warmup + SAVES; seq += 1) {
    const t0 = performance.now();
    const response = await fetch(`${base}/api/monitoring/reports/${report.reportId}/values`, {
      method: 'PUT',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: saveBody(report, version, seq, numeric),
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`save: ${response.status} ${text.slice(0, 300)}`);
    version = (JSON.parse(text) as { version: number }).version;
    if (seq > warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const values = report.indicatorIds.filter((id) => numeric.has(id)).length;
  return {
    timing: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? 0,
      bytes: 0,
      n: times.length,
    } satisfies Timing,
    values,
  };
}

/** One operator: session, report, the version to send next, what was answered. */
interface Slot {
  report: OpenReport;
  cookie: string;
  csrf: string;
  version: number;
  /** Save number of the last request sent (values are `seq × 10 + i`: every save differs). */
  seq: number;
  /** Save number of the last request answered 200 in this run, and how many were. */
  okSeq: number;
  ok: number;
  numericValues: number;
}

interface ConcurrencyFigures {
  mode: 'closed' | 'paced';
  /** Requests answered (any status), per second, latency percentiles (ms). */
  answered: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Saves answered 200. */
  ok: number;
  /** Sum of the reports' version increases (each save that committed bumps its report once). */
  versionDelta: number;
  /** Saves that committed without an answer: cut by the end of the run (≤ 1 per connection). */
  cutAtEnd: number;
  /** Answered saves missing from the database (answered 200, but the report did not move). */
  lost: number;
  /** Reports holding neither their last answered save nor the one cut at the end. */
  mismatchedReports: number;
  /** Sum of realisasi.version over the rows of those reports, and what the saves imply. */
  rowVersions: number;
  expectedRowVersions: number;
  auditEvents: number;
  valuesPerSave: number;
  /** Mean backends of the database waiting on a lock / running, sampled every 500 ms. */
  waitingOnLock: number;
  active: number;
  /** What the waiting backends waited for (lock type and relation → samples). */
  lockWaits: Record<string, number>;
  cpu: CpuPerRequest | null;
  /** The summary line of the lost-write count. */
  countNote: string;
}

/** Waits until the reports' versions stop moving and no backend of the database is busy. */
async function quiesce(url: string, ids: string[]): Promise<void> {
  let last = '';
  for (let i = 0; i < 60; i += 1) {
    const now = await withClient(url, async (c) => {
      const r = await c.query<{ v: string; busy: string }>(
        `select (select coalesce(sum(version), 0) from quarter_reports where id = any($1::uuid[]))::text as v,
                (select count(*) from pg_stat_activity where datname = current_database()
                    and state <> 'idle' and pid <> pg_backend_pid())::text as busy`,
        [ids],
      );
      return r.rows[0]!;
    });
    if (now.v === last && now.busy === '0') return;
    last = now.v;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const readVersions = (url: string, ids: string[]) =>
  withClient(url, async (c) => {
    const r = await c.query<{ id: string; version: number }>(
      'select id, version from quarter_reports where id = any($1::uuid[])',
      [ids],
    );
    return new Map(r.rows.map((x) => [x.id, x.version]));
  });

/** Signs the operators in (4 at a time: each sign-in is an argon2id check). */
async function operatorSlots(
  base: string,
  reports: OpenReport[],
  numeric: Set<string>,
): Promise<Slot[]> {
  const slots: Slot[] = [];
  for (let i = 0; i < reports.length; i += 4) {
    const batch = reports.slice(i, i + 4);
    const sessions = await Promise.all(batch.map((r) => session(base, r.operator!)));
    batch.forEach((report, j) => {
      slots.push({
        report,
        cookie: sessions[j]!.cookie,
        csrf: sessions[j]!.csrf,
        version: 1,
        seq: 0,
        okSeq: 0,
        ok: 0,
        numericValues: report.indicatorIds.filter((id) => numeric.has(id)).length,
      });
    });
  }
  return slots;
}

/** Samples pg_stat_activity / pg_locks of the database every 500 ms until stopped. */
function lockSampler(url: string) {
  const samples: { waiting: number; active: number }[] = [];
  const waits: Record<string, number> = {};
  let running = true;
  const done = (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (running) {
        const r = await client.query<{ waiting: string; active: string }>(
          `select count(*) filter (where wait_event_type = 'Lock')::text as waiting,
                  count(*) filter (where state = 'active')::text as active
             from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        samples.push({ waiting: Number(r.rows[0]?.waiting), active: Number(r.rows[0]?.active) });
        const w = await client.query<{ what: string; n: string }>(
          `select l.locktype || coalesce(' ' || l.relation::regclass::text, '') as what,
                  count(*)::text as n
             from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where not l.granted and a.datname = current_database()
            group by 1`,
        );
        for (const row of w.rows) waits[row.what] = (waits[row.what] ?? 0) + Number(row.n);
        await new Promise((res) => setTimeout(res, 500));
      }
    } finally {
      await client.end();
    }
  })();
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    async stop() {
      running = false;
      await done;
      return {
        waiting: mean(samples.map((x) => x.waiting)),
        active: mean(samples.map((x) => x.active)),
        waits,
      };
    },
  };
}

const savePath = (slot: Slot) => `/api/monitoring/reports/${slot.report.reportId}/values`;
const saveHeaders = (slot: Slot) => ({
  cookie: slot.cookie,
  'x-csrf-token': slot.csrf,
  'content-type': 'application/json',
});

/** Closed loop (autocannon): every connection sends its next save as soon as it is answered. */
async function closedLoop(base: string, slots: Slot[], numeric: Set<string>) {
  const byReport = new Map(slots.map((s) => [s.report.reportId, s]));
  let nextSlot = 0;
  // The answer is the report: its id comes first, its new version is the first "version".
  const headPattern = /^\{"id":"([0-9a-f-]{36})".*?"version":(\d+)/s;
  const rate = process.env.BENCH_CONNECTION_RATE;
  const r = await autocannon({
    url: base,
    connections: slots.length,
    duration: DURATION,
    timeout: 30,
    ...(rate ? { connectionRate: Number(rate) } : {}),
    requests: [
      {
        method: 'PUT',
        // autocannon copies its options per connection: `state` is this connection's own.
        state: {},
        setupRequest: (req) => {
          const state = req.state as { slot?: Slot };
          if (!state.slot) {
            state.slot = slots[nextSlot % slots.length]!;
            nextSlot += 1;
          }
          const slot = state.slot;
          slot.seq += 1;
          return {
            ...req,
            path: savePath(slot),
            headers: saveHeaders(slot),
            body: saveBody(slot.report, slot.version, slot.seq, numeric),
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const m = headPattern.exec(body.slice(0, 2000));
          const slot = m ? byReport.get(m[1]!) : undefined;
          if (!slot || !m) return;
          slot.version = Number(m[2]);
          // One request in flight per connection: the answered one is the last sent.
          slot.okSeq = slot.seq;
          slot.ok += 1;
        },
      },
    ],
  });
  return {
    answered: r.requests.total,
    perSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/**
 * Paced operators: each waits a think time (uniform 0.5–1.5 × THINK_MS, random start) between
 * saves, as people filling a form do; latency measured per request on the client.
 */
async function pacedLoop(base: string, slots: Slot[], numeric: Set<string>, thinkMs: number) {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + DURATION * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all(
    slots.map(async (slot) => {
      await sleep(Math.random() * thinkMs);
      while (performance.now() < end) {
        slot.seq += 1;
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}${savePath(slot)}`, {
            method: 'PUT',
            headers: saveHeaders(slot),
            body: saveBody(slot.report, slot.version, slot.seq, numeric),
          });
          const text = await response.text();
          times.push(performance.now() - t0);
          if (response.status === 200) {
            slot.version = (JSON.parse(text) as { version: number }).version;
            slot.okSeq = slot.seq;
            slot.ok += 1;
          } else errors += 1;
        } catch {
          errors += 1;
        }
        await sleep(thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    answered: times.length,
    perSecond: times.length / ((performance.now() - started) / 1000),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? 0,
    errors,
  };
}

/**
 * One run of the operators (closed loop or paced) for DURATION seconds, then the count: the
 * database against what the server answered.
 */
async function concurrentSaves(
  server: ChildServer,
  url: string,
  slots: Slot[],
  numeric: Set<string>,
  mode: 'closed' | 'paced',
  thinkMs: number,
): Promise<ConcurrencyFigures> {
  const ids = slots.map((s) => s.report.reportId);
  const before = await readVersions(url, ids);
  for (const slot of slots) {
    slot.version = before.get(slot.report.reportId) ?? 1;
    slot.ok = 0;
    slot.okSeq = 0;
  }
  const startedAt = new Date();
  const sampler = lockSampler(url);
  const cpuBefore = await cpuSnapshot(server, url);
  const load =
    mode === 'closed'
      ? await closedLoop(server.url, slots, numeric)
      : await pacedLoop(server.url, slots, numeric, thinkMs);
  // Requests cut by the end of the run may still be running: wait until the database is still.
  await quiesce(url, ids);
  const cpuAfter = await cpuSnapshot(server, url);
  const locks = await sampler.stop();

  const after = await readVersions(url, ids);
  const check = await withClient(url, async (c) => {
    const rows = await c.query<{ n: string }>(
      'select coalesce(sum(version), 0)::text as n from realisasi where report_id = any($1::uuid[])',
      [ids],
    );
    const audit = await c.query<{ n: string }>(
      `select count(*)::text as n from audit_events
        where action = 'quarter_report.save' and entity_id = any($1::text[]) and at >= $2`,
      [ids, startedAt],
    );
    const stored = await c.query<{ report_id: string; indicator_id: string; value: string }>(
      'select report_id, indicator_id, value::text as value from realisasi where report_id = any($1::uuid[])',
      [ids],
    );
    return {
      rowVersions: Number(rows.rows[0]?.n ?? 0),
      auditEvents: Number(audit.rows[0]?.n ?? 0),
      storedBy: new Map(stored.rows.map((r) => [`${r.report_id}|${r.indicator_id}`, r.value])),
    };
  });
  const holds = (slot: Slot, seq: number) =>
    seq === 0 ||
    (
      JSON.parse(saveBody(slot.report, 0, seq, numeric)) as {
        values: { indicatorId: string; value: string }[];
      }
    ).values.every(
      (v) => check.storedBy.get(`${slot.report.reportId}|${v.indicatorId}`) === v.value,
    );
  let versionDelta = 0;
  let cutAtEnd = 0;
  let lost = 0;
  let mismatchedReports = 0;
  let expectedRowVersions = 0;
  for (const slot of slots) {
    const id = slot.report.reportId;
    const delta = (after.get(id) ?? 0) - (before.get(id) ?? 0);
    versionDelta += delta;
    const extra = delta - slot.ok;
    if (extra < 0) lost += -extra;
    else if (extra === 1) cutAtEnd += 1;
    else if (extra > 1) mismatchedReports += 1;
    // Landed last: the save answered last, or the one cut at the end (sent after it).
    const lastLanded = extra === 1 ? slot.seq : slot.okSeq;
    if (!holds(slot, lastLanded)) mismatchedReports += 1;
  }
  // Row versions: every save that landed bumped each of its rows once (insert = version 1).
  const rowsBefore = rowVersionsBefore.get(ids.join()) ?? 0;
  expectedRowVersions =
    rowsBefore +
    slots.reduce(
      (s, slot) =>
        s +
        ((after.get(slot.report.reportId) ?? 0) - (before.get(slot.report.reportId) ?? 0)) *
          slot.numericValues,
      0,
    );
  rowVersionsBefore.set(ids.join(), check.rowVersions);
  const ok = slots.reduce((s, x) => s + x.ok, 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    mode,
    ...load,
    ok,
    versionDelta,
    cutAtEnd,
    lost,
    mismatchedReports,
    rowVersions: check.rowVersions,
    expectedRowVersions,
    auditEvents: check.auditEvents,
    valuesPerSave: mean(slots.map((x) => x.numericValues)),
    waitingOnLock: locks.waiting,
    active: locks.active,
    lockWaits: locks.waits,
    cpu: perRequest(cpuBefore, cpuAfter, versionDelta),
    countNote: `versi laporan +${versionDelta} = ${ok} simpan dijawab 200 + ${cutAtEnd} simpan terpotong akhir uji (sudah commit, jawabannya tidak ditunggu; paling banyak 1 per koneksi); ${lost} simpan dijawab 200 tetapi tidak ada; jumlah versi baris realisasi ${check.rowVersions} (diharapkan ${expectedRowVersions}); ${check.auditEvents} peristiwa audit quarter_report.save; ${mismatchedReports} laporan tidak berisi simpanan terakhirnya`,
  };
}

/** Sum of realisasi versions of a set of reports after the previous run (key: their ids). */
const rowVersionsBefore = new Map<string, number>();

// ---- CPU per request ----------------------------------------------------------------------------

interface CpuSnapshot {
  server: number;
  postgres: Map<number, number>;
}
export interface CpuPerRequest {
  server: number;
  postgres: number;
}

/** CPU ticks (ms) of the server process and of each PostgreSQL backend of the database (/proc). */
async function cpuSnapshot(server: ChildServer, url: string): Promise<CpuSnapshot | null> {
  const ticks = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 1/100 s
    } catch {
      return Number.NaN;
    }
  };
  const pid = server.child.pid;
  if (pid === undefined || Number.isNaN(ticks(pid))) return null;
  const pids = await withClient(url, async (c) => {
    const r = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return r.rows.map((x) => x.pid);
  });
  return {
    server: ticks(pid),
    postgres: new Map(pids.map((p) => [p, ticks(p)] as const).filter(([, t]) => !Number.isNaN(t))),
  };
}

/** CPU ms per request between two snapshots (backends that came and went count from 0). */
function perRequest(
  a: CpuSnapshot | null,
  b: CpuSnapshot | null,
  requests: number,
): CpuPerRequest | null {
  if (!a || !b || requests === 0) return null;
  let pg = 0;
  for (const [pid, t] of b.postgres) pg += t - (a.postgres.get(pid) ?? 0);
  return { server: (b.server - a.server) / requests, postgres: pg / requests };
}

// ---- The two databases --------------------------------------------------------------------------

async function runPostgres(): Promise<{ metrics: Metric[]; notes: string[] }> {
  console.log('PostgreSQL: memuat Pemda sintetis 60 PD…');
  const loaded = await loadPemda();
  const { result, stats, year, quarter } = loaded;
  const users = result.users!;
  const withOperator = result.openReports.filter((r) => r.operator);
  const numeric = await numericIndicators(loaded.url, withOperator);
  const numericCount = (r: OpenReport) => r.indicatorIds.filter((id) => numeric.has(id)).length;
  // The single save: a report with 20 number indicators (else the most); the crowd: the rest.
  const single = [...withOperator].sort((a, b) => numericCount(b) - numericCount(a))[0]!;
  const crowd = withOperator.filter((r) => r !== single).slice(0, CONCURRENCY);
  const loadNote = `Data: 1 Pemda, 60 PD, ${stats.rows.units} unit, ${stats.rows.agreements} PK (${year - 3}–${year}; Pemda, kepala PD, eselon III, eselon IV), ${stats.rows.agreement_indicators} indikator PK, ${stats.rows.quarter_reports} laporan triwulan, ${stats.rows.realisasi} baris realisasi, ${stats.rows.budget_realisasi} realisasi anggaran; TW ${quarter} ${year} terbuka (draf); dimuat dengan COPY dalam ${Math.round(stats.wallMs / 1000)} s + VACUUM ANALYZE ${Math.round(loaded.vacuumMs / 1000)} s.`;
  console.log(`  ${loadNote}`);

  return withServer({ DATABASE_URL: loaded.url, SEED_DEMO: 'false' }, async (server) => {
    const kd = await session(server.url, users.kepalaDaerah);
    const loadNotes: string[] = [];
    const timed = async <T>(n: (t: T) => number, fn: () => Promise<T>) => {
      const a = await cpuSnapshot(server, loaded.url);
      const out = await fn();
      const b = await cpuSnapshot(server, loaded.url);
      return { out, cpu: perRequest(a, b, n(out)), load: (await machine()).loadAverage };
    };
    const cpuText = (c: CpuPerRequest | null) =>
      c
        ? `CPU per permintaan: server ${c.server.toFixed(1)} ms, PostgreSQL ${c.postgres.toFixed(1)} ms`
        : 'CPU tidak terbaca';
    console.log('  dasbor Pemda…');
    const lastYear = await timed(
      (t: Timing) => t.n + 20,
      () => timeGets(server.url, `/api/dashboards/pemda?year=${year - 1}&quarter=4`, kd.cookie),
    );
    const current = await timed(
      (t: Timing) => t.n + 20,
      () => timeGets(server.url, '/api/dashboards/pemda', kd.cookie),
    );
    console.log(
      `    TW IV ${year - 1}: p50 ${lastYear.out.p50.toFixed(1)} ms, p95 ${lastYear.out.p95.toFixed(1)} ms (${cpuText(lastYear.cpu)}); bawaan: p50 ${current.out.p50.toFixed(1)} ms`,
    );
    console.log(`  simpan satu triwulan (${numericCount(single)} nilai)…`);
    const save = await timed(
      (s: Awaited<ReturnType<typeof timeSaves>>) => s.timing.n + 10,
      () => timeSaves(server.url, single, numeric),
    );
    console.log(
      `    p50 ${save.out.timing.p50.toFixed(1)} ms, p95 ${save.out.timing.p95.toFixed(1)} ms (${cpuText(save.cpu)})`,
    );
    console.log(`  ${crowd.length} operator masuk…`);
    const signInStarted = performance.now();
    const slots = await operatorSlots(server.url, crowd, numeric);
    const signInMs = performance.now() - signInStarted;
    const runs: ConcurrencyFigures[] = [];
    for (const mode of ['closed', 'paced'] as const) {
      console.log(
        `  ${crowd.length} operator bersamaan selama ${DURATION} s (${mode === 'closed' ? 'tanpa jeda' : `jeda ${THINK_MS / 1000} s`})…`,
      );
      const loadBefore = (await machine()).loadAverage;
      const c = await concurrentSaves(server, loaded.url, slots, numeric, mode, THINK_MS);
      const loadAfter = (await machine()).loadAverage;
      runs.push(c);
      loadNotes.push(`${loadBefore.join('/')} → ${loadAfter.join('/')}`);
      console.log(
        `    ${c.answered} jawaban, ${c.perSecond.toFixed(1)}/s, p50 ${c.p50.toFixed(0)} ms, p99 ${c.p99.toFixed(0)} ms; galat ${c.errors}; ${c.countNote}`,
      );
    }
    const lostOf = (c: ConcurrencyFigures) =>
      c.lost +
      c.mismatchedReports +
      Math.abs(c.expectedRowVersions - c.rowVersions) +
      Math.abs(c.auditEvents - c.versionDelta);
    const label = (c: ConcurrencyFigures) =>
      `PG: ${crowd.length} operator ${c.mode === 'closed' ? 'tanpa jeda' : `jeda ~${THINK_MS / 1000} s`}`;
    const metrics: Metric[] = [
      ...timingMetrics(
        `PG: GET /api/dashboards/pemda TW IV ${year - 1} (3 tahun)`,
        lastYear.out,
        100,
      ),
      ...timingMetrics(
        `PG: GET /api/dashboards/pemda bawaan (${year}, triwulan terakhir yang dihitung)`,
        current.out,
        100,
      ),
      ...timingMetrics(
        `PG: PUT /api/monitoring/reports/:id/values (${save.out.values} nilai)`,
        save.out.timing,
        50,
      ),
      ...runs.flatMap((c): Metric[] => [
        { label: `${label(c)}, simpan/s`, value: c.perSecond, unit: 'req/s' },
        { label: `${label(c)}, p50`, value: c.p50, unit: 'ms' },
        { label: `${label(c)}, p99`, value: c.p99, unit: 'ms', budget: { max: 200 } },
        { label: `${label(c)}, maks`, value: c.max, unit: 'ms' },
        { label: `${label(c)}, galat`, value: c.errors, unit: '', budget: { max: 0 } },
        { label: `${label(c)}, simpan dijawab 200`, value: c.ok, unit: '' },
        {
          label: `${label(c)}, tulisan hilang / tidak cocok`,
          value: lostOf(c),
          unit: '',
          budget: { max: 0 },
        },
      ]),
    ];
    const server_ = useDist ? 'dist/server/main.js' : 'node --import tsx src/server/main.ts';
    const waits = (c: ConcurrencyFigures) =>
      Object.entries(c.lockWaits)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([what, n]) => `${what} ${n}`)
        .join(', ') || 'tidak ada';
    const notes = [
      loadNote,
      `Dasbor: ${lastYear.out.n} GET berurutan setelah 20 pemanasan, sebagai Kepala Daerah, lewat HTTP (${server_}, proses sendiri, DB_POOL_SIZE 20); jawaban ${Math.round(lastYear.out.bytes / 1000)} kB (TW IV ${year - 1}) dan ${Math.round(current.out.bytes / 1000)} kB (bawaan); ${cpuText(lastYear.cpu)} (TW IV ${year - 1}), ${cpuText(current.cpu)} (bawaan); beban ${lastYear.load.join('/')}.`,
      `Simpan: ${SAVES} PUT berurutan setelah 10 pemanasan oleh operator unit, ${save.out.values} nilai angka tiap kali, semuanya berubah (versi dibaca dari jawaban), jawaban = laporan lengkap; ${cpuText(save.cpu)}; beban ${save.load.join('/')}.`,
      `Bersamaan: ${crowd.length} operator, tiap operator sesi dan laporan draf sendiri (rata-rata ${runs[0]!.valuesPerSave.toFixed(1)} nilai per simpan, nilai baru tiap simpan, versi dari jawaban sebelumnya); masuk ${Math.round(signInMs / 1000)} s (tidak diukur). Tanpa jeda = autocannon ${crowd.length} koneksi, tiap koneksi mengirim lagi begitu dijawab (beban tertutup: latensi = antrean); jeda = tiap operator menunggu 0,5–1,5 × ${THINK_MS / 1000} s di antara simpan (fetch keep-alive).`,
      ...runs.map(
        (c, i) =>
          `${label(c)}: ${c.answered} jawaban (${c.perSecond.toFixed(1)}/s), galat ${c.errors}; ${c.mode === 'closed' ? cpuText(c.cpu) : `CPU server per simpan ${c.cpu ? c.cpu.server.toFixed(1) : '?'} ms`}; rata-rata ${c.active.toFixed(1)} backend aktif, ${c.waitingOnLock.toFixed(1)} menunggu lock (${waits(c)}); beban ${loadNotes[i]}. Hitungan setelah basis data tenang: ${c.countNote}.`,
      ),
    ];
    return { metrics, notes };
  });
}

/**
 * The demo Pemda in a PGlite data folder, made as the build's snapshot is (migrations, then
 * ensureDemoTenant: organisation, planning and monitoring demo), so the figure never depends on
 * a stale dist/pglite-demo.tar.gz. The server then opens it as `npm start` opens existing data.
 */
async function seedDemo(dataDir: string): Promise<number> {
  const started = performance.now();
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    await migrate(database);
    await ensureDemoTenant(database);
  } finally {
    await database.close();
  }
  return performance.now() - started;
}

async function runPglite(): Promise<{ metrics: Metric[]; notes: string[] }> {
  console.log('PGlite: Pemda demo di basis data tertanam…');
  let seedMs = 0;
  return withServer(
    {},
    async (server) => {
      const walikota = await session(server.url, 'walikota', DEMO_PASSWORD);
      const t = await timeGets(server.url, '/api/dashboards/pemda', walikota.cookie);
      const body = (await (
        await fetch(`${server.url}/api/dashboards/pemda`, {
          headers: { cookie: walikota.cookie },
        })
      ).json()) as {
        year: number;
        quarter: number;
        units: unknown[];
        summary: { indicators: number; assessed: number };
      };
      const load = (await machine()).loadAverage;
      console.log(`  p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
      const server_ = useDist ? 'dist/server/main.js' : 'node --import tsx src/server/main.ts';
      return {
        metrics: timingMetrics('PGlite: GET /api/dashboards/pemda (demo, Wali Kota)', t, 300),
        notes: [
          `PGlite: Pemda demo Kota Contoh (TW ${body.quarter} ${body.year}: ${body.units.length} PD, ${body.summary.assessed} dari ${body.summary.indicators} indikator dinilai) dibuat di DATA_DIR baru seperti snapshot build (migrasi + ensureDemoTenant, ${Math.round(seedMs / 1000)} s, tidak diukur), lalu dibuka server (${server_}, proses sendiri, PGlite berkas); ${t.n} GET berurutan setelah 20 pemanasan sebagai walikota, jawaban ${Math.round(t.bytes / 1000)} kB; beban ${load.join('/')}.`,
        ],
      };
    },
    async (dataDir) => {
      seedMs = await seedDemo(dataDir);
    },
  );
}

export async function runMonitoring(only?: string): Promise<BenchResult> {
  const parts: { metrics: Metric[]; notes: string[] }[] = [];
  if (only !== 'pglite') parts.push(await runPostgres());
  if (only !== 'postgres') parts.push(await runPglite());
  return {
    name: 'monitoring',
    date: today(),
    machine: await machine(),
    metrics: parts.flatMap((p) => p.metrics),
    notes: parts.flatMap((p) => p.notes),
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const result = await runMonitoring(values.only);
  console.log(`\n${formatTable([result])}`);
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`\nHasil JSON: ${writeResult(result)}`);
}
