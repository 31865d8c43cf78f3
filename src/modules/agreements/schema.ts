import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { createdAt, idColumn, tenantIdColumn, updatedAt, versionColumn } from '../../db/columns.js';
import { inList, targetCheck, targetColumns } from '../../db/target-columns.js';
import {
  aggregations,
  agreementLevels,
  agreementStatuses,
  agreementYearStatuses,
  assignmentKinds,
  calcMethods,
  polarities,
  revisionReasons,
} from '../../shared/codes.js';
import { users } from '../auth/schema.js';
import { employees, positions, units } from '../org/schema.js';
import { indicators, planNodes, planPeriods, ratingScales } from '../planning/schema.js';
import { tenants } from '../tenants/schema.js';

/** A PK year opened by the admin Pemda, with the DPA approval date the deadline counts from. */
export const agreementYears = pgTable(
  'agreement_years',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    year: integer('year').notNull(),
    /** PKs are due one month after this date (REGULATIONS.md). */
    dpaApprovedOn: date('dpa_approved_on', { mode: 'string' }),
    status: text('status', { enum: agreementYearStatuses }).notNull().default('open'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('agreement_years_year_key').on(t.tenantId, t.year),
    check('agreement_years_year_check', sql`${t.year} between 2000 and 2100`),
    check('agreement_years_status_check', sql`${t.status} in ${inList(agreementYearStatuses)}`),
  ],
);

/**
 * A Perjanjian Kinerja version. Revisions (PK Perubahan) are new rows: `rootId` groups the
 * versions, `previousId` points at the one revised, `revisionNo` counts from 0. The parties are
 * resolved from the organisation when drafted; issue 4 freezes their identity at signing.
 * Content edits are allowed only in draft/returned and a signed version is frozen, both
 * enforced by triggers (migration 0009); "signed" can only be set by the signing feature.
 */
