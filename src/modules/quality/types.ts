import type {
  Aggregation,
  AgreementLevel,
  CalcMethod,
  PlanNodeKind,
  Polarity,
  QualityRule,
  QualitySeverity,
} from '../../shared/codes.js';
import type { TargetValue } from '../../shared/target-value.js';

/** An indicator as the quality rules see it (from a plan node or from a PK sasaran). */
export interface QualityIndicatorInput {
  /** Where a finding points: the indicator's id (or a client key for unsaved rows). */
  key: string;
  name: string;
  satuan: string;
  method: CalcMethod;
  polarity: Polarity;
  aggregation: Aggregation;
  isIku: boolean;
  /** Set when the IKU flag changed while the RPJMD period was active. */
  ikuChangedAt: Date | null;
  /** Yearly targets in year order (a PK has one year, a Renstra indicator five). */
  targets: { year: number; target: TargetValue | null }[];
  /** End-of-period target (plans only; null in a PK). */
  endTarget: TargetValue | null;
}

/** A sasaran (or any plan node) with its indicators. */
export interface QualityObjectiveInput {
  key: string;
  title: string;
  indicators: QualityIndicatorInput[];
}

export interface QualityContext {
  /** Where the indicators sit: an RPJMD or Renstra node kind, or a PK level. */
  scope:
    | { kind: 'plan'; nodeKind: PlanNodeKind; isRpjmd: boolean }
    | { kind: 'agreement'; level: AgreementLevel };
  severity: Record<QualityRule, QualitySeverity>;
}

/** One finding: what rule, how severe, on which indicator/sasaran, why, and how to fix it. */
export interface QualityFinding {
  rule: QualityRule;
  severity: QualitySeverity;
  /** The key of the indicator or sasaran the finding is about. */
  subjectKey: string;
  /** A field of the subject when the finding is about one (e.g. "satuan", "targets.2027"). */
  field?: string;
  /** Indonesian: what is wrong. */
  message: string;
  /** Indonesian: how to fix it. */
  hint: string;
}

/** One problem in a quarterly plan (TW I–IV) against the annual target. */
export interface QuarterPlanProblem {
  /** "quarters.0" … "quarters.3", or "quarters" for the plan as a whole. */
  field: string;
  message: string;
}
