import type { BoardRow } from '../../../modules/agreements/agreement-schemas.js';
import type { Aggregation, CalcMethod, Polarity } from '../../../shared/codes.js';
import type { TargetValue } from '../../../shared/target-value.js';

/**
 * Shapes of the Perjanjian Kinerja API, inferred from the server's response schemas
 * (src/modules/agreements/agreement-schemas.ts) so the pages and the API cannot drift.
 * Type-only imports: nothing of the server ends up in the web bundle.
 */
export type {
  AgreementBudget,
  AgreementDetail,
  AgreementIndicator,
  AgreementList,
  AgreementObjective,
  AgreementSummary,
  AgreementTransition,
  AgreementYear,
  AgreementYearList,
  Board,
  BoardRow,
  Party,
  QualityFinding,
  TargetYear,
  TransitionAction,
} from '../../../modules/agreements/agreement-schemas.js';
export type { TargetValue };

export type Permissions = Record<string, boolean>;

export type BoardStatus = BoardRow['status'];

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
