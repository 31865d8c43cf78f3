import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCliDatabase } from '../../src/cli/database.js';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { queryRows } from '../../src/db/client.js';
import { verifyPassword } from '../../src/modules/auth/passwords.js';
import { createSecretBox, loadServerKey } from '../../src/modules/auth/secret-box.js';
import { postgresUrl, testDatabaseKinds } from '../helpers/databases.js';

/** An empty database for the CLI to migrate: a PGlite directory or a new PostgreSQL database. */
async function emptyDatabaseEnv(
  kind: string,
): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanah-cli-'));
  if (kind === 'pglite') {
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true }) };
  }
  const name = `amanah_cli_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(postgresUrl ?? '');
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      await run(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true });
    },
  };
}

describe('amanah usage errors (no database)', () => {
  it.each([
    [[], 2, 'Penggunaan: amanah <perintah>'],
    [['frobnicate'], 2, 'Perintah tidak dikenal: frobnicate'],
    [['verify-audit', '--bogus'], 2, 'Opsi tidak dikenal: --bogus'],
    [['verify-audit', '--tenant'], 2, 'Opsi --tenant memerlukan nilai'],
    [['migrate', 'extra'], 2, 'Argumen tidak terduga: extra'],
    [['create-tenant', '--name', 'Kota X', '--type', 'desa'], 2, '--type: '],
    [['create-admin', '--display-name', 'Tanpa Nama'], 2, 'Wajib diisi: --username'],
    [
      [
        'create-admin',
        '--username',
        'budi',
        '--display-name',
        'B',
        '--password',
        'x',
        '--password-stdin',
      ],
      2,
      'Pilih salah satu',
    ],
    [
      ['create-admin', '--username', 'budi', '--display-name', 'Budi', '--password', 'pendek1'],
      2,
      'Kata sandi terlalu lemah',
    ],
  ])('amanah %j exits %i', async (argv, code, message) => {
    const io = memoryIo({ DATA_DIR: '/nonexistent/never-opened' });
    expect(await runCli(argv, io)).toBe(code);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('prints help for the CLI and for one command', async () => {
    const io = memoryIo();
    expect(await runCli(['help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/verify-audit\s+Periksa keutuhan/);
    const one = memoryIo();
    expect(await runCli(['create-admin', '--help'], one)).toBe(0);
    expect(one.stdout.join('\n')).toContain('--password-stdin');
  });

  it('names a bad environment variable', async () => {
    const io = memoryIo({ DATABASE_URL: 'mysql://localhost/amanah' });
    expect(await runCli(['migrate'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('DATABASE_URL');
  });
});

describe.each(testDatabaseKinds())('amanah CLI on %s', (kind) => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  const cli = async (argv: string[], stdin = '') => {
    const io = memoryIo(env, stdin);
    const code = await runCli(argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  /** Reads the database the way the CLI does (and closes it again). */
  const query = <T>(statement: ReturnType<typeof sql>) =>
    withCliDatabase(memoryIo(env), (database) => queryRows<T>(database.unsafeOwnerDb, statement));

  beforeAll(async () => {
    ({ env, drop } = await emptyDatabaseEnv(kind));
  });
  afterAll(() => drop());

  it('verify-audit on an unmigrated database says to migrate first', async () => {
    const result = await cli(['verify-audit']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('amanah migrate');
  });

  it('migrate applies every migration once and prints their names', async () => {
    const first = await cli(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Migrasi diterapkan: 0000_initial.sql');
    expect(first.out).toContain('Migrasi diterapkan: 0001_security.sql');
    const again = await cli(['migrate']);
    expect(again).toMatchObject({
      code: 0,
      out: expect.stringContaining('Tidak ada migrasi tertunda'),
    });
  });

  it('seed-demo creates Kota Contoh once and prints the demo logins', async () => {
    const first = await cli(['seed-demo']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('HANYA UNTUK DEMO');
    expect(first.out).toMatch(/admin\s+amanah-demo-2026\s+admin Pemda/);
    const again = await cli(['seed-demo']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('sudah ada');
  });

  let tenantId = '';
  it('create-tenant prints the new id; a taken region code fails with exit 1', async () => {
    const args = [
      'create-tenant',
      '--name',
      'Pemerintah Kota Bitung',
      '--short-name',
      'Kota Bitung',
      '--type',
      'kota',
      '--region',
      '71.72',
      '--time-zone',
      'Asia/Makassar',
    ];
    const created = await cli(args);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^[0-9a-f-]{36}$/);
    tenantId = created.out;
    // The new Pemda has its own CA at once, sealed with this server's key (SECRET_KEY or the
    // key file in DATA_DIR).
    const [ca] = await query<{ key_fingerprint: string }>(
      sql`select key_fingerprint from tenant_cas where tenant_id = ${tenantId}`,
    );
    expect(ca?.key_fingerprint).toBe(
      createSecretBox(loadServerKey(env.SECRET_KEY, env.DATA_DIR ?? './data')).fingerprint,
    );
    const duplicate = await cli(args);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('Kode wilayah ini sudah dipakai');
  });

  it('create-admin without --tenant makes a platform admin from a stdin password', async () => {
    const result = await cli(
      [
        'create-admin',
        '--username',
        'Root.Ops',
        '--display-name',
        'Operator Platform',
        '--password-stdin',
      ],
      'Kuat-sekali-2026\n',
    );
    expect(result).toMatchObject({ code: 0, out: 'Admin platform "root.ops" dibuat.' });
    const [user] = await query<{
      password_hash: string;
      is_platform_admin: boolean;
      tenant_id: null;
    }>(
      sql`select password_hash, is_platform_admin, tenant_id from users where username = 'root.ops'`,
    );
    expect(user).toMatchObject({ is_platform_admin: true, tenant_id: null });
    expect(await verifyPassword(user?.password_hash ?? '', 'Kuat-sekali-2026')).toBe(true);
  });

  it('create-admin --tenant <region code> makes an admin Pemda with a generated password', async () => {
    const result = await cli([
      'create-admin',
      '--username',
      'admin.bitung',
      '--display-name',
      'Admin Bitung',
      '--tenant',
      '71.72',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `Admin Pemda "admin.bitung" dibuat untuk Pemerintah Kota Bitung (71.72, ${tenantId})`,
    );
    const password = /hanya ditampilkan sekali\): (\S+)/.exec(result.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    const [user] = await query<{
      password_hash: string;
      must_change_password: boolean;
      tenant_id: string;
      roles: string;
    }>(
      sql`select u.password_hash, u.must_change_password, u.tenant_id,
                 (select string_agg(g.role, ',') from role_grants g where g.user_id = u.id) as roles
          from users u where u.username = 'admin.bitung'`,
    );
    expect(user).toMatchObject({
      must_change_password: true,
      tenant_id: tenantId,
      roles: 'admin_pemda',
    });
    expect(await verifyPassword(user?.password_hash ?? '', password)).toBe(true);
  });

  it('create-admin refuses an unknown tenant and a taken username (exit 1)', async () => {
    const unknown = await cli([
      'create-admin',
      '--username',
      'x.admin',
      '--display-name',
      'X',
      '--tenant',
      '11.11',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('"11.11" tidak ditemukan');
    const taken = await cli([
      'create-admin',
      '--username',
      'admin.bitung',
      '--display-name',
      'Lagi',
      '--tenant',
      tenantId,
    ]);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('Nama pengguna sudah dipakai');
  });

  it('verify-audit checks the platform chain and every Pemda, naming the CLI as actor', async () => {
    const all = await cli(['verify-audit']);
    expect(all.code).toBe(0);
    const lines = all.out.split('\n');
    expect(lines[0]).toMatch(/^Platform \(tanpa Pemda\): OK [1-9]\d* peristiwa$/);
    expect(lines.filter((l) => / OK \d+ peristiwa$/.test(l))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^Semua rantai utuh: 3 rantai, \d+ peristiwa\.$/);
    const one = await cli(['verify-audit', '--tenant', tenantId]);
    expect(one.code).toBe(0);
    expect(one.out).toContain('Pemerintah Kota Bitung (71.72');
    const actors = await query<{ actor_label: string; action: string }>(
      sql`select actor_label, action from audit_events where tenant_id = ${tenantId} order by seq`,
    );
    // tenant.create, pki.ca_create (the Pemda's CA, made with it), then the admin's user.create.
    expect(actors.map((a) => a.action)).toEqual(['tenant.create', 'pki.ca_create', 'user.create']);
    expect(actors.every((a) => a.actor_label.startsWith('cli:'))).toBe(true);
  });
});
