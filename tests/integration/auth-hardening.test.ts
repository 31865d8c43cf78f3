import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createTestTenant,
  createTestUser,
  TEST_PASSWORD,
  type TestTenant,
  validNip,
} from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Refusals found by the security review of the foundation, each pinned by a test. */
interface ErrorBody {
  error: { code: string; message: string };
}
const totp = (secret: string, steps = 0) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp: Date.now() + steps * 30_000 });
const wrongCode = (secret: string) => {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => totp(secret, s)));
  for (let s = -100; ; s -= 1) if (!valid.has(totp(secret, s))) return totp(secret, s);
};

describe.each(testDatabaseKinds())('hardening on %s', (kind) => {
  let t: TestApp;
  let tenant: TestTenant;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '3' });
    tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const tokenFor = async (client: ApiClient, scopes: string[]) => {
    const res = await client.post<{ token: string }>('/api/auth/tokens', {
      name: 'Integrasi',
      scopes,
    });
    expect(res.status).toBe(201);
    return ApiClient.withToken(t.app, res.body.token);
  };

  it('an API token never reaches account routes (password, second factor, sign-out)', async () => {
    const name = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const token = await tokenFor(await signIn(t.app, name, TEST_PASSWORD), ['read', 'write']);
    for (const [method, url, body] of [
      [
        'POST',
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'Baru-sekali-2026' },
      ],
      ['POST', '/api/auth/totp/setup', {}],
      ['POST', '/api/auth/totp/disable', { password: TEST_PASSWORD }],
      ['POST', '/api/auth/logout', {}],
    ] as const) {
      const res = await token.request<ErrorBody>(method, url, body);
      expect(res.status, url).toBe(403);
    }
  });

  it('a wrong current password counts toward the lock', async () => {
    const name = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const user = await signIn(t.app, name, TEST_PASSWORD);
    const body = { currentPassword: 'salah-tebak-1', newPassword: 'Baru-sekali-2026' };
    expect((await user.post<ErrorBody>('/api/auth/password', body)).body.error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await user.post<ErrorBody>('/api/auth/password', body)).body.error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const third = await user.post<ErrorBody>('/api/auth/password', body);
    expect(third.body.error.code).toBe('ACCOUNT_LOCKED');
    const again = await new ApiClient(t.app).post<ErrorBody>('/api/auth/login', {
      identifier: name,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(423);
  });

  it('signing in again with the password does not reset the count of wrong TOTP codes', async () => {
    const name = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const user = await signIn(t.app, name, TEST_PASSWORD);
    const setup = await user.post<{ secret: string }>('/api/auth/totp/setup');
    expect(
      (await user.post('/api/auth/totp/enable', { code: totp(setup.body.secret) })).status,
    ).toBe(200);
    const pending = async () => {
      const client = new ApiClient(t.app);
      await client.post('/api/auth/login', { identifier: name, password: TEST_PASSWORD });
      await client.refreshCsrf();
      return client;
    };
    const first = await pending();
    await first.post('/api/auth/totp/verify', { code: wrongCode(setup.body.secret) });
    await first.post('/api/auth/totp/verify', { code: wrongCode(setup.body.secret) });
    const second = await pending();
    const third = await second.post<ErrorBody>('/api/auth/totp/verify', {
      code: wrongCode(setup.body.secret),
    });
    expect(third.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('passing the second factor replaces the session id; the old one no longer works', async () => {
    const name = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const user = await signIn(t.app, name, TEST_PASSWORD);
    const setup = await user.post<{ secret: string }>('/api/auth/totp/setup');
    expect(
      (await user.post('/api/auth/totp/enable', { code: totp(setup.body.secret) })).status,
    ).toBe(200);
    const pending = new ApiClient(t.app);
    await pending.post('/api/auth/login', { identifier: name, password: TEST_PASSWORD });
    await pending.refreshCsrf();
    const before = pending.sessionCookie;
    const verified = await pending.post('/api/auth/totp/verify', {
      code: totp(setup.body.secret, 1),
    });
    expect(verified.status).toBe(200);
    expect(pending.sessionCookie).not.toBe(before);
    expect((await pending.get('/api/units')).status).toBe(200);
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/units',
      headers: { cookie: before ?? '' },
    });
    expect(stale.statusCode).toBe(401);
  });

  it('a password reset revokes the user’s API tokens; a user who must change the password cannot use one', async () => {
    const name = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const user = await signIn(t.app, name, TEST_PASSWORD);
    const token = await tokenFor(user, ['read']);
    expect((await token.get('/api/units')).status).toBe(200);
    const users = await admin.get<{ items: { id: string; username: string }[] }>(
      `/api/users?q=${name}`,
    );
    const id = users.body.items.find((u) => u.username === name)?.id;
    const reset = await admin.post(`/api/users/${id}/reset-password`, {
      password: 'Sementara-2026x',
    });
    expect(reset.status).toBe(200);
    expect((await token.get('/api/units')).status).toBe(401);
  });

  it('anonymous cross-site writes are refused without filling the audit log', async () => {
    const count = async () =>
      (
        await t.database.unsafeOwnerDb
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, 'access.refused'))
      ).length;
    const before = await count();
    for (let i = 0; i < 5; i += 1) {
      const res = await new ApiClient(t.app).request(
        'POST',
        `/api/units?x=${'a'.repeat(500)}`,
        {},
        {
          origin: 'https://situs-jahat.example',
        },
      );
      expect(res.status).toBe(403);
    }
    expect(await count()).toBe(before);
  });

  it('unknown query parameters and bodies are refused on routes that take none', async () => {
    expect((await admin.get<ErrorBody>('/api/tenant?foo=1')).status).toBe(400);
    const users = await admin.get<{ items: { id: string }[] }>('/api/users');
    const id = users.body.items[0]?.id;
    expect((await admin.post<ErrorBody>(`/api/users/${id}/unlock`, { paksa: true })).status).toBe(
      400,
    );
  });

  it('a unit-scoped admin cannot pull in an employee who serves elsewhere', async () => {
    const unit = async (name: string) =>
      (
        await admin.post<{ id: string }>('/api/units', {
          parentId: null,
          name,
          type: 'dinas',
          level: 'eselon_2',
        })
      ).body.id;
    const a = await unit('Dinas Lingkup A');
    const b = await unit('Dinas Lingkup B');
    const position = async (unitId: string, title: string) =>
      (await admin.post<{ id: string }>('/api/positions', { unitId, title, kind: 'pelaksana' }))
        .body.id;
    const inB = await position(b, 'Pengadministrasi B');
    const inA = await position(a, 'Pengadministrasi A');
    const employee = await admin.post<{ id: string }>('/api/employees', {
      nip: validNip(),
      name: 'Pegawai Dinas B',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/a',
    });
    await admin.post('/api/assignments', {
      positionId: inB,
      employeeId: employee.body.id,
      kind: 'definitif',
      startDate: '2024-01-01',
    });
    const scopedName = await createTestUser(t.database, tenant.tenantId, [
      { role: 'admin_pemda', unitId: a },
    ]);
    const scoped = await signIn(t.app, scopedName, TEST_PASSWORD);
    const res = await scoped.post<ErrorBody>('/api/assignments', {
      positionId: inA,
      employeeId: employee.body.id,
      kind: 'plh',
      startDate: '2026-01-01',
    });
    expect(res.status).toBe(403);
    const refused = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.actorLabel, scopedName)),
      );
    expect(refused.some((e) => e.action === 'access.refused')).toBe(true);
  });
});
