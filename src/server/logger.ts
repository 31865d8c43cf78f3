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
  '*.totp',
  '*.nik',
  '*.totpCode',
  'req.body.passphrase',
  '*.passphraseConfirmation',
  'req.body.passphraseConfirmation',
  'req.body.password',
  'req.body.totp',
  '*.token',
  '*.secret',
  '*.totpSecret',
  '*.code',
  '*.recoveryCode',
  '*.passwordHash',
  '*.csrfToken',
];

/** Cuts the values out of a failed query's text ("Failed query: … params: …"). */
function withoutParams(text: string): string {
  const at = text.indexOf('\nparams:');
  return at === -1 ? text : `${text.slice(0, at)}\nparams: [disembunyikan]`;
}

/**
 * Errors are logged with their stack, but never with query parameters: a failed query's
 * parameters may hold a password hash, a token hash, a sealed TOTP secret or a CSRF token.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  const base = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  delete out.params;
  if (typeof out.message === 'string') out.message = withoutParams(out.message);
  if (typeof out.stack === 'string') out.stack = withoutParams(out.stack);
  const cause = (error as { cause?: unknown }).cause;
  if (cause && typeof cause === 'object') out.cause = serializeError(cause);
  return out;
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[disembunyikan]' },
    serializers: { err: serializeError },
  });
}
