import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, createTestUser, TEST_PASSWORD, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface Unit {
  id: string;
  version: number;
  path: string[];
  parentId: string | null;
  permissions: Record<string, boolean>;
  children: { id: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(testDatabaseKinds())('units on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let dinas: Unit;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const created = await admin.post<Unit>('/api/units', {
      parentId: null,
      name: 'Dinas Kesehatan',
      type: 'dinas',
      level: 'eselon_2',
      code: '3.01',
    });
    expect(created.status).toBe(201);
    dinas = created.body;
  });
  afterAll(() => t.close());

  const createUnder = async (parentId: string | null, name: string, level = 'eselon_3') =>
    (
      await admin.post<Unit>('/api/units', {
        parentId,
        name,
        type: level === 'eselon_3' ? 'bidang' : 'seksi',
        level,
      })
    ).body;

  it('creates a sub-unit whose path runs from the root', async () => {
    const bidang = await createUnder(dinas.id, 'Bidang Kesehatan Masyarakat');
    expect(bidang.path).toEqual([dinas.id, bidang.id]);
    expect(bidang.permissions.update).toBe(true);
    const parent = await admin.get<Unit>(`/api/units/${dinas.id}`);
    expect(parent.body.children.map((c) => c.id)).toContain(bidang.id);
  });

  it.each([
    [
      'unknown field',
      { parentId: null, name: 'X Unit', type: 'dinas', level: 'eselon_2', color: 'red' },
    ],
    ['bad type', { parentId: null, name: 'X Unit', type: 'kantor', level: 'eselon_2' }],
    ['name too short', { parentId: null, name: 'X', type: 'dinas', level: 'eselon_2' }],
    ['missing level', { parentId: null, name: 'Dinas X', type: 'dinas' }],
  ])('refuses %s with 400 and writes nothing', async (_label, body) => {
    const before = await admin.get<{ items: unknown[] }>('/api/units');
    const res = await admin.post<ErrorBody>('/api/units', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/tidak valid/);
    const after = await admin.get<{ items: unknown[] }>('/api/units');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('moves a subtree and recomputes every path below it', async () => {
    const a = await createUnder(dinas.id, 'Bidang A');
    const a1 = await createUnder(a.id, 'Seksi A1', 'eselon_4');
    const other = await createUnder(null, 'Badan Lain', 'eselon_3');
    const moved = await admin.post<Unit>(`/api/units/${a.id}/move`, {
      version: a.version,
      parentId: other.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.path).toEqual([other.id, a.id]);
    const child = await admin.get<Unit>(`/api/units/${a1.id}`);
    expect(child.body.path).toEqual([other.id, a.id, a1.id]);
  });

  it('refuses a move under its own descendant (UNIT_CYCLE) and keeps the tree', async () => {
    const top = await createUnder(dinas.id, 'Bidang Siklus');
    const below = await createUnder(top.id, 'Seksi Siklus', 'eselon_4');
    const res = await admin.post<ErrorBody>(`/api/units/${top.id}/move`, {
      version: top.version,
      parentId: below.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('UNIT_CYCLE');
    const unchanged = await admin.get<Unit>(`/api/units/${top.id}`);
    expect(unchanged.body.parentId).toBe(dinas.id);
  });

  it('the database itself refuses a cycle even without the application check', async () => {
    const top = await createUnder(dinas.id, 'Bidang DB');
    const below = await createUnder(top.id, 'Seksi DB', 'eselon_4');
    const tenantId = (await admin.get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant
      .id;
    const { sql } = await import('drizzle-orm');
    await expect(
      t.database.withTenant(tenantId, (tx) =>
        tx.execute(sql`update units set parent_id = ${below.id} where id = ${top.id}`),
      ),
    ).rejects.toMatchObject({ cause: { code: 'AM001' } });
  });

  it('a unit page read again after any organisation change shows the change', async () => {
    const parent = await createUnder(dinas.id, 'Bidang Cache');
    const first = await admin.get<Unit & { children: { name: string }[] }>(
      `/api/units/${parent.id}`,
    );
    expect(first.body.children).toEqual([]);
    const again = await admin.get<Unit>(`/api/units/${parent.id}`);
    expect(again.body).toEqual(first.body);
    const child = await createUnder(parent.id, 'Seksi Baru', 'eselon_4');
    const after = await admin.get<Unit & { children: { id: string }[] }>(`/api/units/${parent.id}`);
    expect(after.body.children.map((c) => c.id)).toEqual([child.id]);
    // An employee's rename is an organisation change too (the holder's name is on the page).
    const position = await admin.post<{ id: string }>('/api/positions', {
      unitId: parent.id,
      title: 'Kepala Bidang Cache',
      kind: 'administrator',
      headsUnit: true,
    });
    const employee = await admin.post<{ id: string; version: number }>('/api/employees', {
      nip: validNip(),
      name: 'Nama Lama',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/d',
    });
    await admin.post('/api/assignments', {
      positionId: position.body.id,
      employeeId: employee.body.id,
      kind: 'definitif',
      startDate: '2020-01-01',
    });
    type WithHead = { head: { holder: { employee: { fullName: string } } | null } | null };
    const before = await admin.get<WithHead>(`/api/units/${parent.id}`);
    expect(before.body.head?.holder?.employee.fullName).toBe('Nama Lama');
    await admin.patch(`/api/employees/${employee.body.id}`, {
      version: employee.body.version,
      name: 'Nama Baru',
    });
    const renamed = await admin.get<WithHead>(`/api/units/${parent.id}`);
    expect(renamed.body.head?.holder?.employee.fullName).toBe('Nama Baru');
  });

  it('refuses an edit based on an outdated version', async () => {
    const unit = await createUnder(dinas.id, 'Bidang Versi');
    const first = await admin.patch<Unit>(`/api/units/${unit.id}`, {
      version: unit.version,
      name: 'Bidang Versi 2',
    });
    expect(first.status).toBe(200);
    const stale = await admin.patch<ErrorBody>(`/api/units/${unit.id}`, {
      version: unit.version,
      name: 'Bidang Versi 3',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('archives only an empty unit, and restores it', async () => {
    const parent = await createUnder(dinas.id, 'Bidang Arsip');
    await createUnder(parent.id, 'Seksi Arsip', 'eselon_4');
    const refused = await admin.post<ErrorBody>(`/api/units/${parent.id}/archive`, {
      version: parent.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HAS_DEPENDENTS');
    const leaf = await createUnder(dinas.id, 'Bidang Kosong');
    const archived = await admin.post<Unit & { archived: boolean }>(
      `/api/units/${leaf.id}/archive`,
      { version: leaf.version },
    );
    expect(archived.body.archived).toBe(true);
    expect(archived.body.permissions.restore).toBe(true);
    const list = await admin.get<{ items: { id: string }[] }>('/api/units');
    expect(list.body.items.map((u) => u.id)).not.toContain(leaf.id);
    const restored = await admin.post<Unit & { archived: boolean }>(
      `/api/units/${leaf.id}/restore`,
      {
        version: archived.body.version,
      },
    );
    expect(restored.body.archived).toBe(false);
  });

  it('a viewer reads but cannot write, and the refusal is audited', async () => {
    const tenantId = (await admin.get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant
      .id;
    const viewerName = await createTestUser(t.database, tenantId, [
      { role: 'viewer', unitId: null },
    ]);
    const viewer = await signIn(t.app, viewerName, TEST_PASSWORD);
    const read = await viewer.get<Unit>(`/api/units/${dinas.id}`);
    expect(read.status).toBe(200);
    expect(read.body.permissions.update).toBe(false);
    const write = await viewer.post<ErrorBody>('/api/units', {
      parentId: null,
      name: 'Dinas Liar',
      type: 'dinas',
      level: 'eselon_2',
    });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    const log = await admin.get<{
      items: { action: string; outcome: string; actorLabel: string }[];
    }>('/api/audit?outcome=refused');
    expect(
      log.body.items.some((e) => e.action === 'access.refused' && e.actorLabel === viewerName),
    ).toBe(true);
  });

  it('an admin scoped to a unit subtree writes only inside it', async () => {
    const tenantId = (await admin.get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant
      .id;
    const inside = await createUnder(dinas.id, 'Bidang Lingkup');
    const outside = await createUnder(null, 'Badan Luar Lingkup', 'eselon_3');
    const name = await createTestUser(t.database, tenantId, [
      { role: 'admin_pemda', unitId: dinas.id },
    ]);
    const scoped = await signIn(t.app, name, TEST_PASSWORD);
    const ok = await scoped.post<Unit>('/api/units', {
      parentId: inside.id,
      name: 'Seksi Dalam',
      type: 'seksi',
      level: 'eselon_4',
    });
    expect(ok.status).toBe(201);
    const denied = await scoped.post<ErrorBody>('/api/units', {
      parentId: outside.id,
      name: 'Seksi Luar',
      type: 'seksi',
      level: 'eselon_4',
    });
    expect(denied.status).toBe(403);
    const view = await scoped.get<Unit>(`/api/units/${outside.id}`);
    expect(view.body.permissions.update).toBe(false);
  });
});
