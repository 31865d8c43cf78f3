import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createTestTenant,
  createTestUser,
  TEST_PASSWORD,
  type TestTenant,
  uniqueName,
} from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Tenant {
  id: string;
  name: string;
  version: number;
  settings: { security: { requireTotpForAdmins: boolean } };
}

describe.each(testDatabaseKinds())('Pemda (tenants) on %s', (kind) => {
  let t: TestApp;
  let platform: ApiClient;
  let tenant: TestTenant;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const platformName = await createTestUser(t.database, null, []);
    platform = await signIn(t.app, platformName, TEST_PASSWORD);
    tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const newTenant = (overrides: Record<string, unknown> = {}) => ({
    name: 'Pemerintah Kabupaten Baru',
    shortName: 'Kab. Baru',
    type: 'kabupaten',
    regionCode: '72.09',
    timeZone: 'Asia/Makassar',
    admin: {
      username: uniqueName('admin.baru.'),
      displayName: 'Admin Baru',
      password: 'Sementara-2026x',
    },
    ...overrides,
  });

  it('a platform admin creates a Pemda with its first admin, who must change the password', async () => {
    const body = newTenant();
    const res = await platform.post<Tenant>('/api/platform/tenants', body);
    expect(res.status).toBe(201);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { identifier: body.admin.username, password: 'Sementara-2026x' },
    });
    expect(first.json()).toMatchObject({ mustChangePassword: true });
  });

  it.each([
    ['a region code that does not fit the type', { type: 'provinsi', regionCode: '72.10' }, 400],
    ['a malformed region code', { regionCode: '7210' }, 400],
    ['a taken region code', { regionCode: '72.09' }, 409],
    [
      'a weak admin password',
      {
        regionCode: '72.11',
        admin: { username: 'admin.lemah', displayName: 'A', password: 'lemah' },
      },
      400,
    ],
  ])('refuses %s and writes nothing', async (_label, overrides, status) => {
    const before = await platform.get<{ items: unknown[] }>('/api/platform/tenants');
    const res = await platform.post<ErrorBody>('/api/platform/tenants', newTenant(overrides));
    expect(res.status).toBe(status);
    const after = await platform.get<{ items: unknown[] }>('/api/platform/tenants');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('a Pemda admin cannot use the platform routes, and a platform admin sees no Pemda data', async () => {
    expect((await admin.get<ErrorBody>('/api/platform/tenants')).status).toBe(403);
    expect((await platform.get<ErrorBody>('/api/units')).status).toBe(403);
  });

  it('the admin edits the Pemda settings; unknown settings are refused', async () => {
    const current = await admin.get<Tenant>('/api/tenant');
    const updated = await admin.patch<Tenant>('/api/tenant', {
      version: current.body.version,
      settings: { security: { requireTotpForAdmins: true, requireTotpForSigners: false } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.settings.security.requireTotpForAdmins).toBe(true);
    const unknown = await admin.patch<ErrorBody>('/api/tenant', {
      version: updated.body.version,
      settings: {
        security: { requireTotpForAdmins: false, requireTotpForSigners: false },
        warna: 'merah',
      },
    });
    expect(unknown.status).toBe(400);
    const stale = await admin.patch<ErrorBody>('/api/tenant', {
      version: current.body.version,
      name: 'Nama Lain Kota',
    });
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('a viewer cannot change the Pemda', async () => {
    const viewerName = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const viewer = await signIn(t.app, viewerName, TEST_PASSWORD);
    const current = await viewer.get<Tenant>('/api/tenant');
    const res = await viewer.patch<ErrorBody>('/api/tenant', {
      version: current.body.version,
      name: 'Diubah Pengamat',
    });
    expect(res.status).toBe(403);
  });
});
