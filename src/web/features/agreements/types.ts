import type {
  Aggregation,
  AgreementLevel,
  AgreementStatus,
  AgreementYearStatus,
  AssignmentKind,
  CalcMethod,
  Polarity,
  QualityRule,
  QualitySeverity,
} from '../../../shared/codes.js';
import type { TargetValue } from '../../../shared/target-value.js';

/**
 * Shapes of the Perjanjian Kinerja API as this feature reads them; they mirror
 * src/modules/agreements/agreement-schemas.ts (the contract), written out here because the web
 * bundle never imports server modules.
 */
export type Permissions = Record<string, boolean>;
export type { TargetValue };

export interface Party {
  positionId: string;
  positionTitle: string;
  employeeId: string;
  name: string;
  nip: string | null;
  grade: string | null;
  assignmentKind: AssignmentKind;
}

export interface QualityFinding {
  rule: QualityRule | 'QUARTER_PLAN';
  severity: QualitySeverity;
  subjectKey: string;
  field?: string;
  message: string;
  hint: string;
}

export interface AgreementYear {
  id: string;
  year: number;
  dpaApprovedOn: string | null;
  deadline: string | null;
  status: AgreementYearStatus;
  version: number;
  counts: Partial<Record<AgreementStatus, number>>;
  permissions: Permissions;
}

export interface AgreementYearList {
  items: AgreementYear[];
  permissions: { create: boolean };
}

export interface AgreementSummary {
  id: string;
  yearId: string;
  year: number;
  startYear: number;
  endYear: number;
  level: AgreementLevel;
  unit: { id: string; name: string } | null;
  position: { id: string; title: string };
  firstParty: Party;
  secondParty: Party | null;
  status: AgreementStatus;
  revisionNo: number;
  rootId: string;
  deadline: string | null;
  daysLeft: number | null;
  late: boolean;
  updatedAt: string;
  version: number;
  permissions: Permissions;
}

export interface AgreementList {
  items: AgreementSummary[];
  permissions: { create: boolean; review: boolean };
}

export type BoardStatus = AgreementStatus | 'not_created';

export interface BoardRow {
  positionId: string;
  positionTitle: string;
  unit: { id: string; name: string } | null;
  pd: { id: string; name: string } | null;
  level: AgreementLevel;
  holderName: string | null;
  agreement: { id: string; status: AgreementStatus; revisionNo: number } | null;
  status: BoardStatus;
  deadline: string | null;
  daysLeft: number | null;
  late: boolean;
  /** create: this user may draft this position's PK now (decided by the server). */
  permissions: { create: boolean };
}

export interface Board {
  year: number;
  yearId: string | null;
  deadline: string | null;
  rows: BoardRow[];
  counts: Record<string, number>;
}

export interface TargetYear {
  year: number;
  annual: TargetValue | null;
  /** Always four entries (TW I–IV). */
  quarters: (TargetValue | null)[];
}

export interface AgreementIndicator {
  id: string;
  sourceIndicatorId: string | null;
  name: string;
  satuan: string;
  polarity: Polarity;
  method: CalcMethod;
  aggregation: Aggregation;
  isIku: boolean;
  scaleId: string | null;
  targets: TargetYear[];
}

export interface AgreementObjective {
  id: string;
  title: string;
  sourceNodeId: string | null;
  supportsObjectiveId: string | null;
  supports: { objectiveId: string; title: string; agreementId: string } | null;
  indicators: AgreementIndicator[];
}

export interface AgreementBudget {
  id: string;
  sourceNodeId: string | null;
  programCode: string;
  programName: string;
  kegiatanCode: string | null;
  kegiatanName: string | null;
  subKegiatanCode: string | null;
  subKegiatanName: string | null;
  amount: string;
}

export interface AgreementTransition {
  id: string;
  fromStatus: AgreementStatus | null;
  toStatus: AgreementStatus;
  actor: { id: string; displayName: string } | null;
  comment: string | null;
  at: string;
}

export interface AgreementDetail extends AgreementSummary {
  agreementDate: string;
  secondPartyOverrideReason: string | null;
  planPeriodId: string | null;
  revisionReason: string | null;
  revisionNote: string | null;
  parent: { id: string; level: AgreementLevel; positionTitle: string } | null;
  previous: { id: string; revisionNo: number; status: AgreementStatus } | null;
  objectives: AgreementObjective[];
  budgets: AgreementBudget[];
  budgetTotal: string;
  quality: { findings: QualityFinding[]; blocking: boolean };
  transitions: AgreementTransition[];
  candidateParentObjectives: { id: string; title: string }[];
  permissions: Permissions;
}

export type TransitionAction = 'submit' | 'withdraw' | 'return' | 'verify' | 'mark_ready';

/** A rating scale of the Pemda (BPK opinion, predikat …) whose codes a target may take. */
export interface Scale {
  id: string;
  key: string;
  name: string;
  levels: { code: string; label: string; score: string }[];
}

/** PUT /api/agreements/:id/content body. */
export interface ContentBody {
  version: number;
  objectives: {
    id?: string;
    title: string;
    sourceNodeId?: string | null;
    supportsObjectiveId?: string | null;
    indicators: {
      id?: string;
      sourceIndicatorId?: string | null;
      name: string;
      satuan: string;
      polarity: Polarity;
      method: CalcMethod;
      aggregation: Aggregation;
      isIku: boolean;
      scaleId?: string | null;
      targets: { year: number; annual: TargetValue | null; quarters: (TargetValue | null)[] }[];
    }[];
  }[];
  budgets: {
    sourceNodeId?: string | null;
    programCode: string;
    programName: string;
    kegiatanCode?: string | null;
    kegiatanName?: string | null;
    subKegiatanCode?: string | null;
    subKegiatanName?: string | null;
    amount: string;
  }[];
}
