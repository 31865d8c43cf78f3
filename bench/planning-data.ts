import { sql } from 'drizzle-orm';
import { type Database, openDatabase, type Tx } from '../src/db/client.js';
import { newId } from '../src/db/columns.js';
import { migrate } from '../src/db/migrate.js';
import {
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
  agreementTransitions,
  agreementYears,
} from '../src/modules/agreements/schema.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { createUser } from '../src/modules/auth/users/create-user.js';
import { assignments, employees, positions, units } from '../src/modules/org/schema.js';
import {
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
} from '../src/modules/planning/schema.js';
import { createTenant } from '../src/modules/tenants/create-tenant.js';
import { freshDatabase, isMain } from './lib.js';

/**
 * A synthetic Pemda for the planning / PK benchmarks, written straight into a fresh PostgreSQL
 * database with bulk inserts: `pd` perangkat daerah, each with `eselon3` bidang of `eselon4`
 * seksi; an active RPJMD 2025–2029 (`rpjmdSasaran` sasaran), a Renstra per PD, the PK year 2027
 * and one PK per head (Pemda, kepala PD, eselon III, eselon IV) with sasaran linked up the
 * cascade, indicators and annual + quarterly targets. Defaults: 45 PD × 2 × 3 → 406 PKs,
 * about 2,270 PK indicators. Half of the PKs are moved to "submitted" (with history).
 *
 *   npx tsx bench/planning-data.ts            # loads into amanah_bench_planning, prints counts
 */
export interface PlanningShape {
  pd: number;
  eselon3: number;
  eselon4: number;
  rpjmdSasaran: number;
  /** Sasaran per head of PD's PK, programs per eselon III, kegiatan per eselon IV. */
  sasaranPerPd: number;
  programsPerEselon3: number;
  kegiatanPerEselon4: number;
  indicatorsPerObjective: number;
}

export const defaultShape: PlanningShape = {
  pd: Number(process.env.BENCH_PD ?? 45),
  eselon3: 2,
  eselon4: 3,
  rpjmdSasaran: 10,
  sasaranPerPd: 3,
  programsPerEselon3: 2,
  kegiatanPerEselon4: 3,
  indicatorsPerObjective: 2,
};

export const BENCH_YEAR = 2027;
export const BENCH_LOGIN = { identifier: 'bench.admin', password: 'bench-amanah-2026-rahasia' };

export interface PlanningData {
  url: string;
  tenantId: string;
  pdIds: string[];
  counts: {
    units: number;
    agreements: number;
    objectives: number;
    indicators: number;
    planNodes: number;
    loadMs: number;
  };
}

async function chunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A well-formed, unique NIP for employee number i. */
const nipOf = (i: number) =>
  `${1965 + (Math.floor(i / 336) % 30)}${pad(1 + (Math.floor(i / 28) % 12))}${pad(1 + (i % 28))}` +
  `${2000 + (i % 20)}${pad(1 + (i % 12))}${1 + (i % 2)}${pad(1 + Math.floor(i / 10080), 3)}`;

/** Loads the synthetic Pemda into `database` (migrated, empty). */
export async function loadPlanningData(
  database: Database,
  shape: PlanningShape = defaultShape,
): Promise<Omit<PlanningData, 'url'>> {
  const started = performance.now();
  const tenantId = await database.withSystem((tx) =>
    createTenant(tx, SYSTEM_ACTOR, {
      name: 'Pemerintah Kota Uji Beban',
      shortName: 'Kota Uji',
      type: 'kota',
      regionCode: '99.98',
      timeZone: 'Asia/Makassar',
    }),
  );
  const counts = await database.withTenant(tenantId, (tx) => write(tx, tenantId, shape));
  await database.unsafeOwnerDb.execute(sql`analyze`);
  return { tenantId, ...counts, counts: { ...counts.counts, loadMs: performance.now() - started } };
}

