import { join } from 'node:path';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createSecretBox, loadServerKey } from '../modules/auth/secret-box.js';
import type { Config } from './config.js';
import type { Services } from './services.js';

/** Opens the database (PGlite in DATA_DIR unless DATABASE_URL is set) and applies migrations. */
export async function openServices(config: Config): Promise<Services & { database: Database }> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'pglite'),
    poolSize: config.DB_POOL_SIZE,
  });
  await migrate(database);
  const secretBox = createSecretBox(loadServerKey(config.SECRET_KEY, config.DATA_DIR));
  return { config, database, secretBox };
}
