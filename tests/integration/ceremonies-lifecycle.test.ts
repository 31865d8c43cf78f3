import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/modules/access/actor.js';
import { runInTenant } from '../../src/modules/access/context.js';
import type { CeremonyDetail, Preflight } from '../../src/modules/ceremonies/ceremony-schemas.js';
import { prepareCeremony } from '../../src/modules/ceremonies/prepare-ceremony.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Created = CeremonyDetail & {
  boardToken: string;
  boardUrl: string;
  added: { agreements: number; pacts: number; pactsCreated: number };
};

interface ErrorBody {
  error: { code: string; message: string };
}

const PASSPHRASE = 'Kebun-Raya-Bogor-2026';

describe.each(testDatabaseKinds())('signing ceremonies on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let admin: ApiClient;
  let ceremony: Created;

  beforeAll(async () => {
    // The lowest argon2 memory: enrolment speed is not what these tests are about.
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
    admin = s.admin;
  });
  afterAll(() => t.close());

  it('refuses a viewer who tries to schedule a ceremony', async () => {
    const viewer = await signIn(t.app, s.users.viewer, TEST_PASSWORD);
    const res = await viewer.post<ErrorBody>('/api/ceremonies', {
      fiscalYear: 2026,
      eventDate: '2026-01-10',
      place: 'Aula Kantor Wali Kota',
    });
    expect(res.status).toBe(403);
    expect((await viewer.get('/api/ceremonies')).status).toBe(200);
  });

  it('refuses an event date outside the fiscal year', async () => {
    const res = await admin.post<ErrorBody>('/api/ceremonies', {
      fiscalYear: 2026,
      eventDate: '2028-01-10',
      place: 'Aula Kantor Wali Kota',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('schedules the ceremony with the ready head PKs and the heads’ Pakta Integritas', async () => {
    const res = await admin.post<Created>('/api/ceremonies', {
      fiscalYear: 2026,
      eventDate: '2026-01-10',
      startTime: '08:30',
      place: 'Aula Kantor Wali Kota',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ceremony = res.body;
    expect(ceremony.title).toBe(
      'Penandatanganan Perjanjian Kinerja dan Pakta Integritas Tahun 2026',
    );
    expect(ceremony.startTime).toBe('08:30');
    expect(ceremony.status).toBe('scheduled');
    expect(ceremony.boardToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ceremony.boardUrl).toMatch(new RegExp(`/papan/${ceremony.boardToken}$`));
    // The Pemda PK and the Kepala Dinas Kesehatan's PK; the Kepala Bidang (eselon III) is not
    // a head of PD. Both heads' pacts are made now.
    expect(ceremony.added).toEqual({ agreements: 2, pacts: 2, pactsCreated: 2 });
    const pks = ceremony.items.filter((i) => i.kind === 'pk');
    expect(pks.map((i) => i.agreementId)).toEqual([s.pks.pemda.id, s.pks.kadinkes.id]);
    const pis = ceremony.items.filter((i) => i.kind === 'pi');
    expect(pis.map((i) => i.signers[0]?.employeeId)).toEqual([
      s.employees.walikota,
      s.employees.kadinkes,
    ]);
    // The Kepala Daerah's pact has no witness; the Kepala Dinas's is witnessed by the Wali Kota.
    expect(pis[0]?.signers).toHaveLength(1);
    expect(pis[1]?.signers.map((x) => [x.role, x.employeeId])).toEqual([
      ['pembuat', s.employees.kadinkes],
      ['saksi', s.employees.walikota],
    ]);
    expect(ceremony.progress).toMatchObject({
      documents: 4,
      signed: 0,
      signatures: 1 + 2 + 1 + 2,
      signaturesDone: 0,
      percent: 0,
    });
    expect(ceremony.permissions).toMatchObject({ update: true, start: true, complete: false });
    // Only the token's SHA-256 is stored.
    const stored = await queryRows<{ board_token_hash: string }>(
      t.database.unsafeOwnerDb,
      sql`select board_token_hash from ceremonies where id = ${ceremony.id}`,
    );
    expect(stored[0]?.board_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(ceremony.boardToken);
    // Reads never show the token again.
    const detail = await admin.get<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`);
    expect(JSON.stringify(detail.body)).not.toContain(ceremony.boardToken);
  });

  it('does not put the same PK into a second open ceremony', async () => {
    const res = await admin.post<Created>('/api/ceremonies', {
      title: 'Gladi resik penandatanganan',
      fiscalYear: 2026,
      eventDate: '2026-01-09',
      place: 'Aula Kantor Wali Kota',
    });
    expect(res.status).toBe(201);
    expect(res.body.added).toEqual({ agreements: 0, pacts: 0, pactsCreated: 0 });
    const cancel = await admin.post<CeremonyDetail>(`/api/ceremonies/${res.body.id}/cancel`, {
      version: res.body.version,
    });
    expect(cancel.body.status).toBe('cancelled');
    const list = await admin.get<{ items: { id: string; status: string }[] }>('/api/ceremonies');
    expect(list.body.items.map((c) => c.id)).toEqual([ceremony.id, res.body.id]);
  });

  it('lists what blocks the ceremony, with what to do', async () => {
    const res = await admin.get<Preflight>(`/api/ceremonies/${ceremony.id}/preflight`);
    expect(res.status).toBe(200);
    expect(res.body.ready).toBe(false);
    const kinds = res.body.blockers.map((b) => b.kind).sort();
    // Nobody has a certificate yet; the pacts have no PDF yet (PKs get theirs when ready).
    expect(kinds).toEqual(['no_document', 'no_document', 'not_enrolled', 'not_enrolled']);
    const walikota = res.body.signers.find((x) => x.employeeId === s.employees.walikota);
    expect(walikota).toMatchObject({
      hasAccount: true,
      enrolled: false,
      certificate: 'missing',
      documents: 4,
      pending: 4,
    });
    expect(walikota?.roles.sort()).toEqual(['pembuat', 'pihak_kedua', 'pihak_pertama', 'saksi']);
    const blocker = res.body.blockers.find((b) => b.kind === 'not_enrolled');
    expect(blocker?.action).toContain('Sertifikat tanda tangan');
  });

  it('names a PK that is not ready and a signer without an account', async () => {
    // A draft PK of the Kepala Dinas Pendidikan, added by hand.
    const draft = await admin.post<{ id: string }>('/api/agreements', {
      yearId: s.yearId,
      positionId: s.positions.kadisdik,
      agreementDate: '2026-01-05',
    });
    expect(draft.status).toBe(201);
    const added = await admin.post<CeremonyDetail>(`/api/ceremonies/${ceremony.id}/items`, {
      agreementIds: [draft.body.id],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const item = added.body.items.find((i) => i.agreementId === draft.body.id);
    expect(item?.status).toBe('not_ready');
    await t.database.withSystem((tx) =>
      tx.execute(
        sql`update users set employee_id = null where employee_id = ${s.employees.kadisdik}`,
      ),
    );
    const pre = await admin.get<Preflight>(`/api/ceremonies/${ceremony.id}/preflight`);
    const about = pre.body.blockers.filter((b) => b.subject.includes('Joko Susilo'));
    expect(about.map((b) => b.kind).sort()).toEqual(['no_account', 'not_ready']);
    expect(about.find((b) => b.kind === 'not_ready')?.action).toContain('siap ditandatangani');

    // Taken out again: the blockers go with it.
    const removed = await admin.delete<CeremonyDetail>(
      `/api/ceremonies/${ceremony.id}/items/${item?.id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.items.some((i) => i.agreementId === draft.body.id)).toBe(false);
    const after = await admin.get<Preflight>(`/api/ceremonies/${ceremony.id}/preflight`);
    expect(after.body.blockers.some((b) => b.subject.includes('Joko Susilo'))).toBe(false);
    ceremony = { ...ceremony, version: removed.body.version };
  });

  it('refuses an item of another fiscal year and an unknown id', async () => {
    const unknown = await admin.post<ErrorBody>(`/api/ceremonies/${ceremony.id}/items`, {
      pactIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(unknown.status).toBe(404);
    const empty = await admin.post<ErrorBody>(`/api/ceremonies/${ceremony.id}/items`, {});
    expect(empty.status).toBe(400);
  });

  it('prepares the missing documents, then is ready once the signers enrol', async () => {
    // Out of time before the first chunk: nothing made, everything left for the next call.
    const actor = systemActor(s.tenantId);
    const partial = await prepareCeremony(
      (fn) => runInTenant(t.database, actor, s.tenantId, null, fn),
      t.services.config,
      ceremony.id,
      { budgetMs: -1 },
    );
    expect(partial).toMatchObject({ issued: 0, existing: 2, remaining: 2 });

    const prepared = await admin.post<{
      issued: number;
      existing: number;
      notReady: number;
      failed: unknown[];
    }>(`/api/ceremonies/${ceremony.id}/prepare`);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    expect(prepared.body).toEqual({
      issued: 2,
      existing: 2,
      notReady: 0,
      failed: [],
      remaining: 0,
    });
    const again = await admin.post<{ issued: number; existing: number }>(
      `/api/ceremonies/${ceremony.id}/prepare`,
    );
    expect(again.body).toMatchObject({ issued: 0, existing: 4 });

    for (const username of [s.signers.walikota, s.signers.kadinkes]) {
      const signer = await signIn(t.app, username, TEST_PASSWORD);
      const enrol = await signer.post('/api/signing/certificate', { passphrase: PASSPHRASE });
      expect(enrol.status, JSON.stringify(enrol.body)).toBe(201);
    }
    const pre = await admin.get<Preflight>(`/api/ceremonies/${ceremony.id}/preflight`);
    expect(pre.body.blockers).toEqual([]);
    expect(pre.body.ready).toBe(true);
    expect(pre.body.signers.every((x) => x.certificate === 'ok')).toBe(true);
  });

  it('gives each signer the documents they sign next', async () => {
    const kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    const walikota = await signIn(t.app, s.signers.walikota, TEST_PASSWORD);
    const detail = (await admin.get<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`)).body;
    const docOf = (agreementId: string | null, maker?: string) =>
      detail.items.find((i) =>
        agreementId
          ? i.agreementId === agreementId
          : i.kind === 'pi' && i.signers[0]?.employeeId === maker,
      )?.document?.id;
    const mine = await kadinkes.get<{ documentIds: string[]; waitingForOthers: number }>(
      `/api/ceremonies/${ceremony.id}/my-documents`,
    );
    expect(mine.body.documentIds.sort()).toEqual(
      [docOf(s.pks.kadinkes.id), docOf(null, s.employees.kadinkes)].sort(),
    );
    const wk = await walikota.get<{ documentIds: string[]; waitingForOthers: number }>(
      `/api/ceremonies/${ceremony.id}/my-documents`,
    );
    // The Wali Kota signs the Pemda PK and his own pact now; the Kepala Dinas signs first on
    // the other two.
    expect(wk.body.documentIds.sort()).toEqual(
      [docOf(s.pks.pemda.id), docOf(null, s.employees.walikota)].sort(),
    );
    expect(wk.body.waitingForOthers).toBe(2);
  });

  it('opens to its signers even without a role, and to nobody else without one', async () => {
    // The Kepala Dinas keeps only the account (no role), as a head who only signs would.
    await t.database.withSystem((tx) =>
      tx.execute(
        sql`delete from role_grants where user_id = (select id from users where username = ${s.signers.kadinkes})`,
      ),
    );
    const signer = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    const seen = await signer.get<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.permissions.update).toBe(false);
    expect((await signer.get(`/api/ceremonies/${ceremony.id}/my-documents`)).status).toBe(200);
    // What is about other people (accounts, certificates) stays with those who read ceremonies.
    expect((await signer.get(`/api/ceremonies/${ceremony.id}/preflight`)).status).toBe(403);

    const stranger = await createTestUser(t.database, s.tenantId, []);
    const other = await signIn(t.app, stranger, TEST_PASSWORD);
    expect((await other.get(`/api/ceremonies/${ceremony.id}`)).status).toBe(403);
    expect((await other.get('/api/ceremonies')).status).toBe(403);
  });

  it('edits the details with a version check, and moves through its statuses', async () => {
    const stale = await admin.patch<ErrorBody>(`/api/ceremonies/${ceremony.id}`, {
      version: 1,
      place: 'Ruang Rapat Utama',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const edited = await admin.patch<CeremonyDetail>(`/api/ceremonies/${ceremony.id}`, {
      version: ceremony.version,
      place: 'Ruang Rapat Utama',
      startTime: null,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ place: 'Ruang Rapat Utama', startTime: null });

    const complete = await admin.post<ErrorBody>(`/api/ceremonies/${ceremony.id}/complete`, {
      version: edited.body.version,
    });
    expect(complete.status).toBe(409);
    expect(complete.body.error.code).toBe('INVALID_TRANSITION');
    const started = await admin.post<CeremonyDetail>(`/api/ceremonies/${ceremony.id}/start`, {
      version: edited.body.version,
    });
    expect(started.body.status).toBe('ongoing');
    expect(started.body.startedAt).not.toBeNull();
    expect(started.body.permissions).toMatchObject({ start: false, complete: true });
    ceremony = { ...ceremony, version: started.body.version };

    const actions = await queryRows<{ action: string }>(
      t.database.unsafeOwnerDb,
      sql`select action from audit_events where entity_id = ${ceremony.id} order by seq`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'ceremony.create',
        'ceremony.items_update',
        'ceremony.prepare',
        'ceremony.update',
        'ceremony.start',
      ]),
    );
  });

  it('answers 404 for a ceremony of another Pemda', async () => {
    const other = await createTestTenant(t.database);
    const otherAdmin = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    for (const url of [
      `/api/ceremonies/${ceremony.id}`,
      `/api/ceremonies/${ceremony.id}/preflight`,
      `/api/ceremonies/${ceremony.id}/report.pdf`,
      `/api/ceremonies/${ceremony.id}/my-documents`,
    ]) {
      expect((await otherAdmin.get(url)).status, url).toBe(404);
    }
    const post = await otherAdmin.post(`/api/ceremonies/${ceremony.id}/board-token`);
    expect(post.status).toBe(404);
    expect((await otherAdmin.get<{ items: unknown[] }>('/api/ceremonies')).body.items).toEqual([]);
  });
});
