import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/client.js';
import { newId } from '../src/db/columns.js';
import { createSecretBox } from '../src/modules/auth/secret-box.js';
import { documentFiles, documentSigners, documents } from '../src/modules/documents/schema.js';
import { integrityClauseVersions, integrityPacts } from '../src/modules/integrity/schema.js';
import { employees, positions } from '../src/modules/org/schema.js';
import { signingCertificates, tenantCas } from '../src/modules/pki/schema.js';
import {
  makeTestCa,
  makeTestSigner,
  randomDocumentCode,
  renderTestPdf,
  sha256Hex,
  signTestPdf,
  type TestIdentity,
} from '../src/modules/verification/testing/signed-pdf.js';
import { verifyUpload } from '../src/modules/verification/verify-upload.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createBenchTenant, onPglite, onThrowawayPostgres } from './in-process.js';
import {
  type BenchResult,
  formatTable,
  isMain,
  type Metric,
  machine,
  percentile,
  today,
  writeResult,
} from './lib.js';

/**
 * `npm run bench:verify`: public verification by upload of a ~1 MB PK signed twice (pihak
 * pertama, then pihak kedua: two incremental PAdES updates made by the signing feature's own
 * code, with a throwaway CA), registered as a document with its three files. Measures the use
 * case (SHA-256, both signatures checked, the file found by its hash, the document and its
 * certificates read) for the genuine file and for a changed copy (hash miss, code read from the
 * PDF), and the same upload through the HTTP layer (app.inject: the raw-body parser, rate
 * limit, response serialisation). On PGlite, and on PostgreSQL when DATABASE_URL or
 * TEST_DATABASE_URL is set (loopback only). Budget (issue 4): under 500 ms.
 */
const RUNS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = 5;
const TARGET_BYTES = 1024 * 1024;
const BUDGET_MS = 500;
const PASSWORD = 'bench-verify-2026';

interface SignedSample {
  files: Buffer[];
  code: string;
  ca: TestIdentity;
  signers: { identity: TestIdentity; name: string; nip: string; jabatan: string }[];
}

/** A ~1 MB PDF (an incompressible image pads it), signed by two officials. */
async function makeSample(): Promise<SignedSample> {
  const ca = makeTestCa('CA Kota Bench');
  const people = [
    { name: 'Siti Aminah', nip: '198001012005012001', jabatan: 'Kepala Dinas Kesehatan' },
    { name: 'Budi Santoso', nip: '197501012000031002', jabatan: 'Wali Kota Bench' },
  ];
  const signers = people.map((p) => ({ ...p, identity: makeTestSigner(ca, p) }));
  const code = randomDocumentCode();
  // Two signatures add some 50 KB (placeholders, certificates); the image pads the rest.
  const original = await renderTestPdf({ code, padBytes: TARGET_BYTES - 20 * 1024 });
  const files = [original];
  for (const [i, s] of signers.entries()) {
    files.push(
      await signTestPdf(files[i]!, s.identity, ca, {
        reason: i === 0 ? 'Pihak Pertama' : 'Pihak Kedua',
        at: new Date(Date.now() - (2 - i) * 60_000),
      }),
    );
  }
  return { files, code, ca, signers };
}

/**
 * Registers the sample as a signed Pakta Integritas (maker, then witness) of a fresh bench
 * tenant: employees, position, clause version, pact, CA, both certificates, the document with
 * its three files and two signed slots, written as the signing feature leaves them.
 */
