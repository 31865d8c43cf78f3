import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './client.js';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction, under an advisory lock so
 * several processes starting together apply each file once. A migration that changed after it
 * was applied stops the process: migrations are never edited (docs/decisions/0002).
 */
export async function migrate(database: Database, dir = migrationsDir): Promise<string[]> {
  const files = readMigrations(dir);
  const applied: string[] = [];
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS amanah_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  await database.withSystem(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
    const rows = await queryRows<{ name: string; checksum: string }>(
      tx,
      sql`select name, checksum from amanah_migrations`,
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous !== undefined) {
        if (previous !== file.checksum) {
          throw new Error(
            `Migrasi ${file.name} berubah setelah diterapkan. Migrasi tidak boleh diubah; buat berkas baru.`,
          );
        }
        continue;
      }
      for (const statement of file.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into amanah_migrations (name, checksum) values (${file.name}, ${file.checksum})`,
      );
      applied.push(file.name);
    }
  });
  return applied;
}
