import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
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
import {
  type AssignmentKind,
  assignmentKinds,
  type EmployeeType,
  employeeTypes,
  type PositionKind,
  pnsGrades,
  positionKinds,
  pppkGrades,
  type UnitLevel,
  type UnitType,
  unitLevels,
  unitTypes,
} from '../../shared/codes.js';
import { tenants } from '../tenants/schema.js';

export {
  type AssignmentKind,
  assignmentKinds,
  type EmployeeType,
  employeeTypes,
  type PositionKind,
  pnsGrades,
  positionKinds,
  pppkGrades,
  type UnitLevel,
  type UnitType,
  unitLevels,
  unitTypes,
};

const inList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Units form a tree per tenant. `path` holds the ids from the root down to the unit itself;
 * a trigger keeps it true and refuses cycles (migration 0001).
 */
export const units = pgTable(
  'units',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    parentId: uuid('parent_id'),
    path: uuid('path').array().notNull().default(sql`'{}'::uuid[]`),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type', { enum: unitTypes }).notNull(),
    level: text('level', { enum: unitLevels }),
    code: text('code'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'units_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
    uniqueIndex('units_code_key').on(t.tenantId, t.code),
    index('units_parent_idx').on(t.tenantId, t.parentId),
    index('units_path_idx').using('gin', t.path),
    check('units_type_check', sql`${t.type} in ${inList(unitTypes)}`),
    check('units_level_check', sql`${t.level} is null or ${t.level} in ${inList(unitLevels)}`),
    check('units_name_check', sql`length(trim(${t.name})) between 2 and 200`),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** A jabatan. `unitId` is null only for the Kepala Daerah and the deputy. */
export const positions = pgTable(
  'positions',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    unitId: uuid('unit_id'),
    title: text('title').notNull(),
    kind: text('kind', { enum: positionKinds }).notNull(),
    headsUnit: boolean('heads_unit').notNull().default(false),
    /** Overrides the superior derived from the unit tree (rarely needed). */
    superiorPositionId: uuid('superior_position_id'),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'positions_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    foreignKey({
      name: 'positions_superior_fk',
      columns: [t.tenantId, t.superiorPositionId],
      foreignColumns: [t.tenantId, t.id],
    }),
    index('positions_unit_idx').on(t.tenantId, t.unitId),
    uniqueIndex('positions_one_head_per_unit')
      .on(t.tenantId, t.unitId)
      .where(sql`${t.headsUnit} and ${t.archivedAt} is null`),
    check('positions_kind_check', sql`${t.kind} in ${inList(positionKinds)}`),
    check('positions_title_check', sql`length(trim(${t.title})) between 2 and 200`),
    check(
      'positions_unit_required',
      sql`(${t.unitId} is null) = (${t.kind} in ('kepala_daerah', 'wakil_kepala_daerah'))`,
    ),
    check('positions_head_has_unit', sql`not ${t.headsUnit} or ${t.unitId} is not null`),
  ],
);

export const employees = pgTable(
  'employees',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    nip: text('nip'),
    frontTitle: text('front_title'),
    name: text('name').notNull(),
    backTitle: text('back_title'),
    gender: text('gender', { enum: ['L', 'P'] }).notNull(),
    employeeType: text('employee_type', { enum: employeeTypes }).notNull(),
    grade: text('grade'),
    email: text('email'),
    phone: text('phone'),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('employees_nip_key').on(t.tenantId, t.nip),
    index('employees_name_idx').on(t.tenantId, sql`lower(${t.name})`),
    check('employees_nip_check', sql`${t.nip} is null or ${t.nip} ~ '^[0-9]{18}$'`),
    check(
      'employees_nip_required',
      sql`${t.employeeType} = 'pejabat_negara' or ${t.nip} is not null`,
    ),
    check('employees_gender_check', sql`${t.gender} in ('L', 'P')`),
    check('employees_type_check', sql`${t.employeeType} in ${inList(employeeTypes)}`),
    check(
      'employees_grade_check',
      sql`(${t.employeeType} = 'pns' and ${t.grade} in ${inList(pnsGrades)})
        or (${t.employeeType} = 'pppk' and ${t.grade} in ${inList(pppkGrades)})
        or (${t.employeeType} = 'pejabat_negara' and ${t.grade} is null)`,
    ),
    check('employees_name_check', sql`length(trim(${t.name})) between 2 and 200`),
  ],
);

/**
 * Who holds which position when. Definitif holders of one position never overlap: an exclusion
 * constraint in migration 0001 enforces it beside the check in assign-position.ts.
 */
export const assignments = pgTable(
  'assignments',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    positionId: uuid('position_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    kind: text('kind', { enum: assignmentKinds }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    decreeNumber: text('decree_number'),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'assignments_position_fk',
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
    }),
    foreignKey({
      name: 'assignments_employee_fk',
      columns: [t.tenantId, t.employeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    index('assignments_position_idx').on(t.tenantId, t.positionId, t.startDate),
    index('assignments_employee_idx').on(t.tenantId, t.employeeId),
    check('assignments_kind_check', sql`${t.kind} in ${inList(assignmentKinds)}`),
    check('assignments_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
