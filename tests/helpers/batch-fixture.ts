import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { type Actor, systemActor } from '../../src/modules/access/actor.js';
import { runInTenant } from '../../src/modules/access/context.js';
import { agreements } from '../../src/modules/agreements/schema.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { users } from '../../src/modules/auth/schema.js';
import { ensureAgreementDocument } from '../../src/modules/documents/ensure-agreement-document.js';
import { documentFiles, documentSigners, documents } from '../../src/modules/documents/schema.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import { CmsSigner } from '../../src/modules/signing/pdf/cms-signer.js';
import { signPdf } from '../../src/modules/signing/pdf/sign-pdf.js';
import { createTestCa, type TestIdentity } from '../../src/modules/signing/pdf/test-ca.js';
import type { SigningSession } from '../../src/modules/signing/providers/types.js';
import { signDocument } from '../../src/modules/signing/sign-document.js';
import { type AgreementFixture, createAgreementFixture } from './agreement-fixtures.js';
import type { ApiClient } from './client.js';
import { createTestUser, TEST_PASSWORD, validNip } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Small steps the signing tests share (owned by the signing helper, C): enrol through the API,
 * find a PK's document, read what the database holds, run pdfsig.
 */
export const SIGNING_PASSPHRASE = 'Teh-Manis-Pagi-Hari-2026';

