/**
 * The PKs of the demo's monitoring years (issue 5), as plain data: last year's and this year's
 * Perjanjian Kinerja of Kota Contoh, drawn from the Renstra exactly as the PK year 2027 is
 * (planning-demo.ts): the Pemda PK with the RPJMD sasaran and their IKU, a PK for the head of
 * every PD with the PD's sasaran, and — for Dinas Kesehatan and Dinas Pendidikan — the eselon
 * III and IV PKs with the program / kegiatan indicators their unit is responsible for. Targets are
 * the Renstra's for that year, split into TW I–IV by the aggregation rule; budget rows are the
 * sub kegiatan under the PK's sasaran with the DPA of that year (derived from the pagu indikatif
 * when the plan has no DPA for the year).
 *
 * Pure and deterministic: nodes and indicators are referenced by their plan keys, units by code;
 * the seed (monitoring-demo.ts) maps them to database ids and resolves the parties.
 */
import { Decimal } from 'decimal.js';
import type { AgreementLevel } from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';
import type { DemoOrganisation, DemoUnit } from './kota-contoh.js';
import { hashUnit } from './monitoring-demo-values.js';
import {
  budgetRowNames,
  type IndicatorDraft,
  type NodeDraft,
  type PlanningDemo,
  quarterTargets,
} from './planning-demo.js';
import { PERIOD } from './planning-demo-data.js';

/** The PD whose eselon III and IV PKs are also made for the monitoring years. */
export const DEMO_LOWER_LEVEL_PDS = ['Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan'] as const;

export interface DemoPkIndicator {
  draft: IndicatorDraft;
  annual: TargetValue;
  /** TW I–IV (null for ranges and scale codes: the engine then reads the annual target). */
  quarters: (TargetValue | null)[];
}

export interface DemoPkObjective {
  nodeKey: string;
  title: string;
  /** Plan key of the parent PK's sasaran this one supports (the cascade), or null. */
  supportsNodeKey: string | null;
  indicators: DemoPkIndicator[];
}

export interface DemoPkBudget {
  nodeKey: string;
  names: ReturnType<typeof budgetRowNames>;
  /** Rupiah, canonical with 2 decimals ("1250000000.00"). */
  amount: string;
}

export interface DemoPkSpec {
  /** 'pemda', or the code of the unit of pihak pertama. */
  key: string;
  level: AgreementLevel;
  unitCode: string | null;
  /** The PD the unit belongs to (null for the Pemda PK). */
  pdName: string | null;
  /** Key of the PK above (null for the Pemda PK). */
  parentKey: string | null;
  /** The unit of pihak kedua's position (null: the Kepala Daerah). */
  superiorUnitCode: string | null;
  objectives: DemoPkObjective[];
  budgets: DemoPkBudget[];
}

function* walk(list: readonly DemoUnit[]): Generator<DemoUnit> {
  for (const unit of list) {
    yield unit;
    yield* walk(unit.children);
  }
}

/**
 * DPA of a node for a year: the plan's DPA row, else 90–100 % of its pagu indikatif in whole
 * thousands of Rupiah (the planning demo has a DPA for 2027 only).
 */
export function dpaAmount(
  budgets: ReadonlyMap<string, { dpa?: string; pagu?: string }>,
  nodeKey: string,
  year: number,
): string {
  const row = budgets.get(`${nodeKey}|${year}`);
  if (row?.dpa) return row.dpa;
  if (!row?.pagu) return '0.00';
  const share = 900 + Math.floor(hashUnit(`dpa/${nodeKey}/${year}`) * 101);
  const amount = new Decimal(row.pagu)
    .times(share)
    .dividedBy(1000)
    .dividedBy(1000)
    .floor()
    .times(1000);
  return amount.toFixed(2);
}

function budgetIndex(demo: PlanningDemo) {
  const index = new Map<string, { dpa?: string; pagu?: string }>();
  for (const b of demo.budgets) {
    const key = `${b.nodeKey}|${b.year}`;
    const row = index.get(key) ?? {};
    if (b.kind === 'dpa') row.dpa = b.amount;
    if (b.kind === 'pagu_indikatif') row.pagu = b.amount;
    index.set(key, row);
  }
  return index;
}

