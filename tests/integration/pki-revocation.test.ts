import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/modules/access/actor.js';
import { users } from '../../src/modules/auth/schema.js';
import { unlockSigningKey } from '../../src/modules/pki/unlock-signing-key.js';
import { AppError } from '../../src/shared/errors.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface CertBody {
  id: string;
  status: string;
  serial: string;
  caId: string;
  revocationReason: string | null;
}
interface ListBody {
  items: (CertBody & { employeeName: string; nip: string; jabatan: string; locked: boolean })[];
  total: number;
}

const PASSPHRASE = 'kopi tubruk di pagi hari';
const dir = mkdtempSync(join(tmpdir(), 'amanah-pki-'));

/** `openssl crl -text`, its signature checked against the CA certificate ("verify OK"). */
function opensslCrl(crl: Buffer, caPem: string): string {
  writeFileSync(join(dir, 'crl.der'), crl);
  writeFileSync(join(dir, 'ca.pem'), caPem);
  const run = spawnSync(
    'openssl',
    [
      'crl',
      '-inform',
      'DER',
      '-in',
      join(dir, 'crl.der'),
      '-CAfile',
      join(dir, 'ca.pem'),
      '-noout',
      '-text',
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('verify OK');
  return run.stdout;
}

/** The serials listed in `openssl crl -text` output, lower-case hex without colons. */
const listedSerials = (text: string): string[] =>
  [...text.matchAll(/Serial Number: ([0-9A-F]+)/gi)].map((m) => m[1]!.toLowerCase());

describe.each(testDatabaseKinds())('PKI revocation and CRL on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let kabid: ApiClient;
  let kasi: ApiClient;
  let kadisdik: ApiClient;
  const certs: Record<string, CertBody> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
    kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
    kasi = await signIn(t.app, s.signers.kasi, TEST_PASSWORD);
    kadisdik = await signIn(t.app, s.signers.kadisdik, TEST_PASSWORD);
    for (const [name, client] of [
      ['kabid', kabid],
      ['kasi', kasi],
      ['kadisdik', kadisdik],
    ] as const) {
      const res = await client.post<CertBody>('/api/signing/certificate', {
        passphrase: PASSPHRASE,
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      certs[name] = res.body;
    }
  });
  afterAll(() => t.close());

  const crl = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/pki/${certs.kabid!.caId}/crl`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pkix-crl');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const pem = await t.app.inject({
      method: 'GET',
      url: `/api/public/pki/${certs.kabid!.caId}/ca.pem`,
    });
    return opensslCrl(res.rawPayload, pem.body);
  };

  it('publishes an empty, valid CRL before any revocation', async () => {
    const text = await crl();
    expect(text).toContain('No Revoked Certificates');
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*0\b/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toMatch(/Issuer: .*CN ?= ?Amanah CA Kota Uji/);
    expect(text).toMatch(/Next Update: /);
  });

  it('lets the admin list certificates with filters', async () => {
    const all = await s.admin.get<ListBody>('/api/signing/certificates');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i) => i.employeeName).sort()).toEqual([
      'Agus Salim',
      'Joko Susilo',
      'Rina Marlina',
    ]);
    const q = await s.admin.get<ListBody>('/api/signing/certificates?q=rina');
    expect(q.body.items.map((i) => i.id)).toEqual([certs.kasi!.id]);
    expect(q.body.items[0]).toMatchObject({ jabatan: 'Kepala Seksi Rujukan', locked: false });
    const bySerial = await s.admin.get<ListBody>(
      `/api/signing/certificates?q=${certs.kabid!.serial.slice(0, 10)}`,
    );
    expect(bySerial.body.items.map((i) => i.id)).toEqual([certs.kabid!.id]);
    const wildcard = await s.admin.get<ListBody>('/api/signing/certificates?q=%25');
    expect(wildcard.body.total).toBe(0);
    const notAdmin = await kabid.get<ErrorBody>('/api/signing/certificates');
    expect(notAdmin.status).toBe(403);
  });

  it('an official cannot revoke someone else’s certificate (answered as not found)', async () => {
    const res = await kabid.post<ErrorBody>(`/api/signing/certificates/${certs.kasi!.id}/revoke`, {
      reason: 'key_compromise',
    });
    expect(res.status).toBe(404);
  });

  it('the admin revokes: unlock is refused and the CRL lists the serial with its reason', async () => {
    const res = await s.admin.post<CertBody>(
      `/api/signing/certificates/${certs.kabid!.id}/revoke`,
      {
        reason: 'key_compromise',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', revocationReason: 'key_compromise' });
    const again = await s.admin.post<ErrorBody>(
      `/api/signing/certificates/${certs.kabid!.id}/revoke`,
      {
        reason: 'key_compromise',
      },
    );
    expect(again.body.error.code).toBe('CERTIFICATE_REVOKED');

    const [user] = await t.database.withSystem((tx) =>
      tx.select().from(users).where(eq(users.username, s.signers.kabid)),
    );
    const refused = await unlockSigningKey(t.database, t.services.config, {
      tenantId: s.tenantId,
      userId: user!.id,
      employeeId: s.employees.kabid,
      passphrase: PASSPHRASE,
      ip: null,
      actor: { ...systemActor(s.tenantId), userId: user!.id },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CERTIFICATE_REVOKED');

    const text = await crl();
    expect(listedSerials(text)).toEqual([certs.kabid!.serial]);
    expect(text).toContain('Key Compromise');
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*1\b/);
    const mine = await kabid.get<{ certificate: { status: string; readiness: string } }>(
      '/api/signing/certificate',
    );
    expect(mine.body.certificate).toMatchObject({ status: 'revoked', readiness: 'revoked' });
  });

  it('the official revokes their own, and enrols again afterwards', async () => {
    const res = await kasi.post<CertBody>(`/api/signing/certificates/${certs.kasi!.id}/revoke`, {
      reason: 'affiliation_changed',
    });
    expect(res.status).toBe(200);
    const again = await kasi.post<CertBody>('/api/signing/certificate', { passphrase: PASSPHRASE });
    expect(again.status).toBe(201);
    expect(again.body.serial).not.toBe(certs.kasi!.serial);
  });

  it('a re-issue puts the replaced certificate on the CRL as superseded', async () => {
    const res = await kadisdik.post<CertBody>('/api/signing/certificate/reissue', {
      password: TEST_PASSWORD,
      passphrase: 'teh manis di sore hari',
      reason: 'superseded',
    });
    expect(res.status).toBe(201);
    const text = await crl();
    expect(listedSerials(text).sort()).toEqual(
      [certs.kabid!.serial, certs.kasi!.serial, certs.kadisdik!.serial].sort(),
    );
    expect(text).toContain('Affiliation Changed');
    expect(text).toContain('Superseded');
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*3\b/);
    const revoked = await s.admin.get<ListBody>('/api/signing/certificates?status=replaced');
    expect(revoked.body.items.map((i) => i.id)).toEqual([certs.kadisdik!.id]);
  });

  it('serves the CA certificate publicly as DER and PEM; an unknown CA is 404', async () => {
    const der = await t.app.inject({
      method: 'GET',
      url: `/api/public/pki/${certs.kabid!.caId}/ca.crt`,
    });
    expect(der.statusCode).toBe(200);
    expect(der.headers['content-type']).toBe('application/pkix-cert');
    const ca = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.rawPayload.toString('binary')));
    expect(ca.verify(ca)).toBe(true);
    expect(ca.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(ca.getExtension('keyUsage')).toMatchObject({
      keyCertSign: true,
      cRLSign: true,
      critical: true,
    });
    const info = await kabid.get<{
      ca: { id: string; links: { crl: string }; fingerprintSha256: string };
    }>('/api/signing/ca');
    expect(info.body.ca).toMatchObject({
      id: certs.kabid!.caId,
      links: { crl: `/api/public/pki/${certs.kabid!.caId}/crl` },
    });
    expect(info.body.ca.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/public/pki/00000000-0000-4000-8000-000000000000/crl',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps revocations out of the audit data it should not hold', async () => {
    const rows = await queryRows<{ action: string; data: Record<string, unknown> }>(
      t.database.unsafeOwnerDb,
      sql`select action, data from audit_events where tenant_id = ${s.tenantId}
           and action = 'certificate.revoke' order by seq`,
    );
    expect(rows.map((r) => r.data.serial)).toEqual([certs.kabid!.serial, certs.kasi!.serial]);
    expect(JSON.stringify(rows)).not.toContain('kopi tubruk');
  });
});
