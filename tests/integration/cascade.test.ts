import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import {
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
} from '../../src/modules/agreements/schema.js';
import type { CascadeNode, CascadeResult } from '../../src/modules/cascade/cascade-schemas.js';
import { indicators, planNodes } from '../../src/modules/planning/schema.js';
import type { AgreementLevel } from '../../src/shared/codes.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { markSignedForTest } from '../helpers/agreements.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestTenant, TEST_PASSWORD } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}

interface PkSpec {
  level: AgreementLevel;
  unitId: string | null;
  position: string;
  employee: string;
  second?: { position: string; employee: string };
  parentId?: string | null;
  sourceNodeId: string | null;
  sourceIndicatorId: string | null;
  title: string;
  supports: string | null;
  indicator: string;
  target: string;
  revisionOf?: string;
}

/** A PK with one sasaran and one indicator, written straight into the database as a draft. */
async function insertPk(
  database: Database,
  f: AgreementFixture,
  pk: PkSpec,
): Promise<{ agreementId: string; objectiveId: string }> {
  const agreementId = newId();
  const objectiveId = newId();
  const indicatorId = newId();
  const tenantId = f.tenantId;
  await database.withTenant(tenantId, async (tx: Tx) => {
    await tx.insert(agreements).values({
      tenantId,
      id: agreementId,
      yearId: f.yearId,
      startYear: f.year,
      endYear: f.year,
      level: pk.level,
      unitId: pk.unitId,
      planPeriodId: f.periodId,
      positionId: pk.position,
      firstPartyEmployeeId: pk.employee,
      firstPartyAssignmentKind: 'definitif',
      secondPartyPositionId: pk.second?.position ?? null,
      secondPartyEmployeeId: pk.second?.employee ?? null,
      secondPartyAssignmentKind: pk.second ? 'definitif' : null,
      agreementDate: `${f.year}-01-15`,
      parentAgreementId: pk.parentId ?? null,
      rootId: pk.revisionOf ?? agreementId,
      ...(pk.revisionOf
        ? {
            revisionNo: 1,
            previousId: pk.revisionOf,
            revisionReason: 'perubahan_strategi' as const,
            revisionNote: 'Penyesuaian APBD Perubahan.',
          }
        : {}),
    });
    await tx.insert(agreementObjectives).values({
      tenantId,
      id: objectiveId,
      agreementId,
      sourceNodeId: pk.sourceNodeId,
      title: pk.title,
      supportsObjectiveId: pk.supports,
    });
    await tx.insert(agreementIndicators).values({
      tenantId,
      id: indicatorId,
      agreementId,
      objectiveId,
      sourceIndicatorId: pk.sourceIndicatorId,
      name: pk.indicator,
      satuan: 'persen',
      isIku: pk.level !== 'eselon_iv',
    });
    await tx.insert(agreementTargets).values([
      { tenantId, indicatorId, agreementId, year: f.year, quarter: 0, targetValue: pk.target },
      { tenantId, indicatorId, agreementId, year: f.year, quarter: 4, targetValue: pk.target },
    ]);
  });
  return { agreementId, objectiveId };
}

