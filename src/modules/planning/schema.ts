import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  archivedAt,
  createdAt,
  idColumn,
  tenantIdColumn,
  updatedAt,
  versionColumn,
} from '../../db/columns.js';
import { inList, targetCheck, targetColumns } from '../../db/target-columns.js';
import {
  aggregations,
  budgetKinds,
  calcMethods,
  planNodeKinds,
  planStatuses,
  polarities,
} from '../../shared/codes.js';
import { units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

/** An RPJMD period (5 years) with its visi. Renstra of every PD live in the same period. */
export const planPeriods = pgTable(
  'plan_periods',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    visi: text('visi').notNull().default(''),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('plan_periods_start_key').on(t.tenantId, t.startYear),
    uniqueIndex('plan_periods_one_active').on(t.tenantId).where(sql`status = 'active'`),
    check('plan_periods_status_check', sql`${t.status} in ${inList(planStatuses)}`),
    check(
      'plan_periods_years_check',
      sql`${t.endYear} = ${t.startYear} + 4 and ${t.startYear} between 2000 and 2100`,
    ),
    check('plan_periods_name_check', sql`length(trim(${t.name})) between 3 and 200`),
  ],
);

/**
 * One tree per period for the RPJMD (unit null: misi → tujuan → sasaran) and one per PD for its
 * Renstra (unit set: tujuan → sasaran → program → kegiatan → sub kegiatan). A Renstra tujuan or
 * sasaran names the RPJMD node it supports (`supportsNodeId`). Parent kinds, same period/unit and
 * code prefixes are checked by a trigger (migration 0009).
 */
export const planNodes = pgTable(
  'plan_nodes',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    periodId: uuid('period_id').notNull(),
    unitId: uuid('unit_id'),
    kind: text('kind', { enum: planNodeKinds }).notNull(),
    parentId: uuid('parent_id'),
    /** Permendagri 90/2019 code for program (1.02.02), kegiatan (1.02.02.2.01), sub (….0001). */
    code: text('code'),
    title: text('title').notNull(),
    supportsNodeId: uuid('supports_node_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'plan_nodes_period_fk',
      columns: [t.tenantId, t.periodId],
      foreignColumns: [planPeriods.tenantId, planPeriods.id],
    }),
    foreignKey({
      name: 'plan_nodes_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'plan_nodes_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: 'plan_nodes_supports_fk',
      columns: [t.tenantId, t.supportsNodeId],
      foreignColumns: [t.tenantId, t.id],
    }),
    uniqueIndex('plan_nodes_code_key')
      .on(t.tenantId, t.periodId, t.unitId, t.code)
      .where(sql`code is not null and archived_at is null`),
    index('plan_nodes_tree_idx').on(t.tenantId, t.periodId, t.unitId, t.parentId),
    index('plan_nodes_supports_idx').on(t.tenantId, t.supportsNodeId),
    check('plan_nodes_kind_check', sql`${t.kind} in ${inList(planNodeKinds)}`),
    check('plan_nodes_title_check', sql`length(trim(${t.title})) between 2 and 1000`),
    check(
      'plan_nodes_scope_check',
      sql`(${t.kind} = 'misi' and ${t.unitId} is null) or (${t.kind} in ('program', 'kegiatan', 'sub_kegiatan') and ${t.unitId} is not null) or ${t.kind} in ('tujuan', 'sasaran')`,
    ),
    check(
      'plan_nodes_code_check',
      sql`(${t.kind} = 'program' and ${t.code} ~ '^[0-9X]\\.[0-9X]{2}\\.[0-9]{2}$')
       or (${t.kind} = 'kegiatan' and ${t.code} ~ '^[0-9X]\\.[0-9X]{2}\\.[0-9]{2}\\.[0-9]\\.[0-9]{2}$')
       or (${t.kind} = 'sub_kegiatan' and ${t.code} ~ '^[0-9X]\\.[0-9X]{2}\\.[0-9]{2}\\.[0-9]\\.[0-9]{2}\\.[0-9]{4}$')
       or (${t.kind} in ('misi', 'tujuan', 'sasaran') and (${t.code} is null or length(trim(${t.code})) between 1 and 40))`,
    ),
    check('plan_nodes_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** An ordinal scale of the tenant (BPK opinion, SAKIP predikat, an index category). */
export const ratingScales = pgTable(
  'rating_scales',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('rating_scales_key').on(t.tenantId, t.key),
    check('rating_scales_key_check', sql`${t.key} ~ '^[a-z][a-z0-9_]{1,39}$'`),
  ],
);

