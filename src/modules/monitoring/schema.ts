import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { createdAt, idColumn, tenantIdColumn, updatedAt, versionColumn } from '../../db/columns.js';
import { inList } from '../../db/target-columns.js';
import { capaianBands, quarterReportStatuses, unlockStatuses } from '../../shared/codes.js';
import { agreementBudgets, agreementIndicators, agreements } from '../agreements/schema.js';
import { users } from '../auth/schema.js';
import { units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A quarter report (laporan triwulan) of one signed PK: the workflow object of monitoring.
 * Made when the PK's quarter is first opened for entry; one per PK version, year and quarter.
 * `unitId` is copied from the PK (null for the Pemda PK) so dashboards and inboxes filter fast.
 */
export const quarterReports = pgTable(
  'quarter_reports',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    agreementId: uuid('agreement_id').notNull(),
    unitId: uuid('unit_id'),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    status: text('status', { enum: quarterReportStatuses }).notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by'),
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by'),
    /** Entry is open again after the deadline until this moment (a granted unlock). */
    unlockedUntil: ts('unlocked_until'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'quarter_reports_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }),
    foreignKey({
      name: 'quarter_reports_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    uniqueIndex('quarter_reports_key').on(t.tenantId, t.agreementId, t.year, t.quarter),
    index('quarter_reports_period_idx').on(t.tenantId, t.year, t.quarter, t.status),
    index('quarter_reports_unit_idx').on(t.tenantId, t.unitId, t.year),
    check('quarter_reports_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('quarter_reports_status_check', sql`${t.status} in ${inList(quarterReportStatuses)}`),
  ],
);

/** Every status change of a quarter report, with its note (a return needs one): the history. */
export const quarterReportTransitions = pgTable(
  'quarter_report_transitions',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    reportId: uuid('report_id').notNull(),
    fromStatus: text('from_status', { enum: quarterReportStatuses }),
    toStatus: text('to_status', { enum: quarterReportStatuses }).notNull(),
    actorUserId: uuid('actor_user_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'quarter_report_transitions_report_fk',
      columns: [t.tenantId, t.reportId],
      foreignColumns: [quarterReports.tenantId, quarterReports.id],
    }),
    foreignKey({
      name: 'quarter_report_transitions_actor_fk',
      columns: [t.tenantId, t.actorUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('quarter_report_transitions_report_idx').on(t.tenantId, t.reportId, t.createdAt),
    check(
      'quarter_report_transitions_return_note',
      sql`${t.toStatus} <> 'returned' or length(trim(coalesce(${t.note}, ''))) >= 5`,
    ),
  ],
);

/**
 * The realisasi of one PK indicator in one quarter: a number (exact decimal) or a scale code,
 * or neither while not entered ("not assessed", never zero). The narrative explains the result.
 * The capaian columns are written by the capaian engine (src/shared/capaian) in the same
 * transaction as the value, and recomputed when the tenant's rules change: SQL only counts and
 * filters them, it never computes capaian.
 */
export const realisasi = pgTable(
  'realisasi',
  {
    tenantId: tenantIdColumn(),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    reportId: uuid('report_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    value: numeric('value'),
    code: text('code'),
    analysis: text('analysis').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    /** Capaian of this quarter against the quarter's target ("2 decimals", null = not assessed). */
    capaianQuarter: numeric('capaian_quarter'),
    /**
     * Capaian to date (REGULATIONS.md): a cumulative indicator's quarters so far against the
     * targets of those quarters; a last-value one this quarter against its target; an average
     * one the average so far against the average of those targets. What bands and dashboards use.
     * Unbounded numeric: with no cap a tiny target can give a huge percentage.
     */
    capaianToDate: numeric('capaian_to_date'),
    /** The quarters so far, aggregated, against the annual target (100 % = the year's target met). */
    capaianAnnual: numeric('capaian_annual'),
    /** Band of capaianToDate (null = not assessed). */
    band: text('band', { enum: capaianBands }),
    updatedBy: uuid('updated_by'),
    version: versionColumn(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.year, t.quarter] }),
    foreignKey({
      name: 'realisasi_indicator_fk',
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [agreementIndicators.tenantId, agreementIndicators.id],
    }),
    foreignKey({
      name: 'realisasi_report_fk',
      columns: [t.tenantId, t.reportId],
      foreignColumns: [quarterReports.tenantId, quarterReports.id],
    }),
    foreignKey({
      name: 'realisasi_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }),
    index('realisasi_report_idx').on(t.tenantId, t.reportId),
    index('realisasi_agreement_idx').on(t.tenantId, t.agreementId, t.year, t.quarter),
    check('realisasi_quarter_check', sql`${t.quarter} between 1 and 4`),
    check(
      'realisasi_value_check',
      sql`not (${t.value} is not null and ${t.code} is not null) and (${t.code} is null or length(trim(${t.code})) > 0)`,
    ),
    check('realisasi_band_check', sql`${t.band} is null or ${t.band} in ${inList(capaianBands)}`),
    check(
      'realisasi_text_check',
      sql`length(${t.analysis}) <= 5000 and length(${t.obstacles}) <= 5000 and length(${t.followUp}) <= 5000`,
    ),
  ],
);

/** Budget realisation of one PK budget row (sub kegiatan) in one quarter: spending of that quarter. */
export const budgetRealisasi = pgTable(
  'budget_realisasi',
  {
    tenantId: tenantIdColumn(),
    budgetId: uuid('budget_id').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    reportId: uuid('report_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.budgetId, t.year, t.quarter] }),
    foreignKey({
      name: 'budget_realisasi_budget_fk',
      columns: [t.tenantId, t.budgetId],
      foreignColumns: [agreementBudgets.tenantId, agreementBudgets.id],
    }),
    foreignKey({
      name: 'budget_realisasi_report_fk',
      columns: [t.tenantId, t.reportId],
      foreignColumns: [quarterReports.tenantId, quarterReports.id],
    }),
    foreignKey({
      name: 'budget_realisasi_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }),
    index('budget_realisasi_report_idx').on(t.tenantId, t.reportId),
    check('budget_realisasi_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('budget_realisasi_amount_check', sql`${t.amount} >= 0`),
  ],
);

/**
 * An evidence file (bukti dukung) of a quarter report, optionally of one indicator. The bytes sit
 * in the file store (disk by default, see storage/) under `storageKey`; the type was checked from
 * the content. Removed files keep their row (deletedAt) so the history stays readable.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    reportId: uuid('report_id').notNull(),
    indicatorId: uuid('indicator_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'evidence_files_report_fk',
      columns: [t.tenantId, t.reportId],
      foreignColumns: [quarterReports.tenantId, quarterReports.id],
    }),
    foreignKey({
      name: 'evidence_files_indicator_fk',
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [agreementIndicators.tenantId, agreementIndicators.id],
    }),
    index('evidence_files_report_idx').on(t.tenantId, t.reportId),
    check('evidence_files_size_check', sql`${t.sizeBytes} > 0`),
    check('evidence_files_sha_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('evidence_files_name_check', sql`length(trim(${t.fileName})) between 1 and 255`),
  ],
);

/** A request to reopen a locked quarter report, with a reason; the admin grants it for a time. */
export const quarterUnlocks = pgTable(
  'quarter_unlocks',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    reportId: uuid('report_id').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by'),
    requestedAt: createdAt(),
    status: text('status', { enum: unlockStatuses }).notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    grantedUntil: ts('granted_until'),
    version: versionColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'quarter_unlocks_report_fk',
      columns: [t.tenantId, t.reportId],
      foreignColumns: [quarterReports.tenantId, quarterReports.id],
    }),
    uniqueIndex('quarter_unlocks_one_pending')
      .on(t.tenantId, t.reportId)
      .where(sql`status = 'pending'`),
    index('quarter_unlocks_status_idx').on(t.tenantId, t.status),
    check('quarter_unlocks_status_check', sql`${t.status} in ${inList(unlockStatuses)}`),
    check('quarter_unlocks_reason_check', sql`length(trim(${t.reason})) between 10 and 2000`),
    check(
      'quarter_unlocks_granted_check',
      sql`(${t.status} = 'granted') = (${t.grantedUntil} is not null)`,
    ),
  ],
);

/**
 * A supervisory note (catatan supervisi) of pihak kedua on a unit's quarter: the Kepala Daerah
 * on a PD, the head of a PD on its eselon III/IV. Unit null = the Pemda as a whole.
 */
export const supervisoryNotes = pgTable(
  'supervisory_notes',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    unitId: uuid('unit_id'),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    note: text('note').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'supervisory_notes_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    index('supervisory_notes_period_idx').on(t.tenantId, t.year, t.unitId),
    check('supervisory_notes_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('supervisory_notes_note_check', sql`length(trim(${t.note})) between 3 and 4000`),
  ],
);
