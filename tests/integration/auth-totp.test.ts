import { and, desc, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** The code an authenticator app would show `steps` periods from now. */
const codeFor = (secret: string, steps = 0) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
/** A code that cannot match: from far in the past, and different from every acceptable one. */
const wrongCode = (secret: string) => {
  const valid = new Set([-1, 0, 1, 2].map((s) => codeFor(secret, s)));
  for (let s = -100; ; s -= 1) {
    const code = codeFor(secret, s);
    if (!valid.has(code)) return code;
  }
};

describe.each(testDatabaseKinds())('TOTP two-factor sign-in on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;

  const audits = (userAction: string) =>
    t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, userAction)))
      .orderBy(desc(auditEvents.seq));

  /** Signs a fresh user in, sets up and enables TOTP with the current code. */
  const enrolledUser = async () => {
    const username = await createTestUser(t.database, tenantId, [
      { role: 'operator_unit', unitId: null },
    ]);
    const client = await signIn(t.app, username, TEST_PASSWORD);
    const setup = await client.post<Setup>('/api/auth/totp/setup');
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const enableCode = codeFor(setup.body.secret);
    const enabled = await client.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', {
      code: enableCode,
    });
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
    return {
      username,
      client,
      enableCode,
      secret: setup.body.secret,
      recoveryCodes: enabled.body.recoveryCodes,
    };
  };
  const pendingSession = async (username: string) => {
    const client = new ApiClient(t.app);
    const login = await client.post<{ mfaState: string }>('/api/auth/login', {
      identifier: username,
      password: TEST_PASSWORD,
    });
    expect(login.body.mfaState).toBe('pending');
    await client.refreshCsrf();
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = (await createTestTenant(t.database)).tenantId;
  });
  afterAll(() => t.close());

  it('enrols: setup gives a scannable secret, a wrong code is refused, the right one enables', async () => {
    const username = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    const client = await signIn(t.app, username, TEST_PASSWORD);
    const setup = await client.post<Setup>('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toBe(
      `otpauth://totp/Amanah:${username}?issuer=Amanah&secret=${setup.body.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await client.get('/api/auth/totp')).body).toMatchObject({
      enabled: false,
      setupPending: true,
    });

    const wrong = await client.post<ErrorBody>('/api/auth/totp/enable', {
      code: wrongCode(setup.body.secret),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_TOTP');
    const malformed = await client.post<ErrorBody>('/api/auth/totp/enable', { code: '12ab56' });
    expect(malformed.status).toBe(400);

    const enabled = await client.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', {
      code: codeFor(setup.body.secret),
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    for (const code of enabled.body.recoveryCodes)
      expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/);
    expect((await client.get('/api/auth/totp')).body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect((await audits('auth.totp_enable'))[0]).toMatchObject({ actorLabel: username });

    const again = await client.post<ErrorBody>('/api/auth/totp/setup');
    expect(again.status).toBe(409);
  });

  it('sign-in then waits for the code; a replayed code is refused, a fresh one passes', async () => {
    const { username, secret, enableCode } = await enrolledUser();
    const client = await pendingSession(username);
    const blocked = await client.get<ErrorBody>('/api/units');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe('MFA_REQUIRED');
    expect((await client.post<ErrorBody>('/api/auth/totp/setup')).body.error.code).toBe(
      'MFA_REQUIRED',
    );

    // The code used to enable is spent: showing it again is a replay.
    const replay = await client.post<ErrorBody>('/api/auth/totp/verify', { code: enableCode });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/sudah dipakai/);

    const ok = await client.post<{ mfaState: string }>('/api/auth/totp/verify', {
      code: codeFor(secret, 1),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.mfaState).toBe('passed');
    expect((await client.get('/api/units')).status).toBe(200);
    expect((await client.get<{ mfaState: string }>('/api/auth/session')).body.mfaState).toBe(
      'passed',
    );
    const twice = await client.post<ErrorBody>('/api/auth/totp/verify', {
      code: codeFor(secret, 1),
    });
    expect(twice.status).toBe(409);
  });

  it('a wrong code is refused and audited', async () => {
    const { username, secret } = await enrolledUser();
    const client = await pendingSession(username);
    const res = await client.post<ErrorBody>('/api/auth/totp/verify', { code: wrongCode(secret) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_TOTP');
    expect((await audits('auth.totp_failed'))[0]).toMatchObject({
      actorLabel: username,
      outcome: 'refused',
    });
    expect((await client.get('/api/units')).status).toBe(401);
  });

  it.each([
    ['both fields', (c: string) => ({ code: c, recoveryCode: 'abcd-efgh-12' })],
    ['neither field', () => ({})],
    ['unknown field', (c: string) => ({ code: c, remember: true })],
  ])('verify refuses %s with 400', async (_label, body) => {
    const { username, secret } = await enrolledUser();
    const client = await pendingSession(username);
    const res = await client.post<ErrorBody>('/api/auth/totp/verify', body(codeFor(secret, 1)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a recovery code works once, in any case and spacing', async () => {
    const { username, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3] ?? '';
    const first = await pendingSession(username);
    const ok = await first.post<{ recoveryCodesLeft: number }>('/api/auth/totp/verify', {
      recoveryCode: ` ${code.toUpperCase().replaceAll('-', ' ')} `,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.recoveryCodesLeft).toBe(9);
    expect((await first.get('/api/units')).status).toBe(200);
    expect((await audits('auth.recovery_code_used'))[0]).toMatchObject({
      actorLabel: username,
      data: { remaining: 9 },
    });

    const second = await pendingSession(username);
    const reused = await second.post<ErrorBody>('/api/auth/totp/verify', { recoveryCode: code });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_TOTP');
  });

  it('wrong codes count toward the sign-in lock; the lock ends the half-open session', async () => {
    const { username, secret } = await enrolledUser();
    const client = await pendingSession(username);
    const max = t.services.config.LOGIN_MAX_FAILURES;
    for (let i = 1; i < max; i += 1) {
      expect((await client.post('/api/auth/totp/verify', { code: wrongCode(secret) })).status).toBe(
        401,
      );
    }
    const locked = await client.post<ErrorBody>('/api/auth/totp/verify', {
      code: wrongCode(secret),
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect((await audits('auth.locked'))[0]).toMatchObject({ actorLabel: username });
    expect((await client.get('/api/auth/session')).status).toBe(401);
    const login = await new ApiClient(t.app).post<ErrorBody>('/api/auth/login', {
      identifier: username,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(423);
  });

  it('disables with the password; sign-in then needs no code', async () => {
    const { username, client } = await enrolledUser();
    const wrong = await client.post<ErrorBody>('/api/auth/totp/disable', {
      password: 'salah-sandi-123',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const res = await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD });
    expect(res.status).toBe(204);
    expect((await audits('auth.totp_disable'))[0]).toMatchObject({ actorLabel: username });
    const login = await new ApiClient(t.app).post<{ mfaState: string }>('/api/auth/login', {
      identifier: username,
      password: TEST_PASSWORD,
    });
    expect(login.body.mfaState).toBe('passed');
  });

  it('a tenant requiring TOTP for admins holds their sign-in until they enrol', async () => {
    const tenant = await createTestTenant(t.database);
    const admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const current = await admin.get<{ version: number }>('/api/tenant');
    const patched = await admin.patch('/api/tenant', {
      version: current.body.version,
      settings: { security: { requireTotpForAdmins: true, requireTotpForSigners: false } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const client = new ApiClient(t.app);
    const login = await client.post<{ mfaState: string }>('/api/auth/login', {
      identifier: tenant.adminUsername,
      password: TEST_PASSWORD,
    });
    expect(login.body.mfaState).toBe('setup_required');
    await client.refreshCsrf();
    const session = await client.get<{ mfaState: string; capabilities: Record<string, boolean> }>(
      '/api/auth/session',
    );
    expect(session.body).toMatchObject({ mfaState: 'setup_required', capabilities: {} });
    const blocked = await client.get<ErrorBody>('/api/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('MFA_SETUP_REQUIRED');
    const verify = await client.post<ErrorBody>('/api/auth/totp/verify', { code: '123456' });
    expect(verify.status).toBe(409);

    const setup = await client.post<Setup>('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect((await client.get<ErrorBody>('/api/units')).body.error.code).toBe('MFA_SETUP_REQUIRED');
    const enabled = await client.post('/api/auth/totp/enable', {
      code: codeFor(setup.body.secret),
    });
    expect(enabled.status).toBe(200);
    expect((await client.get('/api/units')).status).toBe(200);

    const disable = await client.post<ErrorBody>('/api/auth/totp/disable', {
      password: TEST_PASSWORD,
    });
    expect(disable.status).toBe(403);
    expect(disable.body.error.code).toBe('FORBIDDEN');
    expect((await client.get('/api/auth/totp')).body).toMatchObject({ enabled: true });

    const next = await pendingSession(tenant.adminUsername);
    expect((await next.get<ErrorBody>('/api/units')).body.error.code).toBe('MFA_REQUIRED');
  });

  it('the users list shows who has TOTP on', async () => {
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    const { username } = await enrolledUser();
    const admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const list = await admin.get<{ items: { username: string; totpEnabled: boolean }[] }>(
      `/api/users?q=${username}`,
    );
    expect(list.body.items).toEqual([expect.objectContaining({ username, totpEnabled: true })]);
  });
});
