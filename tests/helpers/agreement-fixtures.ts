import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../src/db/client.js';
import { newId } from '../../src/db/columns.js';
import { agreementYears } from '../../src/modules/agreements/schema.js';
import { assignments, employees, positions, units } from '../../src/modules/org/schema.js';
import {
  budgetLines,
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
  ratingScaleLevels,
  ratingScales,
} from '../../src/modules/planning/schema.js';
import { createTestTenant, createTestUser, validNip } from './factories.js';

/**
 * A small Pemda for PK tests, written straight into the database (no API calls, so it does not
 * depend on the planning routes). Reusable by every helper's tests:
 *
 *   const f = await createAgreementFixture(t.database);
 *   const admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
 *
 * Organisation (every position held definitif since 2020-01-01 unless said otherwise):
 *   Wali Kota (kepala_daerah, no unit)
 *   Dinas Kesehatan (eselon_2) ── Kepala Dinas (jpt_pratama, head)
 *     ├ Bidang Pelayanan Kesehatan (eselon_3) ── Kepala Bidang Yankes (administrator, head)
 *     │   └ Seksi Rujukan (eselon_4) ── Kepala Seksi Rujukan (pengawas, head)
 *     └ Sekretariat Dinkes (eselon_3) ── Sekretaris (administrator, head, NO holder)
 *   Dinas Pendidikan (eselon_2) ── Kepala Dinas Pendidikan (jpt_pratama, head)
 * Users (password TEST_PASSWORD): admin (admin_pemda), perencana (perencana, the reviewer),
 *   operatorDinkes / operatorDisdik (operator_unit scoped to their PD), viewer.
 * Plan (period 2025–2029, active):
 *   RPJMD misi → tujuan → sasaran "Meningkatnya derajat kesehatan masyarakat" (rpjmdSasaran) with
 *   IKU "Usia Harapan Hidup" (rpjmdIndicator, tahun, targets 72.1 … 72.5).
 *   Renstra Dinkes: tujuan → sasaran (renstraSasaran, supports rpjmdSasaran) with "Angka
 *   Kematian Ibu" (negative, inverse_ratio, per 100.000 KH, targets 90 … 70) → program 1.02.02
 *   (program; indicator responsible = Bidang Yankes, percent, 80 … 90) → kegiatan 1.02.02.2.01
 *   (kegiatan; indicator responsible = Seksi Rujukan, cumulative, 100 … 140) → sub kegiatan
 *   1.02.02.2.01.0001 (DPA 2026: 1500000.10, pagu 1400000) and 1.02.02.2.01.0002 (only pagu
 *   indikatif 2026: 2500000.20).
 * PK year 2026 open with the DPA approved on `dpaApprovedOn` (default 2025-12-20).
 * Scale "opini_bpk" (the tenant's seeded one when present) with codes WTP/WDP/TW/TMP.
 */
export interface AgreementFixture {
  tenantId: string;
  yearId: string;
  year: number;
  periodId: string;
  units: { dinkes: string; yankes: string; rujukan: string; sekretariat: string; disdik: string };
  positions: {
    walikota: string;
    kadinkes: string;
    kabid: string;
    kasi: string;
    sekretaris: string;
    kadisdik: string;
  };
  employees: {
    walikota: string;
    kadinkes: string;
    kabid: string;
    kasi: string;
    kadisdik: string;
    spare: string;
  };
  users: {
    admin: string;
    perencana: string;
    operatorDinkes: string;
    operatorDisdik: string;
    viewer: string;
  };
  nodes: {
    rpjmdSasaran: string;
    renstraSasaran: string;
    program: string;
    kegiatan: string;
    sub1: string;
    sub2: string;
  };
  indicators: { rpjmd: string; renstra: string; program: string; kegiatan: string };
  scaleId: string;
}

