import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { systemActor } from '../../src/modules/access/actor.js';
import { runInTenant } from '../../src/modules/access/context.js';
import { getAgreementDetail } from '../../src/modules/agreements/get-agreement.js';
import { assertPastQuartersUnchanged } from '../../src/modules/agreements/revisions/past-quarter-lock.js';
import { supersedePrevious } from '../../src/modules/agreements/revisions/supersede.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
  agreementYears,
} from '../../src/modules/agreements/schema.js';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { todayIn } from '../../src/modules/org/holders.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import { AppError } from '../../src/shared/errors.js';
import { markSignedForTest } from '../helpers/agreements.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Created {
  id: string;
  rootId: string;
  previousId: string;
  revisionNo: number;
  status: string;
  agreement: { id: string; revisionNo: number; revisionReason: string | null };
}
interface TargetValue {
  kind: string;
  value?: string;
}
interface Diff {
  header: {
    revisionNo: number;
    reason: string;
    note: string;
    previous: { id: string; revisionNo: number; status: string };
  };
  years: number[];
  parties: {
    role: string;
    change: string;
    fields: { field: string; old: unknown; new: unknown }[];
  }[];
  objectives: {
    change: string;
    indicators: {
      change: string;
      new: { name: string } | null;
      fields: unknown[];
      targets: {
        year: number;
        quarter: number;
        old: TargetValue | null;
        new: TargetValue | null;
      }[];
    }[];
  }[];
  budgets: {
    rows: { change: string; fields: { field: string; old: unknown; new: unknown }[] }[];
    totalOld: string;
    totalNew: string;
  };
  summary: Record<string, number>;
}
interface Versions {
  rootId: string;
  items: {
    id: string;
    revisionNo: number;
    status: string;
    reason: string | null;
    supersededAt: string | null;
    signedAt: string | null;
    latest: boolean;
    permissions: { revise: boolean };
  }[];
}

const NOTE = 'APBD-Perubahan 2026 menggeser anggaran sub kegiatan penyediaan obat';

/** The organisation a PK needs: a city with a mayor and a health office with its head. */
interface Org {
  tenantId: string;
  adminUsername: string;
  yearId: string;
  unitId: string;
  mayorPositionId: string;
  mayorEmployeeId: string;
  headPositionId: string;
  headEmployeeId: string;
}

async function seedOrg(database: Database): Promise<Org> {
  const tenant = await createTestTenant(database);
  const tenantId = tenant.tenantId;
  const ids = {
    yearId: newId(),
    unitId: newId(),
    mayorPositionId: newId(),
    mayorEmployeeId: newId(),
    headPositionId: newId(),
    headEmployeeId: newId(),
  };
  await database.withTenant(tenantId, async (tx) => {
    await tx.insert(units).values({
      tenantId,
      id: ids.unitId,
      name: 'Dinas Kesehatan',
      type: 'dinas',
      level: 'eselon_2',
    });
    await tx.insert(positions).values([
      { tenantId, id: ids.mayorPositionId, title: 'Wali Kota', kind: 'kepala_daerah' },
      {
        tenantId,
        id: ids.headPositionId,
        unitId: ids.unitId,
        title: 'Kepala Dinas Kesehatan',
        kind: 'jpt_pratama',
        headsUnit: true,
      },
    ]);
    await tx.insert(employees).values([
      {
        tenantId,
        id: ids.mayorEmployeeId,
        name: 'Budi Santoso',
        gender: 'L',
        employeeType: 'pejabat_negara',
      },
      {
        tenantId,
        id: ids.headEmployeeId,
        nip: validNip('P'),
        frontTitle: 'dr.',
        name: 'Siti Aminah',
        backTitle: 'M.Kes',
        gender: 'P',
        employeeType: 'pns',
        grade: 'IV/b',
      },
    ]);
    await tx.insert(assignments).values([
      {
        tenantId,
        positionId: ids.mayorPositionId,
        employeeId: ids.mayorEmployeeId,
        kind: 'definitif',
        startDate: '2025-02-20',
      },
      {
        tenantId,
        positionId: ids.headPositionId,
        employeeId: ids.headEmployeeId,
        kind: 'definitif',
        startDate: '2024-01-01',
      },
    ]);
    await tx
      .insert(agreementYears)
      .values({ tenantId, id: ids.yearId, year: 2026, dpaApprovedOn: '2026-01-05' });
  });
  return { tenantId, adminUsername: tenant.adminUsername, ...ids };
}

