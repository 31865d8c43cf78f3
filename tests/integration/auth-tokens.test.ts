import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { sha256Hex } from '../../src/modules/auth/random-tokens.js';
import { apiTokens } from '../../src/modules/auth/schema.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  active: boolean;
  token?: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testDatabaseKinds())('personal API tokens on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  let admin: ApiClient;
  let viewer: ApiClient;
  let viewerName: string;
  let otherAdmin: ApiClient;

  const mint = async (client: ApiClient, body: Record<string, unknown>) => {
    const res = await client.post<TokenView>('/api/auth/tokens', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as TokenView & { token: string };
  };
  const unitBody = { parentId: null, name: 'Badan Uji Token', type: 'badan', level: 'eselon_2' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    viewerName = await createTestUser(t.database, tenantId, [{ role: 'viewer', unitId: null }]);
    viewer = await signIn(t.app, viewerName, TEST_PASSWORD);
    otherAdmin = await signIn(
      t.app,
      (await createTestTenant(t.database)).adminUsername,
      TEST_PASSWORD,
    );
  });
  afterAll(() => t.close());

  it('creates a token shown once; only its hash and prefix are stored', async () => {
    const created = await mint(viewer, { name: 'Integrasi e-SAKIP', scopes: ['read'] });
    expect(created.token).toMatch(/^amanah_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(11, 19));
    expect(created).toMatchObject({
      scopes: ['read'],
      active: true,
      revokedAt: null,
      expiresAt: null,
    });
    const [row] = await t.database.unsafeOwnerDb
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(11));
    const list = await viewer.get<{ items: TokenView[] }>('/api/auth/tokens');
    const listed = list.body.items.find((i) => i.id === created.id);
    expect(listed).toMatchObject({ name: 'Integrasi e-SAKIP', prefix: created.prefix });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    const [audit] = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'token.create')))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(audit).toMatchObject({ entityId: created.id, actorLabel: viewerName });
  });

  it("authenticates requests without CSRF and lists only the owner's tokens", async () => {
    const created = await mint(admin, { name: 'Dasbor', scopes: ['read', 'write'] });
    const client = ApiClient.withToken(t.app, created.token);
    expect((await client.get('/api/units')).status).toBe(200);
    const unit = await client.post<{ id: string }>('/api/units', unitBody);
    expect(unit.status).toBe(201);
    const own = await admin.get<{ items: TokenView[] }>('/api/auth/tokens');
    expect(own.body.items.map((i) => i.name)).toEqual(['Dasbor']);
    const used = await client.get<{ items: TokenView[] }>('/api/auth/tokens');
    expect(used.body.items[0]?.lastUsedAt).not.toBeNull();
  });

  it('a read-only token can read but not write', async () => {
    const created = await mint(admin, { name: 'Hanya baca', scopes: ['read'] });
    const client = ApiClient.withToken(t.app, created.token);
    expect((await client.get('/api/units')).status).toBe(200);
    const write = await client.post<ErrorBody>('/api/units', unitBody);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
  });

  it('a token cannot create tokens, even with write scope', async () => {
    const created = await mint(admin, { name: 'Penuh', scopes: ['write'] });
    const client = ApiClient.withToken(t.app, created.token);
    const res = await client.post<ErrorBody>('/api/auth/tokens', {
      name: 'Anak',
      scopes: ['read'],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const totp = await client.post<ErrorBody>('/api/auth/totp/setup');
    expect(totp.status).toBe(403);
  });

  it('a revoked token answers 401 UNAUTHENTICATED; revoking is audited and repeatable', async () => {
    const created = await mint(admin, { name: 'Dicabut', scopes: ['read'] });
    const client = ApiClient.withToken(t.app, created.token);
    expect((await client.get('/api/units')).status).toBe(200);
    const revoked = await admin.delete(`/api/auth/tokens/${created.id}`);
    expect(revoked.status).toBe(204);
    const after = await client.get<ErrorBody>('/api/units');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect((await admin.delete(`/api/auth/tokens/${created.id}`)).status).toBe(204);
    const listed = (await admin.get<{ items: TokenView[] }>('/api/auth/tokens')).body.items;
    expect(listed.find((i) => i.id === created.id)).toMatchObject({ active: false });
    const events = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'token.revoke'), eq(auditEvents.entityId, created.id)));
    expect(events).toHaveLength(1);
  });

  it("another user's or another tenant's token answers 404 and stays active", async () => {
    const created = await mint(admin, { name: 'Milik admin', scopes: ['read'] });
    for (const client of [viewer, otherAdmin]) {
      const res = await client.delete<ErrorBody>(`/api/auth/tokens/${created.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await ApiClient.withToken(t.app, created.token).get('/api/units')).status).toBe(200);
  });

  it('an expired token stops working', async () => {
    const created = await mint(admin, {
      name: 'Singkat',
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await t.database.unsafeOwnerDb
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.id));
    const res = await ApiClient.withToken(t.app, created.token).get<ErrorBody>('/api/units');
    expect(res.status).toBe(401);
  });

  it.each([
    ['unknown field', { name: 'Token', scopes: ['read'], owner: 'x' }],
    ['empty scopes', { name: 'Token', scopes: [] }],
    ['unknown scope', { name: 'Token', scopes: ['admin'] }],
    ['repeated scope', { name: 'Token', scopes: ['read', 'read'] }],
    ['short name', { name: 'T', scopes: ['read'] }],
    ['past expiry', { name: 'Token', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }],
    ['date without time', { name: 'Token', scopes: ['read'], expiresAt: '2099-01-01' }],
  ])('refuses %s with 400', async (_label, body) => {
    const res = await admin.post<ErrorBody>('/api/auth/tokens', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a garbage bearer token answers 401', async () => {
    for (const token of ['amanah_pat_tidak-ada', 'bukan-token']) {
      const res = await ApiClient.withToken(t.app, token).get<ErrorBody>('/api/units');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});