async function write(tx: Tx, tenantId: string, shape: PlanningShape) {
  await createUser(tx, SYSTEM_ACTOR, {
    tenantId,
    username: BENCH_LOGIN.identifier,
    displayName: 'Admin Uji Beban',
    password: BENCH_LOGIN.password,
    employeeId: null,
    grants: [{ role: 'admin_pemda', unitId: null }],
    skipStrengthCheck: true,
  });

  // ---- Organisation: units, head positions, one definitif holder each -----------------------
  interface U {
    id: string;
    parent: U | null;
    level: 'eselon_2' | 'eselon_3' | 'eselon_4';
    name: string;
    position: string;
    employee: string;
    children: U[];
  }
  const unitRows: U[] = [];
  const mk = (parent: U | null, level: U['level'], name: string): U => {
    const u: U = {
      id: newId(),
      parent,
      level,
      name,
      position: newId(),
      employee: newId(),
      children: [],
    };
    parent?.children.push(u);
    unitRows.push(u);
    return u;
  };
  const pds: U[] = [];
  for (let p = 0; p < shape.pd; p += 1) {
    const pd = mk(null, 'eselon_2', `Dinas Uji ${pad(p + 1)}`);
    pds.push(pd);
    for (let b = 0; b < shape.eselon3; b += 1) {
      const bidang = mk(pd, 'eselon_3', `Bidang ${b + 1} Dinas Uji ${pad(p + 1)}`);
      for (let s = 0; s < shape.eselon4; s += 1) {
        mk(bidang, 'eselon_4', `Seksi ${b + 1}.${s + 1} Dinas Uji ${pad(p + 1)}`);
      }
    }
  }
  const walikota = { position: newId(), employee: newId() };
  const people = [walikota.employee, ...unitRows.map((u) => u.employee)].map((id, n) => ({
    id,
    n,
  }));
  await chunks(people, (c) =>
    tx.insert(employees).values(
      c.map(({ id, n }) => ({
        tenantId,
        id,
        nip: id === walikota.employee ? null : nipOf(n),
        name: `Pegawai Uji ${n + 1}`,
        gender: 'L' as const,
        employeeType: id === walikota.employee ? ('pejabat_negara' as const) : ('pns' as const),
      })),
    ),
  );
  for (const level of ['eselon_2', 'eselon_3', 'eselon_4'] as const) {
    await chunks(
      unitRows.filter((u) => u.level === level),
      (c) =>
        tx.insert(units).values(
          c.map((u) => ({
            tenantId,
            id: u.id,
            parentId: u.parent?.id ?? null,
            name: u.name,
            type:
              level === 'eselon_2'
                ? ('dinas' as const)
                : level === 'eselon_3'
                  ? ('bidang' as const)
                  : ('seksi' as const),
            level,
          })),
        ),
    );
  }
  const kindOf = {
    eselon_2: 'jpt_pratama',
    eselon_3: 'administrator',
    eselon_4: 'pengawas',
  } as const;
  await tx.insert(positions).values({
    tenantId,
    id: walikota.position,
    unitId: null,
    title: 'Wali Kota Uji',
    kind: 'kepala_daerah',
  });
  await chunks(unitRows, (c) =>
    tx.insert(positions).values(
      c.map((u) => ({
        tenantId,
        id: u.position,
        unitId: u.id,
        title: `Kepala ${u.name}`,
        kind: kindOf[u.level],
        headsUnit: true,
      })),
    ),
  );
  const holders = [walikota, ...unitRows];
  await chunks(holders, (c) =>
    tx.insert(assignments).values(
      c.map((h) => ({
        tenantId,
        positionId: h.position,
        employeeId: h.employee,
        kind: 'definitif' as const,
        startDate: '2020-01-02',
      })),
    ),
  );

  // ---- Plan: RPJMD and a Renstra per PD -----------------------------------------------------
  const periodId = newId();
  await tx.insert(planPeriods).values({
    tenantId,
    id: periodId,
    name: 'RPJMD Kota Uji 2025–2029',
    startYear: 2025,
    endYear: 2029,
    status: 'active',
    visi: 'Kota uji beban yang sejahtera',
  });
  type Node = typeof planNodes.$inferInsert & { id: string };
  type Ind = typeof indicators.$inferInsert & { id: string };
  const layers: Node[][] = [[], [], [], [], [], [], []];
  const inds: Ind[] = [];
  const node = (layer: number, n: Omit<Node, 'tenantId' | 'periodId' | 'id'>): Node => {
    const row = { tenantId, periodId, id: newId(), ...n } as Node;
    layers[layer]!.push(row);
    return row;
  };
  const indicatorsFor = (
    nodeId: string,
    label: string,
    responsibleUnitId: string | null,
    iku: boolean,
  ) =>
    Array.from({ length: shape.indicatorsPerObjective }, (_, i) => {
      const row: Ind = {
        tenantId,
        id: newId(),
        nodeId,
        name: `Persentase capaian ${label} ${i + 1}`,
        satuan: 'persen',
        isIku: iku,
        responsibleUnitId,
        baselineYear: 2024,
        baselineValue: '70',
        endTargetValue: '90',
        sortOrder: i,
      };
      inds.push(row);
      return row;
    });
  const misi = node(0, { kind: 'misi', code: 'M1', title: 'Misi uji beban' });
  const rpjmdTujuan = node(1, {
    kind: 'tujuan',
    parentId: misi.id,
    code: 'T1',
    title: 'Tujuan RPJMD uji',
  });
  const rpjmdSasaran = Array.from({ length: shape.rpjmdSasaran }, (_, i) => {
    const s = node(2, {
      kind: 'sasaran',
      parentId: rpjmdTujuan.id,
      code: `S${i + 1}`,
      title: `Sasaran RPJMD uji ${i + 1}`,
      sortOrder: i,
    });
    return { node: s, indicators: indicatorsFor(s.id, `sasaran RPJMD ${i + 1}`, null, true) };
  });
  interface PdPlan {
    sasaran: { node: Node; indicators: Ind[]; supports: number }[];
    programs: Map<string, { node: Node; indicators: Ind[]; sasaranIndex: number }[]>;
    kegiatan: Map<string, { node: Node; indicators: Ind[]; program: Node }[]>;
  }
  const plans = new Map<string, PdPlan>();
  pds.forEach((pd, p) => {
    const tujuan = node(3, {
      kind: 'tujuan',
      unitId: pd.id,
      code: 'T1',
      title: `Tujuan ${pd.name}`,
    });
    const plan: PdPlan = { sasaran: [], programs: new Map(), kegiatan: new Map() };
    for (let s = 0; s < shape.sasaranPerPd; s += 1) {
      const supports = (p + s) % shape.rpjmdSasaran;
      const n = node(4, {
        kind: 'sasaran',
        unitId: pd.id,
        parentId: tujuan.id,
        code: `S${s + 1}`,
        title: `Sasaran ${s + 1} ${pd.name}`,
        supportsNodeId: rpjmdSasaran[supports]!.node.id,
        sortOrder: s,
      });
      plan.sasaran.push({
        node: n,
        indicators: indicatorsFor(n.id, `sasaran ${s + 1}`, pd.id, true),
        supports,
      });
    }
    let programNo = 2;
    pd.children.forEach((bidang) => {
      const list: { node: Node; indicators: Ind[]; sasaranIndex: number }[] = [];
      for (let g = 0; g < shape.programsPerEselon3; g += 1) {
        const sasaranIndex = (programNo - 2) % shape.sasaranPerPd;
        const code = `1.01.${pad(programNo)}`;
        programNo += 1;
        const n = node(5, {
          kind: 'program',
          unitId: pd.id,
          parentId: plan.sasaran[sasaranIndex]!.node.id,
          code,
          title: `PROGRAM UJI ${code}`,
        });
        list.push({
          node: n,
          indicators: indicatorsFor(n.id, `program ${code}`, bidang.id, false),
          sasaranIndex,
        });
      }
      plan.programs.set(bidang.id, list);
      bidang.children.forEach((seksi, si) => {
        const kegs: { node: Node; indicators: Ind[]; program: Node }[] = [];
        for (let k = 0; k < shape.kegiatanPerEselon4; k += 1) {
          const program = list[(si + k) % list.length]!.node;
          const code = `${program.code}.2.${pad(si * shape.kegiatanPerEselon4 + k + 1)}`;
          const n = node(6, {
            kind: 'kegiatan',
            unitId: pd.id,
            parentId: program.id,
            code,
            title: `Kegiatan uji ${code}`,
          });
          kegs.push({
            node: n,
            indicators: indicatorsFor(n.id, `kegiatan ${code}`, seksi.id, false),
            program,
          });
        }
        plan.kegiatan.set(seksi.id, kegs);
      });
    });
    plans.set(pd.id, plan);
  });
  for (const layer of layers) await chunks(layer, (c) => tx.insert(planNodes).values(c));
  await chunks(inds, (c) => tx.insert(indicators).values(c));
  await chunks(
    inds.flatMap((i) =>
      [2025, 2026, 2027, 2028, 2029].map((year, y) => ({
        tenantId,
        indicatorId: i.id,
        year,
        targetValue: String(72 + 4 * y),
      })),
    ),
    (c) => tx.insert(indicatorTargets).values(c),
  );

  // ---- PK year 2027 and a PK per head --------------------------------------------------------
  const yearId = newId();
  await tx
    .insert(agreementYears)
    .values({ tenantId, id: yearId, year: BENCH_YEAR, dpaApprovedOn: '2027-01-08' });
  type A = typeof agreements.$inferInsert & { id: string };
  const pkRows: A[] = [];
  const objectiveLayers: (typeof agreementObjectives.$inferInsert)[][] = [[], [], [], []];
  const pkIndicators: (typeof agreementIndicators.$inferInsert)[] = [];
  const pkTargets: (typeof agreementTargets.$inferInsert)[] = [];
  const pk = (
    level: 'pemda' | 'kepala_pd' | 'eselon_iii' | 'eselon_iv',
    unit: U | null,
    first: { position: string; employee: string },
    second: { position: string; employee: string } | null,
    parentId: string | null,
  ): A => {
    const id = newId();
    const row: A = {
      tenantId,
      id,
      yearId,
      startYear: BENCH_YEAR,
      endYear: BENCH_YEAR,
      level,
      unitId: unit?.id ?? null,
      planPeriodId: periodId,
      positionId: first.position,
      firstPartyEmployeeId: first.employee,
      firstPartyAssignmentKind: 'definitif',
      secondPartyPositionId: second?.position ?? null,
      secondPartyEmployeeId: second?.employee ?? null,
      secondPartyAssignmentKind: second ? 'definitif' : null,
      agreementDate: '2027-01-15',
      parentAgreementId: parentId,
      rootId: id,
    };
    pkRows.push(row);
    return row;
  };
  const rank = { pemda: 0, kepala_pd: 1, eselon_iii: 2, eselon_iv: 3 } as const;
  const objective = (
    agreement: A,
    source: { node: Node; indicators: Ind[] },
    supports: string | null,
    sortOrder: number,
  ): string => {
    const id = newId();
    objectiveLayers[rank[agreement.level as keyof typeof rank]]!.push({
      tenantId,
      id,
      agreementId: agreement.id,
      sourceNodeId: source.node.id,
      title: source.node.title,
      supportsObjectiveId: supports,
      sortOrder,
    });
    source.indicators.forEach((ind, x) => {
      const indicatorId = newId();
      pkIndicators.push({
        tenantId,
        id: indicatorId,
        agreementId: agreement.id,
        objectiveId: id,
        sourceIndicatorId: ind.id,
        name: ind.name,
        satuan: 'persen',
        isIku: ind.isIku ?? false,
        sortOrder: x,
      });
      for (let q = 0; q <= 4; q += 1) {
        pkTargets.push({
          tenantId,
          indicatorId,
          agreementId: agreement.id,
          year: BENCH_YEAR,
          quarter: q,
          targetValue: '80',
        });
      }
    });
    return id;
  };
  const pemda = pk('pemda', null, walikota, null, null);
  const pemdaObjective = rpjmdSasaran.map((s, i) => objective(pemda, s, null, i));
  for (const pd of pds) {
    const plan = plans.get(pd.id)!;
    const head = pk('kepala_pd', pd, pd, walikota, pemda.id);
    const sasaranObjective = plan.sasaran.map((s, i) =>
      objective(head, s, pemdaObjective[s.supports]!, i),
    );
    for (const bidang of pd.children) {
      const bidangPk = pk('eselon_iii', bidang, bidang, pd, head.id);
      const programObjective = new Map<string, string>();
      plan.programs.get(bidang.id)!.forEach((p, i) => {
        programObjective.set(
          p.node.id,
          objective(bidangPk, p, sasaranObjective[p.sasaranIndex]!, i),
        );
      });
      for (const seksi of bidang.children) {
        const seksiPk = pk('eselon_iv', seksi, seksi, bidang, bidangPk.id);
        plan.kegiatan.get(seksi.id)!.forEach((k, i) => {
          objective(seksiPk, k, programObjective.get(k.program.id)!, i);
        });
      }
    }
  }
  await chunks(pkRows, (c) => tx.insert(agreements).values(c));
  for (const layer of objectiveLayers)
    await chunks(layer, (c) => tx.insert(agreementObjectives).values(c));
  await chunks(pkIndicators, (c) => tx.insert(agreementIndicators).values(c));
  await chunks(pkTargets, (c) => tx.insert(agreementTargets).values(c));
  const submitted = pkRows.filter((_, i) => i % 2 === 0).map((a) => a.id);
  await tx.execute(
    sql`update agreements set status = 'submitted', submitted_at = now(), version = version + 1
         where tenant_id = ${tenantId} and id = any(${sql.param(submitted)}::uuid[])`,
  );
  await chunks(
    [
      ...pkRows.map((a) => ({
        tenantId,
        agreementId: a.id,
        fromStatus: null,
        toStatus: 'draft' as const,
      })),
      ...submitted.map((id) => ({
        tenantId,
        agreementId: id,
        fromStatus: 'draft' as const,
        toStatus: 'submitted' as const,
      })),
    ],
    (c) => tx.insert(agreementTransitions).values(c),
  );

  return {
    pdIds: pds.map((p) => p.id),
    counts: {
      units: unitRows.length,
      agreements: pkRows.length,
      objectives: objectiveLayers.reduce((s, l) => s + l.length, 0),
      indicators: pkIndicators.length,
      planNodes: layers.reduce((s, l) => s + l.length, 0),
    },
  };
}

/** A fresh database `name` on the loopback PostgreSQL server, migrated and loaded. */
export async function createPlanningBenchDatabase(
  name = 'amanah_bench_planning',
  shape: PlanningShape = defaultShape,
): Promise<PlanningData> {
  const url = await freshDatabase(name);
  const database = await openDatabase({ url, poolSize: 4 });
  try {
    await migrate(database);
    return { url, ...(await loadPlanningData(database, shape)) };
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) {
  const data = await createPlanningBenchDatabase();
  console.log(`Data uji dimuat ke ${new URL(data.url).pathname.slice(1)}:`, data.counts);
}