async function register(database: Database, sample: SignedSample): Promise<void> {
  const { tenantId, username } = await createBenchTenant(database, PASSWORD);
  const ids = {
    ca: newId(),
    document: newId(),
    pact: newId(),
    position: newId(),
    clauses: newId(),
    employees: sample.signers.map(() => newId()),
    certificates: sample.signers.map(() => newId()),
  };
  const signedAt = (i: number) => new Date(Date.now() - (2 - i) * 60_000);
  await database.withSystem(async (tx) => {
    const [user] = await queryRows<{ id: string }>(
      tx,
      sql`select id from users where username = ${username}`,
    );
    await tx.insert(employees).values(
      sample.signers.map((s, i) => ({
        tenantId,
        id: ids.employees[i]!,
        nip: s.nip,
        name: s.name,
        gender: i === 0 ? ('P' as const) : ('L' as const),
        employeeType: 'pns' as const,
        grade: 'IV/c',
      })),
    );
    await tx.insert(positions).values({
      tenantId,
      id: ids.position,
      unitId: null,
      title: 'Kepala Dinas Kesehatan',
      kind: 'kepala_daerah',
    });
    const [clauseVersion] = await queryRows<{ next: number }>(
      tx,
      sql`select coalesce(max(version), 0) + 1 as next from integrity_clause_versions
          where tenant_id = ${tenantId}`,
    );
    const clauses = ['Berperan secara pro aktif dalam upaya pencegahan KKN.'];
    await tx.insert(integrityClauseVersions).values({
      tenantId,
      id: ids.clauses,
      version: clauseVersion!.next,
      clauses,
    });
    await tx.insert(integrityPacts).values({
      tenantId,
      id: ids.pact,
      employeeId: ids.employees[0]!,
      occasion: 'annual',
      fiscalYear: 2026,
      positionId: ids.position,
      witnessEmployeeId: ids.employees[1]!,
      witnessPositionId: ids.position,
      clauseVersionId: ids.clauses,
      clauses,
      pactDate: '2026-01-05',
      place: 'Kota Bench',
    });
    await tx.insert(tenantCas).values({
      tenantId,
      id: ids.ca,
      subject: 'CN=CA Kota Bench',
      certificatePem: sample.ca.certificatePem,
      sealedKey: 'v1.bench',
      keyFingerprint: '0000000000000000',
      notBefore: sample.ca.notBefore,
      notAfter: sample.ca.notAfter,
      // The tenant may already have its own CA; the bench's is an extra, retired one.
      status: 'retired',
    });
    await tx.insert(signingCertificates).values(
      sample.signers.map((s, i) => ({
        tenantId,
        id: ids.certificates[i]!,
        employeeId: ids.employees[i]!,
        userId: user!.id,
        caId: ids.ca,
        serial: s.identity.serial,
        subjectName: s.name,
        nip: s.nip,
        jabatan: s.jabatan,
        certificatePem: s.identity.certificatePem,
        encryptedKey: 'v1.bench',
        kdf: { alg: 'argon2id' as const, m: 8192, t: 1, p: 1 },
        notBefore: s.identity.notBefore,
        notAfter: s.identity.notAfter,
      })),
    );
    const originalSha = sha256Hex(sample.files[0]!);
    await tx.insert(documents).values({
      tenantId,
      id: ids.document,
      kind: 'pi',
      code: sample.code,
      pactId: ids.pact,
      title: 'Pakta Integritas Tahun 2026',
      documentDate: '2026-01-05',
      place: 'Kota Bench',
      content: {},
      signerCount: 2,
      originalSha256: originalSha,
      currentSha256: originalSha,
    });
    await tx.insert(documentSigners).values(
      sample.signers.map((s, i) => ({
        tenantId,
        documentId: ids.document,
        seq: i + 1,
        role: i === 0 ? ('pembuat' as const) : ('saksi' as const),
        employeeId: ids.employees[i]!,
        name: s.name,
        nip: s.nip,
        jabatan: s.jabatan,
      })),
    );
    await tx.insert(documentFiles).values(
      sample.files.map((file, seq) => ({
        tenantId,
        documentId: ids.document,
        seq,
        sha256: sha256Hex(file),
        byteSize: file.length,
        content: file,
      })),
    );
    // What signing does, with its flag on: the slots signed, the document complete.
    await tx.execute(sql`select set_config('app.signing', 'on', true)`);
    for (const [i] of sample.signers.entries()) {
      await tx
        .update(documentSigners)
        .set({
          status: 'signed',
          signedAt: signedAt(i),
          signedBy: user!.id,
          certificateId: ids.certificates[i]!,
          provider: 'builtin',
          fileSeq: i + 1,
        })
        .where(
          and(
            eq(documentSigners.tenantId, tenantId),
            eq(documentSigners.documentId, ids.document),
            eq(documentSigners.seq, i + 1),
          ),
        );
    }
    await tx
      .update(documents)
      .set({
        status: 'signed',
        signedCount: 2,
        currentSha256: sha256Hex(sample.files[2]!),
        completedAt: signedAt(1),
      })
      .where(and(eq(documents.tenantId, tenantId), eq(documents.id, ids.document)));
  });
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const started = performance.now();
    await fn();
    const ms = performance.now() - started;
    if (i >= WARMUP) times.push(ms);
  }
  return times.sort((a, b) => a - b);
}

