/**
 * Demo data for issue 3: the RPJMD 2025–2029 of Kota Contoh, a Renstra for every PD, the PK year
 * 2027 and PK drafts at every level, never signed. Every head-of-PD PK and the Pemda PK are
 * ready to sign (the heads are ready for the January ceremony: `amanah demo-ceremony` and the
 * signing journey use them); eselon III and IV PKs keep assorted review statuses.
 *
 * `buildPlanningDemo(org)` is pure and deterministic (seeded PRNG, no clock): plan nodes,
 * indicators and budgets keyed by strings, units referenced by their code. `seedPlanningDemo`
 * writes them in the caller's transaction with bulk inserts, honouring the triggers of
 * migration 0009: plan nodes level by level (parents first), PKs inserted as drafts with their
 * content, then moved along the allowed transitions (draft → submitted → verified →
 * ready_to_sign) with a history row per step.
 *
 * Left out on purpose, to show gaps: every PK of Dinas Kesehatan (the browser journey drafts the
 * head's PK), and all PKs of DEMO_PD_WITHOUT_PK. Two PD sasaran support no RPJMD sasaran.
 */
import { Decimal } from 'decimal.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type {
  AgreementLevel,
  AgreementStatus,
  AssignmentKind,
  BudgetKind,
  PlanNodeKind,
} from '../../shared/codes.js';
import { type TargetValue, targetToColumns } from '../../shared/target-value.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
  agreementTransitions,
  agreementYears,
} from '../agreements/schema.js';
import { users } from '../auth/schema.js';
import { holdersOn } from '../org/holders.js';
import { positions, units } from '../org/schema.js';
import { insertDefaultScales } from '../planning/default-scales.js';
import {
  budgetLines,
  indicators,
  indicatorTargets,
  planNodes,
  planPeriods,
  ratingScales,
} from '../planning/schema.js';
import type { DemoOrganisation, DemoUnit } from './kota-contoh.js';
import {
  BASELINE_YEAR,
  DINKES,
  type IndicatorDef,
  type KegiatanSpec,
  kecamatanProfile,
  type PdProfile,
  PERIOD,
  PROFILES,
  type ProgramSpec,
  penunjangProgram,
  type RenstraSpec,
  RPJMD,
  topicIndicator,
  topicOf,
  VISI,
  YEARS,
} from './planning-demo-data.js';

/** The PK year of the demo and the date its DPA was approved (PKs are due a month later). */
export const DEMO_PK_YEAR = 2027;
export const DEMO_DPA_APPROVED_ON = '2027-01-08';
/** The date on the demo PKs: parties are resolved on it. */
export const DEMO_AGREEMENT_DATE = '2027-01-15';
/** The PD whose PKs the browser journey drafts: none are seeded for it. */
export const DEMO_JOURNEY_PD = 'Dinas Kesehatan';
/** PD left without any PK, to show the gaps in the cascade and on the deadline board. */
export const DEMO_PD_WITHOUT_PK = [
  'Dinas Pemuda dan Olahraga',
  'Dinas Perikanan',
  'Kecamatan Bukit Damai',
] as const;

// ---------------------------------------------------------------------------------------------
// Pure model
// ---------------------------------------------------------------------------------------------

export interface NodeDraft {
  key: string;
  kind: PlanNodeKind;
  parentKey: string | null;
  /** Unit code of the PD for a Renstra node; null for the RPJMD. */
  unitCode: string | null;
  code: string | null;
  title: string;
  supportsKey: string | null;
  sortOrder: number;
  /** The sasaran wording a PK uses for this node (programs and kegiatan). */
  objective: string | null;
}

export interface IndicatorDraft {
  key: string;
  nodeKey: string;
  def: IndicatorDef;
  responsibleUnitCode: string | null;
  isIku: boolean;
  sortOrder: number;
}

export interface BudgetDraft {
  nodeKey: string;
  year: number;
  kind: BudgetKind;
  amount: string;
}

export interface PlanningDemo {
  nodes: NodeDraft[];
  indicators: IndicatorDraft[];
  budgets: BudgetDraft[];
  /** Unit code of each PD that has a Renstra, in organisation order. */
  renstraUnits: string[];
}

