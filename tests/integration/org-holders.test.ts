import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/columns.js';
import { pickHolder } from '../../src/modules/org/holder-rules.js';
import { holderOn } from '../../src/modules/org/holders.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** The SQL rule (position_holders_on) and the TypeScript rule (pickHolder) must agree. */
describe.each(testDatabaseKinds())('holder on a date on %s', (kind) => {
  let t: TestApp;
  let tenantId: string;
  const positionId = newId();
  const history = [
    { id: newId(), kind: 'definitif' as const, startDate: '2019-01-01', endDate: '2022-12-31' },
    { id: newId(), kind: 'plt' as const, startDate: '2023-01-01', endDate: '2023-06-30' },
    { id: newId(), kind: 'definitif' as const, startDate: '2023-07-01', endDate: null },
    { id: newId(), kind: 'plh' as const, startDate: '2026-01-12', endDate: '2026-01-23' },
    { id: newId(), kind: 'plt' as const, startDate: '2026-05-01', endDate: null },
    { id: newId(), kind: 'plt' as const, startDate: '2026-08-01', endDate: '2026-08-31' },
  ];

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = (await createTestTenant(t.database)).tenantId;
    await t.database.withTenant(tenantId, async (tx) => {
      const unitId = newId();
      await tx
        .insert(units)
        .values({ tenantId, id: unitId, name: 'Dinas Uji', type: 'dinas', level: 'eselon_2' });
      await tx.insert(positions).values({
        tenantId,
        id: positionId,
        unitId,
        title: 'Kepala Dinas Uji',
        kind: 'jpt_pratama',
        headsUnit: true,
      });
      for (const [i, a] of history.entries()) {
        const employeeId = newId();
        await tx.insert(employees).values({
          tenantId,
          id: employeeId,
          nip: validNip(),
          name: `Pejabat ${i}`,
          gender: 'L',
          employeeType: 'pns',
          grade: 'IV/a',
        });
        await tx.insert(assignments).values({ tenantId, positionId, employeeId, ...a });
      }
    });
  });
  afterAll(() => t.close());

  it.each([
    '2018-06-01',
    '2019-01-01',
    '2022-12-31',
    '2023-01-01',
    '2023-06-30',
    '2023-07-01',
    '2026-01-11',
    '2026-01-12',
    '2026-01-23',
    '2026-01-24',
    '2026-05-01',
    '2026-08-15',
    '2026-09-01',
  ])('on %s', async (date) => {
    const fromSql = await t.database.withTenant(tenantId, (tx) =>
      holderOn(tx, tenantId, positionId, date),
    );
    expect(fromSql?.assignmentId ?? null).toBe(pickHolder(history, date)?.id ?? null);
  });
});
