import type { QualityFinding } from '../../../modules/quality/types.js';
import type {
  Aggregation,
  BudgetKind,
  CalcMethod,
  PlanNodeKind,
  PlanStatus,
  Polarity,
} from '../../../shared/codes.js';
import type { TargetValue } from '../../../shared/target-value.js';

/** Shapes of the planning API as the web app reads them (see src/modules/planning/plan-schemas.ts). */
export interface Period {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  status: PlanStatus;
  visi: string;
  version: number;
  permissions: { update: boolean; activate: boolean; close: boolean };
}

export interface PeriodList {
  items: Period[];
  permissions: { create: boolean };
}

export interface RenstraRow {
  unit: { id: string; name: string; shortName: string | null };
  counts: {
    tujuan: number;
    sasaran: number;
    program: number;
    kegiatan: number;
    subKegiatan: number;
    indicators: number;
  };
  unlinkedSasaran: number;
  paguTotal: string;
  permissions: { write: boolean };
}

export interface Indicator {
  id: string;
  nodeId: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  scaleId: string | null;
  isIku: boolean;
  ikuChangedAt: string | null;
  definition: string;
  formulaText: string;
  dataSource: string;
  responsibleUnitId: string | null;
  baseline: { year: number | null; value: TargetValue | null };
  endTarget: TargetValue | null;
  targets: { year: number; target: TargetValue | null }[];
  sortOrder: number;
  version: number;
  archived: boolean;
  findings: QualityFinding[];
}

export interface BudgetLine {
  year: number;
  kind: BudgetKind;
  amount: string;
}

export interface PlanNode {
  id: string;
  periodId: string;
  unitId: string | null;
  parentId: string | null;
  kind: PlanNodeKind;
  code: string | null;
  title: string;
  supports: { id: string; title: string; code: string | null } | null;
  sortOrder: number;
  version: number;
  archived: boolean;
  indicators: Indicator[];
  budgets: BudgetLine[];
  findings: QualityFinding[];
  permissions: { update: boolean; createChild: boolean; archive: boolean; restore: boolean };
}

export interface RatingScale {
  id: string;
  key: string;
  name: string;
  version: number;
  levels: { code: string; label: string; score: string }[];
}

export interface PlanTree {
  period: Period;
  unit: { id: string; name: string } | null;
  nodes: PlanNode[];
  rpjmdTargets: { id: string; kind: PlanNodeKind; code: string | null; title: string }[];
  scales: RatingScale[];
  permissions: { createRoot: boolean };
}

export type { QualityFinding, TargetValue };
