import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../db/client.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { loadConfig } from '../server/config.js';
import type { CliIo } from './io.js';

/**
 * Opens the same database the server uses (DATABASE_URL, else PGlite in DATA_DIR/pglite),
 * runs `fn` and always closes it. A ConfigError propagates with its message naming the variable.
 */
export async function withCliDatabase<T>(
  io: CliIo,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'pglite'),
    // The CLI runs one statement at a time; a big pool would only hold idle connections.
    poolSize: 2,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * Applies pending migrations (as the server does at start) and says which on stderr, so stdout
 * keeps only the command's result (`id=$(amanah create-tenant …)` stays usable).
 */
export async function migrateAndReport(database: Database, io: CliIo): Promise<string[]> {
  const applied = await migrate(database);
  for (const name of applied) io.err(`Migrasi diterapkan: ${name}`);
  return applied;
}

/** Names of committed migrations not yet applied (all of them on an empty database). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const files = readMigrations().map((f) => f.name);
  const applied = await database.withSystem(async (tx) => {
    const [table] = await queryRows<{ present: boolean }>(
      tx,
      sql`select to_regclass('amanah_migrations') is not null as present`,
    );
    if (!table?.present) return new Set<string>();
    const rows = await queryRows<{ name: string }>(tx, sql`select name from amanah_migrations`);
    return new Set(rows.map((r) => r.name));
  });
  return files.filter((name) => !applied.has(name));
}
