import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createSecretBox, loadServerKey } from '../modules/auth/secret-box.js';
import type { Config } from './config.js';
import type { Services } from './services.js';

/** Demo data by default only in embedded mode (no DATABASE_URL); SEED_DEMO overrides. */
export const seedsDemo = (config: Config): boolean => config.SEED_DEMO ?? !config.DATABASE_URL;

/** Opens the database (PGlite in DATA_DIR unless DATABASE_URL is set) and applies migrations. */
export async function openServices(config: Config): Promise<Services & { database: Database }> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'pglite'),
    poolSize: config.DB_POOL_SIZE,
    snapshotFile: seedsDemo(config) ? findDemoSnapshot() : undefined,
  });
  await migrate(database);
  const secretBox = createSecretBox(loadServerKey(config.SECRET_KEY, config.DATA_DIR));
  return { config, database, secretBox };
}

/** dist/pglite-demo.tar.gz, made by `npm run build` (scripts/build-server.mjs). */
export function findDemoSnapshot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [
    resolve(here, '../pglite-demo.tar.gz'),
    resolve(here, '../../dist/pglite-demo.tar.gz'),
  ].find((file) => existsSync(file));
}