/** mulberry32, as in kota-contoh.ts: deterministic draws. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

function* walk(list: readonly DemoUnit[]): Generator<DemoUnit> {
  for (const unit of list) {
    yield unit;
    yield* walk(unit.children);
  }
}

const isSekretariat = (u: DemoUnit) =>
  /^(Sekretariat|Bagian Umum|Bagian Tata Usaha)/.test(u.name) && u.level === 'eselon_3';

function kegiatanOutput(name: string): IndicatorDef {
  const short = name.length > 120 ? `${name.slice(0, 117).trimEnd()}…` : name;
  return {
    ...topicIndicator('x', 0),
    name: `Persentase Keluaran Kegiatan ${short} yang Tercapai`,
  };
}

/** Turns a short PD profile into a full Renstra, assigning bidang and seksi to the programs. */
function expandProfile(profile: PdProfile, pd: DemoUnit, rng: Rng): RenstraSpec {
  const eselon3 = pd.children.filter((u) => u.level === 'eselon_3');
  const sekretariat = eselon3.find(isSekretariat) ?? null;
  const technical = eselon3.filter((u) => u !== sekretariat);
  const penunjang = penunjangProgram(
    pd.shortName ?? pd.name,
    sekretariat?.name ?? null,
    (sekretariat?.children ?? []).map((c) => c.name),
  );

  const programs: ProgramSpec[] = profile.programs.map(([code, name, objective, , kegs]) => ({
    code,
    name,
    objective,
    outcomes: [],
    kegiatan: kegs.map(
      (k, i): KegiatanSpec => ({
        code: `2.${String(i + 1).padStart(2, '0')}`,
        name: k,
        objective: `Terlaksananya ${k.charAt(0).toLowerCase()}${k.slice(1)}`,
        outputs: [],
        subs: [
          { code: '0001', name: `Koordinasi dan Pelaksanaan ${k}` },
          { code: '0002', name: `Monitoring, Evaluasi dan Pelaporan ${k}` },
        ],
      }),
    ),
  }));
  // The profile's outcome goes to the first bidang assigned (or to the PD itself).
  const outcomeOf = (i: number) => profile.programs[i]![3];

  // Bidang / bagian round robin over the technical programs.
  const bidangOf: DemoUnit[][] = programs.map(() => []);
  technical.forEach((b, i) => {
    bidangOf[i % programs.length]!.push(b);
  });
  programs.forEach((p, i) => {
    const assigned = bidangOf[i]!;
    if (assigned.length === 0) p.outcomes.push({ unit: null, indicator: outcomeOf(i) });
    assigned.forEach((b, j) => {
      p.outcomes.push({
        unit: b.name,
        indicator:
          j === 0
            ? outcomeOf(i)
            : {
                ...outcomeOf(i),
                name: `Persentase Capaian Standar Pelayanan ${topicOf(b.name)}`,
                satuan: 'persen',
                method: 'ratio',
                polarity: 'positive',
                aggregation: 'last',
                scaleKey: null,
                baseline: { kind: 'number', value: '82' },
                targets: ['84', '86', '88', '90', '92'].map((value) => ({ kind: 'number', value })),
              },
      });
    });
    // Their seksi / subbidang round robin over the program's kegiatan.
    assigned
      .flatMap((b) => b.children.filter((c) => c.level === 'eselon_4'))
      .forEach((seksi, k) => {
        p.kegiatan[k % p.kegiatan.length]!.outputs.push({
          unit: seksi.name,
          indicator: topicIndicator(seksi.name, rng.int(0, 2)),
        });
      });
  });
  // Eselon IV units directly under the PD (UPT, seksi of a kecamatan): over all technical kegiatan.
  const allKegiatan = programs.flatMap((p) => p.kegiatan);
  pd.children
    .filter((c) => c.level === 'eselon_4')
    .forEach((unit, k) => {
      allKegiatan[k % allKegiatan.length]!.outputs.push({
        unit: unit.name,
        indicator: topicIndicator(unit.name, rng.int(0, 2)),
      });
    });
  for (const kegiatan of allKegiatan) {
    if (kegiatan.outputs.length === 0)
      kegiatan.outputs.push({ unit: null, indicator: kegiatanOutput(kegiatan.name) });
  }

  const sasaran = profile.sasaran.map((s) => ({ ...s, programs: [] as ProgramSpec[] }));
  programs.forEach((p, i) => {
    sasaran[i % sasaran.length]!.programs.push(p);
  });
  sasaran[sasaran.length - 1]!.programs.unshift(penunjang);
  return {
    unitName: profile.unitName,
    urusan: profile.urusan,
    tujuan: [{ title: profile.tujuan, sasaran }],
  };
}

/** Dinas Kesehatan's hand-written Renstra plus the supporting program for its Sekretariat. */
function dinkesRenstra(pd: DemoUnit): RenstraSpec {
  const sekretariat = pd.children.find(isSekretariat);
  const penunjang = penunjangProgram(
    'Dinas Kesehatan',
    sekretariat?.name ?? null,
    (sekretariat?.children ?? []).map((c) => c.name),
  );
  const last = DINKES.tujuan[DINKES.tujuan.length - 1]!;
  const lastSasaran = last.sasaran[last.sasaran.length - 1]!;
  return {
    ...DINKES,
    tujuan: DINKES.tujuan.map((t) =>
      t !== last
        ? t
        : {
            ...t,
            sasaran: t.sasaran.map((s) =>
              s !== lastSasaran ? s : { ...s, programs: [penunjang, ...s.programs] },
            ),
          },
    ),
  };
}

