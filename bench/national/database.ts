import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { freshDatabase, onPostgres, postgresServerUrl } from '../lib.js';
import { type TableName, tableNames } from './pemda-rows.js';

/** The URL of database `name` on the loopback benchmark server. */
export function databaseUrl(name: string): string {
  const url = postgresServerUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresServerUrl().toString() });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    return r.rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Drops and re-creates `name`, then applies the app's migrations (src/db/migrate.ts). */
export async function freshMigratedDatabase(name: string): Promise<string> {
  const url = await freshDatabase(name);
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return url;
}

export const dropDatabase = (name: string) =>
  onPostgres(`drop database if exists ${name} with (force)`);

/** Runs `fn` with one client on `url`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * VACUUM (ANALYZE) of the loaded tables: planner statistics, and the visibility map that
 * index-only scans rely on (what autovacuum would do some minutes after a bulk load).
 */
export async function vacuumAnalyze(url: string): Promise<number> {
  const started = performance.now();
  await withClient(url, async (c) => {
    for (const t of tableNames) await c.query(`vacuum (analyze) ${t}`);
  });
  return performance.now() - started;
}

export interface SizeInfo {
  databaseBytes: number;
  tables: { table: TableName; rows: number; bytes: number }[];
}

/** Size on disk of the database and of each loaded table (heap + indexes + TOAST). */
export async function sizes(url: string): Promise<SizeInfo> {
  return withClient(url, async (c) => {
    const db = await c.query<{ n: string }>(
      'select pg_database_size(current_database())::text as n',
    );
    const tables: SizeInfo['tables'] = [];
    for (const table of tableNames) {
      const r = await c.query<{ rows: string; bytes: string }>(
        `select c.reltuples::bigint::text as rows, pg_total_relation_size(c.oid)::text as bytes
           from pg_class c where c.oid = $1::regclass`,
        [table],
      );
      tables.push({
        table,
        rows: Math.max(0, Number(r.rows[0]?.rows ?? 0)),
        bytes: Number(r.rows[0]?.bytes ?? 0),
      });
    }
    return { databaseBytes: Number(db.rows[0]?.n ?? 0), tables };
  });
}

/**
 * Counts rows whose foreign keys point nowhere, for every foreign key of the loaded tables
 * (the bulk load skips the FK triggers, so this is the check). Returns the offending
 * constraints; empty = consistent.
 */
export async function verifyForeignKeys(
  url: string,
): Promise<{ constraint: string; orphans: number }[]> {
  return withClient(url, async (c) => {
    const fks = await c.query<{
      name: string;
      child: string;
      parent: string;
      child_cols: string[];
      parent_cols: string[];
    }>(
      `select con.conname as name, cl.relname as child, pl.relname as parent,
              array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
                      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n
                     order by k.i) as child_cols,
              array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
                      join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n
                     order by k.i) as parent_cols
         from pg_constraint con
         join pg_class cl on cl.oid = con.conrelid
         join pg_class pl on pl.oid = con.confrelid
        where con.contype = 'f' and cl.relname = any($1::text[])`,
      [tableNames],
    );
    const bad: { constraint: string; orphans: number }[] = [];
    for (const fk of fks.rows) {
      const notNull = fk.child_cols.map((col) => `c.${col} is not null`).join(' and ');
      const match = fk.child_cols
        .map((col, i) => `p.${fk.parent_cols[i]} = c.${col}`)
        .join(' and ');
      const r = await c.query<{ n: string }>(
        `select count(*)::text as n from ${fk.child} c
          where ${notNull} and not exists (select 1 from ${fk.parent} p where ${match})`,
      );
      const orphans = Number(r.rows[0]?.n ?? 0);
      if (orphans > 0) bad.push({ constraint: `${fk.child}.${fk.name}`, orphans });
    }
    return bad;
  });
}
