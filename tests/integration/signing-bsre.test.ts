import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { agreements } from '../../src/modules/agreements/schema.js';
import { signAttempts } from '../../src/modules/documents/schema.js';
import { signingCertificates } from '../../src/modules/pki/schema.js';
import type { Tasks } from '../../src/modules/signing/list-tasks.js';
import type { AttemptView } from '../../src/modules/signing/signing-schemas.js';
import {
  auditActionsFor,
  documentOfAgreement,
  documentState,
  hasPdfsig,
  pdfsig,
} from '../helpers/batch-fixture.js';
import { type BsreMock, startBsreMock } from '../helpers/bsre-mock-server.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const NIK = { kadinkes: '3174015501700001', walikota: '3174010101650002' };
const BSRE_PASSPHRASE = { kadinkes: 'Bsre-Kadinkes-2026', walikota: 'Bsre-Walikota-2026' };

describe.each(testDatabaseKinds())('signing through a BSrE-style provider on %s', (kind) => {
  let mock: BsreMock;
  let t: TestApp;
  let s: SigningFixture;
  let kadinkes: ApiClient;
  let walikota: ApiClient;
  let kadinkesDoc: string;

  const sign = (client: ApiClient, documentId: string, passphrase: string) =>
    client.post<ErrorBody & { status: string }>(`/api/documents/${documentId}/sign`, {
      passphrase,
    });
  const attemptsOf = (documentId: string) =>
    t.database.withSystem((tx) =>
      tx.select().from(signAttempts).where(eq(signAttempts.documentId, documentId)),
    );

  beforeAll(async () => {
    mock = await startBsreMock();
    t = await createTestApp(kind, {
      BSRE_URL: mock.url,
      BSRE_CLIENT_ID: mock.clientId,
      BSRE_CLIENT_SECRET: mock.clientSecret,
      BSRE_TIMEOUT_MS: '1000',
    });
    s = await createSigningFixture(t);
    await t.database.withSystem((tx) =>
      tx.execute(
        sql`update tenants set settings = jsonb_set(settings, '{signing}',
              '{"provider":"bsre","requireTotp":false,"place":""}'::jsonb) where id = ${s.tenantId}`,
      ),
    );
    kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    walikota = await signIn(t.app, s.signers.walikota, TEST_PASSWORD);
    mock.register(NIK.kadinkes, BSRE_PASSPHRASE.kadinkes, 'Siti Aminah');
    mock.register(NIK.walikota, BSRE_PASSPHRASE.walikota, 'Budi Walikota');
    kadinkesDoc = (await documentOfAgreement(t.database, s.pks.kadinkes.id)).id;
  });
  afterAll(async () => {
    await t.close();
    await mock.close();
  });

  it('registers the NIK BSrE knows the official by (masked back, once)', async () => {
    const before = (await kadinkes.get<Tasks>('/api/signing/tasks')).body;
    expect(before.enrolled).toBe(false);
    const res = await kadinkes.post<{ nikMasked: string; provider: string }>(
      '/api/signing/certificate/bsre',
      { nik: NIK.kadinkes },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ provider: 'bsre', nikMasked: '317401******0001' });
    const again = await kadinkes.post<ErrorBody>('/api/signing/certificate/bsre', {
      nik: NIK.kadinkes,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_ENROLLED');
    expect((await kadinkes.get<Tasks>('/api/signing/tasks')).body.enrolled).toBe(true);
    const bad = await walikota.post<ErrorBody>('/api/signing/certificate/bsre', { nik: '12345' });
    expect(bad.status).toBe(400);
    expect(
      (await walikota.post('/api/signing/certificate/bsre', { nik: NIK.walikota })).status,
    ).toBe(201);
  });

  it('stores exactly the PDF BSrE returns, after checking it extends ours', async () => {
    mock.mode = 'ok';
    const res = await sign(kadinkes, kadinkesDoc, BSRE_PASSPHRASE.kadinkes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files.map((f) => f.seq)).toEqual([0, 1]);
    expect(state.files[1]!.content.equals(mock.returned.at(-1)!)).toBe(true);
    expect(state.slots[0]).toMatchObject({ status: 'signed', provider: 'bsre' });
    expect(mock.lastRequest).toMatchObject({
      nik: NIK.kadinkes,
      signatureProperties: [{ tampilan: 'INVISIBLE', reason: 'Pihak Pertama' }],
    });
    const [attempt] = await attemptsOf(kadinkesDoc);
    expect(attempt).toMatchObject({ state: 'succeeded', provider: 'bsre' });
    expect(attempt?.providerRef).toMatch(/^bsre-\d+$/);
  });

  it('maps BSrE’s wrong-passphrase answer and counts it; nothing stored', async () => {
    mock.mode = 'ok';
    const res = await sign(walikota, kadinkesDoc, 'Passphrase-Keliru-1');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'PASSPHRASE_WRONG',
      message: 'Passphrase salah.',
    });
    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files).toHaveLength(2);
    const attempts = await attemptsOf(kadinkesDoc);
    expect(attempts.filter((a) => a.state === 'failed')).toHaveLength(1);
    const [cert] = await t.database.withSystem((tx) =>
      tx
        .select({ failed: signingCertificates.failedAttempts })
        .from(signingCertificates)
        .where(eq(signingCertificates.employeeId, s.employees.walikota)),
    );
    expect(cert?.failed).toBe(1);
  });

  it('a request left unanswered is an unknown outcome: recorded, never retried, until an admin resolves it', async () => {
    mock.mode = 'hang';
    const sent = mock.requests;
    const res = await sign(walikota, kadinkesDoc, BSRE_PASSPHRASE.walikota);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'SIGN_OUTCOME_UNKNOWN',
      message:
        'Status penandatanganan di BSrE tidak diketahui. Jangan ulangi; minta admin memeriksa ke BSrE lalu menandai hasilnya.',
    });
    expect(mock.requests).toBe(sent + 1);
    const unknown = (await attemptsOf(kadinkesDoc)).find((a) => a.state === 'unknown');
    expect(unknown).toBeDefined();
    expect(await auditActionsFor(t.database, unknown!.id)).toContain('sign_attempt.unknown');

    // The provider is fine again, but the slot stays blocked: no request leaves.
    mock.mode = 'ok';
    const retry = await sign(walikota, kadinkesDoc, BSRE_PASSPHRASE.walikota);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('SIGN_OUTCOME_UNKNOWN');
    expect(mock.requests).toBe(sent + 1);
    const state = await documentState(t.database, kadinkesDoc);
    expect(state.files).toHaveLength(2);

    // The admin sees it, checks with BSrE, and resolves it with a note.
    expect((await walikota.get('/api/signing/attempts')).status).toBe(403);
    const list = await s.admin.get<{ items: AttemptView[] }>('/api/signing/attempts?state=unknown');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: unknown!.id,
        state: 'unknown',
        documentId: kadinkesDoc,
        signerName: 'Budi Walikota',
        provider: 'bsre',
        permissions: { resolve: true },
      }),
    ]);
    const short = await s.admin.post<ErrorBody>(`/api/signing/attempts/${unknown!.id}/resolve`, {
      note: 'cek',
    });
    expect(short.status).toBe(400);
    const resolved = await s.admin.post(`/api/signing/attempts/${unknown!.id}/resolve`, {
      note: 'Dicek di portal BSrE: permintaan tidak tercatat, belum ditandatangani.',
    });
    expect(resolved.status).toBe(204);
    const twice = await s.admin.post<ErrorBody>(`/api/signing/attempts/${unknown!.id}/resolve`, {
      note: 'Dicek di portal BSrE sekali lagi, tetap sama.',
    });
    expect(twice.status).toBe(409);

    // Now signing may be tried again, and it completes the PK.
    const done = await sign(walikota, kadinkesDoc, BSRE_PASSPHRASE.walikota);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('signed');
    expect(mock.requests).toBe(sent + 2);
    const [pk] = await t.database.withSystem((tx) =>
      tx.select().from(agreements).where(eq(agreements.id, s.pks.kadinkes.id)),
    );
    expect(pk?.status).toBe('signed');
    const final = await documentState(t.database, kadinkesDoc);
    if (hasPdfsig) {
      const out = pdfsig(final.files[2]!.content);
      expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    }
  });

  it.each(['error500', 'reset', 'garbage'] as const)(
    'a %s answer after sending is an unknown outcome too',
    async (mode) => {
      const doc = (await documentOfAgreement(t.database, s.pks.pemda.id)).id;
      mock.mode = mode;
      const res = await sign(walikota, doc, BSRE_PASSPHRASE.walikota);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('SIGN_OUTCOME_UNKNOWN');
      const open = (await attemptsOf(doc)).find((a) => a.state === 'unknown');
      expect(open).toBeDefined();
      expect(
        (
          await s.admin.post(`/api/signing/attempts/${open!.id}/resolve`, {
            note: `Uji: ${mode}, dicek dan belum ditandatangani di BSrE.`,
          })
        ).status,
      ).toBe(204);
      mock.mode = 'ok';
    },
  );

  it('a batch stops at an unknown outcome instead of piling up more', async () => {
    const doc = (await documentOfAgreement(t.database, s.pks.pemda.id)).id;
    mock.mode = 'hang';
    const res = await walikota.request('POST', '/api/signing/batch', {
      documentIds: [doc],
      passphrase: BSRE_PASSPHRASE.walikota,
    });
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text).toContain('"code":"SIGN_OUTCOME_UNKNOWN"');
    expect(text).toMatch(/event: done\ndata: .*"stopped":\{"code":"SIGN_OUTCOME_UNKNOWN"/);
    mock.mode = 'ok';
  });

  it('never writes a passphrase or the full NIK into the audit trail', async () => {
    const rows = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from audit_events
           where data::text like ${`%${BSRE_PASSPHRASE.walikota}%`}
              or data::text like ${`%${BSRE_PASSPHRASE.kadinkes}%`}
              or data::text like ${`%${NIK.kadinkes}%`} or data::text like ${`%${NIK.walikota}%`}`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
