import type { AgreementLevel, AgreementStatus } from '../../../shared/codes.js';
import type { TargetValue } from '../../../shared/target-value.js';

/** GET /api/cascade (src/modules/cascade/cascade-schemas.ts). */
export interface CascadeIndicator {
  id: string;
  name: string;
  satuan: string;
  target: TargetValue | null;
  isIku: boolean;
}

export interface CascadeNode {
  objectiveId: string;
  title: string;
  agreementId: string;
  indicators: CascadeIndicator[];
  linkedVia: 'pk' | 'renstra' | null;
  children: CascadeNode[];
}

export interface CascadeRoot {
  nodeId: string | null;
  code: string | null;
  title: string;
  pemdaObjectiveId: string | null;
  indicators: CascadeIndicator[];
  carried: boolean;
  children: CascadeNode[];
}

export interface CascadeAgreement {
  id: string;
  level: AgreementLevel;
  status: AgreementStatus;
  revisionNo: number;
  unitId: string | null;
  unitName: string | null;
  pdId: string | null;
  pdName: string | null;
  positionTitle: string;
  holderName: string;
}

export interface MissingAgreement {
  unitId: string;
  unitName: string;
  pdName: string;
  level: AgreementLevel;
  positionTitle: string;
  vacant: boolean;
}

export interface Cascade {
  year: number;
  yearId: string | null;
  period: { id: string; name: string } | null;
  unitId: string | null;
  pemdaAgreementId: string | null;
  agreements: CascadeAgreement[];
  roots: CascadeRoot[];
  unlinked: CascadeNode[];
  coverage: {
    rpjmdSasaran: number;
    carried: number;
    uncarried: { nodeId: string | null; code: string | null; title: string }[];
    brokenLinks: number;
    expectedAgreements: number;
    presentAgreements: number;
    missing: MissingAgreement[];
  };
  counts: {
    agreements: number;
    objectives: number;
    indicators: number;
    byLevel: Record<string, number>;
    byStatus: Record<string, number>;
  };
}
