import { parseArgs } from 'node:util';
import { defaultCapaianRules } from '../../src/shared/capaian/index.js';
import { isMain } from '../lib.js';
import {
  databaseExists,
  databaseUrl,
  freshMigratedDatabase,
  type SizeInfo,
  sizes,
  vacuumAnalyze,
  verifyForeignKeys,
  withClient,
} from './database.js';
import { bulkLoad, type LoadStats } from './load.js';
import { defaultPemdaOptions, type PemdaOptions } from './pemda-rows.js';
import { nation, pemdaAtScale } from './shape.js';

/**
 * `npm run bench:national-generate -- --scale 0.1`: a synthetic nation in PostgreSQL for the
 * national benchmark (bench/national/run.ts). 546 Pemda at scale 1 (38 provinsi + 508
 * kabupaten/kota, region codes NN and NN.MM), 25–60 PD each, PKs on three levels below the
 * Pemda PK (kepala PD, eselon III, eselon IV: ~9.75 per PD), 5–20 indicators per PK, 4 quarters
 * of 3 years (2024–2026): about 34 million realisasi rows at scale 1.
 *
 * Loads into a separate database (default `amanah_bench_national`, loopback server of
 * DATABASE_URL / TEST_DATABASE_URL), created and migrated by the app's own migrate when missing
 * or with --fresh. Rows are written straight into the tables with COPY (see load.ts), bypassing
 * the API; capaian comes from the engine. Loading is incremental: `--upto 0.25` loads the first
 * quarter of the scale's Pemda, a later run with `--upto 1` adds the rest (the first N Pemda of
 * the fixed, seeded list, never twice). Ends with VACUUM (ANALYZE).
 *
 *   npx tsx bench/national/generate.ts --scale 0.1 [--upto 1] [--fresh] [--verify]
 *                                      [--database amanah_bench_national] [--batch 4] [--workers 2]
 */
export const NATIONAL_DATABASE = 'amanah_bench_national';
export const NATIONAL_YEARS = [2024, 2025, 2026] as const;

export interface NationalLoad {
  database: string;
  url: string;
  scale: number;
  /** Pemda in the database after this run, and how many this run added. */
  pemdaTotal: number;
  pemdaAdded: number;
  load: LoadStats;
  workers: number;
  vacuumMs: number;
  size: SizeInfo;
  orphans: { constraint: string; orphans: number }[] | null;
}

export function nationalOptions(): PemdaOptions {
  return { ...defaultPemdaOptions(defaultCapaianRules), years: [...NATIONAL_YEARS] };
}

export async function loadNational(opts: {
  scale: number;
  upto?: number;
  fresh?: boolean;
  database?: string;
  verify?: boolean;
  batch?: number;
  workers?: number;
  log?: (line: string) => void;
}): Promise<NationalLoad> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const database = opts.database ?? NATIONAL_DATABASE;
  const url =
    opts.fresh || !(await databaseExists(database))
      ? await freshMigratedDatabase(database)
      : databaseUrl(database);
  const loaded = new Set(
    await withClient(url, async (c) =>
      (await c.query<{ region_code: string }>('select region_code from tenants')).rows.map(
        (r) => r.region_code,
      ),
    ),
  );
  const count = Math.max(1, Math.round(pemdaAtScale(opts.scale) * (opts.upto ?? 1)));
  const wanted = nation().slice(0, count);
  const todo = wanted.filter((p) => !loaded.has(p.regionCode));
  log(
    `  ${database}: ${loaded.size} Pemda ada, target ${count} (skala ${opts.scale} × ${opts.upto ?? 1}); memuat ${todo.length}…`,
  );
  let lastLog = 0;
  const workers = opts.workers ?? 2;
  const load = await bulkLoad(url, todo, nationalOptions(), {
    // Small loads still keep every thread busy: up to 4 Pemda per batch.
    batchSize: opts.batch ?? Math.max(1, Math.min(4, Math.ceil(todo.length / (workers * 2)))),
    workers,
    onBatch: (done, total, s) => {
      if (performance.now() - lastLog < 15_000 && done < total) return;
      lastLog = performance.now();
      log(
        `    ${done}/${total} Pemda, ${(s.rows.realisasi ?? 0).toLocaleString('en-US')} baris realisasi, ${Math.round(s.generateMs / 1000)} s membangkitkan`,
      );
    },
  });
  log(`  VACUUM (ANALYZE)…`);
  const vacuumMs = await vacuumAnalyze(url);
  const orphans = opts.verify ? await verifyForeignKeys(url) : null;
  const size = await sizes(url);
  return {
    database,
    url,
    scale: opts.scale,
    pemdaTotal: loaded.size + todo.length,
    pemdaAdded: todo.length,
    load,
    workers,
    vacuumMs,
    size,
    orphans,
  };
}

export const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

export function describeLoad(r: NationalLoad): string[] {
  const rows = r.size.tables.reduce((s, t) => s + t.rows, 0);
  const realisasi = r.size.tables.find((t) => t.table === 'realisasi');
  return [
    `${r.database}: ${r.pemdaTotal} Pemda (+${r.pemdaAdded} dalam ${Math.round(r.load.wallMs / 1000)} s: membangkitkan + mesin capaian ${Math.round(r.load.generateMs / 1000)} s di ${r.workers} thread, COPY ${Math.round(r.load.copyMs / 1000)} s; VACUUM ANALYZE ${Math.round(r.vacuumMs / 1000)} s)`,
    `  ${rows.toLocaleString('en-US')} baris, ${gb(r.size.databaseBytes)} di disk; realisasi ${(realisasi?.rows ?? 0).toLocaleString('en-US')} baris, ${gb(realisasi?.bytes ?? 0)} (dengan indeks)`,
    `  mesin capaian dipanggil untuk ${r.load.engineCalls.toLocaleString('en-US')} indikator-tahun`,
    ...(r.orphans === null
      ? []
      : [
          r.orphans.length === 0
            ? '  semua foreign key konsisten (0 baris yatim)'
            : `  BARIS YATIM: ${JSON.stringify(r.orphans)}`,
        ]),
  ];
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '0.1' },
      upto: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      database: { type: 'string', default: NATIONAL_DATABASE },
      batch: { type: 'string' },
      workers: { type: 'string', default: '2' },
    },
  });
  const result = await loadNational({
    scale: Number(values.scale),
    upto: Number(values.upto),
    fresh: values.fresh,
    verify: values.verify,
    database: values.database,
    ...(values.batch ? { batch: Number(values.batch) } : {}),
    workers: Number(values.workers),
  });
  for (const line of describeLoad(result)) console.log(line);
  for (const t of result.size.tables) {
    console.log(
      `    ${t.table.padEnd(28)} ${t.rows.toLocaleString('en-US').padStart(12)} baris  ${gb(t.bytes)}`,
    );
  }
}