function unitByName(pd: DemoUnit, name: string): DemoUnit {
  const found = [...walk([pd])].filter((u) => u.name === name);
  if (found.length !== 1) throw new Error(`${pd.name}: unit "${name}" found ${found.length}×`);
  return found[0]!;
}

function rupiah(n: number): string {
  return `${n}.00`;
}

/** The whole planning demo as plain data (deterministic). */
export function buildPlanningDemo(org: DemoOrganisation): PlanningDemo {
  const rng = new Rng(0x5a41c);
  const nodes: NodeDraft[] = [];
  const inds: IndicatorDraft[] = [];
  const budgets: BudgetDraft[] = [];
  const node = (n: Omit<NodeDraft, 'objective'> & { objective?: string | null }) => {
    nodes.push({ ...n, objective: n.objective ?? null });
    return n.key;
  };
  const indicator = (
    nodeKey: string,
    def: IndicatorDef,
    responsibleUnitCode: string | null,
    isIku: boolean,
    sortOrder: number,
  ): void => {
    inds.push({
      key: `${nodeKey}/i${sortOrder}`,
      nodeKey,
      def,
      responsibleUnitCode,
      isIku,
      sortOrder,
    });
  };
  const pdByName = new Map(org.units.map((u) => [u.name, u]));
  const pdCode = (name: string) => {
    const pd = pdByName.get(name);
    if (!pd) throw new Error(`PD not found: ${name}`);
    return pd.code;
  };

  // RPJMD
  RPJMD.forEach((misi, m) => {
    const misiKey = node({
      key: `rpjmd/m${m + 1}`,
      kind: 'misi',
      parentKey: null,
      unitCode: null,
      code: `M${m + 1}`,
      title: misi.title,
      supportsKey: null,
      sortOrder: m,
    });
    misi.tujuan.forEach((tujuan, t) => {
      const tujuanKey = node({
        key: `${misiKey}/t${t + 1}`,
        kind: 'tujuan',
        parentKey: misiKey,
        unitCode: null,
        code: `T${m + 1}.${t + 1}`,
        title: tujuan.title,
        supportsKey: null,
        sortOrder: t,
      });
      tujuan.sasaran.forEach((sasaran, s) => {
        const key = node({
          key: `rpjmd/${sasaran.key}`,
          kind: 'sasaran',
          parentKey: tujuanKey,
          unitCode: null,
          code: `S${m + 1}.${t + 1}.${s + 1}`,
          title: sasaran.title,
          supportsKey: null,
          sortOrder: s,
        });
        sasaran.indicators.forEach((def, i) => {
          indicator(key, def, pdCode(sasaran.responsible), true, i);
        });
      });
    });
  });

  // Renstra of every PD
  const renstraUnits: string[] = [];
  for (const pd of org.units) {
    const profile =
      PROFILES.find((p) => p.unitName === pd.name) ??
      (pd.type === 'kecamatan' ? kecamatanProfile(pd.name) : undefined);
    const spec =
      pd.name === DINKES.unitName
        ? dinkesRenstra(pd)
        : profile
          ? expandProfile(profile, pd, rng)
          : undefined;
    if (!spec) throw new Error(`no Renstra profile for ${pd.name}`);
    renstraUnits.push(pd.code);
    const root = `renstra/${pd.code}`;
    const resolve = (name: string | null) => (name === null ? pd.code : unitByName(pd, name).code);
    let sasaranNo = 0;
    spec.tujuan.forEach((tujuan, t) => {
      const tujuanKey = node({
        key: `${root}/t${t + 1}`,
        kind: 'tujuan',
        parentKey: null,
        unitCode: pd.code,
        code: `T${t + 1}`,
        title: tujuan.title,
        supportsKey: null,
        sortOrder: t,
      });
      tujuan.sasaran.forEach((sasaran, s) => {
        sasaranNo += 1;
        const sasaranKey = node({
          key: `${tujuanKey}/s${s + 1}`,
          kind: 'sasaran',
          parentKey: tujuanKey,
          unitCode: pd.code,
          code: `S${sasaranNo}`,
          title: sasaran.title,
          supportsKey: sasaran.supports ? `rpjmd/${sasaran.supports}` : null,
          sortOrder: s,
        });
        sasaran.indicators.forEach((def, i) => {
          indicator(sasaranKey, def, pd.code, true, i);
        });
        sasaran.programs.forEach((program, p) => {
          const programCode = `${spec.urusan}.${program.code}`;
          const programKey = node({
            key: `${root}/p${programCode}`,
            kind: 'program',
            parentKey: sasaranKey,
            unitCode: pd.code,
            code: programCode,
            title: program.name,
            supportsKey: null,
            sortOrder: p,
            objective: program.objective,
          });
          program.outcomes.forEach((o, i) => {
            indicator(programKey, o.indicator, resolve(o.unit), false, i);
          });
          const programPagu = YEARS.map(() => 0);
          let programDpa = 0;
          program.kegiatan.forEach((kegiatan, k) => {
            const kegiatanCode = `${programCode}.${kegiatan.code}`;
            const kegiatanKey = node({
              key: `${root}/k${kegiatanCode}`,
              kind: 'kegiatan',
              parentKey: programKey,
              unitCode: pd.code,
              code: kegiatanCode,
              title: kegiatan.name,
              supportsKey: null,
              sortOrder: k,
              objective: kegiatan.objective,
            });
            kegiatan.outputs.forEach((o, i) => {
              indicator(kegiatanKey, o.indicator, resolve(o.unit), false, i);
            });
            const kegiatanPagu = YEARS.map(() => 0);
            let kegiatanDpa = 0;
            kegiatan.subs.forEach((sub, x) => {
              const subCode = `${kegiatanCode}.${sub.code}`;
              const subKey = node({
                key: `${root}/x${subCode}`,
                kind: 'sub_kegiatan',
                parentKey: kegiatanKey,
                unitCode: pd.code,
                code: subCode,
                title: sub.name,
                supportsKey: null,
                sortOrder: x,
              });
              // 150 juta – 2,5 miliar in 2025, +5% a year; DPA 2027 a little under the ceiling.
              const base = rng.int(30, 500) * 5_000_000;
              YEARS.forEach((year, y) => {
                const pagu = (base / 100) * (100 + 5 * y);
                kegiatanPagu[y]! += pagu;
                budgets.push({
                  nodeKey: subKey,
                  year,
                  kind: 'pagu_indikatif',
                  amount: rupiah(pagu),
                });
                if (year === 2027) {
                  const dpa = Math.floor((pagu * rng.int(900, 1000)) / 1000 / 1000) * 1000;
                  kegiatanDpa += dpa;
                  budgets.push({ nodeKey: subKey, year, kind: 'dpa', amount: rupiah(dpa) });
                }
              });
            });
            YEARS.forEach((year, y) => {
              programPagu[y]! += kegiatanPagu[y]!;
              budgets.push({
                nodeKey: kegiatanKey,
                year,
                kind: 'pagu_indikatif',
                amount: rupiah(kegiatanPagu[y]!),
              });
            });
            budgets.push({
              nodeKey: kegiatanKey,
              year: 2027,
              kind: 'dpa',
              amount: rupiah(kegiatanDpa),
            });
            programDpa += kegiatanDpa;
          });
          YEARS.forEach((year, y) => {
            budgets.push({
              nodeKey: programKey,
              year,
              kind: 'pagu_indikatif',
              amount: rupiah(programPagu[y]!),
            });
          });
          budgets.push({
            nodeKey: programKey,
            year: 2027,
            kind: 'dpa',
            amount: rupiah(programDpa),
          });
        });
      });
    });
  }
  return { nodes, indicators: inds, budgets, renstraUnits };
}