async function measure(label: string, database: Database, sample: SignedSample): Promise<Metric[]> {
  await register(database, sample);
  const final = sample.files[2]!;
  const changed = Buffer.from(final);
  const at = changed.toString('latin1').indexOf('/MediaBox') + 2;
  changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;

  const exact = await verifyUpload(database, final);
  if (exact.match !== 'exact' || exact.signatures.some((s) => s.integrity !== 'valid')) {
    throw new Error(
      `bench: expected an exact, valid match, got ${JSON.stringify(exact).slice(0, 400)}`,
    );
  }
  const exactTimes = await time(() => verifyUpload(database, final));
  const modifiedTimes = await time(() => verifyUpload(database, changed));

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'amanah-bench-')),
  });
  const app = await buildApp(
    { config, database, secretBox: createSecretBox(Buffer.alloc(32, 7)) },
    { logger: false },
  );
  await app.ready();
  let httpTimes: number[];
  try {
    httpTimes = await time(async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/verify',
        headers: { 'content-type': 'application/pdf' },
        payload: final,
      });
      if (res.statusCode !== 200)
        throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
    });
  } finally {
    await app.close();
  }
  const budget = { max: BUDGET_MS };
  const row = (what: string, times: number[]): Metric[] => [
    { label: `${label} ${what} median`, value: percentile(times, 50), unit: 'ms', budget },
    { label: `${label} ${what} p95`, value: percentile(times, 95), unit: 'ms', budget },
  ];
  return [
    ...row('berkas asli (use case)', exactTimes),
    ...row('berkas diubah (use case)', modifiedTimes),
    ...row('berkas asli (HTTP inject)', httpTimes),
  ];
}

export async function benchVerifyUpload(): Promise<BenchResult> {
  const sample = await makeSample();
  const size = sample.files[2]!.length;
  const metrics: Metric[] = [
    { label: 'ukuran PDF bertanda tangan dua', value: size / 1024, unit: 'KiB' },
  ];
  metrics.push(...(await onPglite((database) => measure('PGlite', database, sample))));
  const postgres = await onThrowawayPostgres('amanah_bench_verify', (database) =>
    measure('PostgreSQL', database, sample),
  );
  if (postgres) metrics.push(...postgres);
  return {
    name: 'verify-upload',
    date: today(),
    machine: await machine(),
    metrics,
    notes: [
      `PDF ${(size / 1024).toFixed(0)} KiB, 2 tanda tangan PAdES (inkremental), ${RUNS} kali setelah ${WARMUP} pemanasan.`,
      'Use case: SHA-256, kedua tanda tangan diperiksa (digest + RSA), berkas dicari dengan hash, dokumen dan sertifikat dibaca.',
      'Berkas diubah: satu byte di dalam rentang bertanda tangan; hash tidak ditemukan, ID dokumen dibaca dari PDF.',
    ],
  };
}

if (isMain(import.meta.url)) {
  const result = await benchVerifyUpload();
  console.log(formatTable([result]));
  console.log(`\nhasil: ${writeResult(result)}`);
}
