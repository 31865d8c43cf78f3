import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { createSecretBox } from '../../src/modules/auth/secret-box.js';
import { tenantCas } from '../../src/modules/pki/schema.js';
import { openCa } from '../../src/modules/pki/tenant-ca.js';
import { buildApp } from '../../src/server/app.js';
import { redactPaths, serializeError } from '../../src/server/logger.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestUser, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const PASSPHRASE = 'kopi tubruk di pagi hari';

async function casOf(t: TestApp, tenantId: string) {
  return t.database.withTenant(tenantId, (tx) =>
    tx.select().from(tenantCas).where(eq(tenantCas.tenantId, tenantId)),
  );
}

describe.each(testDatabaseKinds())('tenant CA on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;

  beforeAll(async () => {
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
  });
  afterAll(() => t.close());

  it('is made with the Pemda by the platform route, its key sealed with the server key', async () => {
    const platform = await signIn(t.app, await createTestUser(t.database, null, []), TEST_PASSWORD);
    const name = uniqueName('Pemerintah Kota CA ');
    const res = await platform.post<{ id: string }>('/api/platform/tenants', {
      name,
      shortName: 'Kota CA',
      type: 'kota',
      regionCode: '79.01',
      timeZone: 'Asia/Makassar',
      admin: {
        username: uniqueName('admin.ca.'),
        displayName: 'Admin CA',
        password: 'Kuat-sekali-2026',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [ca, ...more] = await casOf(t, res.body.id);
    expect(more).toEqual([]);
    expect(ca).toMatchObject({
      status: 'active',
      subject: `CN=Amanah CA ${name}, O=${name}, C=ID`,
      keyFingerprint: t.services.secretBox.fingerprint,
      crlNumber: 0,
    });
    expect(ca!.sealedKey).not.toContain('PRIVATE KEY');
    const opened = openCa(ca!, t.services.secretBox);
    expect(opened.privateKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    const cert = opened.certificate;
    expect(cert.verify(cert)).toBe(true);
    expect(cert.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(cert.getExtension('keyUsage')).toMatchObject({
      critical: true,
      keyCertSign: true,
      cRLSign: true,
    });
    expect(cert.getExtension('subjectKeyIdentifier')).toBeTruthy();
    const years =
      (cert.validity.notAfter.getTime() - cert.validity.notBefore.getTime()) / 3.15576e10;
    expect(years).toBeCloseTo(10, 1);
    const events = await queryRows<{ action: string; actor_label: string }>(
      t.database.unsafeOwnerDb,
      sql`select action, actor_label from audit_events where tenant_id = ${res.body.id} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['tenant.create', 'pki.ca_create', 'user.create']);
  });

  it('is made lazily at the first enrolment of a tenant that has none', async () => {
    expect(await casOf(t, s.tenantId)).toEqual([]);
    const kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
    expect((await kabid.get('/api/signing/ca')).body).toEqual({ ca: null });
    const res = await kabid.post('/api/signing/certificate', { passphrase: PASSPHRASE });
    expect(res.status).toBe(201);
    const [ca] = await casOf(t, s.tenantId);
    expect(ca?.subject).toMatch(/^CN=Amanah CA Kota Uji /);
    const [event] = await queryRows<{ actor_label: string }>(
      t.database.unsafeOwnerDb,
      sql`select actor_label from audit_events where tenant_id = ${s.tenantId}
           and action = 'pki.ca_create'`,
    );
    expect(event?.actor_label).toBe(s.signers.kabid);
    // A second enrolment uses the same CA.
    const kasi = await signIn(t.app, s.signers.kasi, TEST_PASSWORD);
    expect((await kasi.post('/api/signing/certificate', { passphrase: PASSPHRASE })).status).toBe(
      201,
    );
    expect(await casOf(t, s.tenantId)).toHaveLength(1);
  });

  it('says plainly when the server key changed, and never logs a passphrase', async () => {
    const [ca] = await casOf(t, s.tenantId);
    const otherBox = createSecretBox(Buffer.alloc(32, 9));
    expect(() => openCa(ca!, otherBox)).toThrow(
      'Kunci server tidak cocok dengan CA Pemda ini (SECRET_KEY berubah?)',
    );

    // The same database behind a server started with another SECRET_KEY, logging everything.
    const lines: string[] = [];
    const logger = pino(
      {
        level: 'trace',
        redact: { paths: redactPaths, censor: '[disembunyikan]' },
        serializers: { err: serializeError },
      },
      { write: (line: string) => lines.push(line) },
    );
    let app: FastifyInstance | null = null;
    try {
      app = await buildApp(
        {
          ...t.services,
          config: { ...t.services.config, LOG_LEVEL: 'debug' },
          secretBox: otherBox,
        },
        { logger },
      );
      await app.ready();
      const kadisdik = await new ApiClient(app).signIn(s.signers.kadisdik, TEST_PASSWORD);
      const res = await kadisdik.post<{ error: { code: string; message: string } }>(
        '/api/signing/certificate',
        { passphrase: PASSPHRASE },
      );
      expect(res.status).toBe(500);
      expect(res.body.error.message).toBe(
        'Kunci server tidak cocok dengan CA Pemda ini (SECRET_KEY berubah?)',
      );
      const weak = await kadisdik.post('/api/signing/certificate', {
        passphrase: 'rahasia-sekali',
      });
      expect(weak.status).toBe(400);
    } finally {
      await app?.close();
    }
    const log = lines.join('\n');
    expect(log).toContain('unexpected error');
    expect(log).toContain('/api/signing/certificate');
    expect(log).not.toContain(PASSPHRASE);
    expect(log).not.toContain('rahasia-sekali');
  });
});
