import { z } from 'zod';
import { ConfigError } from '../server/config.js';
import { translateDbError } from '../server/db-errors.js';
import { AppError } from '../shared/errors.js';
import type { Command } from './command.js';
import { createAdminCommand } from './commands/create-admin.js';
import { createTenantCommand } from './commands/create-tenant.js';
import { demoCeremonyCommand } from './commands/demo-ceremony.js';
import { migrateCommand } from './commands/migrate.js';
import { seedDemoCommand } from './commands/seed-demo.js';
import { verifyAuditCommand } from './commands/verify-audit.js';
import { type CliIo, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './io.js';

const commands: Command[] = [
  migrateCommand,
  seedDemoCommand,
  createTenantCommand,
  createAdminCommand,
  verifyAuditCommand,
  demoCeremonyCommand,
];

export function generalUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help'.length) + 2;
  return [
    'Penggunaan: amanah <perintah> [opsi]',
    '',
    'Perintah:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Tampilkan bantuan (amanah help <perintah> untuk rinciannya)`,
    '',
    'Basis data diambil dari lingkungan, sama seperti server: DATABASE_URL (PostgreSQL),',
    'atau PGlite di DATA_DIR (bawaan ./data). Dengan PGlite, hentikan server terlebih dahulu:',
    'satu direktori PGlite hanya boleh dibuka satu proses.',
    '',
    'Kode keluar: 0 berhasil, 1 gagal, 2 penggunaan salah.',
  ].join('\n');
}

/** parseArgs reports unknown or malformed flags with these codes. */
// zod speaks Indonesian here too, as in the server (server/error-handler.ts).
z.config(z.locales.id());

/**
 * parseArgs reports unknown or malformed flags in English; say it in Indonesian, naming the
 * flag. Returns null for any other error.
 */
function parseArgsMessage(error: unknown): string | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string')
    return null;
  if (!error.code.startsWith('ERR_PARSE_ARGS')) return null;
  const token = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Opsi tidak dikenal: ${token}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Opsi ${token.split(' ')[0]} memerlukan nilai (atau tidak menerima nilai).`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Argumen tidak terduga: ${token}`;
    default:
      return error.message;
  }
}

function help(args: string[], io: CliIo): number {
  const [topic, ...rest] = args;
  if (topic === undefined) {
    io.out(generalUsage());
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === topic);
  if (!command || rest.length > 0) {
    io.err(`Perintah tidak dikenal: ${args.join(' ')}\n`);
    io.err(generalUsage());
    return EXIT_USAGE;
  }
  io.out(command.usage);
  return EXIT_OK;
}

/** Network refusals, unknown hosts, bad credentials or a missing database (28P01, 3D000). */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return [
    'ECONNREFUSED',
    'ENOTFOUND',
    'ETIMEDOUT',
    'EAI_AGAIN',
    '28P01',
    '28000',
    '3D000',
  ].includes(String(error.code));
}

/** Runs `amanah <argv…>` and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(generalUsage());
    return EXIT_USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') return help(args, io);
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Perintah tidak dikenal: ${name}\n`);
    io.err(generalUsage());
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const usageProblem = error instanceof UsageError ? error.message : parseArgsMessage(error);
    if (usageProblem !== null) {
      io.err(`${usageProblem}\n`);
      io.err(command.usage);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    const known = error instanceof AppError ? error : translateDbError(error);
    if (known) {
      io.err(`Gagal: ${known.message}`);
      return EXIT_FAILED;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(
      isConnectionError(error)
        ? `Tidak dapat terhubung ke basis data (periksa DATABASE_URL): ${message}`
        : `Gagal: ${message}`,
    );
    return EXIT_FAILED;
  }
}
