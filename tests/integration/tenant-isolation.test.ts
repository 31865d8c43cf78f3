import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { createUser } from '../../src/modules/auth/users/create-user.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, uniqueName, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Tenant isolation, end to end: every route of the OpenAPI document is called by tenant A's
 * admin with tenant B's ids (in the path and in the body) and must answer 404; every list that
 * takes no id must not mention any of B's ids.
 */
interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minItems?: number;
  minLength?: number;
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: { 'application/json'?: { schema: JsonSchema } } };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

describe.each(testDatabaseKinds())('tenant isolation on %s', (kind) => {
  let t: TestApp;
  let a: ApiClient;
  const b: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenantA = await createTestTenant(t.database, uniqueName('Kota A '));
    const tenantB = await createTestTenant(t.database, uniqueName('Kota B '));
    a = await signIn(t.app, tenantA.adminUsername, TEST_PASSWORD);
    const bAdmin = await signIn(t.app, tenantB.adminUsername, TEST_PASSWORD);
    await a.post('/api/units', {
      parentId: null,
      name: 'Dinas Milik A',
      type: 'dinas',
      level: 'eselon_2',
    });
    b.unit = (
      await bAdmin.post<{ id: string }>('/api/units', {
        parentId: null,
        name: 'Dinas Milik B',
        type: 'dinas',
        level: 'eselon_2',
      })
    ).body.id;
    b.position = (
      await bAdmin.post<{ id: string }>('/api/positions', {
        unitId: b.unit,
        title: 'Kepala Dinas B',
        kind: 'jpt_pratama',
        headsUnit: true,
      })
    ).body.id;
    b.employee = (
      await bAdmin.post<{ id: string }>('/api/employees', {
        nip: validNip(),
        name: 'Pegawai Milik B',
        gender: 'L',
        employeeType: 'pns',
        grade: 'IV/a',
      })
    ).body.id;
    b.assignment = (
      await bAdmin.post<{ id: string }>('/api/assignments', {
        positionId: b.position,
        employeeId: b.employee,
        kind: 'definitif',
        startDate: '2025-01-01',
      })
    ).body.id;
    b.tenant = tenantB.tenantId;
    b.user = await t.database.withSystem((tx) =>
      createUser(tx, null, {
        tenantId: tenantB.tenantId,
        username: uniqueName('b.user.'),
        displayName: 'Pengguna B',
        password: TEST_PASSWORD,
        grants: [{ role: 'viewer', unitId: b.unit ?? null }],
      }),
    );
    const grants = await queryRows<{ id: string }>(
      t.database.unsafeOwnerDb,
      sql`select id from role_grants where user_id = ${b.user}`,
    );
    b.grant = grants[0]!.id;
    const token = await bAdmin.post<{ id: string }>('/api/auth/tokens', {
      name: 'Token B',
      scopes: ['read'],
    });
    b.token = token.status === 201 ? token.body.id : b.unit;
  });
  afterAll(() => t.close());

  /** B's id for a path segment or a body property, by what it names. */
  function idFor(name: string, path = ''): string {
    const n = name.toLowerCase();
    if (n.includes('grant')) return b.grant!;
    if (n.includes('position') || path.startsWith('/api/positions')) return b.position!;
    if (n.includes('employee') || path.startsWith('/api/employees')) return b.employee!;
    if (path.startsWith('/api/assignments')) return b.assignment!;
    if (path.startsWith('/api/users')) return b.user!;
    if (path.startsWith('/api/auth/tokens')) return b.token!;
    return b.unit!;
  }

  function sample(schema: JsonSchema, name: string): unknown {
    const choice = schema.anyOf ?? schema.oneOf;
    if (choice) return sample(choice.find((s) => s.type !== 'null') ?? choice[0]!, name);
    if (schema.enum) return schema.enum[0];
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(schema.properties ?? {})) {
          const isId =
            prop.format === 'uuid' || (prop.anyOf ?? []).some((s) => s.format === 'uuid');
          if (schema.required?.includes(key) || isId) out[key] = sample(prop, key);
        }
        return out;
      }
      case 'array':
        return schema.items && (schema.minItems ?? 0) > 0 ? [sample(schema.items, name)] : [];
      case 'integer':
      case 'number':
        return name === 'version' ? 1 : (schema.minimum ?? 1);
      case 'boolean':
        return false;
      case 'string':
        if (schema.format === 'uuid') return idFor(name);
        if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-01-01';
        if (name === 'password' || name === 'newPassword') return 'Kata-sandi-kuat-2026';
        if (name === 'username') return uniqueName('iso.');
        return 'Nilai Uji Isolasi';
      default:
        return null;
    }
  }

  it('answers 404 on every route given another tenant’s ids', async () => {
    const doc = (await a.get<OpenApi>('/api/openapi.json')).body;
    const checked: string[] = [];
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/platform')) continue; // platform routes: 403 for tenant users
      // Public lookups by document code or board token: no tenant ids in their paths.
      if (path.startsWith('/api/public/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        const body = schema ? sample(schema, 'body') : undefined;
        const hasPathId = path.includes('{');
        // A raw upload's body schema samples to null: it carries no ids.
        const bodyHasId =
          body !== undefined &&
          body !== null &&
          Object.values(body as object).some(
            (v) => typeof v === 'string' && Object.values(b).includes(v),
          );
        if (!hasPathId && !bodyHasId) continue;
        const url = path.replace(/\{(\w+)\}/g, (_m, p: string) => idFor(p, path));
        const res = await a.request(method.toUpperCase() as 'GET', url, body);
        checked.push(`${method.toUpperCase()} ${path}`);
        if (res.status !== 404)
          failures.push(
            `${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // The walk must have covered the organisation routes at least.
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/units/{id}',
        'PATCH /api/positions/{id}',
        'POST /api/assignments',
        'DELETE /api/assignments/{id}',
      ]),
    );
    expect(checked.length).toBeGreaterThan(15);
  });

  it('lists never mention another tenant’s ids', async () => {
    const doc = (await a.get<OpenApi>('/api/openapi.json')).body;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!methods.get || path.includes('{') || path.startsWith('/api/platform')) continue;
      const res = await a.get(path);
      const text = JSON.stringify(res.body);
      for (const [what, id] of Object.entries(b)) {
        expect(text.includes(id), `${path} leaks B's ${what}`).toBe(false);
      }
    }
  });

  it('row-level security confines a query that forgot its tenant filter', async () => {
    const tenantA = (await a.get<{ tenant: { id: string } }>('/api/auth/session')).body.tenant.id;
    const seen = await t.database.withTenant(tenantA, async (tx) => ({
      units: await queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from units`),
      employees: await queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from employees`),
      users: await queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from users`),
      audit: await queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from audit_events`),
      tenants: await queryRows<{ id: string }>(tx, sql`select id from tenants`),
    }));
    expect(seen.units.length).toBeGreaterThan(0);
    for (const rows of [seen.units, seen.users, seen.audit]) {
      expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([tenantA]));
    }
    // Tenant A has no employees of its own; B's must stay invisible.
    expect(seen.employees).toEqual([]);
    expect(seen.tenants.map((r) => r.id)).toEqual([tenantA]);
    // Writing into another tenant is refused by the policy's WITH CHECK as well.
    await expect(
      t.database.withTenant(tenantA, (tx) =>
        tx.execute(sql`update units set name = 'Diretas' where tenant_id = ${b.tenant}`),
      ),
    ).resolves.toBeDefined();
    const untouched = await queryRows<{ name: string }>(
      t.database.unsafeOwnerDb,
      sql`select name from units where id = ${b.unit}`,
    );
    expect(untouched[0]?.name).toBe('Dinas Milik B');
    await expect(
      t.database.withTenant(tenantA, (tx) =>
        tx.execute(
          sql`insert into units (tenant_id, id, name, type) values (${b.tenant}, gen_random_uuid(), 'Susupan', 'dinas')`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});
