import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.js';
import { newId } from '../src/db/columns.js';
import { migrate } from '../src/db/migrate.js';
import { createSecretBox } from '../src/modules/auth/secret-box.js';
import { createUser } from '../src/modules/auth/users/create-user.js';
import { units } from '../src/modules/org/schema.js';
import {
  budgetLines,
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
} from '../src/modules/planning/schema.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

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
  await migrate(database);
  const username = `bench.${randomBytes(3).toString('hex')}`;
  const tenantId = await database.withSystem(async (tx) => {
    const id = await createTenant(tx, null, {
      name: `Kota Bench ${randomBytes(2).toString('hex')}`,
      shortName: 'Kota Bench',
      type: 'kota',
      regionCode: `79.${String(Math.floor(Math.random() * 90) + 10)}`,
      timeZone: 'Asia/Jakarta',
    });
    await createUser(tx, null, {
      tenantId: id,
      username,
      displayName: 'Bench',
      password: PASSWORD,
      grants: [{ role: 'admin_pemda', unitId: null }],
    });
    return id;
  });
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
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'amanah-bench-')),
  });
  const app = await buildApp(
    { config, database, secretBox: createSecretBox(Buffer.alloc(32, 7)) },
    { logger: false },
  );
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: username, password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
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
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    console.log(
      `${label.padEnd(10)} ${size.nodes} nodes, ${size.indicators} indicators, ${(bytes / 1024).toFixed(0)} KiB: median ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms`,
    );
  } finally {
    await app.close();
  }
}

const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const url = new URL(serverUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`bench hanya memakai PostgreSQL di loopback, bukan ${url.hostname}`);
  }
  const name = `amanah_bench_tree_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    await runOn('PostgreSQL', database);
  } finally {
    await database.close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
}
const pglite = await openDatabase({ dataDir: 'memory://' });
try {
  await runOn('PGlite', pglite);
} finally {
  await pglite.close();
}