export async function createAgreementFixture(
  database: Database,
  options: { dpaApprovedOn?: string | null; year?: number } = {},
): Promise<AgreementFixture> {
  const { tenantId, adminUsername } = await createTestTenant(database);
  const year = options.year ?? 2026;
  const ids = {
    dinkes: newId(),
    yankes: newId(),
    rujukan: newId(),
    sekretariat: newId(),
    disdik: newId(),
  };
  const pos = {
    walikota: newId(),
    kadinkes: newId(),
    kabid: newId(),
    kasi: newId(),
    sekretaris: newId(),
    kadisdik: newId(),
  };
  const emp = {
    walikota: newId(),
    kadinkes: newId(),
    kabid: newId(),
    kasi: newId(),
    kadisdik: newId(),
    spare: newId(),
  };
  const nodes = {
    misi: newId(),
    rpjmdTujuan: newId(),
    rpjmdSasaran: newId(),
    renstraTujuan: newId(),
    renstraSasaran: newId(),
    program: newId(),
    kegiatan: newId(),
    sub1: newId(),
    sub2: newId(),
  };
  const ind = { rpjmd: newId(), renstra: newId(), program: newId(), kegiatan: newId() };
  const periodId = newId();
  const yearId = newId();
  let scaleId = newId();

  await database.withTenant(tenantId, async (tx: Tx) => {
    await tx.insert(units).values([
      { tenantId, id: ids.dinkes, name: 'Dinas Kesehatan', type: 'dinas', level: 'eselon_2' },
      { tenantId, id: ids.disdik, name: 'Dinas Pendidikan', type: 'dinas', level: 'eselon_2' },
    ]);
    await tx.insert(units).values([
      {
        tenantId,
        id: ids.yankes,
        parentId: ids.dinkes,
        name: 'Bidang Pelayanan Kesehatan',
        type: 'bidang',
        level: 'eselon_3',
      },
      {
        tenantId,
        id: ids.sekretariat,
        parentId: ids.dinkes,
        name: 'Sekretariat Dinas Kesehatan',
        type: 'bagian',
        level: 'eselon_3',
      },
    ]);
    await tx.insert(units).values({
      tenantId,
      id: ids.rujukan,
      parentId: ids.yankes,
      name: 'Seksi Rujukan',
      type: 'seksi',
      level: 'eselon_4',
    });
    await tx.insert(positions).values([
      { tenantId, id: pos.walikota, unitId: null, title: 'Wali Kota', kind: 'kepala_daerah' },
      {
        tenantId,
        id: pos.kadinkes,
        unitId: ids.dinkes,
        title: 'Kepala Dinas Kesehatan',
        kind: 'jpt_pratama',
        headsUnit: true,
      },
      {
        tenantId,
        id: pos.kabid,
        unitId: ids.yankes,
        title: 'Kepala Bidang Pelayanan Kesehatan',
        kind: 'administrator',
        headsUnit: true,
      },
      {
        tenantId,
        id: pos.kasi,
        unitId: ids.rujukan,
        title: 'Kepala Seksi Rujukan',
        kind: 'pengawas',
        headsUnit: true,
      },
      {
        tenantId,
        id: pos.sekretaris,
        unitId: ids.sekretariat,
        title: 'Sekretaris Dinas Kesehatan',
        kind: 'administrator',
        headsUnit: true,
      },
      {
        tenantId,
        id: pos.kadisdik,
        unitId: ids.disdik,
        title: 'Kepala Dinas Pendidikan',
        kind: 'jpt_pratama',
        headsUnit: true,
      },
    ]);
    const people: [string, string, string][] = [
      [emp.walikota, 'Budi Walikota', 'IV/e'],
      [emp.kadinkes, 'Siti Aminah', 'IV/c'],
      [emp.kabid, 'Agus Salim', 'IV/a'],
      [emp.kasi, 'Rina Marlina', 'III/d'],
      [emp.kadisdik, 'Joko Susilo', 'IV/c'],
      [emp.spare, 'Dewi Lestari', 'IV/b'],
    ];
    await tx.insert(employees).values(
      people.map(([id, name, grade]) => ({
        tenantId,
        id,
        nip: validNip(),
        name,
        gender: 'L' as const,
        employeeType: 'pns' as const,
        grade,
      })),
    );
    await tx.insert(assignments).values(
      (
        [
          [pos.walikota, emp.walikota],
          [pos.kadinkes, emp.kadinkes],
          [pos.kabid, emp.kabid],
          [pos.kasi, emp.kasi],
          [pos.kadisdik, emp.kadisdik],
        ] as const
      ).map(([positionId, employeeId]) => ({
        tenantId,
        positionId,
        employeeId,
        kind: 'definitif' as const,
        startDate: '2020-01-01',
      })),
    );

    // New tenants may come with the standard scales already (seeded with the tenant).
    const [seeded] = await tx
      .select({ id: ratingScales.id })
      .from(ratingScales)
      .where(and(eq(ratingScales.tenantId, tenantId), eq(ratingScales.key, 'opini_bpk')));
    if (seeded) {
      scaleId = seeded.id;
    } else {
      await tx
        .insert(ratingScales)
        .values({ tenantId, id: scaleId, key: 'opini_bpk', name: 'Opini BPK' });
      await tx.insert(ratingScaleLevels).values(
        ['WTP', 'WDP', 'TW', 'TMP'].map((code, i) => ({
          tenantId,
          scaleId,
          code,
          label: code,
          score: String(4 - i),
          sortOrder: i,
        })),
      );
    }

    await tx.insert(planPeriods).values({
      tenantId,
      id: periodId,
      name: 'RPJMD 2025–2029',
      startYear: 2025,
      endYear: 2029,
      status: 'active',
      visi: 'Kota yang sehat dan cerdas',
    });
    const node = (values: Omit<typeof planNodes.$inferInsert, 'tenantId' | 'periodId'>) =>
      tx.insert(planNodes).values({ tenantId, periodId, ...values });
    await node({ id: nodes.misi, kind: 'misi', title: 'Mewujudkan masyarakat sehat' });
    await node({
      id: nodes.rpjmdTujuan,
      kind: 'tujuan',
      parentId: nodes.misi,
      title: 'Meningkatkan kualitas hidup',
    });
    await node({
      id: nodes.rpjmdSasaran,
      kind: 'sasaran',
      parentId: nodes.rpjmdTujuan,
      title: 'Meningkatnya derajat kesehatan masyarakat',
    });
    await node({
      id: nodes.renstraTujuan,
      kind: 'tujuan',
      unitId: ids.dinkes,
      title: 'Meningkatkan mutu layanan kesehatan',
      supportsNodeId: nodes.rpjmdTujuan,
    });
    await node({
      id: nodes.renstraSasaran,
      kind: 'sasaran',
      unitId: ids.dinkes,
      parentId: nodes.renstraTujuan,
      title: 'Menurunnya angka kematian ibu',
      supportsNodeId: nodes.rpjmdSasaran,
    });
    await node({
      id: nodes.program,
      kind: 'program',
      unitId: ids.dinkes,
      parentId: nodes.renstraSasaran,
      code: '1.02.02',
      title: 'Program Pemenuhan Upaya Kesehatan',
    });
    await node({
      id: nodes.kegiatan,
      kind: 'kegiatan',
      unitId: ids.dinkes,
      parentId: nodes.program,
      code: '1.02.02.2.01',
      title: 'Penyediaan Fasilitas Pelayanan Kesehatan',
    });
    await node({
      id: nodes.sub1,
      kind: 'sub_kegiatan',
      unitId: ids.dinkes,
      parentId: nodes.kegiatan,
      code: '1.02.02.2.01.0001',
      title: 'Pembangunan Puskesmas',
    });
    await node({
      id: nodes.sub2,
      kind: 'sub_kegiatan',
      unitId: ids.dinkes,
      parentId: nodes.kegiatan,
      code: '1.02.02.2.01.0002',
      title: 'Pengadaan Alat Kesehatan',
    });

    await tx.insert(indicators).values([
      {
        tenantId,
        id: ind.rpjmd,
        nodeId: nodes.rpjmdSasaran,
        name: 'Usia Harapan Hidup',
        satuan: 'tahun',
        isIku: true,
      },
      {
        tenantId,
        id: ind.renstra,
        nodeId: nodes.renstraSasaran,
        name: 'Angka Kematian Ibu',
        satuan: 'per 100.000 KH',
        polarity: 'negative',
        method: 'inverse_ratio',
        isIku: true,
      },
      {
        tenantId,
        id: ind.program,
        nodeId: nodes.program,
        name: 'Persentase fasilitas kesehatan terakreditasi',
        satuan: '%',
        responsibleUnitId: ids.yankes,
      },
      {
        tenantId,
        id: ind.kegiatan,
        nodeId: nodes.kegiatan,
        name: 'Jumlah rujukan tertangani',
        satuan: 'kasus',
        aggregation: 'cumulative',
        responsibleUnitId: ids.rujukan,
      },
    ]);
    const series: [string, string[]][] = [
      [ind.rpjmd, ['72.1', '72.2', '72.3', '72.4', '72.5']],
      [ind.renstra, ['90', '85', '80', '75', '70']],
      [ind.program, ['80', '82.5', '85', '87.5', '90']],
      [ind.kegiatan, ['100', '110', '120', '130', '140']],
    ];
    await tx
      .insert(indicatorTargets)
      .values(
        series.flatMap(([indicatorId, values]) =>
          values.map((v, i) => ({ tenantId, indicatorId, year: 2025 + i, targetValue: v })),
        ),
      );
    await tx.insert(budgetLines).values([
      { tenantId, nodeId: nodes.sub1, year, kind: 'dpa', amount: '1500000.10' },
      { tenantId, nodeId: nodes.sub1, year, kind: 'pagu_indikatif', amount: '1400000' },
      { tenantId, nodeId: nodes.sub2, year, kind: 'pagu_indikatif', amount: '2500000.20' },
    ]);
    await tx.insert(agreementYears).values({
      tenantId,
      id: yearId,
      year,
      dpaApprovedOn: options.dpaApprovedOn === undefined ? '2025-12-20' : options.dpaApprovedOn,
    });
  });

  const users = {
    admin: adminUsername,
    perencana: await createTestUser(database, tenantId, [{ role: 'perencana', unitId: null }]),
    operatorDinkes: await createTestUser(database, tenantId, [
      { role: 'operator_unit', unitId: ids.dinkes },
    ]),
    operatorDisdik: await createTestUser(database, tenantId, [
      { role: 'operator_unit', unitId: ids.disdik },
    ]),
    viewer: await createTestUser(database, tenantId, [{ role: 'viewer', unitId: null }]),
  };
  return {
    tenantId,
    yearId,
    year,
    periodId,
    units: ids,
    positions: pos,
    employees: emp,
    users,
    nodes: {
      rpjmdSasaran: nodes.rpjmdSasaran,
      renstraSasaran: nodes.renstraSasaran,
      program: nodes.program,
      kegiatan: nodes.kegiatan,
      sub1: nodes.sub1,
      sub2: nodes.sub2,
    },
    indicators: ind,
    scaleId,
  };
}

/** Assigns a Plt (or Plh/Pj) to a position from `startDate` (acting officials win, see holders). */
export async function assignActing(
  database: Database,
  tenantId: string,
  positionId: string,
  employeeId: string,
  startDate: string,
  kind: 'plt' | 'plh' | 'pj' = 'plt',
): Promise<void> {
  await database.withTenant(tenantId, (tx) =>
    tx.insert(assignments).values({ tenantId, positionId, employeeId, kind, startDate }),
  );
}
