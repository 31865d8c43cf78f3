import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import type {
  DocumentVerification,
  UploadVerification,
} from '../../src/modules/verification/verification-schemas.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Verification of what the real signing flow writes: enrolment with a passphrase, the PK's
 * document issued when it was marked ready, both parties signing through the API. The other
 * verification tests make their files with the same signing code directly; this one proves the
 * whole chain end to end.
 */

const PASSPHRASE = 'Kuda-Terbang-Di-Atas-Awan-2026';

describe.each(testDatabaseKinds())('verification of the signing flow on %s', (kind) => {
  let t: TestApp;
  let f: SigningFixture;
  let kadinkes: ApiClient;
  let walikota: ApiClient;
  let code: string;
  let finalFile: Buffer;
  let walikotaCertificate: { id: string; serial: string | null };

  const upload = async (pdf: Buffer) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    return { status: res.statusCode, body: res.json() as UploadVerification };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    f = await createSigningFixture(t);
    kadinkes = await signIn(t.app, f.signers.kadinkes, TEST_PASSWORD);
    walikota = await signIn(t.app, f.signers.walikota, TEST_PASSWORD);
    const enrolled = await kadinkes.post('/api/signing/certificate', { passphrase: PASSPHRASE });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const second = await walikota.post<{ id: string; serial: string | null }>(
      '/api/signing/certificate',
      { passphrase: PASSPHRASE },
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    walikotaCertificate = second.body;

    const [doc] = await t.database.withSystem((tx) =>
      queryRows<{ id: string; code: string }>(
        tx,
        sql`select id, code from documents
            where agreement_id = ${f.pks.kadinkes.id} and status <> 'void'`,
      ),
    );
    if (!doc) throw new Error('the ready PK has no document');
    code = doc.code;
    for (const signer of [kadinkes, walikota]) {
      const res = await signer.post(`/api/documents/${doc.id}/sign`, { passphrase: PASSPHRASE });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const [file] = await t.database.withSystem((tx) =>
      queryRows<{ content: Buffer | Uint8Array }>(
        tx,
        sql`select content from document_files where document_id = ${doc.id}
            order by seq desc limit 1`,
      ),
    );
    finalFile = Buffer.from(file!.content);
  });
  afterAll(() => t.close());

  it('recognises the signed PK exactly, both signatures valid with our certificates', async () => {
    const res = await upload(finalFile);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      match: 'exact',
      version: { seq: 2, label: 'final', isCurrent: true },
      document: { code, status: 'ditandatangani' },
      changedAfterLastSignature: false,
    });
    expect(
      res.body.signatures.map((s) => [s.signerName, s.integrity, s.certificate.status]),
    ).toEqual([
      ['Siti Aminah', 'valid', 'valid'],
      ['Budi Walikota', 'valid', 'valid'],
    ]);
    expect(res.body.signatures[1]?.certificate.serial).toBe(walikotaCertificate.serial);
    // The CA certificate the page links to is really published there.
    const caUrl = res.body.signatures[0]?.certificate.caCertificateUrl;
    expect(caUrl).toMatch(/^\/api\/public\/pki\/.+\/ca\.crt$/);
    const ca = await t.app.inject({ method: 'GET', url: caUrl! });
    expect(ca.statusCode).toBe(200);
  });

  it('reads the document code the renderer wrote, and flags a changed copy', async () => {
    const tampered = Buffer.from(finalFile);
    const at = tampered.toString('latin1').indexOf('/MediaBox') + 2;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const res = await upload(tampered);
    expect(res.body).toMatchObject({ match: 'modified', document: { code } });
    expect(res.body.signatures.map((s) => s.integrity)).toEqual([
      'digest_mismatch',
      'digest_mismatch',
    ]);
  });

  it('shows a certificate revoked by the admin as revoked', async () => {
    const revoked = await f.admin.post(
      `/api/signing/certificates/${walikotaCertificate.id}/revoke`,
      {
        reason: 'key_compromise',
      },
    );
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/verify/${code}` });
    const body = res.json() as DocumentVerification;
    expect(body.status).toBe('ditandatangani');
    expect(body.signers.map((s) => s.certificate?.status)).toEqual(['valid', 'revoked']);
    expect(body.signers[1]?.certificate).toMatchObject({ validAtSigning: true });
  });
});
