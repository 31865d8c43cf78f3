import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { runInTenant } from '../src/modules/access/context.js';
import { resolveSession } from '../src/modules/auth/sessions.js';
import { getUnit } from '../src/modules/org/units/get-unit.js';
import { loadConfig } from '../src/server/config.js';

/**
 * Where the time of GET /api/units/:id goes, stage by stage, in one process against the
 * database `unit-get` leaves behind (amanah_bench). Not part of `npm run bench`:
 *   npx tsx bench/profile-unit-get.ts <session cookie value> <unit id>
 * Each stage runs N times sequentially (latency) and with 20 concurrent workers (throughput).
 */
const [cookie, unitId] = process.argv.slice(2);
if (!cookie || !unitId)
  throw new Error('pakai: profile-unit-get.ts <cookie amanah_session> <unit id>');
const url = process.env.BENCH_PROFILE_URL ?? 'postgres://postgres@127.0.0.1:5432/amanah_bench';
const config = loadConfig({ DATABASE_URL: url });
const database = await openDatabase({ url, poolSize: 20 });
const session = await resolveSession(database, config, cookie);
if (!session?.actor.tenantId) throw new Error('sesi tidak valid');
const actor = session.actor;
const tenantId = actor.tenantId as string;

const stages: [string, () => Promise<unknown>][] = [
  ['select 1 (satu round trip)', () => database.unsafeOwnerDb.execute(sql`select 1`)],
  ['resolveSession (1 query)', () => resolveSession(database, config, cookie)],
  [
    'withTenant kosong (BEGIN, set_config, COMMIT)',
    () => database.withTenant(tenantId, async () => null),
  ],
  [
    'withTenant + getUnit (query detail)',
    () => runInTenant(database, actor, tenantId, null, (ctx) => getUnit(ctx, unitId, '2026-11-23')),
  ],
  [
    'sesi + withTenant + getUnit (seperti rute)',
    async () => {
      await resolveSession(database, config, cookie);
      return runInTenant(database, actor, tenantId, null, (ctx) =>
        getUnit(ctx, unitId, '2026-11-23'),
      );
    },
  ],
];

const N = Number(process.env.BENCH_PROFILE_N ?? 1000);
console.log(
  `N=${N}, 20 pekerja untuk throughput; load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const [label, op] of stages) {
  for (let i = 0; i < 100; i += 1) await op();
  let started = performance.now();
  for (let i = 0; i < N; i += 1) await op();
  const latencyUs = ((performance.now() - started) * 1000) / N;
  started = performance.now();
  let left = N * 2;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (left-- > 0) await op();
    }),
  );
  const perSecond = (N * 2) / ((performance.now() - started) / 1000);
  console.log(
    `${label.padEnd(46)} ${latencyUs.toFixed(0).padStart(6)} µs/op berurutan  ${perSecond.toFixed(0).padStart(6)} op/s paralel`,
  );
}
await database.close();
