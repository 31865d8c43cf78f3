import { Decimal } from 'decimal.js';
import type { TargetValue } from '../../../shared/target-value.js';
import {
  type AgreementSnapshot,
  matchBudgets,
  matchIndicators,
  matchObjectives,
  normalizeText,
  type SnapshotBudget,
  type SnapshotIndicator,
  type SnapshotObjective,
  type SnapshotParty,
  type SnapshotTargetYear,
  sameTarget,
  targetAt,
} from './snapshot.js';

/** Sums of rupiah: decimal.js rounds to 20 significant digits by default, too few for
 * numeric(20, 2) amounts added up (a total of 2,000 rows needs 24). */
const Money = Decimal.clone({ precision: 64 });

/**
 * What changed between a PK version and its PK Perubahan: the pure comparison behind
 * GET /api/agreements/:id/diff and the side-by-side page. Every row of both versions is in the
 * answer (unchanged ones too, so the page can show the two versions next to each other); each
 * row says whether it was added, removed, changed or left alone, and a changed row names its
 * changed fields with old → new values. Numbers stay exact decimal strings.
 */

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';
export type FieldValue = string | boolean | null;
export interface FieldChange {
  field: string;
  old: FieldValue;
  new: FieldValue;
}

/** A changed target: quarter 0 is the annual target, 1–4 are TW I–IV. */
export interface TargetChange {
  year: number;
  quarter: number;
  old: TargetValue | null;
  new: TargetValue | null;
}

export interface IndicatorView {
  id: string;
  name: string;
  satuan: string;
  polarity: string;
  method: string;
  aggregation: string;
  isIku: boolean;
  targets: SnapshotTargetYear[];
}

export interface IndicatorDiff {
  change: Change;
  old: IndicatorView | null;
  new: IndicatorView | null;
  fields: FieldChange[];
  /** Changed targets of a kept indicator (empty for added/removed ones: every cell is new/gone). */
  targets: TargetChange[];
}

export interface ObjectiveView {
  id: string;
  title: string;
  supportsTitle: string | null;
}

export interface ObjectiveDiff {
  change: Change;
  old: ObjectiveView | null;
  new: ObjectiveView | null;
  fields: FieldChange[];
  indicators: IndicatorDiff[];
}

export interface BudgetDiff {
  change: Change;
  old: SnapshotBudget | null;
  new: SnapshotBudget | null;
  fields: FieldChange[];
}

export interface PartyDiff {
  role: 'first' | 'second';
  change: Change;
  old: SnapshotParty | null;
  new: SnapshotParty | null;
  fields: FieldChange[];
}

export interface DiffSummary {
  objectivesAdded: number;
  objectivesRemoved: number;
  objectivesChanged: number;
  indicatorsAdded: number;
  indicatorsRemoved: number;
  indicatorsChanged: number;
  targetsChanged: number;
  budgetRowsAdded: number;
  budgetRowsRemoved: number;
  budgetRowsChanged: number;
  partiesChanged: number;
}

export interface AgreementDiff {
  /** Every year covered by either version (a multi-year PK has up to five). */
  years: number[];
  parties: PartyDiff[];
  objectives: ObjectiveDiff[];
  budgets: {
    rows: BudgetDiff[];
    totalOld: string;
    totalNew: string;
    totalChanged: boolean;
  };
  summary: DiffSummary;
}

const indicatorFields = ['name', 'satuan', 'polarity', 'method', 'aggregation', 'isIku'] as const;
const budgetFields = [
  'programCode',
  'programName',
  'kegiatanCode',
  'kegiatanName',
  'subKegiatanCode',
  'subKegiatanName',
] as const;
const partyFields = ['name', 'nip', 'positionTitle', 'assignmentKind'] as const;

