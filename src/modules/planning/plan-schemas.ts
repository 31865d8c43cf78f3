import { z } from 'zod';
import {
  aggregations,
  budgetKinds,
  calcMethods,
  planNodeKinds,
  planStatuses,
  polarities,
  qualityRules,
  qualitySeverities,
} from '../../shared/codes.js';
import {
  moneyInput,
  type TargetValueInput,
  targetValueInput,
  targetValueSchema,
} from './target-schemas.js';

/**
 * Request and response shapes of the planning API (RPJMD, Renstra, indicators, budgets, scales);
 * the same schemas produce the OpenAPI document.
 */
const text = (min: number, max: number) =>
  z.string().trim().min(min, `minimal ${min} karakter`).max(max, `maksimal ${max} karakter`);
export const version = z.number().int().min(1);
export const permissionsSchema = z.record(z.string(), z.boolean());
const year = z.number().int().min(2000).max(2100);

/** A target as sent by a client; numbers are checked in the use case (see target-schemas.ts). */
export const targetInput = targetValueInput;
export type TargetInput = TargetValueInput;

// ---- periods -------------------------------------------------------------------------------

export const periodSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  status: z.enum(planStatuses),
  visi: z.string(),
  version: z.number(),
  permissions: permissionsSchema,
});

export const createPeriodBody = z.strictObject({
  name: text(3, 200),
  // The five years must all be plannable (targets and budgets go up to 2100).
  startYear: z.number().int().min(2000).max(2096),
  visi: z.string().trim().max(4000).default(''),
});
export const updatePeriodBody = z.strictObject({
  version,
  name: text(3, 200).optional(),
  visi: z.string().trim().max(4000).optional(),
  status: z.enum(planStatuses).optional(),
});

export const renstraRowSchema = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), shortName: z.string().nullable() }),
  counts: z.object({
    tujuan: z.number(),
    sasaran: z.number(),
    program: z.number(),
    kegiatan: z.number(),
    subKegiatan: z.number(),
    indicators: z.number(),
  }),
  /** Renstra sasaran not linked to any RPJMD sasaran (a gap in the cascade). */
  unlinkedSasaran: z.number(),
  /** Sum of pagu indikatif of the PD's programs over the period (exact decimal string). */
  paguTotal: z.string(),
  permissions: permissionsSchema,
});

// ---- nodes ---------------------------------------------------------------------------------

const codeInput = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v) => (v ? v : null));

