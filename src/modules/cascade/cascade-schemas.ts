import { z } from 'zod';
import { agreementLevels, agreementStatuses } from '../../shared/codes.js';
import { targetValueSchema } from '../agreements/agreement-schemas.js';

/** `GET /api/cascade?year=2027&unitId=…` */
export const cascadeQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Only this unit's subtree (a PD, a bidang…), with the sasaran above it for context. */
  unitId: z.uuid().optional(),
});

export const cascadeIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  satuan: z.string(),
  /** The target of the requested year (annual), null when none was set. */
  target: targetValueSchema.nullable(),
  isIku: z.boolean(),
});

export interface CascadeNode {
  objectiveId: string;
  title: string;
  agreementId: string;
  indicators: z.infer<typeof cascadeIndicatorSchema>[];
  /**
   * How the node hangs under its parent: 'pk' through the sasaran link of the PK, 'renstra'
   * through the Renstra (no Pemda PK to link to), null when it links to nothing (broken).
   */
  linkedVia: 'pk' | 'renstra' | null;
  children: CascadeNode[];
}

export const cascadeNodeSchema: z.ZodType<CascadeNode> = z.object({
  objectiveId: z.string(),
  title: z.string(),
  agreementId: z.string(),
  indicators: z.array(cascadeIndicatorSchema),
  linkedVia: z.enum(['pk', 'renstra']).nullable(),
  get children() {
    return z.array(cascadeNodeSchema);
  },
});

/** A sasaran of the RPJMD (or of the Pemda PK) at the top of the cascade. */
export const cascadeRootSchema = z.object({
  /** The RPJMD sasaran (plan node); null for a Pemda PK sasaran typed in by hand. */
  nodeId: z.string().nullable(),
  code: z.string().nullable(),
  title: z.string(),
  /** The Pemda PK's sasaran for it, when there is a Pemda PK. */
  pemdaObjectiveId: z.string().nullable(),
  indicators: z.array(cascadeIndicatorSchema),
  /** True when at least one PD's PK carries it. */
  carried: z.boolean(),
  children: z.array(cascadeNodeSchema),
});

export const cascadeAgreementSchema = z.object({
  id: z.string(),
  level: z.enum(agreementLevels),
  status: z.enum(agreementStatuses),
  revisionNo: z.number(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  pdId: z.string().nullable(),
  pdName: z.string().nullable(),
  positionTitle: z.string(),
  holderName: z.string(),
});

export const missingAgreementSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  pdName: z.string(),
  level: z.enum(agreementLevels),
  positionTitle: z.string(),
  /** The head post has nobody (definitif, Plt, Plh, Pj) on the reference date. */
  vacant: z.boolean(),
});

export const cascadeSchema = z.object({
  year: z.number(),
  /** The PK year (null when the admin has not opened it). */
  yearId: z.string().nullable(),
  period: z.object({ id: z.string(), name: z.string() }).nullable(),
  unitId: z.string().nullable(),
  pemdaAgreementId: z.string().nullable(),
  /** Every PK shown in the tree, by id (the nodes refer to them). */
  agreements: z.array(cascadeAgreementSchema),
  roots: z.array(cascadeRootSchema),
  /** Sasaran of PKs (below the Pemda) that link to nothing above, with what hangs under them. */
  unlinked: z.array(cascadeNodeSchema),
  coverage: z.object({
    rpjmdSasaran: z.number(),
    carried: z.number(),
    uncarried: z.array(
      z.object({ nodeId: z.string().nullable(), code: z.string().nullable(), title: z.string() }),
    ),
    brokenLinks: z.number(),
    expectedAgreements: z.number(),
    presentAgreements: z.number(),
    missing: z.array(missingAgreementSchema),
  }),
  counts: z.object({
    agreements: z.number(),
    objectives: z.number(),
    indicators: z.number(),
    byLevel: z.record(z.string(), z.number()),
    byStatus: z.record(z.string(), z.number()),
  }),
});

export type CascadeResult = z.infer<typeof cascadeSchema>;
export type CascadeRoot = z.infer<typeof cascadeRootSchema>;
export type CascadeAgreement = z.infer<typeof cascadeAgreementSchema>;
export type CascadeIndicator = z.infer<typeof cascadeIndicatorSchema>;
