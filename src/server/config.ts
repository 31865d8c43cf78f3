import { z } from 'zod';

/**
 * Process configuration, read once from the environment at boot. A bad value stops the
 * process with a message that names the variable (see loadConfig).
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'harus berupa URL postgres://…')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** 32-byte key (hex or base64) that encrypts TOTP secrets; a key file in DATA_DIR when unset. */
  SECRET_KEY: z.string().min(32, 'minimal 32 karakter').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: bool.default(false),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** How long a read may reuse a resolved session (ms; 0 = never). See decision 0008. */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  SEED_DEMO: bool.optional(),
  /** The address people reach the app at: QR codes, CRL and verification links use it. */
  PUBLIC_URL: z
    .url({ message: 'harus berupa URL, misalnya https://sakip.kotacontoh.go.id' })
    .optional(),
  /** argon2id memory (KiB) for new signing keys; stored per certificate, so changing it is safe. */
  SIGNING_KDF_MEMORY_KIB: z.coerce.number().int().min(8192).max(1048576).default(65536),
  /** Wrong passphrases in a row before a certificate is locked, and for how long. */
  SIGN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Largest PDF accepted by the public verification upload (MB). */
  VERIFY_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(20),
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** BSrE/BSSN-style remote signing (decision 0012); used when a Pemda chooses provider "bsre". */
  BSRE_URL: z.url({ message: 'harus berupa URL https://…' }).optional(),
  BSRE_CLIENT_ID: z.string().min(1).optional(),
  BSRE_CLIENT_SECRET: z.string().min(1).optional(),
  BSRE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120000).default(30000),
  SERVE_WEB: bool.default(true),
  /** Outgoing e-mail (reminders, returns, unlocks): none is sent while unset. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'harus berupa URL smtp://host:port atau smtps://host:port')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n]*[^@\s<]+@[^@\s>]+>?$/,
      'harus berupa alamat e-mail, misalnya Amanah <sakip@kotacontoh.go.id>',
    )
    .default('Amanah <no-reply@amanah.invalid>'),
  /** How often realisasi reminders and escalations are scheduled (minutes; 0 = never). */
  REMINDERS_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Konfigurasi tidak valid (variabel lingkungan):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
