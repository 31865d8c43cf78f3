import { sign, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/modules/access/actor.js';
import { users } from '../../src/modules/auth/schema.js';
import type { MyCertificateView } from '../../src/modules/pki/pki-schemas.js';
import { signingCertificates } from '../../src/modules/pki/schema.js';
import {
  certificateReadiness,
  findActiveCertificate,
  unlockSigningKey,
} from '../../src/modules/pki/unlock-signing-key.js';
import { translateDbError } from '../../src/server/db-errors.js';
import { AppError } from '../../src/shared/errors.js';
import { assignActing } from '../helpers/agreement-fixtures.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface CertBody {
  id: string;
  status: string;
  serial: string;
  subjectName: string;
  nip: string;
  jabatan: string;
  notBefore: string;
  notAfter: string;
  caId: string;
  readiness: string;
}

const PASSPHRASE = 'kopi tubruk di pagi hari';
const OTHER = 'teh manis di sore hari';

/** What unlockSigningKey threw, as code + message (or 'ok'). */
async function attempt(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'ok', message: '' };
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
}

const attr = (cert: forge.pki.Certificate, name: string) =>
  cert.subject.getField(name)?.value as string | undefined;

describe.each(testDatabaseKinds())('PKI enrolment and unlock on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let kadinkes: ApiClient;
  let kabid: ApiClient;
  let cert: CertBody;

  beforeAll(async () => {
    // 8 MiB (the configured minimum) keeps a dozen argon2 runs quick; the format and code
    // path are the same as with the 64 MiB default, which bench/ and the demo use.
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
    kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const unlock = (employeeId: string, username: string, passphrase: string, now?: Date) =>
    t.database
      .withSystem(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.username, username));
        return user!;
      })
      .then((user) =>
        unlockSigningKey(t.database, t.services.config, {
          tenantId: s.tenantId,
          userId: user.id,
          employeeId,
          passphrase,
          ip: '127.0.0.1',
          actor: { ...systemActor(s.tenantId), userId: user.id, username },
          ...(now ? { now } : {}),
        }),
      );

  const passphraseFailures = async () => {
    const [row] = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from audit_events where tenant_id = ${s.tenantId}
           and action = 'certificate.passphrase_failed'`,
    );
    return row?.n ?? 0;
  };

  it('refuses an account that is not linked to an employee', async () => {
    const res = await s.admin.post<ErrorBody>('/api/signing/certificate', {
      passphrase: PASSPHRASE,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_ENROLLED');
    expect(res.body.error.message).toContain('belum terhubung dengan data pegawai');
    const mine = await s.admin.get<MyCertificateView>('/api/signing/certificate');
    expect(mine.body).toMatchObject({ certificate: null, employeeLinked: false, identity: null });
  });

  it('shows who a certificate would name before enrolling', async () => {
    const res = await kadinkes.get<MyCertificateView>('/api/signing/certificate');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      certificate: null,
      employeeLinked: true,
      identity: { fullName: 'Siti Aminah', jabatan: 'Kepala Dinas Kesehatan' },
      tenantRequiresTotp: false,
      provider: 'builtin',
    });
  });

  it.each([
    ['too short', 'kopi', 'Minimal'],
    ['only digits', '12345098765', 'angka'],
    ['the name', 'aminah minum kopi', 'nama'],
    ['a common word', 'rahasia negara kita', 'rahasia'],
  ])('refuses a weak passphrase (%s) with the problems listed', async (_what, passphrase, word) => {
    const res = await kadinkes.post<ErrorBody>('/api/signing/certificate', { passphrase });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PASSPHRASE_WEAK');
    const problems = res.body.error.details?.problems as string[];
    expect(problems.join(' ')).toContain(word);
  });

  it('refuses a confirmation that differs', async () => {
    const res = await kadinkes.post<ErrorBody>('/api/signing/certificate', {
      passphrase: PASSPHRASE,
      passphraseConfirmation: `${PASSPHRASE}!`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.field).toBe('passphraseConfirmation');
  });

  it('enrols: a certificate in the name, NIP and jabatan, issued by the Pemda CA', async () => {
    const res = await kadinkes.post<CertBody>('/api/signing/certificate', {
      passphrase: PASSPHRASE,
      passphraseConfirmation: PASSPHRASE,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cert = res.body;
    expect(cert).toMatchObject({
      status: 'active',
      subjectName: 'Siti Aminah',
      jabatan: 'Kepala Dinas Kesehatan',
      readiness: 'ok',
    });
    expect(cert.serial).toMatch(/^[0-7][0-9a-f]{31}$/);

    const [row] = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select().from(signingCertificates).where(eq(signingCertificates.id, cert.id)),
    );
    const [ca] = await queryRows<{ certificate_pem: string; subject: string }>(
      t.database.unsafeOwnerDb,
      sql`select certificate_pem, subject from tenant_cas where tenant_id = ${s.tenantId}`,
    );
    const x509 = forge.pki.certificateFromPem(row!.certificatePem!);
    const caCert = forge.pki.certificateFromPem(ca!.certificate_pem);
    expect(caCert.verify(x509)).toBe(true);
    expect(x509.serialNumber).toBe(cert.serial);
    expect(attr(x509, 'CN')).toBe('Siti Aminah');
    expect(x509.subject.getField({ name: 'serialNumber' })?.value).toBe(row!.nip);
    expect(row!.nip).toMatch(/^[0-9]{18}$/);
    expect(x509.subject.getField({ name: 'title' })?.value).toBe('Kepala Dinas Kesehatan');
    expect(attr(x509, 'O')).toMatch(/^Kota Uji /);
    expect(attr(x509, 'C')).toBe('ID');
    expect(x509.issuer.hash).toBe(caCert.subject.hash);
    const keyUsage = x509.getExtension('keyUsage') as Record<string, boolean>;
    expect(keyUsage).toMatchObject({
      critical: true,
      digitalSignature: true,
      nonRepudiation: true,
    });
    expect(keyUsage.keyCertSign).toBeFalsy();
    // forge names known OIDs and keeps unknown ones (Adobe's) under the dotted OID.
    expect(x509.getExtension('extKeyUsage')).toMatchObject({
      emailProtection: true,
      '1.2.840.113583.1.1.5': true,
    });
    const crlDp = x509.getExtension('cRLDistributionPoints') as { value: string };
    expect(crlDp.value).toContain(`/api/public/pki/${row!.caId}/crl`);
    const aki = x509.getExtension('authorityKeyIdentifier') as { value: string };
    expect(aki.value).toContain(caCert.generateSubjectKeyIdentifier().getBytes());
    const years =
      (x509.validity.notAfter.getTime() - x509.validity.notBefore.getTime()) / 3.15576e10;
    expect(years).toBeCloseTo(2, 1);
    expect(row!.kdf).toEqual({ alg: 'argon2id', m: 8192, t: 3, p: 1 });
    expect(row!.encryptedKey).toMatch(/^v1\./);
    expect(row!.userId).not.toBeNull();
  });

  it('refuses a second enrolment', async () => {
    const res = await kadinkes.post<ErrorBody>('/api/signing/certificate', { passphrase: OTHER });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_ENROLLED');
  });

  it('shows and downloads my certificate (never the key)', async () => {
    const mine = await kadinkes.get<MyCertificateView>('/api/signing/certificate');
    expect(mine.body.certificate).toMatchObject({
      id: cert.id,
      serial: cert.serial,
      locked: false,
    });
    expect(mine.body.jabatanChanged).toBe(false);
    expect(JSON.stringify(mine.body)).not.toMatch(/encrypted|kdf|PRIVATE/i);
    const pem = await kadinkes.get<string>('/api/signing/certificate/download');
    expect(pem.status).toBe(200);
    expect(pem.headers['content-type']).toContain('application/x-pem-file');
    expect(forge.pki.certificateFromPem(pem.body).serialNumber).toBe(cert.serial);
    const none = await s.admin.get<ErrorBody>('/api/signing/certificate/download');
    expect(none.status).toBe(409);
  });

  it('writes acting officials with their Plt. prefix', async () => {
    const username = await createTestUser(t.database, s.tenantId, [], 'dewi.plt');
    await t.database.withSystem((tx) =>
      tx.update(users).set({ employeeId: s.employees.spare }).where(eq(users.username, username)),
    );
    await assignActing(
      t.database,
      s.tenantId,
      s.positions.sekretaris,
      s.employees.spare,
      '2024-01-01',
    );
    const dewi = await signIn(t.app, username, TEST_PASSWORD);
    const res = await dewi.post<CertBody>('/api/signing/certificate', { passphrase: OTHER });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.jabatan).toBe('Plt. Sekretaris Dinas Kesehatan');
  });

  it('unlocks with the right passphrase: the key matches the certificate', async () => {
    const signer = await unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE);
    expect(signer).toMatchObject({
      certificateId: cert.id,
      serial: cert.serial,
      subjectName: 'Siti Aminah',
    });
    expect(signer.chainPem).toHaveLength(1);
    const publicKey = forge.pki.publicKeyToPem(
      forge.pki.certificateFromPem(signer.certificatePem).publicKey,
    );
    const signature = sign('sha256', Buffer.from('PK 2026'), signer.privateKey);
    expect(verify('sha256', Buffer.from('PK 2026'), publicKey, signature)).toBe(true);
    const current = await t.database.withTenant(s.tenantId, (tx) =>
      findActiveCertificate(tx, s.tenantId, s.employees.kadinkes),
    );
    expect(current).toMatchObject({ id: cert.id, status: 'active', provider: 'builtin' });
    expect(certificateReadiness(current)).toBe('ok');
    expect(certificateReadiness(null)).toBe('missing');
  });

  it('refuses someone who is not enrolled, and an account not linked to that employee', async () => {
    expect(await attempt(unlock(s.employees.kasi, s.signers.kasi, PASSPHRASE))).toMatchObject({
      code: 'NOT_ENROLLED',
      message: expect.stringContaining('Akun → Sertifikat tanda tangan'),
    });
    // kabid's account asking for kadinkes's key: not theirs, answered as not enrolled.
    expect((await attempt(unlock(s.employees.kadinkes, s.signers.kabid, PASSPHRASE))).code).toBe(
      'NOT_ENROLLED',
    );
  });

  it('counts wrong passphrases, says nothing more, and a success resets the count', async () => {
    const wrong = await attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, OTHER));
    expect(wrong).toEqual({ code: 'PASSPHRASE_WRONG', message: 'Passphrase salah.' });
    const count = async () =>
      (
        await t.database.withTenant(s.tenantId, (tx) =>
          tx
            .select({ n: signingCertificates.failedAttempts })
            .from(signingCertificates)
            .where(eq(signingCertificates.id, cert.id)),
        )
      )[0]!.n;
    expect(await count()).toBe(1);
    await unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE);
    expect(await count()).toBe(0);
  });

  it('locks after 5 wrong passphrases; the right one is refused while locked', async () => {
    const results: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      results.push(
        (await attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, `${OTHER} ${i}`))).code,
      );
    }
    expect(results).toEqual([
      'PASSPHRASE_WRONG',
      'PASSPHRASE_WRONG',
      'PASSPHRASE_WRONG',
      'PASSPHRASE_WRONG',
      'CERTIFICATE_LOCKED',
    ]);
    const locked = await attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE));
    expect(locked.code).toBe('CERTIFICATE_LOCKED');
    expect(locked.message).toMatch(/Coba lagi dalam 1[45] menit/);
    const mine = await kadinkes.get<MyCertificateView>('/api/signing/certificate');
    expect(mine.body.certificate).toMatchObject({ locked: true, readiness: 'locked' });
    // After the lock time the right passphrase works again.
    const later = new Date(Date.now() + 16 * 60_000);
    const signer = await unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE, later);
    expect(signer.certificateId).toBe(cert.id);

    const events = await queryRows<{
      action: string;
      outcome: string;
      data: Record<string, unknown>;
    }>(
      t.database.unsafeOwnerDb,
      sql`select action, outcome, data from audit_events where tenant_id = ${s.tenantId}
           and entity_id = ${cert.id} and action in ('certificate.passphrase_failed', 'certificate.locked')
           order by seq`,
    );
    expect(events.filter((e) => e.action === 'certificate.passphrase_failed')).toHaveLength(6);
    expect(events.filter((e) => e.action === 'certificate.locked')).toHaveLength(1);
    expect(events.every((e) => e.outcome === 'refused')).toBe(true);
  });

  it('counts parallel guesses as they arrive: no more than the limit are ever tested', async () => {
    // 40 minutes on: the lock of the test above has passed. Twelve wrong guesses at once.
    const at = new Date(Date.now() + 40 * 60_000);
    const before = await passphraseFailures();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, `${OTHER} paralel ${i}`, at)),
      ),
    );
    const tested = (await passphraseFailures()) - before;
    expect(tested).toBeGreaterThan(0);
    expect(tested).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.code === 'CERTIFICATE_LOCKED').length).toBeGreaterThanOrEqual(7);
    expect(results.every((r) => ['PASSPHRASE_WRONG', 'CERTIFICATE_LOCKED'].includes(r.code))).toBe(
      true,
    );
    // And the certificate is locked: the right passphrase waits too.
    const locked = await attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE, at));
    expect(locked.code).toBe('CERTIFICATE_LOCKED');
  });

  it('refuses an expired certificate', async () => {
    const threeYears = new Date(Date.now() + 3 * 365 * 86_400_000);
    const res = await attempt(
      unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE, threeYears),
    );
    expect(res.code).toBe('CERTIFICATE_EXPIRED');
  });

  it('re-issues only with the account password; the old certificate becomes replaced', async () => {
    const wrong = await kadinkes.post<ErrorBody>('/api/signing/certificate/reissue', {
      password: 'bukan-kata-sandinya',
      passphrase: OTHER,
      reason: 'passphrase_forgotten',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const weak = await kadinkes.post<ErrorBody>('/api/signing/certificate/reissue', {
      password: TEST_PASSWORD,
      passphrase: 'pendek',
      reason: 'passphrase_forgotten',
    });
    expect(weak.body.error.code).toBe('PASSPHRASE_WEAK');
    const res = await kadinkes.post<CertBody>('/api/signing/certificate/reissue', {
      password: TEST_PASSWORD,
      passphrase: OTHER,
      passphraseConfirmation: OTHER,
      reason: 'passphrase_forgotten',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.id).not.toBe(cert.id);
    expect(res.body.serial).not.toBe(cert.serial);
    const [old] = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select().from(signingCertificates).where(eq(signingCertificates.id, cert.id)),
    );
    expect(old).toMatchObject({ status: 'replaced', revocationReason: 'passphrase_forgotten' });
    expect(old!.revokedAt).toBeInstanceOf(Date);
    expect((await attempt(unlock(s.employees.kadinkes, s.signers.kadinkes, PASSPHRASE))).code).toBe(
      'PASSPHRASE_WRONG',
    );
    const signer = await unlock(s.employees.kadinkes, s.signers.kadinkes, OTHER);
    expect(signer.certificateId).toBe(res.body.id);
    const none = await kabid.post<ErrorBody>('/api/signing/certificate/reissue', {
      password: TEST_PASSWORD,
      passphrase: OTHER,
      reason: 'superseded',
    });
    expect(none.body.error.code).toBe('NOT_ENROLLED');
  });

  it('never writes a passphrase into the audit log', async () => {
    const rows = await queryRows<{ data: unknown; action: string }>(
      t.database.unsafeOwnerDb,
      sql`select data, action from audit_events where tenant_id = ${s.tenantId}`,
    );
    const text = JSON.stringify(rows);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['pki.ca_create', 'certificate.enrol', 'certificate.reissue']),
    );
    for (const secret of [PASSPHRASE, OTHER, 'kopi tubruk', 'teh manis']) {
      expect(text).not.toContain(secret);
    }
  });

  it('the database refuses to change a certificate or its key (AM026)', async () => {
    const code = (statement: ReturnType<typeof sql>) =>
      t.database.unsafeOwnerDb.execute(statement).then(
        () => 'accepted',
        (error: unknown) => translateDbError(error)?.code ?? String(error),
      );
    expect(
      await code(
        sql`update signing_certificates set encrypted_key = 'v1.x.x.x.x' where id = ${cert.id}`,
      ),
    ).toBe('FROZEN');
    expect(
      await code(sql`update signing_certificates set not_after = now() + interval '20 years'
                       where id = ${cert.id}`),
    ).toBe('FROZEN');
    // The replaced certificate never comes back.
    expect(
      await code(sql`update signing_certificates set status = 'active', revoked_at = null,
                       revocation_reason = null where id = ${cert.id}`),
    ).toBe('FROZEN');
  });

  it('an API token cannot enrol or read the certificate page', async () => {
    const token = await kabid.post<{ token: string }>('/api/auth/tokens', {
      name: 'Token uji',
      scopes: ['read', 'write'],
    });
    const api = ApiClient.withToken(t.app, token.body.token);
    expect((await api.post('/api/signing/certificate', { passphrase: PASSPHRASE })).status).toBe(
      403,
    );
  });
});
