import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { verifyChain } from '../../src/modules/audit/verify-chain.js';
import { createSecretBox, loadServerKey } from '../../src/modules/auth/secret-box.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import {
  type BatchFixture,
  createBatchFixture,
  documentState,
  SIGNING_PASSPHRASE,
} from '../helpers/batch-fixture.js';
import { type DatabaseKind, openTestDatabase, testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';

/**
 * Killing the server process (SIGKILL: no shutdown hook runs) in the middle of the Wali Kota's
 * batch leaves the store consistent, and running the batch again finishes it: the documents
 * already signed are skipped, the rest signed.
 *
 * The real server runs as a child process (`node --import tsx src/server/main.ts`, so the pid
 * killed is the server itself, not a wrapper), over real HTTP, on a database this test prepared:
 * HEADS heads of PD whose pihak pertama has signed, made by the batch fixture. On PGlite the
 * server owns the data directory while it runs; the test opens it only while the server is down.
 */
const HEADS = 24;
const KILL_AFTER = 3;
const SECRET_KEY = 'kunci-rahasia-uji-crash-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  base: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = { base: `http://127.0.0.1:${port}`, child, output: () => output, exited };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopped:\n${output}`);
    try {
      const response = await fetch(`${server.base}/api/health`);
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill(signal);
  }
  await server.exited;
}

/** A browser over real HTTP: the session cookie and the CSRF header. */
async function signInHttp(base: string, identifier: string, password: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('amanah_session='))
    ?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`login ${login.status}`);
  const session = (await (
    await fetch(`${base}/api/auth/session`, { headers: { cookie } })
  ).json()) as { csrfToken: string };
  return (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads server-sent events until `stop` says so or the stream ends. */
async function readEvents(
  response: Response,
  stop: (events: SseEvent[]) => boolean,
): Promise<SseEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      break; // the server died under us
    }
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
    if (stop(events)) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return events;
}

const progress = (events: SseEvent[], status: string) =>
  events.filter((e) => e.event === 'progress' && e.data.status === status);