export const agreements = pgTable(
  'agreements',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    yearId: uuid('year_id').notNull(),
    /** First year covered; a multi-year PK (after a new RPJMD) ends at `endYear`. */
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    level: text('level', { enum: agreementLevels }).notNull(),
    /** The unit of pihak pertama (null only for the Pemda PK). */
    unitId: uuid('unit_id'),
    planPeriodId: uuid('plan_period_id'),
    /** Pihak pertama: the position and, on `agreementDate`, its holder. */
    positionId: uuid('position_id').notNull(),
    firstPartyEmployeeId: uuid('first_party_employee_id').notNull(),
    firstPartyAssignmentKind: text('first_party_assignment_kind', {
      enum: assignmentKinds,
    }).notNull(),
    /** Pihak kedua (none for the Pemda PK): the superior position's holder, or an override. */
    secondPartyPositionId: uuid('second_party_position_id'),
    secondPartyEmployeeId: uuid('second_party_employee_id'),
    secondPartyAssignmentKind: text('second_party_assignment_kind', { enum: assignmentKinds }),
    secondPartyOverrideReason: text('second_party_override_reason'),
    /** The date the parties are resolved on (the PK date on the document). */
    agreementDate: date('agreement_date', { mode: 'string' }).notNull(),
    /** The higher PK this one cascades from (its sasaran link to that PK's sasaran). */
    parentAgreementId: uuid('parent_agreement_id'),
    status: text('status', { enum: agreementStatuses }).notNull().default('draft'),
    revisionNo: integer('revision_no').notNull().default(0),
    rootId: uuid('root_id').notNull(),
    previousId: uuid('previous_id'),
    revisionReason: text('revision_reason', { enum: revisionReasons }),
    revisionNote: text('revision_note'),
    createdBy: uuid('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    readyAt: timestamp('ready_at', { withTimezone: true, mode: 'date' }),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'agreements_year_fk',
      columns: [t.tenantId, t.yearId],
      foreignColumns: [agreementYears.tenantId, agreementYears.id],
    }),
    foreignKey({
      name: 'agreements_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'agreements_period_fk',
      columns: [t.tenantId, t.planPeriodId],
      foreignColumns: [planPeriods.tenantId, planPeriods.id],
    }),
    foreignKey({
      name: 'agreements_position_fk',
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
    }),
    foreignKey({
      name: 'agreements_first_party_fk',
      columns: [t.tenantId, t.firstPartyEmployeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    foreignKey({
      name: 'agreements_second_position_fk',
      columns: [t.tenantId, t.secondPartyPositionId],
      foreignColumns: [positions.tenantId, positions.id],
    }),
    foreignKey({
      name: 'agreements_second_party_fk',
      columns: [t.tenantId, t.secondPartyEmployeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    foreignKey({
      name: 'agreements_parent_fk',
      columns: [t.tenantId, t.parentAgreementId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: 'agreements_root_fk',
      columns: [t.tenantId, t.rootId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: 'agreements_previous_fk',
      columns: [t.tenantId, t.previousId],
      foreignColumns: [t.tenantId, t.id],
    }),
    foreignKey({
      name: 'agreements_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    uniqueIndex('agreements_revision_key').on(t.tenantId, t.rootId, t.revisionNo),
    /** One PK per position and year; later versions are revisions of it. */
    uniqueIndex('agreements_position_year_key')
      .on(t.tenantId, t.yearId, t.positionId)
      .where(sql`previous_id is null`),
    /** At most one revision in progress per PK. */
    uniqueIndex('agreements_one_open_revision')
      .on(t.tenantId, t.rootId)
      .where(sql`status not in ('signed', 'published', 'superseded')`),
    index('agreements_year_idx').on(t.tenantId, t.yearId, t.unitId),
    index('agreements_parent_idx').on(t.tenantId, t.parentAgreementId),
    check('agreements_level_check', sql`${t.level} in ${inList(agreementLevels)}`),
    check('agreements_status_check', sql`${t.status} in ${inList(agreementStatuses)}`),
    check(
      'agreements_years_check',
      sql`${t.endYear} >= ${t.startYear} and ${t.endYear} <= ${t.startYear} + 4`,
    ),
    check(
      'agreements_second_party_check',
      sql`(${t.level} = 'pemda') = (${t.secondPartyPositionId} is null)
       and (${t.secondPartyPositionId} is null) = (${t.secondPartyEmployeeId} is null)`,
    ),
    check('agreements_unit_check', sql`(${t.level} = 'pemda') = (${t.unitId} is null)`),
    check(
      'agreements_revision_check',
      sql`(${t.revisionNo} = 0 and ${t.previousId} is null and ${t.rootId} = ${t.id})
       or (${t.revisionNo} > 0 and ${t.previousId} is not null and ${t.revisionReason} is not null
           and length(trim(coalesce(${t.revisionNote}, ''))) >= 10)`,
    ),
    check(
      'agreements_revision_reason_check',
      sql`${t.revisionReason} is null or ${t.revisionReason} in ${inList(revisionReasons)}`,
    ),
    check(
      'agreements_override_check',
      sql`${t.secondPartyOverrideReason} is null or length(trim(${t.secondPartyOverrideReason})) >= 10`,
    ),
  ],
);

/** A sasaran of a PK, taken from the plan (`sourceNodeId`) and linked to the higher PK's sasaran. */
export const agreementObjectives = pgTable(
  'agreement_objectives',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    agreementId: uuid('agreement_id').notNull(),
    sourceNodeId: uuid('source_node_id'),
    title: text('title').notNull(),
    /** The higher PK's sasaran this one supports (the cascade). */
    supportsObjectiveId: uuid('supports_objective_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'agreement_objectives_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_objectives_source_fk',
      columns: [t.tenantId, t.sourceNodeId],
      foreignColumns: [planNodes.tenantId, planNodes.id],
    }),
    foreignKey({
      name: 'agreement_objectives_supports_fk',
      columns: [t.tenantId, t.supportsObjectiveId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('agreement_objectives_agreement_idx').on(t.tenantId, t.agreementId),
    index('agreement_objectives_supports_idx').on(t.tenantId, t.supportsObjectiveId),
    check('agreement_objectives_title_check', sql`length(trim(${t.title})) between 2 and 1000`),
  ],
);

/** An indicator of a PK sasaran: a copy of the plan indicator's definition at drafting time. */
export const agreementIndicators = pgTable(
  'agreement_indicators',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    agreementId: uuid('agreement_id').notNull(),
    objectiveId: uuid('objective_id').notNull(),
    sourceIndicatorId: uuid('source_indicator_id'),
    name: text('name').notNull(),
    satuan: text('satuan').notNull().default(''),
    polarity: text('polarity', { enum: polarities }).notNull().default('positive'),
    method: text('method', { enum: calcMethods }).notNull().default('ratio'),
    aggregation: text('aggregation', { enum: aggregations }).notNull().default('last'),
    scaleId: uuid('scale_id'),
    isIku: boolean('is_iku').notNull().default(false),
    /** A realisasi below zero is a real value (growth rates); otherwise it is refused. */
    allowNegative: boolean('allow_negative').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'agreement_indicators_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_indicators_objective_fk',
      columns: [t.tenantId, t.objectiveId],
      foreignColumns: [agreementObjectives.tenantId, agreementObjectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_indicators_source_fk',
      columns: [t.tenantId, t.sourceIndicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }),
    foreignKey({
      name: 'agreement_indicators_scale_fk',
      columns: [t.tenantId, t.scaleId],
      foreignColumns: [ratingScales.tenantId, ratingScales.id],
    }),
    index('agreement_indicators_agreement_idx').on(t.tenantId, t.agreementId),
    index('agreement_indicators_objective_idx').on(t.tenantId, t.objectiveId),
    check('agreement_indicators_name_check', sql`length(trim(${t.name})) between 3 and 1000`),
    check(
      'agreement_indicators_method_check',
      sql`(${t.method} in ('inverse_difference', 'inverse_ratio') and ${t.polarity} = 'negative')
       or (${t.method} in ('ratio', 'range', 'scale') and ${t.polarity} = 'positive')`,
    ),
    check(
      'agreement_indicators_scale_check',
      sql`(${t.method} = 'scale') = (${t.scaleId} is not null)`,
    ),
  ],
);

const target = targetColumns('target');

/** Targets of a PK indicator per year: quarter 0 is the annual target, 1–4 are TW I–IV. */
export const agreementTargets = pgTable(
  'agreement_targets',
  {
    tenantId: tenantIdColumn(),
    indicatorId: uuid('indicator_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    targetValue: target.value,
    targetLow: target.low,
    targetHigh: target.high,
    targetCode: target.code,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.year, t.quarter] }),
    foreignKey({
      name: 'agreement_targets_indicator_fk',
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [agreementIndicators.tenantId, agreementIndicators.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_targets_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }).onDelete('cascade'),
    index('agreement_targets_agreement_idx').on(t.tenantId, t.agreementId),
    check('agreement_targets_quarter_check', sql`${t.quarter} between 0 and 4`),
    check(
      'agreement_targets_value_check',
      targetCheck(
        { value: t.targetValue, low: t.targetLow, high: t.targetHigh, code: t.targetCode },
        true,
      ),
    ),
  ],
);

/** A budget row of a PK: program / kegiatan / sub kegiatan with its Rupiah (a copy from the DPA). */
export const agreementBudgets = pgTable(
  'agreement_budgets',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    agreementId: uuid('agreement_id').notNull(),
    sourceNodeId: uuid('source_node_id'),
    programCode: text('program_code').notNull(),
    programName: text('program_name').notNull(),
    kegiatanCode: text('kegiatan_code'),
    kegiatanName: text('kegiatan_name'),
    subKegiatanCode: text('sub_kegiatan_code'),
    subKegiatanName: text('sub_kegiatan_name'),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'agreement_budgets_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_budgets_source_fk',
      columns: [t.tenantId, t.sourceNodeId],
      foreignColumns: [planNodes.tenantId, planNodes.id],
    }),
    index('agreement_budgets_agreement_idx').on(t.tenantId, t.agreementId),
    check('agreement_budgets_amount_check', sql`${t.amount} >= 0`),
  ],
);

/** Every status change of a PK: who, when, from, to, and the comment (a return needs one). */
export const agreementTransitions = pgTable(
  'agreement_transitions',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    agreementId: uuid('agreement_id').notNull(),
    fromStatus: text('from_status', { enum: agreementStatuses }),
    toStatus: text('to_status', { enum: agreementStatuses }).notNull(),
    actorUserId: uuid('actor_user_id'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'agreement_transitions_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'agreement_transitions_actor_fk',
      columns: [t.tenantId, t.actorUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('agreement_transitions_agreement_idx').on(t.tenantId, t.agreementId, t.createdAt),
    check(
      'agreement_transitions_return_comment',
      sql`${t.toStatus} <> 'returned' or length(trim(coalesce(${t.comment}, ''))) >= 5`,
    ),
  ],
);
