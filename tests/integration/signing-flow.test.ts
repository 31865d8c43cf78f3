import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { agreements } from '../../src/modules/agreements/schema.js';
import { users } from '../../src/modules/auth/schema.js';
import { newTotpSecret, sealTotpState, totpFor } from '../../src/modules/auth/totp/totp-secret.js';
import { ceremonies, ceremonyItems } from '../../src/modules/ceremonies/schema.js';
import type { DocumentSummary } from '../../src/modules/documents/document-schemas.js';
import { signAttempts } from '../../src/modules/documents/schema.js';
import { signingCertificates } from '../../src/modules/pki/schema.js';
import type { Tasks } from '../../src/modules/signing/list-tasks.js';
import {
  auditActionsFor,
  documentOfAgreement,
  documentState,
  enrol,
  hasPdfsig,
  pdfsig,
  SIGNING_PASSPHRASE,
} from '../helpers/batch-fixture.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import {
  createSigningFixture,
  readyAgreement,
  type SigningFixture,
} from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const NOTE = 'Perubahan alokasi anggaran setelah APBD-Perubahan disahkan.';

describe.each(testDatabaseKinds())('signing one document at a time on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let walikota: ApiClient;
  let kadinkes: ApiClient;
  let kabid: ApiClient;
  let kadisdik: ApiClient;
  let kasi: ApiClient;
  let kadinkesDoc: string;

  const sign = (client: ApiClient, documentId: string, passphrase = SIGNING_PASSPHRASE) =>
    client.post<DocumentSummary & ErrorBody>(`/api/documents/${documentId}/sign`, { passphrase });

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await createSigningFixture(t);
    walikota = await signIn(t.app, s.signers.walikota, TEST_PASSWORD);
    kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
    kadisdik = await signIn(t.app, s.signers.kadisdik, TEST_PASSWORD);
    kasi = await signIn(t.app, s.signers.kasi, TEST_PASSWORD);
    for (const client of [walikota, kadinkes, kabid, kadisdik, kasi]) await enrol(client);
    kadinkesDoc = (await documentOfAgreement(t.database, s.pks.kadinkes.id)).id;
  });
  afterAll(() => t.close());

  it('lists the PK for both parties in Tugas Saya, only pihak pertama’s turn first', async () => {
    const mine = (await kadinkes.get<Tasks>('/api/signing/tasks')).body;
    expect(mine).toMatchObject({ linked: true, enrolled: true, requireTotp: false });
    const item = mine.toSign.find((i) => i.documentId === kadinkesDoc);
    expect(item).toMatchObject({
      kind: 'pk',
      myRole: 'pihak_pertama',
      myTurn: true,
      nextSignerName: expect.stringContaining('Siti Aminah'),
      signedCount: 0,
      signerCount: 2,
      unitName: 'Dinas Kesehatan',
      agreementId: s.pks.kadinkes.id,
    });
    const boss = (await walikota.get<Tasks>('/api/signing/tasks')).body;
    expect(boss.toSign.find((i) => i.documentId === kadinkesDoc)).toMatchObject({
      myRole: 'pihak_kedua',
      myTurn: false,
    });
  });

  it('Tugas Saya issues the document of a ready PK that has none, and names its ceremony', async () => {
    // A ready PK written straight into the database (as the demo seed does), with no document.
    const id = randomUUID();
    await t.database.withTenant(s.tenantId, async (tx) => {
      await tx.insert(agreements).values({
        tenantId: s.tenantId,
        id,
        yearId: s.yearId,
        startYear: s.year,
        endYear: s.year,
        level: 'kepala_pd',
        unitId: s.units.disdik,
        positionId: s.positions.kadisdik,
        firstPartyEmployeeId: s.employees.kadisdik,
        firstPartyAssignmentKind: 'definitif',
        secondPartyPositionId: s.positions.walikota,
        secondPartyEmployeeId: s.employees.walikota,
        secondPartyAssignmentKind: 'definitif',
        agreementDate: `${s.year}-01-05`,
        rootId: id,
      });
      for (const status of ['submitted', 'verified', 'ready_to_sign'] as const) {
        await tx.update(agreements).set({ status }).where(eq(agreements.id, id));
      }
      const ceremonyId = randomUUID();
      await tx.insert(ceremonies).values({
        tenantId: s.tenantId,
        id: ceremonyId,
        title: `Penandatanganan Perjanjian Kinerja Tahun ${s.year}`,
        fiscalYear: s.year,
        eventDate: `${s.year}-01-10`,
        place: 'Aula Kantor Wali Kota',
        boardTokenHash: randomUUID(),
      });
      await tx.insert(ceremonyItems).values({ tenantId: s.tenantId, ceremonyId, agreementId: id });
    });
    const tasks = (await kadisdik.get<Tasks>('/api/signing/tasks')).body;
    const item = tasks.toSign.find((i) => i.agreementId === id);
    expect(item).toMatchObject({
      kind: 'pk',
      myRole: 'pihak_pertama',
      myTurn: true,
      unitName: 'Dinas Pendidikan',
      ceremony: {
        title: `Penandatanganan Perjanjian Kinerja Tahun ${s.year}`,
        eventDate: `${s.year}-01-10`,
      },
    });
    expect((await documentOfAgreement(t.database, id)).id).toBe(item?.documentId);
  });

  it('refuses pihak kedua before pihak pertama, naming who signs first, without checking the passphrase', async () => {
    const res = await sign(walikota, kadinkesDoc, 'bukan-passphrase-nya');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_YOUR_TURN');
    expect(res.body.error.message).toMatch(/Siti Aminah.*\(Pihak Pertama\) harus menandatangani/);
    const [cert] = await t.database.withSystem((tx) =>
      tx
        .select({ failed: signingCertificates.failedAttempts })
        .from(signingCertificates)
        .where(eq(signingCertificates.employeeId, s.employees.walikota)),
    );
    expect(cert?.failed).toBe(0);
  });

  it('refuses a document of which the signer is not a party', async () => {
    const res = await sign(kadisdik, kadinkesDoc);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_YOUR_DOCUMENT');
  });

  it('refuses a wrong passphrase with no detail and writes nothing', async () => {
    const res = await sign(kadinkes, kadinkesDoc, 'Passphrase-Yang-Salah-1');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'PASSPHRASE_WRONG',
      message: 'Passphrase salah.',
    });
    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files.map((f) => f.seq)).toEqual([0]);
    expect(state.slots.map((sl) => sl.status)).toEqual(['pending', 'pending']);
    expect(state.doc.signedCount).toBe(0);
    expect(await auditActionsFor(t.database, kadinkesDoc)).not.toContain('document.sign');
  });

  it('signs as pihak pertama: a new file over the exact original bytes, the PK still waiting', async () => {
    const res = await sign(kadinkes, kadinkesDoc);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: kadinkesDoc,
      status: 'pending',
      signedCount: 1,
      permissions: { sign: false },
      signers: [
        { role: 'pihak_pertama', status: 'signed' },
        { role: 'pihak_kedua', status: 'pending', signedAt: null },
      ],
    });
    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files.map((f) => f.seq)).toEqual([0, 1]);
    const [original, first] = state.files;
    expect(first!.content.subarray(0, original!.content.length).equals(original!.content)).toBe(
      true,
    );
    expect(state.doc.currentSha256).toBe(first!.sha256);
    expect(state.slots[0]).toMatchObject({ status: 'signed', provider: 'builtin', fileSeq: 1 });
    expect(state.slots[0]!.certificateId).toBeTruthy();
    const [pk] = await t.database.withSystem((tx) =>
      tx.select().from(agreements).where(eq(agreements.id, s.pks.kadinkes.id)),
    );
    expect(pk?.status).toBe('ready_to_sign');

    const again = await sign(kadinkes, kadinkesDoc);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_SIGNED');
    expect(again.body.error.message).toMatch(/Menunggu tanda tangan Budi Walikota/);
  });

  it('signs as pihak kedua: the PK becomes signed and frozen, pdfsig finds two valid signatures', async () => {
    const tasks = (await walikota.get<Tasks>('/api/signing/tasks')).body;
    expect(tasks.toSign.find((i) => i.documentId === kadinkesDoc)?.myTurn).toBe(true);

    const res = await sign(walikota, kadinkesDoc);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'signed', signedCount: 2 });
    expect(res.body.completedAt).not.toBeNull();

    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files.map((f) => f.seq)).toEqual([0, 1, 2]);
    expect(state.doc.status).toBe('signed');
    const [pk] = await t.database.withSystem((tx) =>
      tx.select().from(agreements).where(eq(agreements.id, s.pks.kadinkes.id)),
    );
    expect(pk).toMatchObject({ status: 'signed', version: s.pks.kadinkes.version + 1 });
    expect(pk?.signedAt).not.toBeNull();
    const detail = await s.admin.get<AgreementDetail>(`/api/agreements/${s.pks.kadinkes.id}`);
    expect(detail.body.status).toBe('signed');

    expect(await auditActionsFor(t.database, kadinkesDoc)).toEqual(
      expect.arrayContaining(['document.issue', 'document.sign', 'document.sign']),
    );
    expect(await auditActionsFor(t.database, s.pks.kadinkes.id)).toContain('agreement.sign');

    const recent = (await kadinkes.get<Tasks>('/api/signing/tasks')).body;
    expect(recent.recent.map((i) => i.documentId)).toContain(kadinkesDoc);
    expect(recent.waiting.map((i) => i.documentId)).not.toContain(kadinkesDoc);

    if (hasPdfsig) {
      const out = pdfsig(state.files[2]!.content);
      expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(out).toContain('Signer Certificate Common Name: Siti Aminah');
      expect(out).toContain('Signer Certificate Common Name: Budi Walikota');
      expect(out.split('Signature #2:')[1]).toContain('Total document signed');
    }
  });

  it('the database refuses direct changes to the signed PK, its slots and its files', async () => {
    const owner = t.database.unsafeOwnerDb;
    const id = s.pks.kadinkes.id;
    const failure = async (statement: ReturnType<typeof sql>) => {
      try {
        await owner.execute(statement);
        return 'accepted';
      } catch (error) {
        const e = error as { code?: string; cause?: { code?: string } };
        return e.code ?? e.cause?.code ?? 'error';
      }
    };
    expect(
      await failure(sql`update agreements set agreement_date = '2026-01-06' where id = ${id}`),
    ).toBe('AM011');
    expect(
      await failure(sql`update agreements set status = 'ready_to_sign' where id = ${id}`),
    ).toBe('AM012');
    expect(
      await failure(
        sql`update document_signers set name = 'Orang Lain' where document_id = ${kadinkesDoc}`,
      ),
    ).toBe('AM021');
    expect(await failure(sql`delete from document_files where document_id = ${kadinkesDoc}`)).toBe(
      'AM020',
    );
    expect(
      await failure(sql`update documents set signed_count = 1 where id = ${kadinkesDoc}`),
    ).toBe('AM023');
  });

  it('a PK Perubahan, once signed by both, supersedes the version it revises', async () => {
    const created = await s.admin.post<AgreementDetail>(
      `/api/agreements/${s.pks.kadinkes.id}/revisions`,
      { version: s.pks.kadinkes.version + 1, reason: 'perubahan_strategi', note: NOTE },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let revision = created.body;
    for (const action of ['submit', 'verify', 'mark_ready']) {
      const res = await s.admin.post<AgreementDetail>(
        `/api/agreements/${revision.id}/transitions`,
        {
          version: revision.version,
          action,
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      revision = res.body;
    }
    const doc = (await documentOfAgreement(t.database, revision.id)).id;
    expect((await sign(kadinkes, doc)).status).toBe(200);
    expect((await sign(walikota, doc)).status).toBe(200);
    const rows = await t.database.withSystem((tx) =>
      tx.select({ id: agreements.id, status: agreements.status }).from(agreements),
    );
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(status.get(revision.id)).toBe('signed');
    expect(status.get(s.pks.kadinkes.id)).toBe('superseded');
    expect(await auditActionsFor(t.database, s.pks.kadinkes.id)).toContain('agreement.supersede');
  });

  it('refuses a revoked certificate and writes nothing', async () => {
    const mine = await kabid.get<{ certificate: { id: string } }>('/api/signing/certificate');
    const revoked = await s.admin.post(
      `/api/signing/certificates/${mine.body.certificate.id}/revoke`,
      {
        reason: 'key_compromise',
      },
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const doc = (await documentOfAgreement(t.database, s.pks.kabid.id)).id;
    const res = await sign(kabid, doc);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CERTIFICATE_REVOKED');
    const state = await documentState(t.database, doc);
    expect(state.files).toHaveLength(1);
    expect(state.slots[0]?.status).toBe('pending');
  });

  it('refuses a PK that is not ready to sign (returned: its document is void)', async () => {
    const pk = s.pks.pemda;
    const doc = (await documentOfAgreement(t.database, pk.id)).id;
    const returned = await s.admin.post(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'return',
      comment: 'Target IKU perlu diperbaiki.',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const res = await sign(walikota, doc);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_READY_TO_SIGN');
  });

  it('an error after the file is written rolls the whole signature back', async () => {
    const pk = await readyAgreement(s.admin, s, s.positions.kasi);
    const doc = (await documentOfAgreement(t.database, pk.id)).id;
    const owner = t.database.unsafeOwnerDb;
    // A fault in the middle of the transaction: the slot update (after the file insert) fails.
    await owner.execute(sql`create function fail_signing() returns trigger language plpgsql as $$
      begin raise exception 'injected fault' using errcode = 'XX999'; end $$`);
    await owner.execute(sql`create trigger fail_signing before update on document_signers
      for each row when (new.status = 'signed') execute function fail_signing()`);
    try {
      const res = await sign(kasi, doc);
      expect(res.status).toBe(500);
    } finally {
      await owner.execute(sql`drop trigger fail_signing on document_signers`);
      await owner.execute(sql`drop function fail_signing()`);
    }
    const state = await documentState(t.database, doc);
    expect(state.files.map((f) => f.seq)).toEqual([0]);
    expect(state.slots[0]?.status).toBe('pending');
    expect(state.doc).toMatchObject({ signedCount: 0, status: 'pending' });
    expect(await auditActionsFor(t.database, doc)).not.toContain('document.sign');
    // Once the fault is gone the same request signs.
    expect((await sign(kasi, doc)).status).toBe(200);
    const attempts = await t.database.withSystem((tx) => tx.select().from(signAttempts));
    expect(attempts).toEqual([]);
  });

  it('requires the authenticator code when the Pemda says so, counting wrong codes', async () => {
    const setRequireTotp = (on: boolean) =>
      t.database.withSystem((tx) =>
        tx.execute(
          sql`update tenants set settings = jsonb_set(settings, '{signing}',
                ${JSON.stringify({ provider: 'builtin', requireTotp: on, place: '' })}::jsonb)
               where id = ${s.tenantId}`,
        ),
      );
    // The Pemda PK, returned earlier, goes through review again: a new document, the Wali Kota
    // its only signer.
    let pemda = (await s.admin.get<AgreementDetail>(`/api/agreements/${s.pks.pemda.id}`)).body;
    for (const action of ['submit', 'verify', 'mark_ready']) {
      const res = await s.admin.post<AgreementDetail>(`/api/agreements/${pemda.id}/transitions`, {
        version: pemda.version,
        action,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pemda = res.body;
    }
    const pemdaDoc = (await documentOfAgreement(t.database, pemda.id)).id;
    await setRequireTotp(true);
    try {
      expect((await walikota.get<Tasks>('/api/signing/tasks')).body.requireTotp).toBe(true);
      const noTotp = await sign(walikota, pemdaDoc);
      expect(noTotp.status).toBe(403);
      expect(noTotp.body.error.code).toBe('MFA_SETUP_REQUIRED');

      // Switch TOTP on for the Wali Kota, as the enrolment page would leave it.
      const secret = newTotpSecret();
      await t.database.withSystem((tx) =>
        tx
          .update(users)
          .set({
            totpSecret: sealTotpState(t.services.secretBox, { secret, lastStep: null }),
            totpEnabledAt: new Date(),
          })
          .where(eq(users.username, s.signers.walikota)),
      );
      const wrong = await walikota.post<ErrorBody>(`/api/documents/${pemdaDoc}/sign`, {
        passphrase: SIGNING_PASSPHRASE,
        totp: '000000',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('INVALID_TOTP');
      const [user] = await t.database.withSystem((tx) =>
        tx.select().from(users).where(eq(users.username, s.signers.walikota)),
      );
      expect(user?.failedLogins).toBe(1);
      expect(await auditActionsFor(t.database, user!.id)).toContain('auth.totp_failed');

      const right = await walikota.post<DocumentSummary>(`/api/documents/${pemdaDoc}/sign`, {
        passphrase: SIGNING_PASSPHRASE,
        totp: totpFor(secret, 'uji').generate(),
      });
      expect(right.status, JSON.stringify(right.body)).toBe(200);
      expect(right.body.status).toBe('signed');
    } finally {
      await setRequireTotp(false);
    }
  });

  it('never writes a passphrase or TOTP code into the audit trail', async () => {
    const rows = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from audit_events
           where data::text like ${`%${SIGNING_PASSPHRASE}%`}
              or data::text like '%Passphrase-Yang-Salah-1%' or data::text like '%000000%'`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('caps signing requests per person per minute, whatever their address', async () => {
    // kasi has nothing to sign: each request is refused, but each still counts.
    const unknown = '00000000-0000-4000-8000-000000000001';
    const codes: string[] = [];
    for (let i = 0; i < 31; i += 1) {
      const res = await kasi.post<ErrorBody>(`/api/documents/${unknown}/sign`, {
        passphrase: 'bukan-apa-apa',
      });
      codes.push(res.body.error.code);
    }
    // Earlier tests in this file may have used part of kasi's minute: the cap is reached within
    // 31 requests, and from then on every request is held back.
    const first = codes.indexOf('RATE_LIMITED');
    expect(first, codes.join(',')).toBeGreaterThanOrEqual(0);
    expect(codes.slice(first).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Another person from the same address is not held back (the admin never signed here).
    const other = await s.admin.post<ErrorBody>(`/api/documents/${unknown}/sign`, {
      passphrase: 'bukan-apa-apa',
    });
    expect(other.body.error.code).not.toBe('RATE_LIMITED');
  });
});
