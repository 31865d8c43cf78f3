import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The PostgreSQL server tests may create databases on (TEST_DATABASE_URL, else DATABASE_URL). */
export const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/**
 * Which databases the integration suite runs on: PGlite always, PostgreSQL when a URL is set.
 * With REQUIRE_POSTGRES=1 (CI) a missing URL is an error, never a silent skip.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  if (!postgresUrl && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but neither TEST_DATABASE_URL nor DATABASE_URL is set');
  }
  return postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  database: Database;
  url: string | undefined;
  close(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database dropped after. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    return { database, url: undefined, close: () => database.close() };
  }
  if (!postgresUrl) throw new Error('no PostgreSQL URL for the postgres test database');
  const name = `amanah_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabaseName(postgresUrl, name);
  const database = await openDatabase({ url, poolSize: 10 });
  await migrate(database);
  return {
    database,
    url,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: postgresUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
