import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DatabaseOptions {
  /** postgres:// URL; when absent, PGlite stores the database in `dataDir`. */
  url?: string | undefined;
  /** PGlite directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /**
   * A gzipped PGlite data directory to start from when `dataDir` is new: initdb costs seconds,
   * loading a snapshot made at build time costs about one (docs/decisions/0006).
   */
  snapshotFile?: string | undefined;
}

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  /** Owner connection. Bypasses row-level security: only for system work (see withSystem). */
  readonly unsafeOwnerDb: Db;
  /**
   * Runs `fn` in one transaction as the non-owner role `amanah_app` with `app.tenant_id` set,
   * so row-level security confines every query to the tenant even if a filter was forgotten.
   */
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction as the owner. For work that has no tenant yet or spans tenants:
   * sign-in, sessions, creating a tenant, migrations, the audit verifier.
   */
  withSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script as the owner (migrations). */
  execScript(script: string): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (used to build the snapshot). */
  dumpSnapshot?(): Promise<Buffer>;
  close(): Promise<void>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  if (!uuidPattern.test(tenantId)) throw new Error('withTenant: tenantId is not a UUID');
  // One round trip: PostgREST does the same. `role` as a GUC is SET LOCAL ROLE.
  await tx.execute(
    sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'amanah_app', true)`,
  );
}

function wrap(
  kind: Database['kind'],
  db: Db,
  execScript: (s: string) => Promise<void>,
  close: () => Promise<void>,
): Database {
  return {
    kind,
    unsafeOwnerDb: db,
    withTenant: (tenantId, fn) =>
      db.transaction(async (tx) => {
        await enterTenant(tx, tenantId);
        return fn(tx);
      }),
    withSystem: (fn) => db.transaction(fn),
    execScript,
    close,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
    // A broken idle connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return wrap(
      'postgres',
      db,
      async (script) => {
        await pool.query(script);
      },
      () => pool.end(),
    );
  }
  const dataDir = options.dataDir ?? './data/pglite';
  const inMemory = dataDir.startsWith('memory://');
  const isNew = !inMemory && !existsSync(join(dataDir, 'PG_VERSION'));
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const snapshot =
    isNew && options.snapshotFile && existsSync(options.snapshotFile)
      ? new Blob([readFileSync(options.snapshotFile)])
      : undefined;
  const client = await PGlite.create({
    dataDir,
    extensions: { btree_gist },
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    ...wrap(
      'pglite',
      db,
      async (script) => {
        await client.exec(script);
      },
      () => client.close(),
    ),
    dumpSnapshot: async () => Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()),
  };
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`; the common drizzle type
 * cannot say so, hence the one cast here rather than at every call.
 */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