/**
 * A signed PK of a new eselon III position (one PK per position and year), with one sasaran,
 * two indicators with annual and TW I–IV targets for every year, and two budget rows.
 */
async function seedSignedAgreement(
  database: Database,
  org: Org,
  options: { endYear?: number; sign?: boolean } = {},
): Promise<{ id: string; indicatorIds: string[] }> {
  const { tenantId } = org;
  const id = newId();
  const positionId = newId();
  const employeeId = newId();
  const objectiveId = newId();
  const indicatorIds = [newId(), newId()];
  const endYear = options.endYear ?? 2026;
  await database.withTenant(tenantId, async (tx) => {
    await tx.insert(positions).values({
      tenantId,
      id: positionId,
      unitId: org.unitId,
      title: `Sekretaris Dinas ${id.slice(-4)}`,
      kind: 'administrator',
    });
    await tx.insert(employees).values({
      tenantId,
      id: employeeId,
      nip: validNip(),
      name: `Pejabat ${id.slice(-4)}`,
      gender: 'L',
      employeeType: 'pns',
    });
    await tx.insert(assignments).values({
      tenantId,
      positionId,
      employeeId,
      kind: 'definitif',
      startDate: '2024-01-01',
    });
    await tx.insert(agreements).values({
      tenantId,
      id,
      rootId: id,
      yearId: org.yearId,
      startYear: 2026,
      endYear,
      level: 'eselon_iii',
      unitId: org.unitId,
      positionId,
      firstPartyEmployeeId: employeeId,
      firstPartyAssignmentKind: 'definitif',
      secondPartyPositionId: org.headPositionId,
      secondPartyEmployeeId: org.headEmployeeId,
      secondPartyAssignmentKind: 'definitif',
      agreementDate: '2026-01-15',
    });
    await tx.insert(agreementObjectives).values({
      tenantId,
      id: objectiveId,
      agreementId: id,
      title: 'Meningkatnya derajat kesehatan masyarakat',
    });
    await tx.insert(agreementIndicators).values([
      {
        tenantId,
        id: indicatorIds[0] as string,
        agreementId: id,
        objectiveId,
        name: 'Cakupan pelayanan kesehatan dasar',
        satuan: '%',
        aggregation: 'last',
        sortOrder: 0,
      },
      {
        tenantId,
        id: indicatorIds[1] as string,
        agreementId: id,
        objectiveId,
        name: 'Jumlah puskesmas terakreditasi',
        satuan: 'unit',
        aggregation: 'cumulative',
        sortOrder: 1,
      },
    ]);
    const targets: (typeof agreementTargets.$inferInsert)[] = [];
    for (let year = 2026; year <= endYear; year += 1) {
      const step = year - 2026;
      const plans: [string, string[]][] = [
        [`${80 + step}.5`, ['70.1', '75.2', '78.3', `${80 + step}.5`]],
        [String(10 + step), ['2', '3', '2', String(3 + step)]],
      ];
      plans.forEach(([annual, quarters], index) => {
        const indicatorId = indicatorIds[index] as string;
        const base = { tenantId, indicatorId, agreementId: id, year };
        targets.push({ ...base, quarter: 0, targetValue: annual });
        quarters.forEach((value, q) => {
          targets.push({ ...base, quarter: q + 1, targetValue: value });
        });
      });
    }
    await tx.insert(agreementTargets).values(targets);
    await tx.insert(agreementBudgets).values([
      {
        tenantId,
        agreementId: id,
        programCode: '1.02.02',
        programName: 'Program Pemenuhan Upaya Kesehatan Perorangan',
        kegiatanCode: '1.02.02.2.01',
        kegiatanName: 'Penyediaan Fasilitas Pelayanan Kesehatan',
        amount: '1500000000.00',
        sortOrder: 0,
      },
      {
        tenantId,
        agreementId: id,
        programCode: '1.02.02',
        programName: 'Program Pemenuhan Upaya Kesehatan Perorangan',
        kegiatanCode: '1.02.02.2.02',
        kegiatanName: 'Penyediaan Layanan Kesehatan',
        amount: '0.10',
        sortOrder: 1,
      },
    ]);
  });
  if (options.sign !== false) await signAgreement(database, id);
  return { id, indicatorIds };
}

