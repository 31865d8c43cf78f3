import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import {
  createTestTenant,
  createTestUser,
  TEST_PASSWORD,
  type TestTenant,
} from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'ok' | 'refused';
  data: Record<string, unknown>;
}
interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}
interface VerifyReport {
  events: number;
  intact: boolean;
  firstBreak: { seq: number; eventId: string; reason: string } | null;
}

/** A calendar day in the tenant's zone (test tenants use Asia/Jakarta), shifted by `days`. */
const dayInJakarta = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe.each(testDatabaseKinds())('audit API on %s', (kind) => {
  let t: TestApp;
  let tenant: TestTenant;
  let admin: ApiClient;
  let viewerName: string;
  const unitIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenant = await createTestTenant(t.database);
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    for (const name of ['Dinas Pendidikan', 'Dinas Sosial', 'Badan Keuangan']) {
      const reply = await admin.post<{ id: string }>('/api/units', {
        parentId: null,
        name,
        type: name.startsWith('Badan') ? 'badan' : 'dinas',
        level: 'eselon_2',
      });
      expect(reply.status).toBe(201);
      unitIds.push(reply.body.id);
    }
    const updated = await admin.patch(`/api/units/${unitIds[0]}`, {
      version: 1,
      shortName: 'Disdik',
    });
    expect(updated.status).toBe(200);
    viewerName = await createTestUser(t.database, tenant.tenantId, [
      { role: 'viewer', unitId: null },
    ]);
  });
  afterAll(() => t.close());

  it('logs a refused attempt: a viewer creating a unit gets 403 and an access.refused event', async () => {
    const viewer = await signIn(t.app, viewerName, TEST_PASSWORD);
    const refused = await viewer.post('/api/units', {
      parentId: null,
      name: 'Dinas Tanpa Hak',
      type: 'dinas',
      level: 'eselon_2',
    });
    expect(refused.status).toBe(403);
    const log = await admin.get<AuditPage>('/api/audit?outcome=refused');
    expect(log.status).toBe(200);
    const event = log.body.items.find((e) => e.actorLabel === viewerName);
    expect(event).toMatchObject({
      action: 'access.refused',
      outcome: 'refused',
      data: { code: 'FORBIDDEN', method: 'POST', route: '/api/units' },
    });
    expect(log.body.items.every((e) => e.outcome === 'refused')).toBe(true);
    // The viewer may not read the log either (and that refusal is logged too).
    expect((await viewer.get('/api/audit')).status).toBe(403);
  });

  it('filters by action', async () => {
    const created = await admin.get<AuditPage>('/api/audit?action=unit.create');
    expect(created.body.items.map((e) => e.entityId).sort()).toEqual([...unitIds].sort());
    expect(created.body.items.every((e) => e.action === 'unit.create')).toBe(true);
    const updates = await admin.get<AuditPage>('/api/audit?action=unit.update');
    expect(updates.body.items).toHaveLength(1);
    expect(updates.body.items[0]).toMatchObject({ entityId: unitIds[0], outcome: 'ok' });
  });

  it('filters by entity and actor', async () => {
    const byEntity = await admin.get<AuditPage>(
      `/api/audit?entityType=unit&entityId=${unitIds[0]}`,
    );
    expect(byEntity.body.items.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
    const byActor = await admin.get<AuditPage>(
      `/api/audit?actor=${tenant.adminUsername.toUpperCase()}&action=unit.create`,
    );
    expect(byActor.body.items).toHaveLength(3);
  });

  it('filters by date range in the tenant time zone', async () => {
    const today = await admin.get<AuditPage>(
      `/api/audit?from=${dayInJakarta(-1)}&to=${dayInJakarta(1)}&action=unit.create`,
    );
    expect(today.body.items).toHaveLength(3);
    const future = await admin.get<AuditPage>(`/api/audit?from=${dayInJakarta(2)}`);
    expect(future.body.items).toEqual([]);
    const past = await admin.get<AuditPage>(`/api/audit?to=${dayInJakarta(-2)}`);
    expect(past.body.items).toEqual([]);
  });

  it('pages newest first with before/nextBefore and covers the whole chain once', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const query: string = before === null ? '' : `&before=${before}`;
      const page = await admin.get<AuditPage>(`/api/audit?limit=2${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((e) => e.seq));
      before = page.body.nextBefore;
      pages += 1;
    } while (before !== null && pages < 100);
    expect(before).toBeNull();
    // Descending, no duplicates, no holes, down to the tenant's first event.
    expect(seen).toEqual(seen.map((_, i) => seen.length - i));
    const verify = await admin.get<VerifyReport>('/api/audit/verify');
    expect(seen.length).toBe(verify.body.events);
  });

  it('refuses unknown filters and bad values', async () => {
    expect((await admin.get('/api/audit?colour=red')).status).toBe(400);
    expect((await admin.get('/api/audit?action=unit.explode')).status).toBe(400);
    expect((await admin.get('/api/audit?from=2026-02-30')).status).toBe(400);
    expect((await admin.get('/api/audit?limit=1000')).status).toBe(400);
  });

  it('shows nothing of another Pemda', async () => {
    const other = await createTestTenant(t.database);
    const otherAdmin = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    const log = await otherAdmin.get<AuditPage>('/api/audit?limit=200');
    expect(log.body.items.some((e) => unitIds.includes(e.entityId ?? ''))).toBe(false);
    expect(log.body.items.some((e) => e.actorLabel === tenant.adminUsername)).toBe(false);
  });

  it('GET /api/audit/verify reports an intact chain, then the tampered seq', async () => {
    const ok = await admin.get<VerifyReport>('/api/audit/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ intact: true, firstBreak: null });
    expect(ok.body.events).toBeGreaterThanOrEqual(6);

    const [target] = (await admin.get<AuditPage>('/api/audit?action=unit.update')).body.items;
    await t.database.withSystem(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await tx.execute(
        sql`update audit_events set data = '{"shortName":"Palsu"}'::jsonb where id = ${target?.id}`,
      );
      await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    });
    const broken = await admin.get<VerifyReport>('/api/audit/verify');
    expect(broken.body).toMatchObject({
      intact: false,
      firstBreak: { seq: target?.seq, eventId: target?.id, reason: 'hash_mismatch' },
    });
  });
});