function compareFields<T, K extends keyof T & string>(
  older: T,
  newer: T,
  fields: readonly K[],
  same: (field: K, a: T[K], b: T[K]) => boolean = (_f, a, b) => a === b,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!same(field, older[field], newer[field])) {
      changes.push({
        field,
        old: older[field] as FieldValue,
        new: newer[field] as FieldValue,
      });
    }
  }
  return changes;
}

const textSame = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? normalizeText(a) === normalizeText(b) : a === b;

const indicatorView = (i: SnapshotIndicator): IndicatorView => ({
  id: i.id,
  name: i.name,
  satuan: i.satuan,
  polarity: i.polarity,
  method: i.method,
  aggregation: i.aggregation,
  isIku: i.isIku,
  targets: i.targets,
});

const objectiveView = (o: SnapshotObjective): ObjectiveView => ({
  id: o.id,
  title: o.title,
  supportsTitle: o.supportsTitle,
});

function diffIndicator(
  older: SnapshotIndicator,
  newer: SnapshotIndicator,
  years: readonly number[],
): IndicatorDiff {
  const fields = compareFields(older, newer, indicatorFields, (field, a, b) =>
    field === 'name' || field === 'satuan' ? textSame(a, b) : a === b,
  );
  const targets: TargetChange[] = [];
  for (const year of years) {
    for (let quarter = 0; quarter <= 4; quarter += 1) {
      const a = targetAt(older, year, quarter);
      const b = targetAt(newer, year, quarter);
      if (!sameTarget(a, b)) targets.push({ year, quarter, old: a, new: b });
    }
  }
  return {
    change: fields.length > 0 || targets.length > 0 ? 'changed' : 'unchanged',
    old: indicatorView(older),
    new: indicatorView(newer),
    fields,
    targets,
  };
}

function diffObjective(
  older: SnapshotObjective,
  newer: SnapshotObjective,
  years: readonly number[],
): ObjectiveDiff {
  const fields: FieldChange[] = [];
  if (!textSame(older.title, newer.title)) {
    fields.push({ field: 'title', old: older.title, new: newer.title });
  }
  // The supported sasaran is compared by title: when the higher PK is itself revised, the link
  // moves to the same sasaran of its new version, which is no change for the reader.
  if (!textSame(older.supportsTitle, newer.supportsTitle)) {
    fields.push({ field: 'supports', old: older.supportsTitle, new: newer.supportsTitle });
  }
  const matched = matchIndicators(older.indicators, newer.indicators);
  const indicators: IndicatorDiff[] = [
    ...newer.indicators.map((indicator): IndicatorDiff => {
      const pair = matched.pairs.find(([, n]) => n === indicator);
      if (pair) return diffIndicator(pair[0], indicator, years);
      return { change: 'added', old: null, new: indicatorView(indicator), fields: [], targets: [] };
    }),
    ...matched.removed.map(
      (indicator): IndicatorDiff => ({
        change: 'removed',
        old: indicatorView(indicator),
        new: null,
        fields: [],
        targets: [],
      }),
    ),
  ];
  const changed = fields.length > 0 || indicators.some((i) => i.change !== 'unchanged');
  return {
    change: changed ? 'changed' : 'unchanged',
    old: objectiveView(older),
    new: objectiveView(newer),
    fields,
    indicators,
  };
}

const wholeObjective = (o: SnapshotObjective, change: 'added' | 'removed'): ObjectiveDiff => ({
  change,
  old: change === 'removed' ? objectiveView(o) : null,
  new: change === 'added' ? objectiveView(o) : null,
  fields: [],
  indicators: o.indicators.map((i) => ({
    change,
    old: change === 'removed' ? indicatorView(i) : null,
    new: change === 'added' ? indicatorView(i) : null,
    fields: [],
    targets: [],
  })),
});

