import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { newId } from '../../src/db/columns.js';
import type {
  bulkCreateResultSchema,
  clausesOverviewSchema,
  clauseVersionDetailSchema,
  pactDetailSchema,
  pactDocumentSchema,
  pactListSchema,
  statusSchema,
} from '../../src/modules/integrity/integrity-schemas.js';
import { assignments, employees, positions } from '../../src/modules/org/schema.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD, validNip } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Overview = z.infer<typeof clausesOverviewSchema>;
type VersionDetail = z.infer<typeof clauseVersionDetailSchema>;
type Pact = z.infer<typeof pactDetailSchema>;
type PactList = z.infer<typeof pactListSchema>;
type Bulk = z.infer<typeof bulkCreateResultSchema>;
type Status = z.infer<typeof statusSchema>;
type PactDocument = z.infer<typeof pactDocumentSchema>;

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * The agreement fixture's organisation plus staff, so a subtree holds more than its heads:
 *   Seksi Rujukan: pelaksana (staffRujukan), witnessed by the Kepala Seksi;
 *   Sekretariat Dinkes (its Sekretaris position has NO holder): pelaksana (staffSekretariat),
 *     witnessed by the next superior up, the Kepala Dinas;
 *   an employee with no position at all (unplaced).
 */
async function addStaff(t: TestApp, f: AgreementFixture) {
  const ids = {
    staffRujukan: newId(),
    staffSekretariat: newId(),
    unplaced: newId(),
    posRujukan: newId(),
    posSekretariat: newId(),
  };
  await t.database.withTenant(f.tenantId, async (tx) => {
    await tx.insert(positions).values([
      {
        tenantId: f.tenantId,
        id: ids.posRujukan,
        unitId: f.units.rujukan,
        title: 'Pengadministrasi Rujukan',
        kind: 'pelaksana',
      },
      {
        tenantId: f.tenantId,
        id: ids.posSekretariat,
        unitId: f.units.sekretariat,
        title: 'Pengadministrasi Umum',
        kind: 'pelaksana',
      },
    ]);
    await tx.insert(employees).values(
      (
        [
          [ids.staffRujukan, 'Rudi Hartono'],
          [ids.staffSekretariat, 'Sri Wahyuni'],
          [ids.unplaced, 'Tono Tanpa Jabatan'],
        ] as const
      ).map(([id, name]) => ({
        tenantId: f.tenantId,
        id,
        nip: validNip(),
        name,
        gender: 'L' as const,
        employeeType: 'pns' as const,
        grade: 'II/c',
      })),
    );
    await tx.insert(assignments).values([
      {
        tenantId: f.tenantId,
        positionId: ids.posRujukan,
        employeeId: ids.staffRujukan,
        kind: 'definitif',
        startDate: '2021-03-01',
      },
      {
        tenantId: f.tenantId,
        positionId: ids.posSekretariat,
        employeeId: ids.staffSekretariat,
        kind: 'definitif',
        startDate: '2021-03-01',
      },
    ]);
  });
  return ids;
}