/** Walks a draft through review to signed, as the workflow and the signing feature will. */
async function signAgreement(database: Database, id: string): Promise<void> {
  await database.withSystem(async (tx) => {
    for (const status of ['submitted', 'verified', 'ready_to_sign'] as const) {
      await tx.update(agreements).set({ status }).where(eq(agreements.id, id));
    }
  });
  await markSignedForTest(database, id);
}

async function currentVersion(database: Database, id: string): Promise<number> {
  const [row] = await database.withSystem((tx) =>
    tx.select({ version: agreements.version }).from(agreements).where(eq(agreements.id, id)),
  );
  return row?.version ?? 0;
}

async function contentCounts(database: Database, agreementId: string) {
  return database.withSystem(async (tx) => {
    const count = async (table: string) => {
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier(table)} where agreement_id = ${agreementId}`,
      );
      return Number(row?.n);
    };
    return {
      objectives: await count('agreement_objectives'),
      indicators: await count('agreement_indicators'),
      targets: await count('agreement_targets'),
      budgets: await count('agreement_budgets'),
    };
  });
}

/** Catches the AppError a use case throws (the transaction rolls back). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function dbRefusal(
  promise: Promise<unknown>,
): Promise<{ code?: string; constraint?: string }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === 'object') {
      const c = current as { code?: unknown; constraint?: string; cause?: unknown };
      if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
        return { code: c.code, ...(c.constraint ? { constraint: c.constraint } : {}) };
      }
      current = c.cause;
    }
    throw error;
  }
  throw new Error('expected the database to refuse');
}

describe.each(testDatabaseKinds())('PK Perubahan on %s', (kind) => {
  let t: TestApp;
  let org: Org;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await seedOrg(t.database);
    admin = await signIn(t.app, org.adminUsername, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const revise = async (id: string, body: Record<string, unknown> = {}) =>
    admin.post<Created & ErrorBody>(`/api/agreements/${id}/revisions`, {
      version: await currentVersion(t.database, id),
      reason: 'perubahan_strategi',
      note: NOTE,
      ...body,
    });

  it('refuses a revision of a PK that is not signed', async () => {
    const draft = await seedSignedAgreement(t.database, org, { sign: false });
    const res = await revise(draft.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REVISION_NOT_ALLOWED');
    expect(res.body.error.message).toMatch(
      /PK Perubahan hanya dapat dibuat dari PK yang sudah ditandatangani/,
    );
  });

  it('refuses a reason outside the list and a note shorter than 10 characters', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    expect((await revise(signed.id, { reason: 'lainnya' })).status).toBe(400);
    const short = await revise(signed.id, { note: 'APBD-P' });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    const stale = await revise(signed.id, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('copies the whole content into revision 1, with history and audit', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const res = await revise(signed.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      rootId: signed.id,
      previousId: signed.id,
      revisionNo: 1,
      status: 'draft',
    });
    expect(res.body.agreement).toMatchObject({
      id: res.body.id,
      revisionNo: 1,
      revisionReason: 'perubahan_strategi',
    });
    expect(await contentCounts(t.database, res.body.id)).toEqual(
      await contentCounts(t.database, signed.id),
    );
    expect(await contentCounts(t.database, res.body.id)).toEqual({
      objectives: 1,
      indicators: 2,
      targets: 10,
      budgets: 2,
    });

    const diff = await admin.get<Diff>(`/api/agreements/${res.body.id}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body.header).toMatchObject({
      revisionNo: 1,
      reason: 'perubahan_strategi',
      note: NOTE,
      previous: { id: signed.id, revisionNo: 0, status: 'signed' },
    });
    expect(Object.values(diff.body.summary).every((n) => n === 0)).toBe(true);
    expect(diff.body.budgets.totalNew).toBe('1500000000.10');

    const [event] = await t.database.withSystem((tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'agreement.revise'), eq(auditEvents.entityId, res.body.id)),
        ),
    );
    expect(event?.data).toMatchObject({ previousId: signed.id, revisionNo: 1, note: NOTE });
    const transitions = await t.database.withSystem((tx) =>
      queryRows(
        tx,
        sql`select from_status, to_status from agreement_transitions where agreement_id = ${res.body.id}`,
      ),
    );
    expect(transitions).toEqual([{ from_status: null, to_status: 'draft' }]);

    // The previous version stays readable, unchanged, and still signed.
    const previous = await runInTenant(
      t.database,
      systemActor(org.tenantId),
      org.tenantId,
      null,
      (ctx) => getAgreementDetail(ctx, signed.id),
    );
    expect(previous.status).toBe('signed');
    expect(previous.objectives[0]?.indicators).toHaveLength(2);
  });

  it('refuses a second open revision, in the API and in the database', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const first = await revise(signed.id);
    expect(first.status).toBe(201);
    const second = await revise(signed.id);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('REVISION_NOT_ALLOWED');
    expect(second.body.error.message).toMatch(/Sudah ada PK Perubahan yang sedang disusun/);

    const refused = await dbRefusal(
      t.database.withTenant(org.tenantId, async (tx) => {
        const [row] = await tx.select().from(agreements).where(eq(agreements.id, first.body.id));
        if (!row) throw new Error('revision missing');
        await tx.insert(agreements).values({
          ...row,
          id: newId(),
          revisionNo: 2,
          previousId: first.body.id,
          status: 'draft',
        });
      }),
    );
    expect(refused).toMatchObject({ code: '23505', constraint: 'agreements_one_open_revision' });
  });

  it('shows exactly the changes: a target, an amount, an added indicator', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const created = await revise(signed.id);
    const revisionId = created.body.id;
    await t.database.withTenant(org.tenantId, async (tx) => {
      const [indicator] = await tx
        .select()
        .from(agreementIndicators)
        .where(
          and(
            eq(agreementIndicators.agreementId, revisionId),
            eq(agreementIndicators.name, 'Jumlah puskesmas terakreditasi'),
          ),
        );
      if (!indicator) throw new Error('copied indicator missing');
      await tx
        .update(agreementTargets)
        .set({ targetValue: '5' })
        .where(
          and(
            eq(agreementTargets.indicatorId, indicator.id),
            eq(agreementTargets.year, 2026),
            eq(agreementTargets.quarter, 4),
          ),
        );
      await tx
        .update(agreementBudgets)
        .set({ amount: '0.30' })
        .where(
          and(eq(agreementBudgets.agreementId, revisionId), eq(agreementBudgets.amount, '0.10')),
        );
      const newIndicatorId = newId();
      await tx.insert(agreementIndicators).values({
        tenantId: org.tenantId,
        id: newIndicatorId,
        agreementId: revisionId,
        objectiveId: indicator.objectiveId,
        name: 'Persentase ibu hamil mendapat pelayanan',
        satuan: '%',
        sortOrder: 2,
      });
      await tx.insert(agreementTargets).values({
        tenantId: org.tenantId,
        agreementId: revisionId,
        indicatorId: newIndicatorId,
        year: 2026,
        quarter: 0,
        targetValue: '95',
      });
    });

    const diff = await admin.get<Diff>(`/api/agreements/${revisionId}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body.summary).toEqual({
      objectivesAdded: 0,
      objectivesRemoved: 0,
      objectivesChanged: 0,
      indicatorsAdded: 1,
      indicatorsRemoved: 0,
      indicatorsChanged: 0,
      targetsChanged: 1,
      budgetRowsAdded: 0,
      budgetRowsRemoved: 0,
      budgetRowsChanged: 1,
      partiesChanged: 0,
    });
    const indicators = diff.body.objectives[0]?.indicators ?? [];
    expect(indicators.map((i) => i.change)).toEqual(['unchanged', 'changed', 'added']);
    expect(indicators[1]?.targets).toEqual([
      {
        year: 2026,
        quarter: 4,
        old: { kind: 'number', value: '3' },
        new: { kind: 'number', value: '5' },
      },
    ]);
    expect(indicators[2]?.new?.name).toBe('Persentase ibu hamil mendapat pelayanan');
    expect(diff.body.budgets.rows[1]?.fields).toEqual([
      { field: 'amount', old: '0.10', new: '0.30' },
    ]);
    expect(diff.body.budgets.totalOld).toBe('1500000000.10');
    expect(diff.body.budgets.totalNew).toBe('1500000000.30');
  });

  it('answers 409 for the diff of an original PK', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const res = await admin.get<ErrorBody>(`/api/agreements/${signed.id}/diff`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REVISION_NOT_ALLOWED');
    expect(res.body.error.message).toMatch(/bukan PK Perubahan/);
  });

  describe('past-quarter lock', () => {
    let revisionId: string;

    beforeAll(async () => {
      const signed = await seedSignedAgreement(t.database, org);
      revisionId = (await revise(signed.id)).body.id;
    });

    class Accepted extends Error {}

    /**
     * Changes one target of the revision and runs the lock in the same transaction, which is
     * always rolled back so every case starts from the copy: resolves 'accepted' or rejects with
     * the lock's refusal.
     */
    const changeAndCheck = (quarter: number, value: string, today: string) =>
      runInTenant(t.database, systemActor(org.tenantId), org.tenantId, null, async (ctx) => {
        const [indicator] = await ctx.tx
          .select()
          .from(agreementIndicators)
          .where(
            and(
              eq(agreementIndicators.agreementId, revisionId),
              eq(agreementIndicators.name, 'Cakupan pelayanan kesehatan dasar'),
            ),
          );
        if (!indicator) throw new Error('indicator missing');
        await ctx.tx
          .update(agreementTargets)
          .set({ targetValue: value })
          .where(
            and(
              eq(agreementTargets.indicatorId, indicator.id),
              eq(agreementTargets.year, 2026),
              eq(agreementTargets.quarter, quarter),
            ),
          );
        await assertPastQuartersUnchanged(ctx, revisionId, today);
        throw new Accepted();
      }).catch((error: unknown) => {
        if (error instanceof Accepted) return 'accepted';
        throw error;
      });

    it('refuses a change of TW I once its realisasi deadline passed, naming it', async () => {
      const error = await refusal(changeAndCheck(1, '71', '2026-08-01'));
      expect(error.code).toBe('QUARTER_LOCKED');
      expect(error.message).toMatch(/TW I 2026/);
      const fields = (error.details as { fields: Record<string, unknown>[] }).fields;
      expect(fields).toEqual([
        expect.objectContaining({
          path: 'objectives.0.indicators.0.targets.2026.quarters.0',
          indicatorName: 'Cakupan pelayanan kesehatan dasar',
          year: 2026,
          quarter: 1,
          deadline: '2026-04-14',
          old: { kind: 'number', value: '70.1' },
          new: { kind: 'number', value: '71' },
        }),
      ]);
      expect(String(fields[0]?.message)).toMatch(/TW I 2026/);
    });

    it('refuses TW II too, but allows TW IV and the annual target before the year is over', async () => {
      expect((await refusal(changeAndCheck(2, '76', '2026-08-01'))).code).toBe('QUARTER_LOCKED');
      await expect(changeAndCheck(4, '85', '2026-08-01')).resolves.toBe('accepted');
      await expect(changeAndCheck(0, '85', '2026-08-01')).resolves.toBe('accepted');
      // On the deadline day itself TW II is still open.
      await expect(changeAndCheck(2, '76', '2026-07-14')).resolves.toBe('accepted');
    });

    it('locks the annual target once all four quarters are past', async () => {
      const error = await refusal(changeAndCheck(0, '85', '2027-01-15'));
      expect(error.code).toBe('QUARTER_LOCKED');
      const fields = (error.details as { fields: { path: string }[] }).fields;
      expect(fields.map((f) => f.path)).toEqual(['objectives.0.indicators.0.targets.2026.annual']);
    });

    it('is enforced by the content editor (PUT /content) of a revision', async () => {
      interface Detail {
        version: number;
        objectives: {
          id: string;
          title: string;
          indicators: {
            id: string;
            name: string;
            satuan: string;
            polarity: string;
            method: string;
            aggregation: string;
            isIku: boolean;
            targets: { year: number; annual: unknown; quarters: unknown[] }[];
          }[];
        }[];
        budgets: {
          programCode: string;
          programName: string;
          kegiatanCode: string | null;
          kegiatanName: string | null;
          amount: string;
        }[];
      }
      const detail = (await admin.get<Detail>(`/api/agreements/${revisionId}`)).body;
      const body = {
        version: detail.version,
        objectives: detail.objectives.map((o) => ({
          id: o.id,
          title: o.title,
          indicators: o.indicators.map((i) => ({
            id: i.id,
            name: i.name,
            satuan: i.satuan,
            polarity: i.polarity,
            method: i.method,
            aggregation: i.aggregation,
            isIku: i.isIku,
            targets: i.targets,
          })),
        })),
        budgets: detail.budgets.map((b) => ({
          programCode: b.programCode,
          programName: b.programName,
          kegiatanCode: b.kegiatanCode,
          kegiatanName: b.kegiatanName,
          amount: b.amount,
        })),
      };
      // Every run is after 14 April 2026, the realisasi deadline of TW I 2026.
      const quarters = body.objectives[0]?.indicators[0]?.targets[0]?.quarters;
      if (!quarters) throw new Error('targets missing');
      quarters[0] = { kind: 'number', value: '70.9' };
      const res = await admin.put<ErrorBody>(`/api/agreements/${revisionId}/content`, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('QUARTER_LOCKED');
      expect(res.body.error.details?.fields).toEqual([
        expect.objectContaining({
          path: 'objectives.0.indicators.0.targets.2026.quarters.0',
          quarter: 1,
        }),
      ]);
      // Nothing was written.
      const after = (await admin.get<Detail>(`/api/agreements/${revisionId}`)).body;
      expect(after.version).toBe(detail.version);
    });

    it('lets an original PK through untouched', async () => {
      const draft = await seedSignedAgreement(t.database, org, { sign: false });
      await expect(
        runInTenant(t.database, systemActor(org.tenantId), org.tenantId, null, (ctx) =>
          assertPastQuartersUnchanged(ctx, draft.id, '2027-06-01'),
        ),
      ).resolves.toBeUndefined();
    });
  });

  it('supersedes the previous version when the revision is signed, and the database keeps it frozen', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const revisionId = (await revise(signed.id)).body.id;
    await signAgreement(t.database, revisionId);
    const result = await t.database.withTenant(org.tenantId, (tx) =>
      supersedePrevious(tx, org.tenantId, revisionId),
    );
    expect(result).toEqual({ previousId: signed.id, fromStatus: 'signed' });
    // Idempotent.
    expect(
      await t.database.withTenant(org.tenantId, (tx) =>
        supersedePrevious(tx, org.tenantId, revisionId),
      ),
    ).toBeNull();

    const versions = await admin.get<Versions>(`/api/agreements/${revisionId}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.rootId).toBe(signed.id);
    expect(versions.body.items.map((v) => [v.revisionNo, v.status, v.latest])).toEqual([
      [0, 'superseded', false],
      [1, 'signed', true],
    ]);
    expect(versions.body.items[0]?.supersededAt).not.toBeNull();
    expect(versions.body.items[0]?.signedAt).not.toBeNull();
    expect(versions.body.items[0]?.permissions.revise).toBe(false);
    expect(versions.body.items[1]?.permissions.revise).toBe(true);

    // The superseded version: content and header frozen, no way back to signed.
    expect(
      await dbRefusal(
        t.database.withTenant(org.tenantId, (tx) =>
          tx
            .update(agreementObjectives)
            .set({ title: 'Judul baru sasaran' })
            .where(eq(agreementObjectives.agreementId, signed.id)),
        ),
      ),
    ).toMatchObject({ code: 'AM011' });
    expect(
      await dbRefusal(
        t.database.withTenant(org.tenantId, (tx) =>
          tx
            .update(agreements)
            .set({ agreementDate: '2026-02-01' })
            .where(eq(agreements.id, signed.id)),
        ),
      ),
    ).toMatchObject({ code: 'AM011' });
    expect(
      await dbRefusal(
        t.database.withTenant(org.tenantId, (tx) =>
          tx.update(agreements).set({ status: 'signed' }).where(eq(agreements.id, signed.id)),
        ),
      ),
    ).toMatchObject({ code: 'AM012' });

    // Revisions continue from the latest version only.
    const fromOld = await revise(signed.id);
    expect(fromOld.status).toBe(409);
    expect(fromOld.body.error.message).toMatch(/digantikan/);
    const second = await revise(revisionId, { reason: 'perubahan_prioritas' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revisionNo: 2, rootId: signed.id, previousId: revisionId });
  });

  it('refuses to supersede before the revision is signed', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const revisionId = (await revise(signed.id)).body.id;
    const error = await refusal(
      t.database.withTenant(org.tenantId, (tx) => supersedePrevious(tx, org.tenantId, revisionId)),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
  });

  it('re-resolves the parties for a mutasi', async () => {
    const signed = await seedSignedAgreement(t.database, org);
    const today = todayIn('Asia/Jakarta');
    const yesterday = new Date(`${today}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    const plt = newId();
    // The head of the office leaves yesterday; a Plt takes over today.
    await t.database.withTenant(org.tenantId, async (tx) => {
      await tx
        .update(assignments)
        .set({ endDate: yesterday.toISOString().slice(0, 10) })
        .where(eq(assignments.employeeId, org.headEmployeeId));
      await tx.insert(employees).values({
        tenantId: org.tenantId,
        id: plt,
        nip: validNip(),
        name: 'Ahmad Fauzi',
        backTitle: 'S.KM',
        gender: 'L',
        employeeType: 'pns',
      });
      await tx.insert(assignments).values({
        tenantId: org.tenantId,
        positionId: org.headPositionId,
        employeeId: plt,
        kind: 'plt',
        startDate: today,
      });
    });
    try {
      const res = await revise(signed.id, {
        reason: 'mutasi',
        note: 'Kepala Dinas dimutasi; Plt Kepala Dinas menjadi pihak kedua',
      });
      expect(res.status).toBe(201);
      const [row] = await t.database.withSystem((tx) =>
        tx.select().from(agreements).where(eq(agreements.id, res.body.id)),
      );
      expect(row).toMatchObject({
        secondPartyEmployeeId: plt,
        secondPartyAssignmentKind: 'plt',
        agreementDate: today,
        revisionReason: 'mutasi',
      });
      const diff = await admin.get<Diff>(`/api/agreements/${res.body.id}/diff`);
      expect(diff.body.parties.map((p) => p.change)).toEqual(['unchanged', 'changed']);
      expect(diff.body.parties[1]?.fields).toContainEqual({
        field: 'name',
        old: 'dr. Siti Aminah, M.Kes',
        new: 'Ahmad Fauzi, S.KM',
      });

      // Any other reason keeps the parties of the revised version.
      const other = await seedSignedAgreement(t.database, org);
      const kept = await revise(other.id);
      const [keptRow] = await t.database.withSystem((tx) =>
        tx.select().from(agreements).where(eq(agreements.id, kept.body.id)),
      );
      expect(keptRow?.secondPartyEmployeeId).toBe(org.headEmployeeId);
    } finally {
      await t.database.withTenant(org.tenantId, async (tx) => {
        await tx.delete(assignments).where(eq(assignments.employeeId, plt));
        await tx
          .update(assignments)
          .set({ endDate: null })
          .where(eq(assignments.employeeId, org.headEmployeeId));
      });
    }
  });

  it('handles a multi-year PK: every year copied, compared and locked', async () => {
    const signed = await seedSignedAgreement(t.database, org, { endYear: 2030 });
    const created = await revise(signed.id);
    expect(created.status).toBe(201);
    expect(await contentCounts(t.database, created.body.id)).toMatchObject({ targets: 50 });
    await t.database.withTenant(org.tenantId, async (tx) => {
      await tx
        .update(agreementTargets)
        .set({ targetValue: '84.75' })
        .where(
          and(
            eq(agreementTargets.agreementId, created.body.id),
            eq(agreementTargets.year, 2029),
            eq(agreementTargets.quarter, 0),
            eq(agreementTargets.targetValue, '83.5'),
          ),
        );
    });
    const diff = await admin.get<Diff>(`/api/agreements/${created.body.id}/diff`);
    expect(diff.body.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(diff.body.objectives[0]?.indicators[0]?.targets).toEqual([
      {
        year: 2029,
        quarter: 0,
        old: { kind: 'number', value: '83.5' },
        new: { kind: 'number', value: '84.75' },
      },
    ]);
    // In 2027 the whole of 2026 is locked, the later years are free.
    await expect(
      runInTenant(t.database, systemActor(org.tenantId), org.tenantId, null, (ctx) =>
        assertPastQuartersUnchanged(ctx, created.body.id, '2027-03-01'),
      ),
    ).resolves.toBeUndefined();
  });

  it('answers 404 for another tenant’s PK on every revision route', async () => {
    const other = await seedOrg(t.database);
    const foreign = await seedSignedAgreement(t.database, other);
    const asOther = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    const foreignRevision = await asOther.post<Created>(`/api/agreements/${foreign.id}/revisions`, {
      version: await currentVersion(t.database, foreign.id),
      reason: 'perubahan_strategi',
      note: NOTE,
    });
    expect(foreignRevision.status).toBe(201);
    for (const id of [foreign.id, foreignRevision.body.id]) {
      const post = await revise(id);
      expect(post.status).toBe(404);
      expect((await admin.get(`/api/agreements/${id}/diff`)).status).toBe(404);
      expect((await admin.get(`/api/agreements/${id}/versions`)).status).toBe(404);
    }
  });
});
