import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createTestTenant,
  createTestUser,
  TEST_PASSWORD,
  uniqueName,
  validNip,
} from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface UserView {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  locked: boolean;
  lastLoginAt: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  employee: { id: string; nip: string | null; fullName: string } | null;
  roles: {
    id: string;
    role: string;
    unitId: string | null;
    unitName: string | null;
    permissions: Record<string, boolean>;
  }[];
  version: number;
  permissions: Record<string, boolean>;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const NEW_PASSWORD = 'sandi-baru-2026';

describe.each(testDatabaseKinds())('users API on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let adminId: string;
  let tenantId: string;
  let otherAdmin: ApiClient;
  let otherUserId: string;
  let otherUnitId: string;
  let unitId: string;
  let employeeId: string;

  const lastAudit = async (action: string) => {
    const [row] = await t.database.unsafeOwnerDb
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action)))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    return row;
  };

  const createUser = async (overrides: Record<string, unknown> = {}) => {
    const res = await admin.post<UserView>('/api/users', {
      username: uniqueName('pengguna.'),
      displayName: 'Siti Rahma',
      password: NEW_PASSWORD,
      roles: [{ role: 'operator_unit', unitId }],
      ...overrides,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    adminId = (await admin.get<{ user: { id: string } }>('/api/auth/session')).body.user.id;
    const unit = await admin.post<{ id: string }>('/api/units', {
      parentId: null,
      name: 'Dinas Pendidikan',
      type: 'dinas',
      level: 'eselon_2',
    });
    unitId = unit.body.id;
    const employee = await admin.post<{ id: string }>('/api/employees', {
      nip: validNip(),
      name: 'Budi Santoso',
      backTitle: 'S.Pd.',
      gender: 'L',
      employeeType: 'pns',
      grade: 'III/c',
    });
    expect(employee.status, JSON.stringify(employee.body)).toBe(201);
    employeeId = employee.body.id;

    const other = await createTestTenant(t.database);
    otherAdmin = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    otherUserId = (await otherAdmin.get<{ user: { id: string } }>('/api/auth/session')).body.user
      .id;
    otherUnitId = (
      await otherAdmin.post<{ id: string }>('/api/units', {
        parentId: null,
        name: 'Dinas Lain',
        type: 'dinas',
        level: 'eselon_2',
      })
    ).body.id;
  });
  afterAll(() => t.close());

  it('creates a user with a scoped role and a linked employee, audited', async () => {
    const user = await createUser({ employeeId, roles: [{ role: 'operator_unit', unitId }] });
    expect(user).toMatchObject({
      displayName: 'Siti Rahma',
      status: 'active',
      locked: false,
      totpEnabled: false,
      mustChangePassword: true,
      lastLoginAt: null,
      employee: { id: employeeId, fullName: 'Budi Santoso, S.Pd.' },
      roles: [{ role: 'operator_unit', unitId, unitName: 'Dinas Pendidikan' }],
      permissions: { update: true, disable: true, resetPassword: true, manageRoles: true },
    });
    expect(await lastAudit('user.create')).toMatchObject({ entityId: user.id, outcome: 'ok' });
    const login = await new ApiClient(t.app).post<{ mustChangePassword: boolean }>(
      '/api/auth/login',
      {
        identifier: user.username,
        password: NEW_PASSWORD,
      },
    );
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('lists users with roles, status and permissions, filtered by text', async () => {
    const user = await createUser({ displayName: 'Wahyu Pratama' });
    const list = await admin.get<{ items: UserView[]; total: number }>('/api/users');
    expect(list.status).toBe(200);
    const me = list.body.items.find((u) => u.id === adminId);
    expect(me?.permissions).toMatchObject({ update: true, disable: false, resetPassword: false });
    expect(me?.roles[0]).toMatchObject({
      role: 'admin_pemda',
      unitId: null,
      permissions: { revoke: false },
    });
    expect(me?.lastLoginAt).not.toBeNull();
    expect(list.body.items.map((u) => u.id)).toContain(user.id);
    expect(list.body.items.map((u) => u.id)).not.toContain(otherUserId);
    const found = await admin.get<{ items: UserView[]; total: number }>('/api/users?q=wahyu');
    expect(found.body.items.map((u) => u.id)).toEqual([user.id]);
    const one = await admin.get<UserView>(`/api/users/${user.id}`);
    expect(one.body.displayName).toBe('Wahyu Pratama');
  });

  it.each([
    ['unknown field', { isAdmin: true }],
    ['bad username', { username: 'A!' }],
    ['bad role', { roles: [{ role: 'superuser', unitId: null }] }],
    ['role without unitId key', { roles: [{ role: 'viewer' }] }],
  ])('refuses %s with 400 and writes nothing', async (_label, overrides) => {
    const before = (await admin.get<{ total: number }>('/api/users')).body.total;
    const res = await admin.post<ErrorBody>('/api/users', {
      username: uniqueName('x.'),
      displayName: 'Nama Uji',
      password: NEW_PASSWORD,
      roles: [],
      ...overrides,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect((await admin.get<{ total: number }>('/api/users')).body.total).toBe(before);
  });

  it('refuses a weak password with an Indonesian message', async () => {
    const res = await admin.post<ErrorBody>('/api/users', {
      username: uniqueName('lemah.'),
      displayName: 'Nama Uji',
      password: 'pendek',
      roles: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Kata sandi terlalu lemah/);
  });

  it('refuses a duplicate username (any case, any tenant) with 409', async () => {
    const user = await createUser();
    for (const client of [admin, otherAdmin]) {
      const res = await client.post<ErrorBody>('/api/users', {
        username: user.username.toUpperCase(),
        displayName: 'Kembar',
        password: NEW_PASSWORD,
        roles: [],
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DUPLICATE');
      expect(res.body.error.message).toMatch(/Nama pengguna sudah dipakai/);
    }
  });

  it("answers 404 for another tenant's employee or unit, writing nothing", async () => {
    const otherEmployee = await otherAdmin.post<{ id: string }>('/api/employees', {
      nip: validNip('P'),
      name: 'Orang Lain',
      gender: 'P',
      employeeType: 'pns',
      grade: 'III/a',
    });
    expect(otherEmployee.status).toBe(201);
    for (const body of [
      { employeeId: otherEmployee.body.id, roles: [] },
      { roles: [{ role: 'operator_unit', unitId: otherUnitId }] },
    ]) {
      const username = uniqueName('silang.');
      const res = await admin.post<ErrorBody>('/api/users', {
        username,
        displayName: 'Silang',
        password: NEW_PASSWORD,
        ...body,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      const list = await admin.get<{ items: UserView[] }>(`/api/users?q=${username}`);
      expect(list.body.items).toEqual([]);
    }
  });

  it("answers 404 for another tenant's user on every route, and for a platform admin", async () => {
    const platformAdmin = await createTestUser(t.database, null, [], uniqueName('platform.'));
    const [platformRow] = await queryRows<{ id: string }>(
      t.database.unsafeOwnerDb,
      sql`select id from users where username = ${platformAdmin}`,
    );
    for (const id of [otherUserId, platformRow?.id ?? '']) {
      const calls = [
        admin.get<ErrorBody>(`/api/users/${id}`),
        admin.patch<ErrorBody>(`/api/users/${id}`, { version: 1, displayName: 'Diretas' }),
        admin.post<ErrorBody>(`/api/users/${id}/roles`, { role: 'viewer', unitId: null }),
        admin.delete<ErrorBody>(`/api/users/${id}/roles/${id}`),
        admin.post<ErrorBody>(`/api/users/${id}/reset-password`, { password: NEW_PASSWORD }),
        admin.post<ErrorBody>(`/api/users/${id}/unlock`),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    }
    const still = await otherAdmin.get<{ user: { displayName: string } }>('/api/auth/session');
    expect(still.status).toBe(200);
    expect(still.body.user.displayName).not.toBe('Diretas');
  });

  it('refuses non-admins with 403 and audits the refusal', async () => {
    const username = await createTestUser(t.database, tenantId, [
      { role: 'perencana', unitId: null },
    ]);
    const perencana = await signIn(t.app, username, TEST_PASSWORD);
    const target = await createUser();
    const calls: [string, () => Promise<{ status: number; body: ErrorBody }>][] = [
      ['list', () => perencana.get<ErrorBody>('/api/users')],
      ['get', () => perencana.get<ErrorBody>(`/api/users/${target.id}`)],
      [
        'create',
        () =>
          perencana.post<ErrorBody>('/api/users', {
            username: uniqueName('n.'),
            displayName: 'Nama',
            password: NEW_PASSWORD,
            roles: [],
          }),
      ],
      [
        'update',
        () =>
          perencana.patch<ErrorBody>(`/api/users/${target.id}`, {
            version: target.version,
            displayName: 'Diubah',
          }),
      ],
      [
        'grant',
        () =>
          perencana.post<ErrorBody>(`/api/users/${target.id}/roles`, {
            role: 'admin_pemda',
            unitId: null,
          }),
      ],
      [
        'revoke',
        () => perencana.delete<ErrorBody>(`/api/users/${target.id}/roles/${target.roles[0]?.id}`),
      ],
      [
        'reset',
        () =>
          perencana.post<ErrorBody>(`/api/users/${target.id}/reset-password`, {
            password: NEW_PASSWORD,
          }),
      ],
      ['unlock', () => perencana.post<ErrorBody>(`/api/users/${target.id}/unlock`)],
    ];
    for (const [label, call] of calls) {
      const res = await call();
      expect(res.status, label).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      const refused = await lastAudit('access.refused');
      expect(refused).toMatchObject({ actorLabel: username, outcome: 'refused' });
    }
    const unchanged = await admin.get<UserView>(`/api/users/${target.id}`);
    expect(unchanged.body.version).toBe(target.version);
    expect(unchanged.body.roles).toHaveLength(1);
  });

  it('updates a user with optimistic versioning', async () => {
    const user = await createUser();
    const employee = await admin.post<{ id: string }>('/api/employees', {
      nip: validNip('P'),
      name: 'Siti Rahmawati',
      gender: 'P',
      employeeType: 'pns',
      grade: 'III/b',
    });
    expect(employee.status, JSON.stringify(employee.body)).toBe(201);
    const res = await admin.patch<UserView>(`/api/users/${user.id}`, {
      version: user.version,
      displayName: 'Siti Rahmawati',
      employeeId: employee.body.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Siti Rahmawati', version: user.version + 1 });
    expect(res.body.employee?.id).toBe(employee.body.id);
    const stale = await admin.patch<ErrorBody>(`/api/users/${user.id}`, {
      version: user.version,
      displayName: 'Basi',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const unknown = await admin.patch<ErrorBody>(`/api/users/${user.id}`, {
      version: res.body.version,
      role: 'admin_pemda',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    const taken = await createUser();
    const duplicateEmployee = await admin.patch<ErrorBody>(`/api/users/${taken.id}`, {
      version: taken.version,
      employeeId: employee.body.id,
    });
    expect(duplicateEmployee.status).toBe(409);
    expect(duplicateEmployee.body.error.code).toBe('DUPLICATE');
  });

  it("disabling ends the user's sessions and sign-in; enabling restores it", async () => {
    const user = await createUser({ mustChangePassword: false });
    const session = await signIn(t.app, user.username, NEW_PASSWORD);
    expect((await session.get('/api/units')).status).toBe(200);
    const disabled = await admin.patch<UserView>(`/api/users/${user.id}`, {
      version: user.version,
      status: 'disabled',
    });
    expect(disabled.body).toMatchObject({
      status: 'disabled',
      permissions: { enable: true, disable: false },
    });
    expect((await session.get<ErrorBody>('/api/units')).status).toBe(401);
    const [row] = await queryRows<{ n: number }>(
      t.database.unsafeOwnerDb,
      sql`select count(*)::int as n from sessions where user_id = ${user.id}`,
    );
    expect(row?.n).toBe(0);
    const login = await new ApiClient(t.app).post<ErrorBody>('/api/auth/login', {
      identifier: user.username,
      password: NEW_PASSWORD,
    });
    expect(login.status).toBe(401);
    await admin.patch(`/api/users/${user.id}`, {
      version: disabled.body.version,
      status: 'active',
    });
    expect((await signIn(t.app, user.username, NEW_PASSWORD)) instanceof ApiClient).toBe(true);
  });

  it('refuses to disable yourself', async () => {
    const me = await admin.get<UserView>(`/api/users/${adminId}`);
    const res = await admin.patch<ErrorBody>(`/api/users/${adminId}`, {
      version: me.body.version,
      status: 'disabled',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/menonaktifkan akun Anda sendiri/);
    expect((await admin.get<UserView>(`/api/users/${adminId}`)).body.status).toBe('active');
  });

  it('grants and revokes roles, audited; duplicates and foreign units refused', async () => {
    const user = await createUser();
    const granted = await admin.post<UserView>(`/api/users/${user.id}/roles`, {
      role: 'viewer',
      unitId: null,
    });
    expect(granted.status).toBe(201);
    const viewer = granted.body.roles.find((r) => r.role === 'viewer');
    expect(viewer).toMatchObject({ unitId: null, permissions: { revoke: true } });
    expect(await lastAudit('user.role_grant')).toMatchObject({ entityId: user.id });

    const again = await admin.post<ErrorBody>(`/api/users/${user.id}/roles`, {
      role: 'viewer',
      unitId: null,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');
    const foreign = await admin.post<ErrorBody>(`/api/users/${user.id}/roles`, {
      role: 'viewer',
      unitId: otherUnitId,
    });
    expect(foreign.status).toBe(404);
    const extra = await admin.post<ErrorBody>(`/api/users/${user.id}/roles`, {
      role: 'viewer',
      unitId: null,
      expires: '2030-01-01',
    });
    expect(extra.status).toBe(400);

    const revoked = await admin.delete<UserView>(`/api/users/${user.id}/roles/${viewer?.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.roles.map((r) => r.role)).toEqual(['operator_unit']);
    expect(await lastAudit('user.role_revoke')).toMatchObject({ entityId: user.id });
    const gone = await admin.delete<ErrorBody>(`/api/users/${user.id}/roles/${viewer?.id}`);
    expect(gone.status).toBe(404);
  });

  it('refuses removing your own last admin_pemda grant, allows it with a second one', async () => {
    const me = await admin.get<UserView>(`/api/users/${adminId}`);
    const adminGrant = me.body.roles.find((r) => r.role === 'admin_pemda');
    const refused = await admin.delete<ErrorBody>(`/api/users/${adminId}/roles/${adminGrant?.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/admin Pemda terakhir/);

    const withEvaluator = await admin.post<UserView>(`/api/users/${adminId}/roles`, {
      role: 'evaluator',
      unitId: null,
    });
    expect(withEvaluator.status).toBe(201);
    const evaluator = withEvaluator.body.roles.find((r) => r.role === 'evaluator');
    expect((await admin.delete(`/api/users/${adminId}/roles/${evaluator?.id}`)).status).toBe(200);
  });

  it('resets a password: must change at next sign-in, sessions end, lock lifted', async () => {
    const user = await createUser({ mustChangePassword: false });
    const session = await signIn(t.app, user.username, NEW_PASSWORD);
    const res = await admin.post<UserView>(`/api/users/${user.id}/reset-password`, {
      password: 'sementara-2026',
    });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    expect(await lastAudit('user.password_reset')).toMatchObject({ entityId: user.id });
    const expired = await session.get<ErrorBody>('/api/auth/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    const next = await signIn(t.app, user.username, 'sementara-2026');
    const blocked = await next.get<ErrorBody>('/api/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.details).toMatchObject({ reason: 'must_change_password' });

    const self = await admin.post<ErrorBody>(`/api/users/${adminId}/reset-password`, {
      password: 'sementara-2026',
    });
    expect(self.status).toBe(403);
    const weak = await admin.post<ErrorBody>(`/api/users/${user.id}/reset-password`, {
      password: 'abc',
    });
    expect(weak.status).toBe(400);
  });
});
