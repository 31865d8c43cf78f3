import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/cli/commands/verify-audit.js';
import { memoryIo } from '../../src/cli/io.js';
import { type Database, queryRows } from '../../src/db/client.js';
import { systemActor } from '../../src/modules/access/actor.js';
import { runInTenant } from '../../src/modules/access/context.js';
import { verifyChain } from '../../src/modules/audit/verify-chain.js';
import { createUnit } from '../../src/modules/org/units/create-unit.js';
import { signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** The SQLSTATE of a database error, wherever the driver put it (drizzle wraps it in `cause`). */
function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

async function refusal(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return sqlState(error);
  }
  throw new Error('expected the database to refuse the statement');
}

const countEvents = async (database: Database, tenantId: string) => {
  const [row] = await queryRows<{ n: string | number }>(
    database.unsafeOwnerDb,
    sql`select count(*) as n from audit_events where tenant_id = ${tenantId}`,
  );
  return Number(row?.n);
};

/**
 * Tampering as a database owner would: switch the append-only trigger off for one statement,
 * inside one transaction so no other work ever sees it disabled.
 */
const tamper = (database: Database, statement: ReturnType<typeof sql>) =>
  database.withSystem(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });

/** Three unit.create events on top of the tenant's own creation events. */
async function tenantWithEvents(database: Database): Promise<TestTenant> {
  const tenant = await createTestTenant(database);
  await runInTenant(database, systemActor(tenant.tenantId), tenant.tenantId, null, async (ctx) => {
    for (const name of ['Dinas Satu', 'Dinas Dua', 'Dinas Tiga']) {
      await createUnit(ctx, {
        parentId: null,
        name,
        shortName: null,
        type: 'dinas',
        level: 'eselon_2',
        code: null,
        sortOrder: 0,
      });
    }
  });
  return tenant;
}

