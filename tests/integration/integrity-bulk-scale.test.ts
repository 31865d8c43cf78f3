import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { newId } from '../../src/db/columns.js';
import type {
  bulkCreateResultSchema,
  statusSchema,
} from '../../src/modules/integrity/integrity-schemas.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Bulk = z.infer<typeof bulkCreateResultSchema>;
type Status = z.infer<typeof statusSchema>;

const PD_COUNT = 20;
const BIDANG_PER_PD = 5;
const STAFF_PER_BIDANG = 10;
/** Kepala Daerah + per PD: its head, and per bidang its head and staff. */
const EMPLOYEES = 1 + PD_COUNT * (1 + BIDANG_PER_PD * (1 + STAFF_PER_BIDANG));

/** A unique NIP per person: birth 1980-01-01, TMT 2005-01/02, male, sequence. */
const nipOf = (n: number) =>
  `19800101200${5}0${1 + Math.floor(n / 1000)}1${String(n % 1000).padStart(3, '0')}`;

/**
 * A Pemda of 1,121 people, written straight into the database, then every annual pact made in
 * one request: the brief asks for ≥ 1,000 employees in a few seconds (no query per employee).
 */
async function seedLargePemda(t: TestApp, tenantId: string) {
  const unitRows: (typeof units.$inferInsert)[] = [];
  const positionRows: (typeof positions.$inferInsert)[] = [];
  const employeeRows: (typeof employees.$inferInsert)[] = [];
  const assignmentRows: (typeof assignments.$inferInsert)[] = [];
  let n = 0;
  const person = (positionId: string, grade: string | null) => {
    n += 1;
    const id = newId();
    employeeRows.push({
      tenantId,
      id,
      nip: grade ? nipOf(n) : null,
      name: `Pegawai ${n}`,
      gender: 'L',
      employeeType: grade ? 'pns' : 'pejabat_negara',
      grade,
    });
    assignmentRows.push({
      tenantId,
      positionId,
      employeeId: id,
      kind: 'definitif',
      startDate: '2020-01-01',
    });
  };
  const leader = newId();
  positionRows.push({ tenantId, id: leader, unitId: null, title: 'Bupati', kind: 'kepala_daerah' });
  person(leader, null);
  const pds: string[] = [];
  for (let p = 0; p < PD_COUNT; p += 1) {
    const pd = newId();
    pds.push(pd);
    unitRows.push({ tenantId, id: pd, name: `Dinas ${p + 1}`, type: 'dinas', level: 'eselon_2' });
    const head = newId();
    positionRows.push({
      tenantId,
      id: head,
      unitId: pd,
      title: `Kepala Dinas ${p + 1}`,
      kind: 'jpt_pratama',
      headsUnit: true,
    });
    person(head, 'IV/c');
    for (let b = 0; b < BIDANG_PER_PD; b += 1) {
      const bidang = newId();
      unitRows.push({
        tenantId,
        id: bidang,
        parentId: pd,
        name: `Bidang ${p + 1}.${b + 1}`,
        type: 'bidang',
        level: 'eselon_3',
      });
      const kabid = newId();
      positionRows.push({
        tenantId,
        id: kabid,
        unitId: bidang,
        title: `Kepala Bidang ${p + 1}.${b + 1}`,
        kind: 'administrator',
        headsUnit: true,
      });
      person(kabid, 'IV/a');
      for (let s = 0; s < STAFF_PER_BIDANG; s += 1) {
        const staff = newId();
        positionRows.push({
          tenantId,
          id: staff,
          unitId: bidang,
          title: `Pelaksana ${p + 1}.${b + 1}.${s + 1}`,
          kind: 'pelaksana',
        });
        person(staff, 'II/c');
      }
    }
  }
  await t.database.withTenant(tenantId, async (tx) => {
    // Parents first (the unit-path trigger reads the parent's path).
    await tx.insert(units).values(unitRows.filter((u) => !u.parentId));
    await tx.insert(units).values(unitRows.filter((u) => u.parentId));
    for (let i = 0; i < positionRows.length; i += 500) {
      await tx.insert(positions).values(positionRows.slice(i, i + 500));
    }
    for (let i = 0; i < employeeRows.length; i += 500) {
      await tx.insert(employees).values(employeeRows.slice(i, i + 500));
    }
    for (let i = 0; i < assignmentRows.length; i += 500) {
      await tx.insert(assignments).values(assignmentRows.slice(i, i + 500));
    }
  });
  // The statistics autovacuum would gather after such a load (the demo seed does the same).
  await t.database.unsafeOwnerDb.execute(sql`analyze`);
  return { pds, count: n };
}

describe.each(testDatabaseKinds())('Pakta Integritas in bulk at scale on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let tenantId: string;
  let pds: string[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tenant = await createTestTenant(t.database);
    tenantId = tenant.tenantId;
    admin = await signIn(t.app, tenant.adminUsername, TEST_PASSWORD);
    const seeded = await seedLargePemda(t, tenantId);
    expect(seeded.count).toBe(EMPLOYEES);
    pds = seeded.pds;
  });
  afterAll(() => t.close());

  it(`makes ${EMPLOYEES} annual pacts in one request within a few seconds`, async () => {
    const started = performance.now();
    const res = await admin.post<Bulk>('/api/integrity/pacts/bulk', {
      unitId: null,
      fiscalYear: 2026,
      pactDate: '2026-01-05',
    });
    const ms = performance.now() - started;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: EMPLOYEES, skipped: 0, failed: [] });
    // The figure for the report; the bound leaves room for a busy two-core machine.
    process.stdout.write(`[integrity bulk ${kind}] ${EMPLOYEES} pacts in ${Math.round(ms)} ms\n`);
    expect(ms).toBeLessThan(15_000);

    const witnesses = await t.database.withTenant(tenantId, (tx) =>
      tx.execute(
        sql`select count(*) filter (where witness_employee_id is null) as none,
                   count(distinct witness_employee_id) as distinct_witnesses
              from integrity_pacts where tenant_id = ${tenantId}`,
      ),
    );
    // Only the Bupati has no witness; witnesses are the Bupati, the 20 heads and 100 Kabid.
    const row = (
      witnesses as unknown as {
        rows: { none: string | number; distinct_witnesses: string | number }[];
      }
    ).rows[0];
    expect(Number(row?.none)).toBe(1);
    expect(Number(row?.distinct_witnesses)).toBe(1 + PD_COUNT + PD_COUNT * BIDANG_PER_PD);
  });

  it('answers the status per PD in one query, quickly', async () => {
    const started = performance.now();
    const res = await admin.get<Status>('/api/integrity/status?fiscalYear=2026');
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    process.stdout.write(
      `[integrity status ${kind}] ${res.body.rows.length} rows in ${Math.round(ms)} ms\n`,
    );
    expect(res.body.total).toMatchObject({ employees: EMPLOYEES, pacts: EMPLOYEES, signed: 0 });
    expect(res.body.rows).toHaveLength(PD_COUNT + 1);
    expect(res.body.rows.find((r) => r.unit?.id === pds[0])).toMatchObject({
      employees: 1 + BIDANG_PER_PD * (1 + STAFF_PER_BIDANG),
      pacts: 1 + BIDANG_PER_PD * (1 + STAFF_PER_BIDANG),
    });
    expect(ms).toBeLessThan(3_000);
  });

  it('skips everyone the second time', async () => {
    const res = await admin.post<Bulk>('/api/integrity/pacts/bulk', {
      unitId: null,
      fiscalYear: 2026,
      pactDate: '2026-01-05',
    });
    expect(res.body).toMatchObject({ created: 0, skipped: EMPLOYEES });
  });
});
