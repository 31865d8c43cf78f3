import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { sessions, users } from '../../src/modules/auth/schema.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(testDatabaseKinds())('sessions, lockout and CSRF on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let admin: ApiClient;

  const login = (identifier: string, password: string) =>
    new ApiClient(t.app).post<ErrorBody>('/api/auth/login', { identifier, password });
  const userIdOf = async (username: string) => {
    const [row] = await t.database.unsafeOwnerDb
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    return row?.id ?? '';
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('locks after LOGIN_MAX_FAILURES wrong passwords, even for the right one; admin unlock works', async () => {
    const username = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    const max = t.services.config.LOGIN_MAX_FAILURES;
    for (let i = 1; i < max; i += 1) {
      const res = await login(username, 'salah-sandi-123');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locking = await login(username, 'salah-sandi-123');
    expect(locking.status).toBe(423);
    expect(locking.body.error.code).toBe('ACCOUNT_LOCKED');
    const right = await login(username, TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/terkunci/);
    const [locked] = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'auth.locked')))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(locked).toMatchObject({ actorLabel: username, outcome: 'refused' });

    const id = await userIdOf(username);
    const shown = await admin.get<{ locked: boolean; permissions: Record<string, boolean> }>(
      `/api/users/${id}`,
    );
    expect(shown.body).toMatchObject({ locked: true, permissions: { unlock: true } });
    const unlocked = await admin.post<{ locked: boolean }>(`/api/users/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    const [event] = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.unlock'), eq(auditEvents.entityId, id)));
    expect(event?.outcome).toBe('ok');
    expect((await login(username, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const res = await admin.request<ErrorBody>(
      'POST',
      '/api/units',
      { parentId: null, name: 'Dinas Tanpa CSRF', type: 'dinas', level: 'eselon_2' },
      { 'x-csrf-token': '' },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
    const wrong = await admin.request<ErrorBody>(
      'POST',
      '/api/auth/tokens',
      { name: 'X token', scopes: ['read'] },
      {
        'x-csrf-token': 'bukan-token-yang-benar',
      },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    const list = await admin.get<{ items: { name: string }[] }>('/api/units');
    expect(list.body.items.map((u) => u.name)).not.toContain('Dinas Tanpa CSRF');
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const username = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    const laptop = await signIn(t.app, username, TEST_PASSWORD);
    const phone = await signIn(t.app, username, TEST_PASSWORD);
    const changed = await laptop.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'sandi-baru-2026',
    });
    expect(changed.status).toBe(204);
    expect((await laptop.get('/api/units')).status).toBe(200);
    const gone = await phone.get<ErrorBody>('/api/units');
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('SESSION_EXPIRED');
    expect((await login(username, TEST_PASSWORD)).status).toBe(401);
    expect((await login(username, 'sandi-baru-2026')).status).toBe(200);
  });

  it('logout ends the session', async () => {
    const username = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    const client = await signIn(t.app, username, TEST_PASSWORD);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/units')).status).toBe(401);
  });

  it('a read may reuse its session for at most SESSION_CACHE_MS; any write forgets it', async () => {
    const cached = await createTestApp(kind, { SESSION_CACHE_MS: '300' });
    try {
      const tenant = await createTestTenant(cached.database);
      const client = await signIn(cached.app, tenant.adminUsername, TEST_PASSWORD);
      expect((await client.get('/api/units')).status).toBe(200);
      // Revoked behind the application's back (as another process would):
      await cached.database.unsafeOwnerDb
        .delete(sessions)
        .where(eq(sessions.tenantId, tenant.tenantId));
      await new Promise((resolve) => setTimeout(resolve, 350));
      const res = await client.get<ErrorBody>('/api/units');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SESSION_EXPIRED');
      // Within one process, a write clears the memory at once: sign-out is seen by the next read.
      const again = await signIn(cached.app, tenant.adminUsername, TEST_PASSWORD);
      expect((await again.get('/api/units')).status).toBe(200);
      expect((await again.post('/api/auth/logout')).status).toBe(204);
      expect((await again.get('/api/units')).status).toBe(401);
    } finally {
      await cached.close();
    }
  });

  it('an idle session expires with 401 SESSION_EXPIRED', async () => {
    const idle = await createTestApp(kind, { SESSION_IDLE_MINUTES: '1' });
    try {
      const tenant = await createTestTenant(idle.database);
      const client = await signIn(idle.app, tenant.adminUsername, TEST_PASSWORD);
      expect((await client.get('/api/units')).status).toBe(200);
      await idle.database.unsafeOwnerDb
        .update(sessions)
        .set({ lastSeenAt: sql`now() - interval '2 minutes'` })
        .where(eq(sessions.tenantId, tenant.tenantId));
      // A read may reuse its session for SESSION_CACHE_MS (decision 0008); a write never does.
      const write = await client.post<ErrorBody>('/api/units', {});
      expect(write.status).toBe(401);
      expect(write.body.error.code).toBe('SESSION_EXPIRED');
      expect((await idle.database.unsafeOwnerDb.select().from(sessions)).length).toBe(0);
    } finally {
      await idle.close();
    }
  });
});
