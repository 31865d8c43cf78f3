import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase } from '../../src/db/client.js';
import {
  nationalBandDistribution,
  nationalBandsSql,
  nationalIndicatorsSql,
} from '../../src/modules/dashboards/national-bands.js';
import {
  type BenchResult,
  formatTable,
  isMain,
  type Metric,
  machine,
  percentile,
  root,
  today,
  writeResult,
} from '../lib.js';
import { databaseUrl, withClient } from './database.js';
import {
  describeLoad,
  gb,
  loadNational,
  NATIONAL_DATABASE,
  type NationalLoad,
} from './generate.js';
import { pemdaAtScale } from './shape.js';

/**
 * `npm run bench:national -- --scale 0.5`: the national aggregate (capaian band distribution
 * per province for one year, helper E's `nationalBandDistribution`, the platform admin's
 * `/api/platform/national/bands`) on the synthetic nation, measured as the data grows: the
 * database is loaded to 10 %, 25 %, 50 % and 100 % of the scale's Pemda (incrementally, see
 * generate.ts) and after each step VACUUM (ANALYZE) runs and the aggregate is timed in process
 * (first call after the load, then RUNS calls: p50 / max) with the EXPLAIN (ANALYZE, BUFFERS)
 * of both statements. Budget: under 1 s. Writes bench/results/national.json and the plans to
 * bench/results/national-plans.txt. `--reuse` measures the database as it is (no loading);
 * `--keep` loads on top of what it holds (e.g. `--scale 1 --steps 1 --keep` after a 0.5 run adds
 * the other half of the nation instead of starting again).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const YEAR = 2026;
const BUDGET_MS = 1000;

interface Step {
  fraction: number;
  pemda: number;
  realisasiRows: number;
  databaseBytes: number;
  firstMs: number;
  p50: number;
  max: number;
  counted: { indicators: number; banded: number; provinces: number };
  plans: string[];
  loadAverage: number[];
  load: NationalLoad | null;
}

const dialect = new PgDialect();

/** EXPLAIN (ANALYZE, BUFFERS) of a drizzle statement, as text. */
async function explain(url: string, statement: SQL): Promise<string> {
  const q = dialect.sqlToQuery(statement);
  return withClient(url, async (c) => {
    const r = await c.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${q.sql}`,
      q.params as unknown[],
    );
    return r.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

async function measure(url: string): Promise<Omit<Step, 'fraction' | 'load' | 'loadAverage'>> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const time = async () => {
      const t0 = performance.now();
      const result = await nationalBandDistribution(database, YEAR);
      return { ms: performance.now() - t0, result };
    };
    const first = await time();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push((await time()).ms);
    times.sort((a, b) => a - b);
    const total = first.result.total;
    const banded = Object.values(total.bands).reduce((s, n) => s + n, 0);
    const plans = [
      `-- bands: nationalBandsSql(${YEAR})\n${await explain(url, nationalBandsSql(YEAR))}`,
      `-- totals: nationalIndicatorsSql(${YEAR})\n${await explain(url, nationalIndicatorsSql(YEAR))}`,
    ];
    const stats = await withClient(url, async (c) => {
      const r = await c.query<{ pemda: string; realisasi: string; bytes: string }>(
        `select (select count(*) from tenants)::text as pemda,
                (select reltuples::bigint from pg_class where oid = 'realisasi'::regclass)::text as realisasi,
                pg_database_size(current_database())::text as bytes`,
      );
      return r.rows[0]!;
    });
    return {
      pemda: Number(stats.pemda),
      realisasiRows: Number(stats.realisasi),
      databaseBytes: Number(stats.bytes),
      firstMs: first.ms,
      p50: percentile(times, 50),
      max: times.at(-1) ?? 0,
      counted: { indicators: total.indicators, banded, provinces: first.result.provinces.length },
      plans,
    };
  } finally {
    await database.close();
  }
}

export async function runNational(opts: {
  scale: number;
  steps: number[];
  reuse: boolean;
  /** Keep what the database holds and load on top of it (no fresh start at the first step). */
  keep: boolean;
  database: string;
  workers: number;
}): Promise<{ result: BenchResult; steps: Step[] }> {
  const steps: Step[] = [];
  const fractions = opts.reuse ? [1] : opts.steps;
  for (const [i, fraction] of fractions.entries()) {
    let load: NationalLoad | null = null;
    let url: string;
    if (opts.reuse) {
      url = databaseUrl(opts.database);
    } else {
      console.log(`\nLangkah ${Math.round(fraction * 100)} %:`);
      load = await loadNational({
        scale: opts.scale,
        upto: fraction,
        fresh: i === 0 && !opts.keep,
        database: opts.database,
        workers: opts.workers,
      });
      for (const line of describeLoad(load)) console.log(line);
      url = load.url;
    }
    const loadAverage = (await machine()).loadAverage;
    const m = await measure(url);
    console.log(
      `  agregat nasional ${YEAR}: pertama ${Math.round(m.firstMs)} ms, p50 ${Math.round(m.p50)} ms, maks ${Math.round(m.max)} ms (${m.pemda} Pemda, ${m.realisasiRows.toLocaleString('en-US')} baris realisasi; beban ${loadAverage.join(' / ')})`,
    );
    steps.push({ fraction, ...m, loadAverage, load });
  }
  const metrics: Metric[] = steps.flatMap((s) => {
    const label = `${Math.round(s.fraction * 100)} % (${s.pemda} Pemda, ${(s.realisasiRows / 1e6).toFixed(1)} jt realisasi)`;
    return [
      { label: `${label}: panggilan pertama`, value: s.firstMs, unit: 'ms' },
      { label: `${label}: p50`, value: s.p50, unit: 'ms', budget: { max: BUDGET_MS } },
      { label: `${label}: maks`, value: s.max, unit: 'ms', budget: { max: BUDGET_MS } },
    ];
  });
  const last = steps.at(-1)!;
  const loads = steps.map((s) => s.load).filter((l): l is NationalLoad => l !== null);
  const result: BenchResult = {
    name: 'national',
    date: today(),
    machine: await machine(),
    metrics,
    notes: [
      `Skala ${opts.scale}: ${pemdaAtScale(opts.scale)} dari 546 Pemda; tahun ${YEAR}, TW IV; ${RUNS} panggilan setelah panggilan pertama, dalam proses (nationalBandDistribution, dua pernyataan berurutan dalam satu transaksi).`,
      ...steps.map(
        (s) =>
          `${Math.round(s.fraction * 100)} %: ${s.pemda} Pemda, ${s.realisasiRows.toLocaleString('en-US')} baris realisasi, ${gb(s.databaseBytes)}; ${s.counted.indicators.toLocaleString('en-US')} indikator PK kepala PD, ${s.counted.banded.toLocaleString('en-US')} berkategori, ${s.counted.provinces} provinsi; beban ${s.loadAverage.join('/')}`,
      ),
      ...loads.map(
        (l) =>
          `Muat sampai ${l.pemdaTotal} Pemda: +${l.pemdaAdded} dalam ${Math.round(l.load.wallMs / 1000)} s (membangkitkan ${Math.round(l.load.generateMs / 1000)} s di ${l.workers} thread, COPY ${Math.round(l.load.copyMs / 1000)} s), VACUUM ANALYZE ${Math.round(l.vacuumMs / 1000)} s`,
      ),
      `Total pemuatan: ${Math.round(loads.reduce((s, l) => s + l.load.wallMs + l.vacuumMs, 0) / 1000)} s; ${gb(last.databaseBytes)} di disk.`,
    ],
  };
  const planFile = join(root, 'bench', 'results', 'national-plans.txt');
  writeResult(result);
  writeFileSync(
    planFile,
    steps
      .map(
        (s) =>
          `==== ${Math.round(s.fraction * 100)} %: ${s.pemda} Pemda, ${s.realisasiRows} realisasi rows ====\n${s.plans.join('\n\n')}\n`,
      )
      .join('\n'),
  );
  return { result, steps };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: process.env.BENCH_NATIONAL_SCALE ?? '0.1' },
      steps: { type: 'string', default: '0.1,0.25,0.5,1' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      database: { type: 'string', default: NATIONAL_DATABASE },
      workers: { type: 'string', default: '2' },
    },
  });
  const { result } = await runNational({
    scale: Number(values.scale),
    steps: values.steps.split(',').map(Number),
    reuse: values.reuse,
    keep: values.keep,
    database: values.database,
    workers: Number(values.workers),
  });
  console.log(`\n${formatTable([result])}`);
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(
    '\nHasil: bench/results/national.json, rencana kueri: bench/results/national-plans.txt',
  );
}
