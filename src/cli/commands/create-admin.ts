import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/client.js';
import { assertPasswordStrength } from '../../modules/auth/passwords.js';
import { createUser } from '../../modules/auth/users/create-user.js';
import { AppError } from '../../shared/errors.js';
import { type Command, cliActor } from '../command.js';
import { migrateAndReport, withCliDatabase } from '../database.js';
import { type CliIo, EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';
import { describeTenant, findTenant } from '../tenant-ref.js';

const options = {
  username: { type: 'string' },
  'display-name': { type: 'string' },
  tenant: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

// No look-alike characters (0/O, 1/l/I), so a password read off a screen is typed right.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five from 55 symbols: about 115 bits, always with letters and digits. */
export function generatePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(''),
    );
    const password = groups.join('-');
    if (/[A-Za-z]/.test(password) && /[0-9]/.test(password)) return password;
  }
}

async function readPassword(
  values: { password?: string | undefined; 'password-stdin'?: boolean | undefined },
  io: CliIo,
): Promise<{ password: string; generated: boolean }> {
  if (values.password !== undefined && values['password-stdin']) {
    throw new UsageError('Pilih salah satu: --password atau --password-stdin.');
  }
  if (values['password-stdin']) {
    if (io.stdinIsTty) io.err('Ketik kata sandi, tekan Enter lalu Ctrl-D:');
    // One trailing newline is the end of the line, not part of the password.
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (!password) throw new UsageError('--password-stdin: tidak ada kata sandi di stdin.');
    return { password, generated: false };
  }
  if (values.password !== undefined) {
    io.err('Peringatan: --password dapat tersimpan di riwayat shell; lebih aman --password-stdin.');
    return { password: values.password, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

export const createAdminCommand: Command = {
  name: 'create-admin',
  summary: 'Buat admin platform, atau admin Pemda dengan --tenant',
  usage: `Penggunaan: amanah create-admin --username <nama> --display-name <nama tampilan>
         [--tenant <id|kode wilayah>] [--password-stdin | --password <kata sandi>]

  --username        nama pengguna untuk masuk (huruf kecil, angka, . _ -)
  --display-name    nama yang ditampilkan
  --tenant          Pemda (id atau kode wilayah, mis. 71.74): membuat admin Pemda.
                    Tanpa --tenant: membuat admin platform (yang membuat Pemda).
  --password-stdin  baca kata sandi dari stdin (disarankan untuk skrip)
  --password        kata sandi langsung (tersimpan di riwayat shell)

Tanpa opsi kata sandi, kata sandi acak yang kuat dibuat dan dicetak sekali;
pengguna wajib menggantinya saat pertama masuk.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    const missing = (['username', 'display-name'] as const).filter((k) => !values[k]?.trim());
    if (missing.length > 0) {
      throw new UsageError(`Wajib diisi: ${missing.map((k) => `--${k}`).join(', ')}.`);
    }
    const username = (values.username ?? '').trim().toLowerCase();
    const displayName = (values['display-name'] ?? '').trim();
    const { password, generated } = await readPassword(values, io);
    // Checked before opening the database, so a weak password costs nothing to correct.
    if (!generated) {
      try {
        assertPasswordStrength(password, username);
      } catch (error) {
        if (error instanceof AppError) throw new UsageError(error.message);
        throw error;
      }
    }

    return withCliDatabase(io, async (database) => {
      await migrateAndReport(database, io);
      let tenant = null;
      if (values.tenant !== undefined) {
        tenant = await findTenant(database, values.tenant);
        if (!tenant) {
          io.err(`Pemda "${values.tenant}" tidak ditemukan (pakai id atau kode wilayah).`);
          return EXIT_FAILED;
        }
      }
      await insertAdmin(database, tenant?.id ?? null, {
        username,
        displayName,
        password,
        generated,
      });
      io.out(
        tenant
          ? `Admin Pemda "${username}" dibuat untuk ${describeTenant(tenant)}.`
          : `Admin platform "${username}" dibuat.`,
      );
      if (generated) {
        io.out(`Kata sandi awal (hanya ditampilkan sekali): ${password}`);
        io.out('Pengguna wajib menggantinya saat pertama masuk.');
      }
      return EXIT_OK;
    });
  },
};

async function insertAdmin(
  database: Database,
  tenantId: string | null,
  input: { username: string; displayName: string; password: string; generated: boolean },
): Promise<string> {
  const user = {
    tenantId,
    username: input.username,
    displayName: input.displayName,
    password: input.password,
    grants: tenantId ? [{ role: 'admin_pemda' as const, unitId: null }] : [],
    mustChangePassword: input.generated,
    // A generated password is strong by construction; a given one was checked above.
    skipStrengthCheck: true,
  };
  // A Pemda admin is written under the tenant's row-level security, like one made in the app.
  return tenantId
    ? database.withTenant(tenantId, (tx) => createUser(tx, cliActor(tenantId), user))
    : database.withSystem((tx) => createUser(tx, cliActor(null), user));
}