const flatten = (nodes: CascadeNode[]): CascadeNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(testDatabaseKinds())('cascade on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let viewer: ApiClient;
  let pemda: { agreementId: string; objectiveId: string };
  let kadinkes: { agreementId: string; objectiveId: string };
  let kabid: { agreementId: string; objectiveId: string };
  let kasi: { agreementId: string; objectiveId: string };
  let kadisdik: { agreementId: string; objectiveId: string };
  let secondSasaran = '';

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    viewer = await signIn(t.app, f.users.viewer, TEST_PASSWORD);
    // A second RPJMD sasaran that no PD carries.
    secondSasaran = newId();
    await t.database.withTenant(f.tenantId, async (tx) => {
      const [rpjmd] = await tx
        .select({ parentId: planNodes.parentId })
        .from(planNodes)
        .where(eq(planNodes.id, f.nodes.rpjmdSasaran));
      await tx.insert(planNodes).values({
        tenantId: f.tenantId,
        id: secondSasaran,
        periodId: f.periodId,
        kind: 'sasaran',
        parentId: rpjmd!.parentId,
        code: 'S2',
        title: 'Meningkatnya kualitas pelayanan publik',
        sortOrder: 1,
      });
      await tx.insert(indicators).values({
        tenantId: f.tenantId,
        nodeId: secondSasaran,
        name: 'Indeks Kepuasan Masyarakat',
        satuan: 'poin',
        method: 'range',
        isIku: true,
      });
    });
  });
  afterAll(() => t.close());

  const get = (query: string) => viewer.get<CascadeResult>(`/api/cascade?${query}`);
  /** The head of Dinkes's PK (second party: the mayor) from the Renstra sasaran and indicator. */
  const insertKadinkesPk = (pk: Pick<PkSpec, 'title' | 'supports' | 'target' | 'revisionOf'>) =>
    insertPk(t.database, f, {
      level: 'kepala_pd',
      unitId: f.units.dinkes,
      position: f.positions.kadinkes,
      employee: f.employees.kadinkes,
      second: { position: f.positions.walikota, employee: f.employees.walikota },
      sourceNodeId: f.nodes.renstraSasaran,
      sourceIndicatorId: f.indicators.renstra,
      indicator: 'Angka Kematian Ibu',
      ...pk,
    });

  it('without PKs lists the RPJMD sasaran, none carried, and every unit as missing', async () => {
    const res = await get(`year=${f.year}`);
    expect(res.status).toBe(200);
    expect(res.body.yearId).toBe(f.yearId);
    expect(res.body.period?.id).toBe(f.periodId);
    expect(res.body.roots.map((r) => r.title)).toEqual([
      'Meningkatnya derajat kesehatan masyarakat',
      'Meningkatnya kualitas pelayanan publik',
    ]);
    // Without a Pemda PK the roots show the RPJMD's own indicators and targets.
    expect(res.body.roots[0]!.indicators[0]).toMatchObject({
      name: 'Usia Harapan Hidup',
      isIku: true,
    });
    expect(res.body.roots[0]!.indicators[0]!.target).toEqual({ kind: 'number', value: '72.2' });
    expect(res.body.coverage).toMatchObject({ rpjmdSasaran: 2, carried: 0, brokenLinks: 0 });
    expect(res.body.coverage.missing.map((m) => [m.unitName, m.level, m.vacant])).toEqual(
      expect.arrayContaining([
        ['Dinas Kesehatan', 'kepala_pd', false],
        ['Sekretariat Dinas Kesehatan', 'eselon_iii', true],
        ['Seksi Rujukan', 'eselon_iv', false],
      ]),
    );
  });

  it('falls back to the Renstra link while there is no Pemda PK', async () => {
    kadinkes = await insertKadinkesPk({
      title: 'Meningkatnya status kesehatan ibu dan anak',
      supports: null,
      target: '85',
    });
    const res = await get(`year=${f.year}`);
    const dinkesNode = res.body.roots[0]!.children[0]!;
    expect(dinkesNode).toMatchObject({ objectiveId: kadinkes.objectiveId, linkedVia: 'renstra' });
    expect(res.body.coverage.brokenLinks).toBe(0);
  });

  it('builds the tree Pemda → PD → eselon III → eselon IV with targets and parties', async () => {
    pemda = await insertPk(t.database, f, {
      level: 'pemda',
      unitId: null,
      position: f.positions.walikota,
      employee: f.employees.walikota,
      sourceNodeId: f.nodes.rpjmdSasaran,
      sourceIndicatorId: f.indicators.rpjmd,
      title: 'Meningkatnya derajat kesehatan masyarakat',
      supports: null,
      indicator: 'Usia Harapan Hidup',
      target: '72.25',
    });
    // Now that a Pemda PK exists, the head of Dinkes's unlinked sasaran counts as broken.
    const broken = await get(`year=${f.year}`);
    expect(broken.body.coverage.brokenLinks).toBe(1);
    expect(broken.body.unlinked.map((n) => n.objectiveId)).toEqual([kadinkes.objectiveId]);
    await t.database.withTenant(f.tenantId, (tx) =>
      tx.execute(
        sql`update agreement_objectives set supports_objective_id = ${pemda.objectiveId}
             where id = ${kadinkes.objectiveId}`,
      ),
    );

    kabid = await insertPk(t.database, f, {
      level: 'eselon_iii',
      unitId: f.units.yankes,
      position: f.positions.kabid,
      employee: f.employees.kabid,
      second: { position: f.positions.kadinkes, employee: f.employees.kadinkes },
      parentId: kadinkes.agreementId,
      sourceNodeId: f.nodes.program,
      sourceIndicatorId: f.indicators.program,
      title: 'Meningkatnya mutu pelayanan kesehatan rujukan',
      supports: kadinkes.objectiveId,
      indicator: 'Persentase fasilitas kesehatan sesuai standar',
      target: '84.5',
    });
    kasi = await insertPk(t.database, f, {
      level: 'eselon_iv',
      unitId: f.units.rujukan,
      position: f.positions.kasi,
      employee: f.employees.kasi,
      second: { position: f.positions.kabid, employee: f.employees.kabid },
      parentId: kabid.agreementId,
      sourceNodeId: f.nodes.kegiatan,
      sourceIndicatorId: f.indicators.kegiatan,
      title: 'Terselenggaranya layanan rujukan',
      supports: kabid.objectiveId,
      indicator: 'Jumlah rujukan tertangani',
      target: '110',
    });
    kadisdik = await insertPk(t.database, f, {
      level: 'kepala_pd',
      unitId: f.units.disdik,
      position: f.positions.kadisdik,
      employee: f.employees.kadisdik,
      second: { position: f.positions.walikota, employee: f.employees.walikota },
      sourceNodeId: null,
      sourceIndicatorId: null,
      title: 'Meningkatnya mutu pendidikan dasar',
      supports: null,
      indicator: 'Angka Partisipasi Murni SD',
      target: '98',
    });

    const res = await get(`year=${f.year}`);
    expect(res.status).toBe(200);
    const [health, service] = res.body.roots;
    expect(health).toMatchObject({ pemdaObjectiveId: pemda.objectiveId, carried: true });
    expect(health!.indicators[0]!.target).toEqual({ kind: 'number', value: '72.25' });
    const pd = health!.children[0]!;
    expect(pd).toMatchObject({ objectiveId: kadinkes.objectiveId, linkedVia: 'pk' });
    expect(pd.children[0]).toMatchObject({ objectiveId: kabid.objectiveId, linkedVia: 'pk' });
    expect(pd.children[0]!.children[0]).toMatchObject({
      objectiveId: kasi.objectiveId,
      indicators: [
        {
          name: 'Jumlah rujukan tertangani',
          target: { kind: 'number', value: '110' },
          isIku: false,
        },
      ],
    });
    expect(service).toMatchObject({ carried: false, children: [] });

    expect(res.body.unlinked.map((n) => n.objectiveId)).toEqual([kadisdik.objectiveId]);
    expect(res.body.coverage).toMatchObject({
      rpjmdSasaran: 2,
      carried: 1,
      uncarried: [{ title: 'Meningkatnya kualitas pelayanan publik', code: 'S2' }],
      brokenLinks: 1,
    });
    expect(res.body.coverage.missing.map((m) => m.unitName)).toEqual([
      'Sekretariat Dinas Kesehatan',
    ]);
    expect(res.body.counts).toMatchObject({ agreements: 4, objectives: 4, indicators: 4 });
    expect(res.body.counts.byLevel).toEqual({ kepala_pd: 2, eselon_iii: 1, eselon_iv: 1 });

    const kasiPk = res.body.agreements.find((a) => a.id === kasi.agreementId);
    expect(kasiPk).toMatchObject({
      level: 'eselon_iv',
      status: 'draft',
      unitName: 'Seksi Rujukan',
      pdName: 'Dinas Kesehatan',
    });
    expect(kasiPk!.holderName.length).toBeGreaterThan(3);
  });

  it('filters to a unit subtree, keeping the chain above it', async () => {
    const res = await get(`year=${f.year}&unitId=${f.units.yankes}`);
    expect(res.status).toBe(200);
    expect(res.body.roots).toHaveLength(1);
    expect(res.body.roots[0]!.carried).toBe(true);
    const ids = flatten(res.body.roots[0]!.children).map((n) => n.objectiveId);
    expect(ids).toEqual([kadinkes.objectiveId, kabid.objectiveId, kasi.objectiveId]);
    expect(res.body.unlinked).toEqual([]);
    expect(res.body.counts.agreements).toBe(2);
    expect(res.body.coverage.missing).toEqual([]);

    const disdik = await get(`year=${f.year}&unitId=${f.units.disdik}`);
    expect(disdik.body.roots).toEqual([]);
    expect(disdik.body.coverage.brokenLinks).toBe(1);
  });

  it('answers an empty tree for a year without PKs and refuses bad input', async () => {
    const empty = await get('year=2031');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ yearId: null, period: null, roots: [], unlinked: [] });

    const bad = await viewer.get<ErrorBody>('/api/cascade?year=abc');
    expect(bad.status).toBe(400);
    const unknown = await viewer.get<ErrorBody>('/api/cascade?year=2026&unitX=1');
    expect(unknown.status).toBe(400);
    const missingUnit = await get(`year=${f.year}&unitId=${newId()}`);
    expect(missingUnit.status).toBe(404);
  });

  it("hides another tenant's units and PKs", async () => {
    const other = await createTestTenant(t.database);
    const stranger = await signIn(t.app, other.adminUsername, TEST_PASSWORD);
    const res = await stranger.get<CascadeResult>(`/api/cascade?year=${f.year}`);
    expect(res.status).toBe(200);
    expect(res.body.agreements).toEqual([]);
    expect(res.body.roots).toEqual([]);
    const foreign = await stranger.get<ErrorBody>(
      `/api/cascade?year=${f.year}&unitId=${f.units.dinkes}`,
    );
    expect(foreign.status).toBe(404);
  });

  it('follows a link to a superseded version of a PK to the version shown', async () => {
    const move = (id: string, status: string) =>
      t.database.withTenant(f.tenantId, (tx) =>
        tx.execute(sql`update agreements set status = ${status} where id = ${id}`),
      );
    const sign = async (id: string) => {
      for (const status of ['submitted', 'verified', 'ready_to_sign']) await move(id, status);
      await markSignedForTest(t.database, id);
    };
    await sign(kadinkes.agreementId);
    const revision = await insertKadinkesPk({
      title: 'Meningkatnya status kesehatan ibu dan anak (perubahan)',
      supports: pemda.objectiveId,
      target: '80',
      revisionOf: kadinkes.agreementId,
    });
    await sign(revision.agreementId);
    await move(kadinkes.agreementId, 'superseded');

    const res = await get(`year=${f.year}`);
    const pd = res.body.roots[0]!.children[0]!;
    expect(pd.objectiveId).toBe(revision.objectiveId);
    expect(pd.indicators[0]!.target).toEqual({ kind: 'number', value: '80' });
    // The eselon III sasaran still names revision 0's sasaran: shown under revision 1.
    expect(pd.children.map((c) => c.objectiveId)).toEqual([kabid.objectiveId]);
    expect(res.body.agreements.find((a) => a.id === revision.agreementId)).toMatchObject({
      status: 'signed',
      revisionNo: 1,
    });
    expect(res.body.agreements.some((a) => a.id === kadinkes.agreementId)).toBe(false);
  });
});
