import type { AgreementStatus, RevisionReason } from '../../../shared/codes.js';
import type { TargetValue } from '../../../shared/target-value.js';

/** Shapes of the PK Perubahan API (src/modules/agreements/revisions/revision-schemas.ts). */
export type Change = 'added' | 'removed' | 'changed' | 'unchanged';
export type FieldValue = string | boolean | null;
export interface FieldChange {
  field: string;
  old: FieldValue;
  new: FieldValue;
}
export interface TargetYear {
  year: number;
  annual: TargetValue | null;
  quarters: (TargetValue | null)[];
}
export interface IndicatorView {
  id: string;
  name: string;
  satuan: string;
  polarity: string;
  method: string;
  aggregation: string;
  isIku: boolean;
  targets: TargetYear[];
}
export interface TargetChange {
  year: number;
  /** 0 = annual, 1–4 = TW I–IV. */
  quarter: number;
  old: TargetValue | null;
  new: TargetValue | null;
}
export interface IndicatorDiff {
  change: Change;
  old: IndicatorView | null;
  new: IndicatorView | null;
  fields: FieldChange[];
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
export interface DiffParty {
  positionId: string;
  positionTitle: string;
  employeeId: string;
  name: string;
  nip: string | null;
  assignmentKind: string;
}
export interface PartyDiff {
  role: 'first' | 'second';
  change: Change;
  old: DiffParty | null;
  new: DiffParty | null;
  fields: FieldChange[];
}
export interface BudgetRow {
  id: string;
  programCode: string;
  programName: string;
  kegiatanCode: string | null;
  kegiatanName: string | null;
  subKegiatanCode: string | null;
  subKegiatanName: string | null;
  amount: string;
}
export interface BudgetDiff {
  change: Change;
  old: BudgetRow | null;
  new: BudgetRow | null;
  fields: FieldChange[];
}
export interface RevisionDiff {
  header: {
    agreementId: string;
    revisionNo: number;
    status: AgreementStatus;
    reason: RevisionReason | null;
    note: string | null;
    startYear: number;
    endYear: number;
    previous: { id: string; revisionNo: number; status: AgreementStatus };
  };
  years: number[];
  parties: PartyDiff[];
  objectives: ObjectiveDiff[];
  budgets: { rows: BudgetDiff[]; totalOld: string; totalNew: string; totalChanged: boolean };
  summary: Record<string, number>;
}
export interface VersionItem {
  id: string;
  revisionNo: number;
  status: AgreementStatus;
  reason: RevisionReason | null;
  note: string | null;
  previousId: string | null;
  agreementDate: string;
  createdAt: string;
  signedAt: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
  latest: boolean;
  version: number;
  permissions: Record<string, boolean>;
}
export interface VersionList {
  rootId: string;
  items: VersionItem[];
}
export interface CreatedRevision {
  id: string;
  rootId: string;
  previousId: string;
  revisionNo: number;
  status: AgreementStatus;
  version: number;
}
export type { TargetValue };