/** The PKs of `year`, parents before children. */
export function buildDemoPkSpecs(
  org: DemoOrganisation,
  demo: PlanningDemo,
  year: number,
): DemoPkSpec[] {
  const yearIndex = year - PERIOD.startYear;
  const nodeByKey = new Map(demo.nodes.map((n) => [n.key, n]));
  const indicatorsByNode = new Map<string, IndicatorDraft[]>();
  for (const i of demo.indicators) {
    indicatorsByNode.set(i.nodeKey, [...(indicatorsByNode.get(i.nodeKey) ?? []), i]);
  }
  const childrenOf = new Map<string, NodeDraft[]>();
  for (const n of demo.nodes) {
    if (!n.parentKey) continue;
    childrenOf.set(n.parentKey, [...(childrenOf.get(n.parentKey) ?? []), n]);
  }
  const budgets = budgetIndex(demo);
  const subsOf = (n: NodeDraft): NodeDraft[] =>
    n.kind === 'sub_kegiatan' ? [n] : (childrenOf.get(n.key) ?? []).flatMap(subsOf);
  const withTargets = (list: IndicatorDraft[]): DemoPkIndicator[] =>
    list.flatMap((draft) => {
      const annual = draft.def.targets[yearIndex];
      if (!annual) return [];
      return [{ draft, annual, quarters: quarterTargets(draft.def, annual) }];
    });
  const budgetsOf = (nodes: NodeDraft[]): DemoPkBudget[] =>
    nodes.flatMap(subsOf).map((n) => ({
      nodeKey: n.key,
      names: budgetRowNames(n, nodeByKey),
      amount: dpaAmount(budgets, n.key, year),
    }));

  const specs: DemoPkSpec[] = [];
  const rpjmdSasaran = demo.nodes.filter((n) => n.kind === 'sasaran' && n.unitCode === null);
  const pemdaObjectives = new Set(rpjmdSasaran.map((n) => n.key));
  specs.push({
    key: 'pemda',
    level: 'pemda',
    unitCode: null,
    pdName: null,
    parentKey: null,
    superiorUnitCode: null,
    objectives: rpjmdSasaran.map((n) => ({
      nodeKey: n.key,
      title: n.title,
      supportsNodeKey: null,
      indicators: withTargets(indicatorsByNode.get(n.key) ?? []),
    })),
    budgets: [],
  });

  const lowerLevels = new Set<string>(DEMO_LOWER_LEVEL_PDS);
  for (const pd of org.units) {
    const objectivesOf = new Map<string, Set<string>>();
    const units = lowerLevels.has(pd.name) ? [...walk([pd])] : [pd];
    const parentOf = new Map<DemoUnit, DemoUnit>();
    for (const u of walk([pd])) for (const c of u.children) parentOf.set(c, u);
    for (const unit of units) {
      const parent = parentOf.get(unit) ?? null;
      const parentKey = parent ? parent.code : 'pemda';
      const parentObjectives = parent ? objectivesOf.get(parent.code) : pemdaObjectives;
      if (!parentObjectives) continue; // the unit above has no PK: neither has this one
      let objectives: DemoPkObjective[];
      const budgetNodes: NodeDraft[] = [];
      if (!parent) {
        const sasaran = demo.nodes.filter((n) => n.kind === 'sasaran' && n.unitCode === pd.code);
        objectives = sasaran.map((n) => ({
          nodeKey: n.key,
          title: n.title,
          supportsNodeKey:
            n.supportsKey && pemdaObjectives.has(n.supportsKey) ? n.supportsKey : null,
          indicators: withTargets(indicatorsByNode.get(n.key) ?? []),
        }));
        for (const s of sasaran) budgetNodes.push(...(childrenOf.get(s.key) ?? []));
      } else {
        const byNode = new Map<string, IndicatorDraft[]>();
        for (const i of demo.indicators) {
          if (i.responsibleUnitCode !== unit.code) continue;
          if (!['program', 'kegiatan'].includes(nodeByKey.get(i.nodeKey)!.kind)) continue;
          byNode.set(i.nodeKey, [...(byNode.get(i.nodeKey) ?? []), i]);
        }
        objectives = [...byNode].map(([key, list]) => {
          const n = nodeByKey.get(key)!;
          let up = n.parentKey;
          let supports: string | null = null;
          while (up && !supports) {
            if (parentObjectives.has(up)) supports = up;
            up = nodeByKey.get(up)!.parentKey;
          }
          budgetNodes.push(...(childrenOf.get(key) ?? []));
          return {
            nodeKey: key,
            title: n.objective ?? n.title,
            supportsNodeKey: supports,
            indicators: withTargets(list),
          };
        });
      }
      objectives = objectives.filter((o) => o.indicators.length > 0);
      if (objectives.length === 0) continue;
      const level: AgreementLevel = !parent
        ? 'kepala_pd'
        : unit.level === 'eselon_3'
          ? 'eselon_iii'
          : 'eselon_iv';
      objectivesOf.set(unit.code, new Set(objectives.map((o) => o.nodeKey)));
      specs.push({
        key: unit.code,
        level,
        unitCode: unit.code,
        pdName: pd.name,
        parentKey,
        superiorUnitCode: parent ? parent.code : null,
        objectives,
        budgets: budgetsOf(budgetNodes),
      });
    }
  }
  return specs;
}