// ---------------------------------------------------------------------------------------------
// Writing it
// ---------------------------------------------------------------------------------------------

export interface PlanningDemoSummary {
  periodId: string;
  planNodes: number;
  indicators: number;
  budgetLines: number;
  agreements: number;
  agreementIndicators: number;
  byStatus: Record<string, number>;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const targetCols = (t: TargetValue | null) => targetToColumns(t);

/** TW I–IV for an annual number target by aggregation; none for ranges and scale codes. */
export function quarterTargets(def: IndicatorDef, annual: TargetValue): (TargetValue | null)[] {
  if (annual.kind !== 'number') return [null, null, null, null];
  if (def.aggregation !== 'cumulative') return [annual, annual, annual, annual];
  const total = new Decimal(annual.value);
  const dp = annual.value.includes('.') ? annual.value.length - annual.value.indexOf('.') - 1 : 0;
  const part = total.dividedBy(4).toDecimalPlaces(dp, Decimal.ROUND_DOWN);
  const last = total.minus(part.times(3));
  return [part, part, part, last].map((v) => ({ kind: 'number', value: v.toFixed() }));
}

interface PkDraft {
  id: string;
  level: AgreementLevel;
  unitId: string | null;
  positionId: string;
  first: { employeeId: string; kind: AssignmentKind };
  second: { positionId: string; employeeId: string; kind: AssignmentKind } | null;
  parentId: string | null;
  status: AgreementStatus;
  /** source node key → objective id */
  objectives: Map<string, string>;
}

const STATUS_PATH: AgreementStatus[] = ['submitted', 'verified', 'ready_to_sign'];

/**
 * Writes the planning demo for the tenant in the caller's transaction (after its organisation
 * and demo users exist). Returns counts for the seed's audit record.
 */
export async function seedPlanningDemo(
  tx: Tx,
  tenantId: string,
  org: DemoOrganisation,
  built?: PlanningDemo,
): Promise<PlanningDemoSummary> {
  const demo = built ?? buildPlanningDemo(org);
  const rng = new Rng(0x9c2e1);

  // Organisation rows written just before, looked up by unit code.
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  const unitId = new Map(unitRows.map((u) => [u.code ?? '', u.id]));
  const uid = (code: string) => {
    const id = unitId.get(code);
    if (!id) throw new Error(`demo unit ${code} not found`);
    return id;
  };
  const positionRows = await tx
    .select({
      id: positions.id,
      unitId: positions.unitId,
      kind: positions.kind,
      headsUnit: positions.headsUnit,
    })
    .from(positions)
    .where(eq(positions.tenantId, tenantId));
  const headOf = new Map(
    positionRows.filter((p) => p.headsUnit && p.unitId).map((p) => [p.unitId!, p.id]),
  );
  const walikota = positionRows.find((p) => p.kind === 'kepala_daerah');
  if (!walikota) throw new Error('demo: no kepala daerah position');
  const [reviewer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.username, 'bappeda')));

  // Scales (the tenant may already have them if tenant creation inserts the defaults).
  const scaleRows = await tx
    .select({ id: ratingScales.id, key: ratingScales.key })
    .from(ratingScales)
    .where(eq(ratingScales.tenantId, tenantId));
  const scaleIds: Record<string, string> =
    scaleRows.length > 0
      ? Object.fromEntries(scaleRows.map((r) => [r.key, r.id]))
      : await insertDefaultScales(tx, tenantId);
  const scaleId = (def: IndicatorDef) => {
    if (def.scaleKey === null) return null;
    const id = scaleIds[def.scaleKey];
    if (!id) throw new Error(`demo: scale ${def.scaleKey} missing`);
    return id;
  };

  // Period and plan nodes, parents first.
  const periodId = newId();
  await tx.insert(planPeriods).values({
    tenantId,
    id: periodId,
    name: PERIOD.name,
    startYear: PERIOD.startYear,
    endYear: PERIOD.endYear,
    status: 'active',
    visi: VISI,
  });
  const nodeId = new Map(demo.nodes.map((n) => [n.key, newId()]));
  const nid = (key: string) => nodeId.get(key)!;
  const depth = new Map<string, number>();
  for (const n of demo.nodes) depth.set(n.key, n.parentKey ? depth.get(n.parentKey)! + 1 : 0);
  // The RPJMD first (Renstra sasaran point at it), then each tree level by level.
  const maxDepth = Math.max(...depth.values());
  const layers = [true, false].flatMap((rpjmd) =>
    Array.from({ length: maxDepth + 1 }, (_, d) =>
      demo.nodes.filter((n) => (n.unitCode === null) === rpjmd && depth.get(n.key) === d),
    ),
  );
  for (const layer of layers) {
    await insertChunks(layer, (chunk) =>
      tx.insert(planNodes).values(
        chunk.map((n) => ({
          tenantId,
          id: nid(n.key),
          periodId,
          unitId: n.unitCode ? uid(n.unitCode) : null,
          kind: n.kind,
          parentId: n.parentKey ? nid(n.parentKey) : null,
          code: n.code,
          title: n.title,
          supportsNodeId: n.supportsKey ? nid(n.supportsKey) : null,
          sortOrder: n.sortOrder,
        })),
      ),
    );
  }

  const indicatorId = new Map(demo.indicators.map((i) => [i.key, newId()]));
  await insertChunks(demo.indicators, (chunk) =>
    tx.insert(indicators).values(
      chunk.map((i) => {
        const end = targetCols(i.def.targets[i.def.targets.length - 1] ?? null);
        const base = targetCols(i.def.baseline);
        return {
          tenantId,
          id: indicatorId.get(i.key)!,
          nodeId: nid(i.nodeKey),
          name: i.def.name,
          satuan: i.def.satuan,
          polarity: i.def.polarity,
          method: i.def.method,
          aggregation: i.def.aggregation,
          scaleId: scaleId(i.def),
          isIku: i.isIku,
          definition: i.def.definition,
          formulaText: i.def.formulaText,
          dataSource: i.def.dataSource,
          responsibleUnitId: i.responsibleUnitCode ? uid(i.responsibleUnitCode) : null,
          baselineYear: BASELINE_YEAR,
          baselineValue: base.value,
          baselineLow: base.low,
          baselineHigh: base.high,
          baselineCode: base.code,
          endTargetValue: end.value,
          endTargetLow: end.low,
          endTargetHigh: end.high,
          endTargetCode: end.code,
          sortOrder: i.sortOrder,
        };
      }),
    ),
  );
  const targetRows = demo.indicators.flatMap((i) =>
    YEARS.map((year, y) => {
      const t = targetCols(i.def.targets[y] ?? null);
      return {
        tenantId,
        indicatorId: indicatorId.get(i.key)!,
        year,
        targetValue: t.value,
        targetLow: t.low,
        targetHigh: t.high,
        targetCode: t.code,
      };
    }),
  );
  await insertChunks(targetRows, (chunk) => tx.insert(indicatorTargets).values(chunk));
  await insertChunks(demo.budgets, (chunk) =>
    tx.insert(budgetLines).values(
      chunk.map((b) => ({
        tenantId,
        nodeId: nid(b.nodeKey),
        year: b.year,
        kind: b.kind,
        amount: b.amount,
      })),
    ),
  );

  // ---- PK year 2027 and its drafts -----------------------------------------------------------
  const yearId = newId();
  await tx.insert(agreementYears).values({
    tenantId,
    id: yearId,
    year: DEMO_PK_YEAR,
    dpaApprovedOn: DEMO_DPA_APPROVED_ON,
    status: 'open',
  });
  const holders = await holdersOn(
    tx,
    tenantId,
    [walikota.id, ...headOf.values()],
    DEMO_AGREEMENT_DATE,
  );
  const nodeByKey = new Map(demo.nodes.map((n) => [n.key, n]));
  const indicatorsByNode = new Map<string, IndicatorDraft[]>();
  for (const i of demo.indicators) {
    const list = indicatorsByNode.get(i.nodeKey) ?? [];
    list.push(i);
    indicatorsByNode.set(i.nodeKey, list);
  }
  const childrenOf = new Map<string, NodeDraft[]>();
  for (const n of demo.nodes) {
    if (!n.parentKey) continue;
    const list = childrenOf.get(n.parentKey) ?? [];
    list.push(n);
    childrenOf.set(n.parentKey, list);
  }
  const dpaOf = new Map(
    demo.budgets
      .filter((b) => b.kind === 'dpa' && b.year === DEMO_PK_YEAR)
      .map((b) => [b.nodeKey, b.amount]),
  );

  const pks: PkDraft[] = [];
  const objectiveRows: (typeof agreementObjectives.$inferInsert)[][] = [[], [], [], []];
  const indicatorRows: (typeof agreementIndicators.$inferInsert)[] = [];
  const pkTargetRows: (typeof agreementTargets.$inferInsert)[] = [];
  const budgetRows: (typeof agreementBudgets.$inferInsert)[] = [];
  const levelRank: Record<AgreementLevel, number> = {
    pemda: 0,
    kepala_pd: 1,
    eselon_iii: 2,
    eselon_iv: 3,
    pelaksana: 3,
  };
  const pickStatus = (): AgreementStatus => {
    const r = rng.int(1, 20);
    return r <= 6 ? 'draft' : r <= 11 ? 'submitted' : r <= 16 ? 'verified' : 'ready_to_sign';
  };

  /** One PK with the given source nodes as its sasaran, each with the indicators given. */
  const addPk = (
    pk: Omit<PkDraft, 'objectives' | 'id'>,
    sources: {
      nodeKey: string;
      title: string;
      indicators: IndicatorDraft[];
      supports: string | null;
    }[],
  ): PkDraft => {
    const draft: PkDraft = { ...pk, id: newId(), objectives: new Map() };
    sources.forEach((source, o) => {
      const objectiveId = newId();
      draft.objectives.set(source.nodeKey, objectiveId);
      objectiveRows[levelRank[pk.level]]!.push({
        tenantId,
        id: objectiveId,
        agreementId: draft.id,
        sourceNodeId: nid(source.nodeKey),
        title: source.title,
        supportsObjectiveId: source.supports,
        sortOrder: o,
      });
      source.indicators.forEach((ind, x) => {
        const id = newId();
        indicatorRows.push({
          tenantId,
          id,
          agreementId: draft.id,
          objectiveId,
          sourceIndicatorId: indicatorId.get(ind.key)!,
          name: ind.def.name,
          satuan: ind.def.satuan,
          polarity: ind.def.polarity,
          method: ind.def.method,
          aggregation: ind.def.aggregation,
          scaleId: scaleId(ind.def),
          isIku: ind.isIku,
          sortOrder: x,
        });
        const annual = ind.def.targets[DEMO_PK_YEAR - PERIOD.startYear]!;
        [annual, ...quarterTargets(ind.def, annual)].forEach((t, quarter) => {
          if (t === null) return;
          pkTargetRows.push({
            tenantId,
            indicatorId: id,
            agreementId: draft.id,
            year: DEMO_PK_YEAR,
            quarter,
            ...prefixTarget(targetCols(t)),
          });
        });
      });
    });
    pks.push(draft);
    return draft;
  };

  // Pemda PK: the Wali Kota alone, the RPJMD sasaran with the IKU daerah.
  const walikotaHolder = holders.get(walikota.id);
  if (!walikotaHolder) throw new Error('demo: Wali Kota has no holder on the PK date');
  const rpjmdSasaran = demo.nodes.filter((n) => n.kind === 'sasaran' && n.unitCode === null);
  const pemda = addPk(
    {
      level: 'pemda',
      unitId: null,
      positionId: walikota.id,
      first: { employeeId: walikotaHolder.employee.id, kind: walikotaHolder.kind },
      second: null,
      parentId: null,
      status: 'ready_to_sign',
    },
    rpjmdSasaran.map((n) => ({
      nodeKey: n.key,
      title: n.title,
      indicators: indicatorsByNode.get(n.key) ?? [],
      supports: null,
    })),
  );

  const skipped = new Set<string>([DEMO_JOURNEY_PD, ...DEMO_PD_WITHOUT_PK]);
  for (const pd of org.units) {
    if (skipped.has(pd.name)) continue;
    const pkOfUnit = new Map<string, PkDraft>();
    const party = (unit: DemoUnit) => {
      const positionId = headOf.get(uid(unit.code));
      const holder = positionId ? holders.get(positionId) : undefined;
      return positionId && holder
        ? { positionId, employeeId: holder.employee.id, kind: holder.kind }
        : null;
    };
    const parentOf = new Map<DemoUnit, DemoUnit>();
    for (const u of walk([pd])) for (const c of u.children) parentOf.set(c, u);

    for (const unit of walk([pd])) {
      const first = party(unit);
      if (!first) continue; // vacant post: no PK
      const parent = parentOf.get(unit);
      const second = parent
        ? party(parent)
        : {
            positionId: walikota.id,
            employeeId: walikotaHolder.employee.id,
            kind: walikotaHolder.kind,
          };
      if (!second) continue;
      const parentPk = parent ? pkOfUnit.get(parent.code) : pemda;
      if (!parentPk) continue;

      let sources: {
        nodeKey: string;
        title: string;
        indicators: IndicatorDraft[];
        supports: string | null;
      }[];
      const budgetNodes: NodeDraft[] = [];
      if (!parent) {
        const sasaran = demo.nodes.filter((n) => n.kind === 'sasaran' && n.unitCode === pd.code);
        sources = sasaran.map((n) => ({
          nodeKey: n.key,
          title: n.title,
          indicators: indicatorsByNode.get(n.key) ?? [],
          supports: n.supportsKey ? (pemda.objectives.get(n.supportsKey) ?? null) : null,
        }));
        for (const s of sasaran) budgetNodes.push(...(childrenOf.get(s.key) ?? []));
      } else {
        const mine = demo.indicators.filter(
          (i) =>
            i.responsibleUnitCode === unit.code &&
            ['program', 'kegiatan'].includes(nodeByKey.get(i.nodeKey)!.kind),
        );
        const byNode = new Map<string, IndicatorDraft[]>();
        for (const i of mine) byNode.set(i.nodeKey, [...(byNode.get(i.nodeKey) ?? []), i]);
        sources = [...byNode].map(([key, list]) => {
          const n = nodeByKey.get(key)!;
          // The nearest ancestor that is a sasaran of the parent PK.
          let up = n.parentKey;
          let supports: string | null = null;
          while (up && !supports) {
            supports = parentPk.objectives.get(up) ?? null;
            up = nodeByKey.get(up)!.parentKey;
          }
          budgetNodes.push(...(childrenOf.get(key) ?? []));
          return { nodeKey: key, title: n.objective ?? n.title, indicators: list, supports };
        });
      }
      if (sources.length === 0) continue;
      const level: AgreementLevel = !parent
        ? 'kepala_pd'
        : unit.level === 'eselon_3'
          ? 'eselon_iii'
          : 'eselon_iv';
      // Drawn for every PK, so the lower levels keep the statuses they had before the heads
      // were made ready for the ceremony.
      const drawn = pickStatus();
      const pk = addPk(
        {
          level,
          unitId: uid(unit.code),
          positionId: first.positionId,
          first: { employeeId: first.employeeId, kind: first.kind },
          second,
          parentId: parentPk.id,
          status: level === 'kepala_pd' ? 'ready_to_sign' : drawn,
        },
        sources,
      );
      pkOfUnit.set(unit.code, pk);
      // Budget rows at sub kegiatan level (as the PK editor pulls them), with the DPA 2027.
      const subsOf = (n: NodeDraft): NodeDraft[] =>
        n.kind === 'sub_kegiatan' ? [n] : (childrenOf.get(n.key) ?? []).flatMap(subsOf);
      budgetNodes.flatMap(subsOf).forEach((n, b) => {
        const rowOf = budgetRowNames(n, nodeByKey);
        budgetRows.push({
          tenantId,
          id: newId(),
          agreementId: pk.id,
          sourceNodeId: nid(n.key),
          ...rowOf,
          amount: dpaOf.get(n.key) ?? '0.00',
          sortOrder: b,
        });
      });
    }
  }

  // Insert as drafts, content while draft, then walk the allowed transitions.
  await insertChunks(pks, (chunk) =>
    tx.insert(agreements).values(
      chunk.map((pk) => ({
        tenantId,
        id: pk.id,
        yearId,
        startYear: DEMO_PK_YEAR,
        endYear: DEMO_PK_YEAR,
        level: pk.level,
        unitId: pk.unitId,
        planPeriodId: periodId,
        positionId: pk.positionId,
        firstPartyEmployeeId: pk.first.employeeId,
        firstPartyAssignmentKind: pk.first.kind,
        secondPartyPositionId: pk.second?.positionId ?? null,
        secondPartyEmployeeId: pk.second?.employeeId ?? null,
        secondPartyAssignmentKind: pk.second?.kind ?? null,
        agreementDate: DEMO_AGREEMENT_DATE,
        parentAgreementId: pk.parentId,
        status: 'draft' as const,
        rootId: pk.id,
      })),
    ),
  );
  for (const rows of objectiveRows) {
    await insertChunks(rows, (chunk) => tx.insert(agreementObjectives).values(chunk));
  }
  await insertChunks(indicatorRows, (chunk) => tx.insert(agreementIndicators).values(chunk));
  await insertChunks(pkTargetRows, (chunk) => tx.insert(agreementTargets).values(chunk));
  await insertChunks(budgetRows, (chunk) => tx.insert(agreementBudgets).values(chunk));

  const start = Date.now() - 14 * 86_400_000;
  const at = (step: number) => new Date(start + step * 86_400_000);
  const transitionRows: (typeof agreementTransitions.$inferInsert)[] = pks.map((pk) => ({
    tenantId,
    agreementId: pk.id,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: null,
    comment: 'Disusun dari Renstra (data demo).',
    createdAt: at(0),
  }));
  for (const [step, status] of STATUS_PATH.entries()) {
    const reached = pks.filter((pk) => STATUS_PATH.indexOf(pk.status) >= step);
    if (reached.length === 0) continue;
    const ids = reached.map((pk) => pk.id);
    const stamp = at(step + 1);
    await insertChunks(ids, (chunk) =>
      tx
        .update(agreements)
        .set({
          status,
          ...(status === 'submitted' ? { submittedAt: stamp } : {}),
          ...(status === 'verified' ? { verifiedAt: stamp } : {}),
          ...(status === 'ready_to_sign' ? { readyAt: stamp } : {}),
          version: sql`${agreements.version} + 1`,
          updatedAt: stamp,
        })
        .where(and(eq(agreements.tenantId, tenantId), inArray(agreements.id, chunk))),
    );
    for (const pk of reached) {
      transitionRows.push({
        tenantId,
        agreementId: pk.id,
        fromStatus: step === 0 ? 'draft' : (STATUS_PATH[step - 1] ?? null),
        toStatus: status,
        actorUserId: status === 'submitted' ? null : (reviewer?.id ?? null),
        comment:
          status === 'submitted'
            ? 'Diajukan untuk diverifikasi.'
            : status === 'verified'
              ? 'Sesuai dengan Renstra dan DPA.'
              : 'Siap ditandatangani.',
        createdAt: stamp,
      });
    }
  }
  await insertChunks(transitionRows, (chunk) => tx.insert(agreementTransitions).values(chunk));

  const byStatus: Record<string, number> = {};
  for (const pk of pks) byStatus[pk.status] = (byStatus[pk.status] ?? 0) + 1;
  return {
    periodId,
    planNodes: demo.nodes.length,
    indicators: demo.indicators.length,
    budgetLines: demo.budgets.length,
    agreements: pks.length,
    agreementIndicators: indicatorRows.length,
    byStatus,
  };
}

function prefixTarget(c: {
  value: string | null;
  low: string | null;
  high: string | null;
  code: string | null;
}) {
  return { targetValue: c.value, targetLow: c.low, targetHigh: c.high, targetCode: c.code };
}

/** Program / kegiatan / sub kegiatan code and name columns of a PK budget row. */
export function budgetRowNames(n: NodeDraft, byKey: Map<string, NodeDraft>) {
  const chain: NodeDraft[] = [];
  let cursor: NodeDraft | undefined = n;
  while (cursor && cursor.kind !== 'sasaran') {
    chain.unshift(cursor);
    cursor = cursor.parentKey ? byKey.get(cursor.parentKey) : undefined;
  }
  const [program, kegiatan, sub] = chain;
  return {
    programCode: program?.code ?? '',
    programName: program?.title ?? '',
    kegiatanCode: kegiatan?.code ?? null,
    kegiatanName: kegiatan?.title ?? null,
    subKegiatanCode: sub?.code ?? null,
    subKegiatanName: sub?.title ?? null,
  };
}