describe.each(testDatabaseKinds())('Pakta Integritas on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let staff: Awaited<ReturnType<typeof addStaff>>;
  let admin: ApiClient;
  let operator: ApiClient;
  let otherOperator: ApiClient;
  let viewer: ApiClient;
  let tenantName: string;
  let kabidPact: Pact;

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    staff = await addStaff(t, f);
    admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
    otherOperator = await signIn(t.app, f.users.operatorDisdik, TEST_PASSWORD);
    viewer = await signIn(t.app, f.users.viewer, TEST_PASSWORD);
    const rows = await t.database.withSystem((tx) =>
      tx.execute(sql`select name from tenants where id = ${f.tenantId}`),
    );
    tenantName = (rows as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
  });
  afterAll(() => t.close());

  const auditActions = async (entityId: string) => {
    const result = await t.database.withSystem((tx) =>
      tx.execute(sql`select action from audit_events where entity_id = ${entityId} order by seq`),
    );
    return (result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
  };

  describe('clauses', () => {
    it('starts with the seven standard clauses as version 1, made on first read', async () => {
      const res = await viewer.get<Overview>('/api/integrity/clauses');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.current.version).toBe(1);
      expect(res.body.current.clauses).toHaveLength(7);
      expect(res.body.current.clauses[5]).toContain('penyimpangan integritas di {instansi}');
      expect(res.body.current.createdByName).toBeNull();
      expect(res.body.history.map((h) => h.version)).toEqual([1]);
      expect(res.body.instansi).toBe(tenantName);
      expect(res.body.permissions).toEqual({ update: false });
      const again = await admin.get<Overview>('/api/integrity/clauses');
      expect(again.body.current.id).toBe(res.body.current.id);
      expect(again.body.permissions).toEqual({ update: true });
    });

    it('lets only the admin save a version', async () => {
      const res = await operator.post<ErrorBody>('/api/integrity/clauses', {
        clauses: ['Klausul yang cukup panjang untuk disimpan'],
      });
      expect(res.status).toBe(403);
    });

    it('refuses duplicates and unknown placeholders, naming each clause', async () => {
      const res = await admin.post<ErrorBody>('/api/integrity/clauses', {
        clauses: [
          'Bersikap jujur dalam setiap tugas',
          'bersikap   JUJUR dalam setiap tugas',
          'Menjaga nama baik {instansii}',
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details?.fields).toEqual([
        { path: 'clauses.1', message: 'Klausul ini sama dengan klausul nomor 1.' },
        { path: 'clauses.2', message: expect.stringContaining('{instansii}') },
      ]);
    });

    it('refuses a list shorter than 1 or a clause under 10 characters (schema)', async () => {
      expect((await admin.post('/api/integrity/clauses', { clauses: [] })).status).toBe(400);
      expect((await admin.post('/api/integrity/clauses', { clauses: ['pendek'] })).status).toBe(
        400,
      );
    });

    it('refuses saving the same clauses again', async () => {
      const current = await admin.get<Overview>('/api/integrity/clauses');
      const res = await admin.post<ErrorBody>('/api/integrity/clauses', {
        clauses: current.body.current.clauses,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('sama dengan versi 1');
    });
  });

  describe('one pact', () => {
    it('makes the annual pact of an eselon III head, witnessed by the head of PD', async () => {
      const res = await operator.post<Pact>('/api/integrity/pacts', {
        employeeId: f.employees.kabid,
        occasion: 'annual',
        fiscalYear: 2026,
        pactDate: '2026-01-05',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      kabidPact = res.body;
      expect(kabidPact).toMatchObject({
        occasion: 'annual',
        fiscalYear: 2026,
        status: 'pending',
        pactDate: '2026-01-05',
        maker: { employeeId: f.employees.kabid, positionId: f.positions.kabid },
        unit: { id: f.units.yankes },
        witness: { employeeId: f.employees.kadinkes, positionId: f.positions.kadinkes },
        clauseVersion: 1,
        document: null,
        permissions: { void: true, document: true },
      });
      // The place is the tenant's short name (no signing.place set).
      expect(kabidPact.place.length).toBeGreaterThan(0);
      expect(kabidPact.clauses[5]).toContain(`penyimpangan integritas di ${tenantName} serta`);
      expect(kabidPact.clauses.join(' ')).not.toContain('{instansi}');
      expect(await auditActions(kabidPact.id)).toEqual(['integrity_pact.create']);
    });

    it('refuses a second annual pact for the same year, naming the first', async () => {
      const res = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kabid,
        occasion: 'annual',
        fiscalYear: 2026,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DUPLICATE');
      expect(res.body.error.message).toContain('tahunan 2026');
      expect(res.body.error.message).toContain('Agus Salim');
      expect(res.body.error.details).toMatchObject({ pactId: kabidPact.id });
    });

    it('explains that an employee without a position cannot make a pact', async () => {
      const res = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: staff.unplaced,
        occasion: 'annual',
        fiscalYear: 2026,
        pactDate: '2026-01-05',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('tidak memegang jabatan pada tanggal 05-01-2026');
      expect(res.body.error.details).toMatchObject({ fields: [{ path: 'employeeId' }] });
    });

    it('asks for the fiscal year of an annual pact and the assignment of an appointment', async () => {
      const annual = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kadisdik,
        occasion: 'annual',
      });
      expect(annual.status).toBe(400);
      expect(annual.body.error.details).toMatchObject({ fields: [{ path: 'fiscalYear' }] });
      const appointment = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kadisdik,
        occasion: 'appointment',
      });
      expect(appointment.status).toBe(400);
      expect(appointment.body.error.details).toMatchObject({ fields: [{ path: 'assignmentId' }] });
    });

    it('refuses a pact date outside the fiscal year', async () => {
      const res = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kadisdik,
        occasion: 'annual',
        fiscalYear: 2026,
        pactDate: '2027-02-01',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toMatchObject({ fields: [{ path: 'pactDate' }] });
    });

    it('keeps a scoped operator to their own unit', async () => {
      const res = await otherOperator.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kasi,
        occasion: 'annual',
        fiscalYear: 2026,
      });
      expect(res.status).toBe(403);
    });

    it('makes an appointment pact for an assignment, dated on its start, once', async () => {
      const rows = await t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(
          sql`select id from assignments where tenant_id = ${f.tenantId} and employee_id = ${f.employees.kasi}`,
        ),
      );
      const assignmentId = (rows as unknown as { rows: { id: string }[] }).rows[0]?.id;
      const wrongYear = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kasi,
        occasion: 'appointment',
        assignmentId,
        fiscalYear: 2026,
      });
      expect(wrongYear.status).toBe(400);
      expect(wrongYear.body.error.message).toContain('2020');
      const res = await admin.post<Pact>('/api/integrity/pacts', {
        employeeId: f.employees.kasi,
        occasion: 'appointment',
        assignmentId,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        occasion: 'appointment',
        fiscalYear: 2020,
        pactDate: '2020-01-01',
        assignmentId,
        witness: { employeeId: f.employees.kabid },
      });
      const again = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kasi,
        occasion: 'appointment',
        assignmentId,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('DUPLICATE');
      expect(again.body.error.message).toContain('pelantikan');
      // Another employee's assignment is not theirs to pledge on.
      const other = await admin.post<ErrorBody>('/api/integrity/pacts', {
        employeeId: f.employees.kabid,
        occasion: 'appointment',
        assignmentId,
      });
      expect(other.status).toBe(400);
    });
  });

  describe('clause versions and existing pacts', () => {
    let v2: VersionDetail;

    it('saves a new version with its difference, and the made pact keeps its text', async () => {
      const current = await admin.get<Overview>('/api/integrity/clauses');
      const clauses = [...current.body.current.clauses];
      clauses.splice(
        2,
        1,
        'Bersikap transparan, jujur, objektif, adil, dan akuntabel dalam melaksanakan tugas;',
      );
      clauses.push('Melaporkan harta kekayaan secara jujur dan tepat waktu kepada {instansi};');
      const stale = await admin.post<ErrorBody>('/api/integrity/clauses', {
        clauses,
        baseVersion: 7,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VERSION_CONFLICT');
      const res = await admin.post<VersionDetail>('/api/integrity/clauses', {
        clauses,
        note: 'Tambah klausul LHKPN',
        baseVersion: 1,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      v2 = res.body;
      expect(v2).toMatchObject({ version: 2, previousVersion: 1, note: 'Tambah klausul LHKPN' });
      expect(v2.createdByName).toContain('Admin');
      expect(v2.diff?.counts).toEqual({ unchanged: 6, added: 1, removed: 0, changed: 1, moved: 0 });
      expect(await auditActions(v2.id)).toEqual(['integrity_clauses.update']);

      const pact = await admin.get<Pact>(`/api/integrity/pacts/${kabidPact.id}`);
      expect(pact.body.clauseVersion).toBe(1);
      expect(pact.body.clauses).toEqual(kabidPact.clauses);

      const overview = await admin.get<Overview>('/api/integrity/clauses');
      expect(overview.body.current.version).toBe(2);
      expect(overview.body.history.map((h) => h.version)).toEqual([2, 1]);
      const first = await admin.get<VersionDetail>(
        `/api/integrity/clauses/${overview.body.history[1]?.id}`,
      );
      expect(first.body).toMatchObject({ version: 1, previousVersion: null, diff: null });
    });

    it('makes new pacts with the new version', async () => {
      const res = await admin.post<Pact>('/api/integrity/pacts', {
        employeeId: f.employees.kadisdik,
        occasion: 'annual',
        fiscalYear: 2026,
        pactDate: '2026-01-05',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.clauseVersion).toBe(2);
      expect(res.body.clauses).toHaveLength(8);
      expect(res.body.clauses[7]).toContain(`kepada ${tenantName};`);
      // Head of PD: witnessed by the Kepala Daerah.
      expect(res.body.witness?.employeeId).toBe(f.employees.walikota);
    });
  });

  describe('bulk creation', () => {
    it('keeps a scoped operator to their subtree, and the whole Pemda to the admin', async () => {
      const outside = await operator.post<ErrorBody>('/api/integrity/pacts/bulk', {
        unitId: f.units.disdik,
        fiscalYear: 2026,
      });
      expect(outside.status).toBe(403);
      const whole = await operator.post<ErrorBody>('/api/integrity/pacts/bulk', {
        unitId: null,
        fiscalYear: 2026,
      });
      expect(whole.status).toBe(403);
    });

    it('counts first on a dry run, writing nothing', async () => {
      const res = await operator.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: f.units.dinkes,
        fiscalYear: 2026,
        pactDate: '2026-01-06',
        dryRun: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Dinkes subtree: Kepala Dinas, Kabid (has one), Kasi, two staff.
      expect(res.body).toEqual({
        created: 4,
        skipped: 1,
        failed: [],
        pactDate: '2026-01-06',
        dryRun: true,
      });
      const list = await admin.get<PactList>(
        `/api/integrity/pacts?fiscalYear=2026&unitId=${f.units.dinkes}`,
      );
      expect(list.body.total).toBe(1);
    });

    it('makes the pacts of a subtree, skipping who has one, with the superiors as witnesses', async () => {
      const res = await operator.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: f.units.dinkes,
        fiscalYear: 2026,
        pactDate: '2026-01-06',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ created: 4, skipped: 1, failed: [], dryRun: false });

      const list = await admin.get<PactList>(
        `/api/integrity/pacts?fiscalYear=2026&unitId=${f.units.dinkes}`,
      );
      expect(list.body.total).toBe(5);
      const witnessOf = new Map(
        list.body.items.map((p) => [p.maker.employeeId, p.witness?.employeeId ?? null]),
      );
      expect(Object.fromEntries(witnessOf)).toEqual({
        [f.employees.kadinkes]: f.employees.walikota,
        [f.employees.kabid]: f.employees.kadinkes,
        [f.employees.kasi]: f.employees.kabid,
        [staff.staffRujukan]: f.employees.kasi,
        // The Sekretaris position is vacant: the Kepala Dinas witnesses instead.
        [staff.staffSekretariat]: f.employees.kadinkes,
      });
      const audit = await t.database.withSystem((tx) =>
        tx.execute(
          sql`select data from audit_events where tenant_id = ${f.tenantId}
               and action = 'integrity_pact.bulk_create' and entity_id = ${f.units.dinkes}`,
        ),
      );
      expect((audit as unknown as { rows: { data: unknown }[] }).rows[0]?.data).toMatchObject({
        created: 4,
        skipped: 1,
        failed: 0,
        fiscalYear: 2026,
      });
    });

    it('makes the Kepala Daerah pact without a witness for the whole Pemda', async () => {
      const res = await admin.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: null,
        fiscalYear: 2026,
        pactDate: '2026-01-06',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Walikota is new; the five of Dinkes and the Kepala Dinas Pendidikan already have one.
      expect(res.body).toMatchObject({ created: 1, skipped: 6, failed: [] });
      const list = await admin.get<PactList>(
        '/api/integrity/pacts?fiscalYear=2026&q=Budi%20Walikota',
      );
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ unit: null, witness: null });
    });

    it('reports employees for whom no witness holds office, and makes the others', async () => {
      // In 2019 nobody held any position yet except the staff hired later: nobody at all.
      const early = await admin.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: null,
        fiscalYear: 2020,
        pactDate: '2020-01-01',
        dryRun: true,
      });
      expect(early.body.created).toBe(5);
      // The Kepala Seksi and the Wali Kota leave office in mid 2026.
      await t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(
          sql`update assignments set end_date = '2026-06-30'
               where tenant_id = ${f.tenantId} and employee_id = ${f.employees.kasi}
                 and position_id = ${f.positions.kasi}`,
        ),
      );
      await t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(
          sql`update assignments set end_date = '2026-06-30'
               where tenant_id = ${f.tenantId} and employee_id = ${f.employees.walikota}`,
        ),
      );
      const res = await admin.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: null,
        fiscalYear: 2027,
        pactDate: '2027-01-04',
        dryRun: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // The Kabid and both staff are made (the Seksi's staff answers to the Kabid now); the
      // two Kepala Dinas answer to a vacant Wali Kota: no witness, reported by name.
      expect(res.body.created).toBe(3);
      expect(res.body.failed.map((x) => x.employee.name).sort()).toEqual([
        'Joko Susilo',
        'Siti Aminah',
      ]);
      expect(res.body.failed[0]?.reason).toContain('04-01-2027');
      await t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(
          sql`update assignments set end_date = null
               where tenant_id = ${f.tenantId}
                 and employee_id in (${f.employees.kasi}, ${f.employees.walikota})`,
        ),
      );
    });
  });

  describe('status per unit', () => {
    it('counts employees, pacts made and signed per PD and for the Kepala Daerah', async () => {
      const res = await viewer.get<Status>('/api/integrity/status?fiscalYear=2026');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const rows = res.body.rows.map((r) => [r.label, r.employees, r.pacts, r.signed, r.percent]);
      expect(rows).toEqual([
        ['Kepala Daerah dan Wakil', 1, 1, 0, '0.00'],
        ['Dinas Kesehatan', 5, 5, 0, '0.00'],
        ['Dinas Pendidikan', 1, 1, 0, '0.00'],
      ]);
      expect(res.body.total).toEqual({ employees: 7, pacts: 7, signed: 0, percent: '0.00' });
      expect(res.body.permissions).toEqual({ bulkCreate: false });
      expect(res.body.rows[1]?.unit).toMatchObject({ id: f.units.dinkes, hasChildren: true });
    });

    it('drills into a unit: its children and who sits directly in it', async () => {
      const res = await operator.get<Status>(
        `/api/integrity/status?fiscalYear=2026&unitId=${f.units.dinkes}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.unit).toEqual({ id: f.units.dinkes, name: 'Dinas Kesehatan' });
      expect(res.body.path).toEqual([{ id: f.units.dinkes, name: 'Dinas Kesehatan' }]);
      const rows = res.body.rows.map((r) => [r.label, r.employees, r.pacts, r.signed]);
      expect(rows).toEqual([
        ['Langsung di Dinas Kesehatan', 1, 1, 0],
        ['Bidang Pelayanan Kesehatan', 3, 3, 0],
        ['Sekretariat Dinas Kesehatan', 1, 1, 0],
      ]);
      expect(res.body.permissions).toEqual({ bulkCreate: true });
      expect(res.body.rows[1]?.permissions).toEqual({ bulkCreate: true });
      const top = await operator.get<Status>('/api/integrity/status?fiscalYear=2026');
      expect(top.body.rows.map((r) => r.permissions.bulkCreate)).toEqual([false, true, false]);
    });

    it('counts nobody as having a pact in a year without pacts', async () => {
      const res = await viewer.get<Status>('/api/integrity/status?fiscalYear=2025');
      expect(res.body.total).toMatchObject({ employees: 7, pacts: 0, signed: 0 });
    });
  });

  describe('list, document and void', () => {
    it('filters by status and searches by NIP or position', async () => {
      const byPosition = await viewer.get<PactList>(
        '/api/integrity/pacts?fiscalYear=2026&q=rujukan',
      );
      expect(byPosition.body.items.map((p) => p.maker.employeeId).sort()).toEqual(
        [f.employees.kasi, staff.staffRujukan].sort(),
      );
      const signed = await viewer.get<PactList>(
        '/api/integrity/pacts?fiscalYear=2026&status=signed',
      );
      expect(signed.body).toMatchObject({ total: 0, items: [], page: 1, pageSize: 50 });
      expect(signed.body.permissions).toEqual({ create: false });
    });

    it('makes the PDF once when first opened: maker then witness', async () => {
      const res = await viewer.get<PactDocument>(`/api/integrity/pacts/${kabidPact.id}/document`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'pending', signerCount: 2, signedCount: 0 });
      expect(res.body.pdfUrl).toBe(`/api/documents/${res.body.id}/pdf`);
      const again = await admin.get<PactDocument>(`/api/integrity/pacts/${kabidPact.id}/document`);
      expect(again.body.id).toBe(res.body.id);
      const signers = await t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(
          sql`select seq, role, employee_id, jabatan from document_signers
               where tenant_id = ${f.tenantId} and document_id = ${res.body.id} order by seq`,
        ),
      );
      expect((signers as unknown as { rows: unknown[] }).rows).toEqual([
        {
          seq: 1,
          role: 'pembuat',
          employee_id: f.employees.kabid,
          jabatan: 'Kepala Bidang Pelayanan Kesehatan',
        },
        {
          seq: 2,
          role: 'saksi',
          employee_id: f.employees.kadinkes,
          jabatan: 'Kepala Dinas Kesehatan',
        },
      ]);
      const pact = await viewer.get<Pact>(`/api/integrity/pacts/${kabidPact.id}`);
      expect(pact.body.document?.id).toBe(res.body.id);
    });

    it('gives the Kepala Daerah pact one signature slot', async () => {
      const list = await admin.get<PactList>('/api/integrity/pacts?fiscalYear=2026&q=Walikota');
      const id = list.body.items[0]?.id;
      const res = await admin.get<PactDocument>(`/api/integrity/pacts/${id}/document`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.signerCount).toBe(1);
    });

    it('voids an unsigned pact and its document; bulk creation makes it again', async () => {
      const outside = await otherOperator.post<ErrorBody>(
        `/api/integrity/pacts/${kabidPact.id}/void`,
        { reason: 'Salah tanggal' },
      );
      expect(outside.status).toBe(403);
      const res = await operator.post<Pact>(`/api/integrity/pacts/${kabidPact.id}/void`, {
        reason: 'Salah tanggal',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        status: 'void',
        document: null,
        permissions: { void: false, document: false },
      });
      expect(await auditActions(kabidPact.id)).toEqual([
        'integrity_pact.create',
        'integrity_pact.void',
      ]);
      const again = await operator.post<ErrorBody>(`/api/integrity/pacts/${kabidPact.id}/void`, {
        reason: 'Salah tanggal',
      });
      expect(again.status).toBe(409);
      const doc = await admin.get<ErrorBody>(`/api/integrity/pacts/${kabidPact.id}/document`);
      expect(doc.status).toBe(409);
      const bulk = await operator.post<Bulk>('/api/integrity/pacts/bulk', {
        unitId: f.units.yankes,
        fiscalYear: 2026,
      });
      expect(bulk.body).toMatchObject({ created: 1, skipped: 2 });
    });

    it('the database keeps a voided pact void', async () => {
      await expect(
        t.database.withTenant(f.tenantId, (tx) =>
          tx.execute(sql`update integrity_pacts set status = 'pending' where id = ${kabidPact.id}`),
        ),
      ).rejects.toThrow();
    });
  });

  describe('another tenant', () => {
    it('answers 404 for its pacts, clause versions, units and employees', async () => {
      const other = await createTestTenant(t.database);
      const stranger = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
      const overview = await admin.get<Overview>('/api/integrity/clauses');
      for (const url of [
        `/api/integrity/pacts/${kabidPact.id}`,
        `/api/integrity/pacts/${kabidPact.id}/document`,
        `/api/integrity/clauses/${overview.body.current.id}`,
        `/api/integrity/status?fiscalYear=2026&unitId=${f.units.dinkes}`,
      ]) {
        expect((await stranger.get(url)).status, url).toBe(404);
      }
      expect(
        (await stranger.post(`/api/integrity/pacts/${kabidPact.id}/void`, { reason: 'coba' }))
          .status,
      ).toBe(404);
      expect(
        (
          await stranger.post('/api/integrity/pacts/bulk', {
            unitId: f.units.dinkes,
            fiscalYear: 2026,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await stranger.post('/api/integrity/pacts', {
            employeeId: f.employees.kasi,
            occasion: 'annual',
            fiscalYear: 2026,
          })
        ).status,
      ).toBe(404);
      // Their own list is empty, and their clauses are their own version 1.
      const list = await stranger.get<PactList>('/api/integrity/pacts?fiscalYear=2026');
      expect(list.body.total).toBe(0);
      const theirs = await stranger.get<Overview>('/api/integrity/clauses');
      expect(theirs.body.current.version).toBe(1);
      expect(theirs.body.current.id).not.toBe(overview.body.current.id);
    });
  });
});