export const createNodeBody = z.strictObject({
  periodId: z.uuid(),
  unitId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  kind: z.enum(planNodeKinds),
  code: codeInput,
  title: text(2, 1000),
  supportsNodeId: z.uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const updateNodeBody = z.strictObject({
  version,
  title: text(2, 1000).optional(),
  code: codeInput.optional(),
  supportsNodeId: z.uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const budgetLineSchema = z.object({
  year: z.number(),
  kind: z.enum(budgetKinds),
  amount: z.string(),
});
export const budgetsBody = z.strictObject({
  version,
  lines: z
    .array(
      z.strictObject({
        year,
        kind: z.enum(budgetKinds),
        amount: moneyInput,
      }),
    )
    .max(100),
});

export const findingSchema = z.object({
  rule: z.enum(qualityRules),
  severity: z.enum(qualitySeverities),
  subjectKey: z.string(),
  field: z.string().optional(),
  message: z.string(),
  hint: z.string(),
});

// ---- indicators ----------------------------------------------------------------------------

const indicatorFields = {
  name: text(3, 1000),
  satuan: z.string().trim().max(100),
  polarity: z.enum(polarities),
  method: z.enum(calcMethods),
  aggregation: z.enum(aggregations),
  scaleId: z.uuid().nullable().optional(),
  isIku: z.boolean(),
  /** A realisasi below zero is a real value (growth rates); default false. */
  allowNegative: z.boolean().optional(),
  definition: z.string().trim().max(4000),
  formulaText: z.string().trim().max(4000),
  dataSource: z.string().trim().max(1000),
  responsibleUnitId: z.uuid().nullable().optional(),
  baseline: z.strictObject({ year, value: targetInput.nullable() }).nullable().optional(),
  endTarget: targetInput.nullable().optional(),
  targets: z.array(z.strictObject({ year, target: targetInput })).max(10),
};

export const createIndicatorBody = z.strictObject({ nodeId: z.uuid(), ...indicatorFields });
export const updateIndicatorBody = z.strictObject({
  version,
  name: indicatorFields.name.optional(),
  satuan: indicatorFields.satuan.optional(),
  polarity: indicatorFields.polarity.optional(),
  method: indicatorFields.method.optional(),
  aggregation: indicatorFields.aggregation.optional(),
  scaleId: indicatorFields.scaleId,
  isIku: indicatorFields.isIku.optional(),
  allowNegative: indicatorFields.allowNegative,
  definition: indicatorFields.definition.optional(),
  formulaText: indicatorFields.formulaText.optional(),
  dataSource: indicatorFields.dataSource.optional(),
  responsibleUnitId: indicatorFields.responsibleUnitId,
  baseline: indicatorFields.baseline,
  endTarget: indicatorFields.endTarget,
  targets: indicatorFields.targets.optional(),
});
export type CreateIndicatorInput = z.infer<typeof createIndicatorBody>;
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorBody>;

export const indicatorSchema = z.object({
  id: z.uuid(),
  nodeId: z.uuid(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.enum(polarities),
  method: z.enum(calcMethods),
  aggregation: z.enum(aggregations),
  scaleId: z.uuid().nullable(),
  isIku: z.boolean(),
  /** A realisasi below zero is accepted (copied into the PK indicator). */
  allowNegative: z.boolean(),
  ikuChangedAt: z.string().nullable(),
  definition: z.string(),
  formulaText: z.string(),
  dataSource: z.string(),
  responsibleUnitId: z.uuid().nullable(),
  baseline: z.object({ year: z.number().nullable(), value: targetValueSchema.nullable() }),
  endTarget: targetValueSchema.nullable(),
  targets: z.array(z.object({ year: z.number(), target: targetValueSchema.nullable() })),
  sortOrder: z.number(),
  version: z.number(),
  archived: z.boolean(),
  findings: z.array(findingSchema),
});

export const nodeSchema = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  unitId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  kind: z.enum(planNodeKinds),
  code: z.string().nullable(),
  title: z.string(),
  supports: z.object({ id: z.uuid(), title: z.string(), code: z.string().nullable() }).nullable(),
  sortOrder: z.number(),
  version: z.number(),
  archived: z.boolean(),
  indicators: z.array(indicatorSchema),
  budgets: z.array(budgetLineSchema),
  /** Findings about the node itself (e.g. a sasaran without any indicator). */
  findings: z.array(findingSchema),
  permissions: permissionsSchema,
});

export const scaleSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  version: z.number(),
  levels: z.array(z.object({ code: z.string(), label: z.string(), score: z.string() })),
  permissions: permissionsSchema,
});

export const treeSchema = z.object({
  period: periodSchema,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  nodes: z.array(nodeSchema),
  /** For a Renstra: the RPJMD tujuan and sasaran its own tujuan/sasaran may support. */
  rpjmdTargets: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(planNodeKinds),
      code: z.string().nullable(),
      title: z.string(),
    }),
  ),
  scales: z.array(scaleSchema),
  permissions: permissionsSchema,
});

// ---- rating scales -------------------------------------------------------------------------

const levelInput = z.strictObject({
  code: z.string().trim().min(1).max(20),
  label: text(1, 200),
  score: z.string().trim().max(20),
});
export const createScaleBody = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'huruf kecil, angka dan garis bawah, diawali huruf'),
  name: text(3, 200),
  levels: z.array(levelInput).min(2, 'minimal 2 tingkat').max(30),
});
export const updateScaleBody = z.strictObject({
  version,
  name: text(3, 200).optional(),
  levels: z.array(levelInput).min(2, 'minimal 2 tingkat').max(30).optional(),
});
