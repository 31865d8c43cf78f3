import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Paths that may carry secrets: never written to a log, whatever the level. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.passphrase',
  '*.token',
  '*.secret',
  '*.totpSecret',
  '*.code',
  '*.recoveryCode',
  '*.passwordHash',
  '*.csrfToken',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[disembunyikan]' },
  });
}
