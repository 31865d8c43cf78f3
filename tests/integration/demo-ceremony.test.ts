import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCliDatabase } from '../../src/cli/database.js';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { queryRows } from '../../src/db/client.js';
import { DEMO_SIGNING_PASSPHRASE } from '../../src/modules/demo/demo-ceremony.js';
import { hasPdfsig, pdfsig } from '../helpers/batch-fixture.js';
import { postgresUrl, testDatabaseKinds } from '../helpers/databases.js';

/**
 * `amanah demo-ceremony --out DIR` on an empty database: it seeds the demo Pemda, runs the
 * January ceremony through the real use cases, and writes the signed PDFs. The slow part is the
 * seed (~500 PKs) and 72 renders; the KDF is set to its minimum to keep 36 enrolments short.
 */
const SUMMARY =
  /^Upacara demo selesai: (\d+) PK dan (\d+) Pakta Integritas ditandatangani \((.+)\) dalam [\d.,]+ s → (.+)$/;

async function emptyDatabaseEnv(
  kind: string,
): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanah-demo-ceremony-'));
  const base = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', SIGNING_KDF_MEMORY_KIB: '8192' };
  if (kind === 'pglite') {
    return { env: base, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `amanah_demo_${randomBytes(6).toString('hex')}`;
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
    env: { ...base, DATABASE_URL: url.toString() },
    drop: async () => {
      await run(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(testDatabaseKinds())('amanah demo-ceremony on %s', (kind) => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let outDir = '';
  const cli = async (argv: string[]) => {
    const io = memoryIo(env);
    const started = performance.now();
    const code = await runCli(argv, io);
    return {
      code,
      out: io.stdout.join('\n'),
      err: io.stderr.join('\n'),
      seconds: (performance.now() - started) / 1000,
    };
  };
  const query = <T>(statement: ReturnType<typeof sql>) =>
    withCliDatabase(memoryIo(env), (database) => queryRows<T>(database.unsafeOwnerDb, statement));
  let first: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    ({ env, drop } = await emptyDatabaseEnv(kind));
    outDir = join(env.DATA_DIR ?? tmpdir(), 'out');
    first = await cli(['demo-ceremony', '--out', outDir]);
    // Seen in the test log: how long the whole ceremony takes on this database.
    console.info(`demo-ceremony on ${kind}: ${first.seconds.toFixed(1)} s`);
  }, 900_000);
  afterAll(() => drop());

  it('seeds the demo Pemda, signs every head PK and Pakta Integritas, and says so in one line', () => {
    expect(first.err).not.toMatch(/^Gagal/m);
    expect(first.code).toBe(0);
    const summary = SUMMARY.exec(first.out.trim());
    expect(summary, first.out).not.toBeNull();
    const [, pks, pis, signatures, dir] = summary!;
    // 35 heads (the demo leaves Dinas Kesehatan and three PD without PKs) + the Pemda PK; a
    // pact for each head and the Wali Kota. Each head's PK and pact: two signatures; the
    // Pemda PK and the Wali Kota's own pact: one.
    expect(Number(pks)).toBe(36);
    expect(Number(pis)).toBe(36);
    expect(signatures).toBe(`${35 * 4 + 2} tanda tangan`);
    expect(dir).toBe(outDir);
    expect(first.err).toContain(
      `Passphrase demo semua pejabat (HANYA DEMO): ${DEMO_SIGNING_PASSPHRASE}`,
    );
    expect(first.err).toContain('Pemda demo Kota Contoh dibuat.');
    // The Wali Kota signs his 72 documents in one batch, with one passphrase entry.
    expect(first.err).toMatch(/menandatangani 72 dokumen dalam satu batch \(satu passphrase\)/);
  });

  it('writes pk-<unit>.pdf, pi-<NIP>.pdf and the ceremony report', () => {
    const files = readdirSync(outDir);
    expect(files.filter((f) => /^pk-[a-z0-9-]+\.pdf$/.test(f))).toHaveLength(36);
    expect(files.filter((f) => /^pi-(\d{18}|[a-z-]+)\.pdf$/.test(f))).toHaveLength(36);
    expect(files).toContain('pk-dinas-pendidikan-dan-kebudayaan.pdf');
    expect(files).toContain('pk-pemda.pdf');
    expect(files).toContain('Laporan-Penandatanganan-2027-01-15.pdf');
    for (const f of files)
      expect(readFileSync(join(outDir, f)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!hasPdfsig)('a head PK carries two valid signatures (pdfsig)', () => {
    const report = pdfsig(readFileSync(join(outDir, 'pk-dinas-pendidikan-dan-kebudayaan.pdf')));
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report).toContain('Kepala Dinas Pendidikan dan Kebudayaan');
    expect(report).toContain('title=Wali Kota');
  });

  it('leaves the ceremony completed, every head PK signed, the audit chain whole', async () => {
    const [ceremony] = await query<{ status: string; place: string; event_date: string }>(
      sql`select status, place, event_date::text from ceremonies`,
    );
    expect(ceremony).toEqual({
      status: 'completed',
      place: 'Ruang Rapat Utama Balai Kota',
      event_date: '2027-01-15',
    });
    const heads = await query<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from agreements
           where level in ('pemda', 'kepala_pd') and start_year = 2027 group by status`,
    );
    expect(heads).toEqual([{ status: 'signed', n: 36 }]);
    const [consistent] = await query<{ bad: number }>(
      sql`select count(*)::int as bad from documents d
           where d.signed_count <> (select count(*) from document_signers s
                                     where s.document_id = d.id and s.status = 'signed')
              or d.signed_count + 1 <> (select count(*) from document_files f where f.document_id = d.id)`,
    );
    expect(consistent?.bad).toBe(0);
    const audit = await cli(['verify-audit']);
    expect(audit.code, audit.err).toBe(0);
  });

  it('signs nothing on a second run and still writes the files', async () => {
    const again = join(env.DATA_DIR ?? tmpdir(), 'again');
    const second = await cli(['demo-ceremony', '--out', again]);
    expect(second.code, second.err).toBe(0);
    const summary = SUMMARY.exec(second.out.trim());
    expect(summary?.[1]).toBe('36');
    expect(summary?.[3]).toBe(
      'tidak ada tanda tangan baru, semuanya sudah ditandatangani sebelumnya',
    );
    expect(readdirSync(again).sort()).toEqual(readdirSync(outDir).sort());
    const [signatures] = await query<{ n: number }>(
      sql`select count(*)::int as n from document_signers where status = 'signed'`,
    );
    expect(signatures?.n).toBe(35 * 4 + 2);
  }, 300_000);

  it('refuses to run without --out', async () => {
    const result = await cli(['demo-ceremony']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Wajib diisi: --out');
  });
});
