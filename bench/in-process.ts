import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createSecretBox } from '../src/modules/auth/secret-box.js';
import { createUser } from '../src/modules/auth/users/create-user.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { configuredPostgres, withThrowawayDatabase } from './lib.js';

/**
 * Plumbing of the benchmarks that run the app inside the benchmark's own process (app.inject,
 * no HTTP): a migrated database with one tenant and its admin, the app on it, a signed-in
 * cookie. Kept apart from lib.ts, which the child-process benchmarks use without loading the app.
 */

/** Migrates `database` and creates a throwaway tenant with an admin_pemda login. */
export async function createBenchTenant(
  database: Database,
  password: string,
): Promise<{ tenantId: string; username: string }> {
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
      password,
      grants: [{ role: 'admin_pemda', unitId: null }],
    });
    return id;
  });
  return { tenantId, username };
}

/** Builds the app (no web, silent) on `database`, signs in, runs `fn`, closes the app. */
export async function withInProcessApp<T>(
  database: Database,
  login: { username: string; password: string },
  fn: (app: FastifyInstance, cookie: string) => Promise<T>,
): Promise<T> {
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
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: login.username, password: login.password },
    });
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    return await fn(app, cookie);
  } finally {
    await app.close();
  }
}

/** Runs `fn` on an in-memory PGlite database. */
export async function onPglite<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * Runs `fn` on a throwaway database `<prefix>_<random>` of the loopback PostgreSQL server from
 * DATABASE_URL or TEST_DATABASE_URL; undefined (nothing run) when neither is set.
 */
export async function onThrowawayPostgres<T>(
  prefix: string,
  fn: (database: Database) => Promise<T>,
): Promise<T | undefined> {
  if (!configuredPostgres()) return undefined;
  return withThrowawayDatabase(`${prefix}_${randomBytes(4).toString('hex')}`, async (url) => {
    const database = await openDatabase({ url, poolSize: 4 });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  });
}