export async function enrol(client: ApiClient, passphrase = SIGNING_PASSPHRASE): Promise<string> {
  const res = await client.post<{ id: string }>('/api/signing/certificate', { passphrase });
  if (res.status !== 201) throw new Error(`enrol: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function documentOfAgreement(database: Database, agreementId: string) {
  const [row] = await database.withSystem((tx) =>
    tx
      .select()
      .from(documents)
      .where(and(eq(documents.agreementId, agreementId), sql`${documents.status} <> 'void'`)),
  );
  if (!row) throw new Error(`no document for agreement ${agreementId}`);
  return row;
}

export async function documentState(database: Database, documentId: string) {
  return database.withSystem(async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, documentId));
    const files = await tx
      .select({
        seq: documentFiles.seq,
        content: documentFiles.content,
        sha256: documentFiles.sha256,
      })
      .from(documentFiles)
      .where(eq(documentFiles.documentId, documentId))
      .orderBy(asc(documentFiles.seq));
    const slots = await tx
      .select()
      .from(documentSigners)
      .where(eq(documentSigners.documentId, documentId))
      .orderBy(asc(documentSigners.seq));
    if (!doc) throw new Error(`document ${documentId} missing`);
    return { doc, files, slots };
  });
}

export async function auditActionsFor(database: Database, entityId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    database.unsafeOwnerDb,
    sql`select action from audit_events where entity_id = ${entityId} order by seq`,
  );
  return rows.map((r) => r.action);
}

export const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0;

export function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'amanah-pdfsig-'));
  const file = join(dir, 'signed.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

// --- The ceremony batch: 48 heads of PD and the Wali Kota ---------------------------------------

/**
 * The January ceremony in miniature, written straight into the database (no API calls, so it is
 * quick and does not depend on the drafting routes): `count` heads of PD (default 48: 39 dinas
 * and badan + 9 camat in the regulation's example), each with a user account linked to their
 * employee record, a PK ready to sign (pihak kedua: the Wali Kota) and its document issued by
 * the documents module; then every head's pihak pertama signature made with signDocument,
 * except the heads at `unsignedIndexes` (whose PK is therefore not yet the Wali Kota's turn).
 *
 * The heads sign with a session built on a throwaway test CA (one shared key, one certificate
 * each): they are the precondition here, not what is tested, and it spares 48 key generations
 * and passphrase derivations. The Wali Kota enrols through the real API in the tests.
 */
export interface BatchHead {
  index: number;
  name: string;
  employeeId: string;
  userId: string;
  username: string;
  positionId: string;
  unitId: string;
  agreementId: string;
  documentId: string;
}

export interface BatchFixture extends AgreementFixture {
  walikotaUsername: string;
  heads: BatchHead[];
  /** Every head's document id, in order (what the Wali Kota's batch sends). */
  documentIds: string[];
}

export function actorFor(tenantId: string, user: { id: string; username: string }): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.username,
    tenantId,
    timeZone: 'Asia/Jakarta',
    isPlatformAdmin: false,
    grants: [{ role: 'viewer', unitId: null }],
    via: 'session',
    scopes: ['read', 'write'],
  };
}

/** A signing session over a test certificate: signs like the built-in provider. */
export function testSession(identity: TestIdentity, chainPem: string): SigningSession {
  const signer = new CmsSigner({ ...identity, chainPem: [chainPem] });
  return {
    provider: 'builtin',
    certificateId: null,
    serial: null,
    remote: false,
    sign: (request) =>
      signPdf(request.pdf, signer, {
        reason: request.reason,
        name: request.signerName,
        location: request.location,
        signingTime: request.signingTime,
      }),
  };
}

export async function linkUser(
  database: Database,
  tenantId: string,
  employeeId: string,
  username: string,
): Promise<string> {
  await createTestUser(database, tenantId, [{ role: 'viewer', unitId: null }], username);
  const [row] = await database.withSystem((tx) =>
    tx
      .update(users)
      .set({ employeeId })
      .where(eq(users.username, username))
      .returning({ id: users.id }),
  );
  if (!row) throw new Error(`user ${username} missing`);
  return row.id;
}

export async function createBatchFixture(
  t: TestApp,
  options: { count?: number; unsignedIndexes?: readonly number[] } = {},
): Promise<BatchFixture> {
  const count = options.count ?? 48;
  const base = await createAgreementFixture(t.database);
  const { tenantId } = base;
  const suffix = randomBytes(3).toString('hex');
  const walikotaUsername = `walikota.${suffix}`;
  await linkUser(t.database, tenantId, base.employees.walikota, walikotaUsername);

  const passwordHash = await hashPassword(TEST_PASSWORD);
  const heads: Omit<BatchHead, 'documentId'>[] = Array.from({ length: count }, (_, index) => ({
    index,
    name: `Kepala Uji ${String(index + 1).padStart(2, '0')} ${suffix}`,
    employeeId: newId(),
    userId: newId(),
    username: `kepala${index + 1}.${suffix}`,
    positionId: newId(),
    unitId: newId(),
    agreementId: newId(),
  }));

  await t.database.withTenant(tenantId, async (tx) => {
    await tx.insert(units).values(
      heads.map((h) => ({
        tenantId,
        id: h.unitId,
        name:
          h.index < 39
            ? `Dinas Uji ${h.index + 1} ${suffix}`
            : `Kecamatan Uji ${h.index + 1} ${suffix}`,
        type: h.index < 39 ? ('dinas' as const) : ('kecamatan' as const),
        level: 'eselon_2' as const,
      })),
    );
    await tx.insert(positions).values(
      heads.map((h) => ({
        tenantId,
        id: h.positionId,
        unitId: h.unitId,
        title: h.index < 39 ? `Kepala Dinas Uji ${h.index + 1}` : `Camat Uji ${h.index + 1}`,
        kind: 'jpt_pratama' as const,
        headsUnit: true,
      })),
    );
    await tx.insert(employees).values(
      heads.map((h) => ({
        tenantId,
        id: h.employeeId,
        nip: validNip(),
        name: h.name,
        gender: 'L' as const,
        employeeType: 'pns' as const,
        grade: 'IV/c',
      })),
    );
    await tx.insert(assignments).values(
      heads.map((h) => ({
        tenantId,
        positionId: h.positionId,
        employeeId: h.employeeId,
        kind: 'definitif' as const,
        startDate: '2020-01-01',
      })),
    );
    await tx.insert(agreements).values(
      heads.map((h) => ({
        tenantId,
        id: h.agreementId,
        yearId: base.yearId,
        startYear: base.year,
        endYear: base.year,
        level: 'kepala_pd' as const,
        unitId: h.unitId,
        planPeriodId: base.periodId,
        positionId: h.positionId,
        firstPartyEmployeeId: h.employeeId,
        firstPartyAssignmentKind: 'definitif' as const,
        secondPartyPositionId: base.positions.walikota,
        secondPartyEmployeeId: base.employees.walikota,
        secondPartyAssignmentKind: 'definitif' as const,
        agreementDate: `${base.year}-01-05`,
        status: 'draft' as const,
        rootId: h.agreementId,
      })),
    );
    const ids = heads.map((h) => h.agreementId);
    for (const status of ['submitted', 'verified', 'ready_to_sign'] as const) {
      await tx
        .update(agreements)
        .set({ status, ...(status === 'ready_to_sign' ? { readyAt: new Date() } : {}) })
        .where(and(eq(agreements.tenantId, tenantId), inArray(agreements.id, ids)));
    }
  });
  // Accounts straight in the table with one password hash: 48 argon2 hashes would cost seconds.
  await t.database.withSystem((tx) =>
    tx.insert(users).values(
      heads.map((h) => ({
        id: h.userId,
        tenantId,
        username: h.username,
        displayName: h.name,
        employeeId: h.employeeId,
        passwordHash,
      })),
    ),
  );

  // The documents, as the documents module issues them when a PK is marked ready.
  const documentIds = await runInTenant(
    t.database,
    systemActor(tenantId),
    tenantId,
    null,
    async (ctx) => {
      const out: string[] = [];
      for (const h of heads)
        out.push((await ensureAgreementDocument(ctx, t.services.config, h.agreementId)).id);
      return out;
    },
  );

  const ca = createTestCa('CA Uji Kepala PD');
  const unsigned = new Set(options.unsignedIndexes ?? []);
  const deps = t.services;
  for (const [i, h] of heads.entries()) {
    if (unsigned.has(i)) continue;
    const session = testSession(ca.issue(h.name, { shareKey: true }), ca.certificatePem);
    await signDocument(deps, {
      actor: actorFor(tenantId, { id: h.userId, username: h.username }),
      ip: null,
      documentId: documentIds[i]!,
      session,
    });
  }
  return {
    ...base,
    walikotaUsername,
    heads: heads.map((h, i) => ({ ...h, documentId: documentIds[i]! })),
    documentIds,
  };
}
