import { cascadeTimingNote, timeGets, timingMetrics, withPlanningServer } from './cascade.js';
import { type BenchResult, formatTable, isMain, machine, today, writeResult } from './lib.js';
import { BENCH_YEAR } from './planning-data.js';

/**
 * `GET /api/agreements?year=2027`: the PK list of a whole Pemda (~400 PKs, every unit × level)
 * on PostgreSQL through the real HTTP server, the same synthetic data and method as
 * bench/cascade.ts (sequential requests, p50 / p95 / max). Budget from the issue: under 100 ms.
 */
export async function runAgreementsList(): Promise<BenchResult> {
  const { all, searched, count, data } = await withPlanningServer(
    'amanah_bench_pk_list',
    async (server, cookie, d) => {
      const first = await fetch(`${server.url}/api/agreements?year=${BENCH_YEAR}`, {
        headers: { cookie },
      });
      const body = (await first.json()) as { items?: unknown[] };
      return {
        all: await timeGets(server.url, `/api/agreements?year=${BENCH_YEAR}`, cookie),
        searched: await timeGets(
          server.url,
          `/api/agreements?year=${BENCH_YEAR}&level=eselon_iv&q=seksi`,
          cookie,
        ),
        count: body.items?.length ?? 0,
        data: d,
      };
    },
  );
  return {
    name: 'pk-list',
    date: today(),
    machine: await machine(),
    metrics: [
      ...timingMetrics(`GET /api/agreements?year (${count} PK)`, all, 100),
      ...timingMetrics('GET /api/agreements?year&level&q (filter + cari)', searched),
      { label: 'ukuran jawaban seluruh Pemda', value: all.bytes / 1000, unit: 'kB' },
    ],
    notes: [cascadeTimingNote(data, all)],
  };
}

if (isMain(import.meta.url)) {
  const result = await runAgreementsList();
  console.log(formatTable([result]));
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`\nHasil JSON: ${writeResult(result)}`);
}
