import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tenantIdColumn } from '../../db/columns.js';
import { inList } from '../../db/target-columns.js';
import { pactOccasions, pactStatuses } from '../../shared/codes.js';
import { assignments, employees, positions, units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

/**
 * The tenant's Pakta Integritas clauses, versioned: every save is a new immutable version and
 * the highest is current. A pact copies the text of the version it was made with, so a signed
 * pact keeps its clauses whatever changes later. `{instansi}` in a clause is replaced by the
 * Pemda's name when a pact is made.
 */
export const integrityClauseVersions = pgTable(
  'integrity_clause_versions',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    version: integer('version').notNull(),
    clauses: jsonb('clauses').$type<string[]>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('integrity_clause_versions_version_key').on(t.tenantId, t.version),
    check('integrity_clause_versions_version_check', sql`${t.version} >= 1`),
    check(
      'integrity_clause_versions_clauses_check',
      sql`jsonb_typeof(${t.clauses}) = 'array' and jsonb_array_length(${t.clauses}) between 1 and 30`,
    ),
  ],
);

/**
 * One Pakta Integritas of one employee: annual (one per fiscal year) or at appointment (one per
 * assignment). The maker and the witness (the superior, found from the organisation) are fixed
 * when the pact is made; the PDF is rendered when it is first opened or signed.
 */
export const integrityPacts = pgTable(
  'integrity_pacts',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    employeeId: uuid('employee_id').notNull(),
    occasion: text('occasion', { enum: pactOccasions }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    /** For an appointment pact: the assignment (pelantikan) it belongs to. */
    assignmentId: uuid('assignment_id'),
    positionId: uuid('position_id').notNull(),
    /** The maker's unit when the pact was made: the per-unit status counts by it. */
    unitId: uuid('unit_id'),
    witnessEmployeeId: uuid('witness_employee_id'),
    witnessPositionId: uuid('witness_position_id'),
    clauseVersionId: uuid('clause_version_id').notNull(),
    /** The clause text as made ({instansi} filled in). */
    clauses: jsonb('clauses').$type<string[]>().notNull(),
    pactDate: date('pact_date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    status: text('status', { enum: pactStatuses }).notNull().default('pending'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('integrity_pacts_annual_key')
      .on(t.tenantId, t.employeeId, t.fiscalYear)
      .where(sql`occasion = 'annual' and status <> 'void'`),
    uniqueIndex('integrity_pacts_appointment_key')
      .on(t.tenantId, t.assignmentId)
      .where(sql`occasion = 'appointment' and status <> 'void'`),
    index('integrity_pacts_unit_idx').on(t.tenantId, t.fiscalYear, t.unitId),
    foreignKey({
      name: 'integrity_pacts_employee_fk',
      columns: [t.tenantId, t.employeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    foreignKey({
      name: 'integrity_pacts_position_fk',
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
    }),
    foreignKey({
      name: 'integrity_pacts_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'integrity_pacts_assignment_fk',
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [assignments.tenantId, assignments.id],
    }),
    foreignKey({
      name: 'integrity_pacts_witness_fk',
      columns: [t.tenantId, t.witnessEmployeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    foreignKey({
      name: 'integrity_pacts_clause_version_fk',
      columns: [t.tenantId, t.clauseVersionId],
      foreignColumns: [integrityClauseVersions.tenantId, integrityClauseVersions.id],
    }),
    check('integrity_pacts_occasion_check', sql`${t.occasion} in ${inList(pactOccasions)}`),
    check('integrity_pacts_status_check', sql`${t.status} in ${inList(pactStatuses)}`),
    check(
      'integrity_pacts_assignment_check',
      sql`(${t.occasion} = 'appointment') = (${t.assignmentId} is not null)`,
    ),
    check(
      'integrity_pacts_witness_check',
      sql`(${t.witnessEmployeeId} is null) = (${t.witnessPositionId} is null)
        and ${t.witnessEmployeeId} is distinct from ${t.employeeId}`,
    ),
    check(
      'integrity_pacts_signed_check',
      sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`,
    ),
  ],
);