/** One code of a scale with its score (WTP 4 > WDP 3 > TW 2 > TMP 1). */
export const ratingScaleLevels = pgTable(
  'rating_scale_levels',
  {
    tenantId: tenantIdColumn(),
    scaleId: uuid('scale_id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    score: numeric('score').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.scaleId, t.code] }),
    foreignKey({
      name: 'rating_scale_levels_scale_fk',
      columns: [t.tenantId, t.scaleId],
      foreignColumns: [ratingScales.tenantId, ratingScales.id],
    }).onDelete('cascade'),
    uniqueIndex('rating_scale_levels_norm_key').on(
      t.tenantId,
      t.scaleId,
      sql`upper(regexp_replace(code, '\\s', '', 'g'))`,
    ),
    check('rating_scale_levels_score_check', sql`${t.score} > 0`),
    check(
      'rating_scale_levels_code_check',
      sql`${t.code} = upper(regexp_replace(${t.code}, '\\s', '', 'g')) and length(${t.code}) between 1 and 20`,
    ),
  ],
);

const endTarget = targetColumns('end_target');
const baseline = targetColumns('baseline');
const yearTarget = targetColumns('target');

/**
 * An indicator of a plan node (any level), with its Manual IKU fields. Yearly targets live in
 * `indicator_targets`; the end-of-period target and the baseline are here.
 */
export const indicators = pgTable(
  'indicators',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    nodeId: uuid('node_id').notNull(),
    name: text('name').notNull(),
    satuan: text('satuan').notNull().default(''),
    polarity: text('polarity', { enum: polarities }).notNull().default('positive'),
    method: text('method', { enum: calcMethods }).notNull().default('ratio'),
    aggregation: text('aggregation', { enum: aggregations }).notNull().default('last'),
    scaleId: uuid('scale_id'),
    isIku: boolean('is_iku').notNull().default(false),
    /** A realisasi below zero is a real value (growth rates); otherwise it is refused. */
    allowNegative: boolean('allow_negative').notNull().default(false),
    /** Set when the IKU flag changed while the period was active (a quality finding). */
    ikuChangedAt: timestamp('iku_changed_at', { withTimezone: true, mode: 'date' }),
    definition: text('definition').notNull().default(''),
    formulaText: text('formula_text').notNull().default(''),
    dataSource: text('data_source').notNull().default(''),
    responsibleUnitId: uuid('responsible_unit_id'),
    baselineYear: integer('baseline_year'),
    baselineValue: baseline.value,
    baselineLow: baseline.low,
    baselineHigh: baseline.high,
    baselineCode: baseline.code,
    endTargetValue: endTarget.value,
    endTargetLow: endTarget.low,
    endTargetHigh: endTarget.high,
    endTargetCode: endTarget.code,
    sortOrder: integer('sort_order').notNull().default(0),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'indicators_node_fk',
      columns: [t.tenantId, t.nodeId],
      foreignColumns: [planNodes.tenantId, planNodes.id],
    }),
    foreignKey({
      name: 'indicators_scale_fk',
      columns: [t.tenantId, t.scaleId],
      foreignColumns: [ratingScales.tenantId, ratingScales.id],
    }),
    foreignKey({
      name: 'indicators_responsible_unit_fk',
      columns: [t.tenantId, t.responsibleUnitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    index('indicators_node_idx').on(t.tenantId, t.nodeId),
    check('indicators_name_check', sql`length(trim(${t.name})) between 3 and 1000`),
    check('indicators_polarity_check', sql`${t.polarity} in ${inList(polarities)}`),
    check('indicators_aggregation_check', sql`${t.aggregation} in ${inList(aggregations)}`),
    check(
      'indicators_method_check',
      sql`(${t.method} in ('inverse_difference', 'inverse_ratio') and ${t.polarity} = 'negative')
       or (${t.method} in ('ratio', 'range', 'scale') and ${t.polarity} = 'positive')`,
    ),
    check('indicators_scale_check', sql`(${t.method} = 'scale') = (${t.scaleId} is not null)`),
    check(
      'indicators_end_target_check',
      targetCheck(
        {
          value: t.endTargetValue,
          low: t.endTargetLow,
          high: t.endTargetHigh,
          code: t.endTargetCode,
        },
        false,
      ),
    ),
    check(
      'indicators_baseline_check',
      targetCheck(
        { value: t.baselineValue, low: t.baselineLow, high: t.baselineHigh, code: t.baselineCode },
        false,
      ),
    ),
  ],
);

/** The target of an indicator for one year of the period. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    tenantId: tenantIdColumn(),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    targetValue: yearTarget.value,
    targetLow: yearTarget.low,
    targetHigh: yearTarget.high,
    targetCode: yearTarget.code,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.year] }),
    foreignKey({
      name: 'indicator_targets_indicator_fk',
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete('cascade'),
    check(
      'indicator_targets_value_check',
      targetCheck(
        { value: t.targetValue, low: t.targetLow, high: t.targetHigh, code: t.targetCode },
        true,
      ),
    ),
  ],
);

/** Rupiah per year of a program / kegiatan / sub kegiatan: Renstra ceiling, DPA, DPA-P. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    tenantId: tenantIdColumn(),
    nodeId: uuid('node_id').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: budgetKinds }).notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.nodeId, t.year, t.kind] }),
    foreignKey({
      name: 'budget_lines_node_fk',
      columns: [t.tenantId, t.nodeId],
      foreignColumns: [planNodes.tenantId, planNodes.id],
    }).onDelete('cascade'),
    check('budget_lines_kind_check', sql`${t.kind} in ${inList(budgetKinds)}`),
    check('budget_lines_amount_check', sql`${t.amount} >= 0`),
    check('budget_lines_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);
