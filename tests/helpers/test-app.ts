import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { createSecretBox } from '../../src/modules/auth/secret-box.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Services } from '../../src/server/services.js';
import { type DatabaseKind, openTestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/** The real application on a fresh database, driven with app.inject (no network). */
export async function createTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const testDb = await openTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'amanah-test-')),
    ...env,
  });
  const services: Services = {
    config,
    database: testDb.database,
    secretBox: createSecretBox(Buffer.alloc(32, 7)),
  };
  const app = await buildApp(services, { logger: false });
  await app.ready();
  return {
    app,
    services,
    database: testDb.database,
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}
