import type { Database } from '../src/db/client.js';
import { newId } from '../src/db/columns.js';
import { units } from '../src/modules/org/schema.js';
import {
  budgetLines,
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
} from '../src/modules/planning/schema.js';
import {
  createBenchTenant,
  onPglite,
  onThrowawayPostgres,
  withInProcessApp,
} from './in-process.js';
import { percentile } from './lib.js';

/**
 * `npx tsx bench/planning-tree.ts`: GET /api/plans/:id/tree of one PD's Renstra with about 300
 * nodes (5 tujuan → 15 sasaran → 30 programs → 90 kegiatan → 180 sub kegiatan), 2 indicators per
 * node with 5 yearly targets each, and pagu for every program/kegiatan/sub kegiatan. Runs on
 * PostgreSQL (DATABASE_URL or TEST_DATABASE_URL, loopback only) in a throwaway database, and on
 * PGlite. Prints the median and p95 of 30 requests after 5 warm-up requests.
 */
const YEARS = [2025, 2026, 2027, 2028, 2029];
const PASSWORD = 'bench-tree-2026';

async function seed(database: Database, tenantId: string, unitId: string, periodId: string) {
  const nodes: (typeof planNodes.$inferInsert)[] = [];
  let n = 0;
  const add = (
    kind: (typeof planNodes.$inferInsert)['kind'],
    parentId: string | null,
    code: string | null,
  ) => {
    const id = newId();
    n += 1;
    nodes.push({
      tenantId,
      id,
      periodId,
      unitId,
      parentId,
      kind,
      code,
      title: `${kind} ${code ?? n}`,
      sortOrder: n,
    });
    return id;
  };
  for (let t = 0; t < 5; t += 1) {
    const tujuan = add('tujuan', null, null);
    for (let s = 0; s < 3; s += 1) {
      const sasaran = add('sasaran', tujuan, null);
      for (let p = 0; p < 2; p += 1) {
        const programCode = `1.02.${String(t * 6 + s * 2 + p + 1).padStart(2, '0')}`;
        const program = add('program', sasaran, programCode);
        for (let k = 0; k < 3; k += 1) {
          const kegiatanCode = `${programCode}.2.${String(k + 1).padStart(2, '0')}`;
          const kegiatan = add('kegiatan', program, kegiatanCode);
          for (let u = 0; u < 2; u += 1) {
            add('sub_kegiatan', kegiatan, `${kegiatanCode}.${String(u + 1).padStart(4, '0')}`);
          }
        }
      }
    }
  }
  const indicatorRows: (typeof indicators.$inferInsert)[] = [];
  const targetRows: (typeof indicatorTargets.$inferInsert)[] = [];
  const budgetRows: (typeof budgetLines.$inferInsert)[] = [];
  for (const node of nodes) {
    for (let i = 0; i < 2; i += 1) {
      const id = newId();
      indicatorRows.push({
        tenantId,
        id,
        nodeId: node.id!,
        name: `Indikator ${i + 1} ${node.title}`,
        satuan: '%',
        polarity: 'positive',
        method: 'ratio',
        aggregation: 'last',
        isIku: false,
        definition: '',
        formulaText: '',
        dataSource: '',
        endTargetValue: '90',
      });
      YEARS.forEach((year, k) => {
        targetRows.push({ tenantId, indicatorId: id, year, targetValue: String(80 + k * 2.5) });
      });
    }
    if (node.kind !== 'tujuan' && node.kind !== 'sasaran') {
      for (const year of YEARS)
        budgetRows.push({
          tenantId,
          nodeId: node.id!,
          year,
          kind: 'pagu_indikatif',
          amount: '1250000000.50',
        });
    }
  }
  await database.withTenant(tenantId, async (tx) => {
    for (let i = 0; i < nodes.length; i += 500)
      await tx.insert(planNodes).values(nodes.slice(i, i + 500));
    for (let i = 0; i < indicatorRows.length; i += 500)
      await tx.insert(indicators).values(indicatorRows.slice(i, i + 500));
    for (let i = 0; i < targetRows.length; i += 1000)
      await tx.insert(indicatorTargets).values(targetRows.slice(i, i + 1000));
    for (let i = 0; i < budgetRows.length; i += 1000)
      await tx.insert(budgetLines).values(budgetRows.slice(i, i + 1000));
  });
  return { nodes: nodes.length, indicators: indicatorRows.length };
}

async function runOn(label: string, database: Database) {
  const { tenantId, username } = await createBenchTenant(database, PASSWORD);
  const unitId = newId();
  const periodId = newId();
  await database.withTenant(tenantId, async (tx) => {
    await tx
      .insert(units)
      .values({ tenantId, id: unitId, name: 'Dinas Bench', type: 'dinas', level: 'eselon_2' });
    await tx.insert(planPeriods).values({
      tenantId,
      id: periodId,
      name: 'RPJMD 2025–2029',
      startYear: 2025,
      endYear: 2029,
    });
  });
  const size = await seed(database, tenantId, unitId, periodId);
  await withInProcessApp(database, { username, password: PASSWORD }, async (app, cookie) => {
    const url = `/api/plans/${periodId}/tree?unitId=${unitId}`;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 35; i += 1) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - started;
      if (res.statusCode !== 200)
        throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      bytes = res.body.length;
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(10)} ${size.nodes} nodes, ${size.indicators} indicators, ${(bytes / 1024).toFixed(0)} KiB: median ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
  });
}

await onThrowawayPostgres('amanah_bench_tree', (database) => runOn('PostgreSQL', database));
await onPglite((database) => runOn('PGlite', database));
