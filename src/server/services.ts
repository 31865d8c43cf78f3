import type { Database } from '../db/client.js';
import type { SecretBox } from '../modules/auth/secret-box.js';
import type { Config } from './config.js';

/** What the process holds once: handed to routes through the Fastify instance. */
export interface Services {
  config: Config;
  database: Database;
  secretBox: SecretBox;
}