/** Signatures in a PDF: one /ByteRange per signature dictionary. */
const byteRanges = (pdf: Buffer) => pdf.toString('latin1').match(/\/ByteRange\s*\[/g)?.length ?? 0;

describe.each(testDatabaseKinds())(
  'kill -9 in the middle of a batch (%s)',
  (kind: DatabaseKind) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'amanah-crash-'));
    let env: NodeJS.ProcessEnv;
    let fixture: BatchFixture;
    /** The test's own connection: open for PostgreSQL throughout, for PGlite only between runs. */
    let database: Database | null = null;
    let dropDatabase: () => Promise<void> = async () => {};
    let server: Server | null = null;
    let firstRun: SseEvent[] = [];

    const openOwn = async () => {
      if (kind === 'postgres') return database!;
      database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
      return database;
    };
    const closeOwn = async () => {
      if (kind === 'pglite' && database) {
        await database.close();
        database = null;
      }
    };

    beforeAll(async () => {
      let url: string | undefined;
      if (kind === 'postgres') {
        const testDb = await openTestDatabase('postgres');
        database = testDb.database;
        url = testDb.url;
        dropDatabase = testDb.close;
      } else {
        await openOwn();
        await migrate(database!);
      }
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SERVE_WEB: 'false',
        DATA_DIR: dataDir,
        SECRET_KEY,
      });
      const services = {
        config,
        database: database!,
        secretBox: createSecretBox(loadServerKey(SECRET_KEY, dataDir)),
      };
      // The fixture's documents are issued through the documents module, as the app would.
      const app = await buildApp(services, { logger: false });
      fixture = await createBatchFixture(
        { app, services, database: database!, close: async () => {} },
        { count: HEADS },
      );
      await app.close();
      await closeOwn();
      env = {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        SERVE_WEB: 'false',
        SEED_DEMO: 'false',
        DATA_DIR: dataDir,
        SECRET_KEY,
        SIGNING_KDF_MEMORY_KIB: '8192',
        ...(url ? { DATABASE_URL: url } : {}),
      };
    }, 300_000);

    afterAll(async () => {
      if (server) await stopServer(server, 'SIGKILL');
      await closeOwn();
      if (kind === 'postgres') await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`the Wali Kota's batch is killed after ${KILL_AFTER} signatures`, async () => {
      server = await startServer(env);
      const post = await signInHttp(server.base, fixture.walikotaUsername, TEST_PASSWORD);
      const enrolled = await post('/api/signing/certificate', { passphrase: SIGNING_PASSPHRASE });
      expect(enrolled.status, await enrolled.clone().text()).toBe(201);
      const batch = await post('/api/signing/batch', {
        documentIds: fixture.documentIds,
        passphrase: SIGNING_PASSPHRASE,
      });
      expect(batch.status).toBe(200);
      const killed = server;
      firstRun = await readEvents(batch, (events) => {
        if (progress(events, 'signed').length < KILL_AFTER) return false;
        killed.child.kill('SIGKILL');
        return true;
      });
      await killed.exited;
      expect(killed.child.signalCode).toBe('SIGKILL');
      server = null;
      expect(firstRun.find((e) => e.event === 'done')).toBeUndefined();
      expect(progress(firstRun, 'signed').length).toBeGreaterThanOrEqual(KILL_AFTER);
    }, 300_000);

    it('leaves every document either signed by him or untouched, with files, slots and audit in step', async () => {
      const db = await openOwn();
      try {
        let byWalikota = 0;
        for (const documentId of fixture.documentIds) {
          const { doc, files, slots } = await documentState(db, documentId);
          const signedSlots = slots.filter((s) => s.status === 'signed').length;
          const latest = files[files.length - 1]!.content;
          expect(doc.signedCount, documentId).toBe(signedSlots);
          expect(files.length - 1, documentId).toBe(signedSlots);
          expect(byteRanges(latest), documentId).toBe(signedSlots);
          // Every file after the original belongs to exactly one signed slot.
          expect(
            slots.filter((s) => s.status === 'signed').map((s) => s.fileSeq),
            documentId,
          ).toEqual(files.slice(1).map((f) => f.seq));
          if (signedSlots === 2) byWalikota++;
          else expect(signedSlots, documentId).toBe(1);
        }
        console.info(`${kind}: ${byWalikota} of ${HEADS} signed by the Wali Kota when killed`);
        // Killed in the middle: some signed, not all.
        expect(byWalikota).toBeGreaterThanOrEqual(KILL_AFTER);
        expect(byWalikota).toBeLessThan(HEADS);

        const [statuses] = await queryRows<{ wrong: number; signed: number }>(
          db.unsafeOwnerDb,
          sql`select count(*) filter (where (a.status = 'signed') <> (d.status = 'signed'
                                           and d.signed_count = d.signer_count))::int as wrong,
                   count(*) filter (where a.status = 'signed')::int as signed
              from agreements a
              join documents d on d.tenant_id = a.tenant_id and d.agreement_id = a.id
             where a.tenant_id = ${fixture.tenantId} and a.level = 'kepala_pd'`,
        );
        expect(statuses).toEqual({ wrong: 0, signed: byWalikota });
        const [orphans] = await queryRows<{ n: number }>(
          db.unsafeOwnerDb,
          sql`select count(*)::int as n from document_files f
             where f.tenant_id = ${fixture.tenantId} and f.seq > 0
               and not exists (select 1 from document_signers s
                                where s.tenant_id = f.tenant_id and s.document_id = f.document_id
                                  and s.file_seq = f.seq and s.status = 'signed')`,
        );
        expect(orphans?.n).toBe(0);
        // One document.sign audit event per signature made, and the chain unbroken.
        const [audited] = await queryRows<{ n: number }>(
          db.unsafeOwnerDb,
          sql`select count(*)::int as n from audit_events
             where tenant_id = ${fixture.tenantId} and action = 'document.sign'`,
        );
        expect(audited?.n).toBe(HEADS + byWalikota);
        const chain = await verifyChain(db.unsafeOwnerDb, fixture.tenantId);
        expect(chain.firstBreak).toBeNull();
      } finally {
        await closeOwn();
      }
    }, 120_000);

    it('after a restart the same batch skips what was signed and signs the rest', async () => {
      const db = await openOwn();
      const [before] = await queryRows<{ n: number }>(
        db.unsafeOwnerDb,
        sql`select count(*)::int as n from agreements
           where tenant_id = ${fixture.tenantId} and status = 'signed'`,
      );
      await closeOwn();
      server = await startServer(env);
      const post = await signInHttp(server.base, fixture.walikotaUsername, TEST_PASSWORD);
      const batch = await post('/api/signing/batch', {
        documentIds: fixture.documentIds,
        passphrase: SIGNING_PASSPHRASE,
      });
      expect(batch.status).toBe(200);
      const events = await readEvents(batch, () => false);
      const done = events.find((e) => e.event === 'done');
      expect(done?.data).toMatchObject({
        signed: HEADS - before!.n,
        skipped: before!.n,
        failed: 0,
        stopped: null,
      });
      expect(progress(events, 'skipped')).toHaveLength(before!.n);
      await stopServer(server, 'SIGTERM');
      server = null;

      const after = await openOwn();
      try {
        const [all] = await queryRows<{ signed: number; files: number }>(
          after.unsafeOwnerDb,
          sql`select count(*) filter (where a.status = 'signed')::int as signed,
                   (select count(*)::int from document_files f
                     where f.tenant_id = ${fixture.tenantId}) as files
              from agreements a
             where a.tenant_id = ${fixture.tenantId} and a.level = 'kepala_pd'`,
        );
        expect(all).toEqual({ signed: HEADS, files: HEADS * 3 });
        expect((await verifyChain(after.unsafeOwnerDb, fixture.tenantId)).firstBreak).toBeNull();
      } finally {
        await closeOwn();
      }
    }, 300_000);
  },
);