function diffParty(
  role: 'first' | 'second',
  older: SnapshotParty | null,
  newer: SnapshotParty | null,
): PartyDiff {
  if (older === null || newer === null) {
    if (older === newer) return { role, change: 'unchanged', old: null, new: null, fields: [] };
    return { role, change: older ? 'removed' : 'added', old: older, new: newer, fields: [] };
  }
  const fields = compareFields(older, newer, partyFields);
  if (older.employeeId !== newer.employeeId && !fields.some((f) => f.field === 'name')) {
    fields.unshift({ field: 'name', old: older.name, new: newer.name });
  }
  return { role, change: fields.length ? 'changed' : 'unchanged', old: older, new: newer, fields };
}

function diffBudgets(older: readonly SnapshotBudget[], newer: readonly SnapshotBudget[]) {
  const matched = matchBudgets(older, newer);
  const rows: BudgetDiff[] = [
    ...newer.map((row): BudgetDiff => {
      const pair = matched.pairs.find(([, n]) => n === row);
      if (!pair) return { change: 'added', old: null, new: row, fields: [] };
      const [was] = pair;
      const fields = compareFields(was, row, budgetFields, (_f, a, b) => textSame(a, b));
      if (!new Decimal(was.amount).equals(new Decimal(row.amount))) {
        fields.push({ field: 'amount', old: was.amount, new: row.amount });
      }
      return { change: fields.length ? 'changed' : 'unchanged', old: was, new: row, fields };
    }),
    ...matched.removed.map(
      (row): BudgetDiff => ({ change: 'removed', old: row, new: null, fields: [] }),
    ),
  ];
  const total = (list: readonly SnapshotBudget[]) =>
    list.reduce((sum, b) => sum.plus(b.amount), new Money(0));
  const totalOld = total(older);
  const totalNew = total(newer);
  return {
    rows,
    totalOld: totalOld.toFixed(2),
    totalNew: totalNew.toFixed(2),
    totalChanged: !totalOld.equals(totalNew),
  };
}

const yearRange = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Compares a version (`older`) with its PK Perubahan (`newer`). */
export function diffAgreements(older: AgreementSnapshot, newer: AgreementSnapshot): AgreementDiff {
  const years = yearRange(
    Math.min(older.startYear, newer.startYear),
    Math.max(older.endYear, newer.endYear),
  );
  const matched = matchObjectives(older.objectives, newer.objectives);
  const objectives: ObjectiveDiff[] = [
    ...newer.objectives.map((objective) => {
      const pair = matched.pairs.find(([, n]) => n === objective);
      return pair ? diffObjective(pair[0], objective, years) : wholeObjective(objective, 'added');
    }),
    ...matched.removed.map((objective) => wholeObjective(objective, 'removed')),
  ];
  const parties = [
    diffParty('first', older.firstParty, newer.firstParty),
    diffParty('second', older.secondParty, newer.secondParty),
  ];
  const budgets = diffBudgets(older.budgets, newer.budgets);
  const indicators = objectives.flatMap((o) => o.indicators);
  const count = <T extends { change: Change }>(list: readonly T[], change: Change) =>
    list.filter((item) => item.change === change).length;
  return {
    years,
    parties,
    objectives,
    budgets,
    summary: {
      objectivesAdded: count(objectives, 'added'),
      objectivesRemoved: count(objectives, 'removed'),
      objectivesChanged: objectives.filter((o) => o.change === 'changed' && o.fields.length > 0)
        .length,
      indicatorsAdded: count(indicators, 'added'),
      indicatorsRemoved: count(indicators, 'removed'),
      indicatorsChanged: indicators.filter((i) => i.change === 'changed' && i.fields.length > 0)
        .length,
      targetsChanged: indicators.reduce((n, i) => n + i.targets.length, 0),
      budgetRowsAdded: count(budgets.rows, 'added'),
      budgetRowsRemoved: count(budgets.rows, 'removed'),
      budgetRowsChanged: count(budgets.rows, 'changed'),
      partiesChanged: parties.filter((p) => p.change !== 'unchanged').length,
    },
  };
}