describe.each(testDatabaseKinds())('audit chain on %s', (kind) => {
  let t: TestApp;
  let tenant: TestTenant;

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenant = await createTestTenant(t.database);
  });
  afterAll(() => t.close());

  it('writes the event in the same transaction as the change: a failure leaves neither', async () => {
    const before = await countEvents(t.database, tenant.tenantId);
    const attempt = runInTenant(
      t.database,
      systemActor(tenant.tenantId),
      tenant.tenantId,
      null,
      async (ctx) => {
        await createUnit(ctx, {
          parentId: null,
          name: 'Dinas Yang Batal',
          shortName: null,
          type: 'dinas',
          level: 'eselon_2',
          code: null,
          sortOrder: 0,
        });
        throw new Error('gagal setelah audit');
      },
    );
    await expect(attempt).rejects.toThrow('gagal setelah audit');
    const units = await queryRows<{ id: string }>(
      t.database.unsafeOwnerDb,
      sql`select id from units where tenant_id = ${tenant.tenantId} and name = 'Dinas Yang Batal'`,
    );
    expect(units).toHaveLength(0);
    expect(await countEvents(t.database, tenant.tenantId)).toBe(before);
    const report = await verifyChain(t.database.unsafeOwnerDb, tenant.tenantId);
    expect(report).toMatchObject({ events: before, firstBreak: null });
  });

  it.each([
    ['UPDATE', sql`update audit_events set action = 'unit.update'`],
    ['DELETE', sql`delete from audit_events`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('refuses %s of audit_events even for the owner (AM002)', async (_name, statement) => {
    const before = await countEvents(t.database, tenant.tenantId);
    expect(before).toBeGreaterThan(0);
    expect(await refusal(() => t.database.withSystem((tx) => tx.execute(statement)))).toBe('AM002');
    expect(await countEvents(t.database, tenant.tenantId)).toBe(before);
  });

  it('gives the application role no UPDATE or DELETE right at all', async () => {
    const code = await refusal(() =>
      t.database.withTenant(tenant.tenantId, (tx) =>
        tx.execute(sql`update audit_events set action = 'unit.update'`),
      ),
    );
    expect(code).toBe('42501');
  });

  it('keeps one unbroken chain under ~30 concurrent requests', async () => {
    const own = await createTestTenant(t.database);
    const admin = await signIn(t.app, own.adminUsername, TEST_PASSWORD);
    const before = await countEvents(t.database, own.tenantId);
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        admin.post('/api/units', {
          parentId: null,
          name: `Badan Serentak ${i + 1}`,
          type: 'badan',
          level: 'eselon_2',
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    const rows = await queryRows<{ seq: string | number; action: string }>(
      t.database.unsafeOwnerDb,
      sql`select seq, action from audit_events where tenant_id = ${own.tenantId} order by seq`,
    );
    // No fork: every seq exactly once, 1..n without holes.
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.action === 'unit.create')).toHaveLength(30);
    expect(rows.length).toBe(before + 30);
    const report = await verifyChain(t.database.unsafeOwnerDb, own.tenantId);
    expect(report).toEqual({ tenantId: own.tenantId, events: rows.length, firstBreak: null });
  });

  describe('tamper detection', () => {
    let edited: TestTenant;
    let deleted: TestTenant;
    let truncated: TestTenant;
    let intact: TestTenant;

    beforeAll(async () => {
      [edited, deleted, truncated, intact] = await Promise.all([
        tenantWithEvents(t.database),
        tenantWithEvents(t.database),
        tenantWithEvents(t.database),
        tenantWithEvents(t.database),
      ]);
      await tamper(
        t.database,
        sql`update audit_events set data = '{"name":"Dinas Palsu"}'::jsonb
            where tenant_id = ${edited.tenantId} and seq = 3`,
      );
      await tamper(
        t.database,
        sql`delete from audit_events where tenant_id = ${deleted.tenantId} and seq = 3`,
      );
      const last = (await countEvents(t.database, truncated.tenantId)) as number;
      await tamper(
        t.database,
        sql`delete from audit_events where tenant_id = ${truncated.tenantId} and seq = ${last}`,
      );
    });

    it('reports an edited event as hash_mismatch at its seq', async () => {
      const report = await verifyChain(t.database.unsafeOwnerDb, edited.tenantId);
      expect(report.firstBreak).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    });

    it('reports a deleted event as a break at the next seq', async () => {
      const report = await verifyChain(t.database.unsafeOwnerDb, deleted.tenantId);
      expect(report.firstBreak?.seq).toBe(4);
      expect(['sequence_gap', 'prev_hash_mismatch']).toContain(report.firstBreak?.reason);
    });

    it('reports a removed last event as head_mismatch (no gap is left behind it)', async () => {
      const report = await verifyChain(t.database.unsafeOwnerDb, truncated.tenantId);
      expect(report.firstBreak).toMatchObject({ reason: 'head_mismatch', eventId: null });
    });

    it('leaves the other chains intact', async () => {
      const report = await verifyChain(t.database.unsafeOwnerDb, intact.tenantId);
      expect(report.firstBreak).toBeNull();
    });

    it('verify-audit exits 1 and names the broken seq of each broken chain', async () => {
      const io = memoryIo();
      expect(await verifyAudit(t.database, io)).toBe(1);
      const lineOf = (tenantId: string) => io.stdout.find((l) => l.includes(tenantId)) ?? '';
      expect(lineOf(edited.tenantId)).toMatch(
        /RUSAK pada seq 3, peristiwa [0-9a-f-]{36}: hash_mismatch/,
      );
      expect(lineOf(deleted.tenantId)).toMatch(
        /RUSAK pada seq 4, .*(sequence_gap|prev_hash_mismatch)/,
      );
      // A removed last event leaves no gap; the chain's head row still points past it.
      expect(lineOf(truncated.tenantId)).toMatch(/RUSAK pada seq \d+: head_mismatch/);
      expect(lineOf(intact.tenantId)).toMatch(/: OK \d+ peristiwa$/);
      expect(io.stdout[0]).toMatch(/^Platform \(tanpa Pemda\): OK \d+ peristiwa$/);
      expect(io.stderr.join('\n')).toContain('3 dari');
    });

    it('verify-audit --tenant checks only that Pemda', async () => {
      const ok = memoryIo();
      expect(await verifyAudit(t.database, ok, intact.tenantId)).toBe(0);
      expect(ok.stdout).toHaveLength(2);
      const broken = memoryIo();
      expect(await verifyAudit(t.database, broken, edited.tenantId)).toBe(1);
      expect(broken.stdout.join('\n')).toContain('seq 3');
      const missing = memoryIo();
      expect(await verifyAudit(t.database, missing, '99.99')).toBe(1);
      expect(missing.stderr.join('\n')).toContain('tidak ditemukan');
    });
  });
});
