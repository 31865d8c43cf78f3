import { z } from 'zod';
import {
  assignmentKinds,
  employeeTypes,
  pnsGrades,
  positionKinds,
  pppkGrades,
  unitLevels,
  unitTypes,
} from './schema.js';

/** Request and response shapes of the organisation API (also the OpenAPI document). */
const text = (max: number) => z.string().trim().min(2, 'minimal 2 karakter').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'format tanggal YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'tanggal tidak ada',
  );
export const idParam = z.strictObject({ id: z.uuid('id harus UUID') });
export const version = z.number().int().min(1);

export const permissionsSchema = z.record(z.string(), z.boolean());

export const holderSchema = z.object({
  assignmentId: z.uuid(),
  kind: z.enum(assignmentKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
  employee: z.object({
    id: z.uuid(),
    nip: z.string().nullable(),
    fullName: z.string(),
    grade: z.string().nullable(),
  }),
});

export const unitSummarySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(unitTypes),
  level: z.enum(unitLevels).nullable(),
  code: z.string().nullable(),
  sortOrder: z.number(),
  archived: z.boolean(),
  head: z
    .object({ positionId: z.uuid(), title: z.string(), holder: holderSchema.nullable() })
    .nullable(),
});

export const positionSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  kind: z.enum(positionKinds),
  headsUnit: z.boolean(),
  superiorPositionId: z.uuid().nullable(),
  archived: z.boolean(),
  version: z.number(),
  holder: holderSchema.nullable(),
  permissions: permissionsSchema,
});

export const unitDetailSchema = unitSummarySchema.extend({
  path: z.array(z.uuid()),
  version: z.number(),
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  children: z.array(unitSummarySchema),
  positions: z.array(positionSchema),
  permissions: permissionsSchema,
});

export const createUnitBody = z.strictObject({
  parentId: z.uuid().nullable(),
  name: text(200),
  shortName: optionalText(60),
  type: z.enum(unitTypes),
  level: z.enum(unitLevels).nullable(),
  code: optionalText(40),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export const updateUnitBody = z.strictObject({
  version,
  name: text(200).optional(),
  shortName: optionalText(60).optional(),
  type: z.enum(unitTypes).optional(),
  level: z.enum(unitLevels).nullable().optional(),
  code: optionalText(40).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const moveUnitBody = z.strictObject({ version, parentId: z.uuid().nullable() });
export const versionBody = z.strictObject({ version });

export const createPositionBody = z.strictObject({
  unitId: z.uuid().nullable(),
  title: text(200),
  kind: z.enum(positionKinds),
  headsUnit: z.boolean().default(false),
  superiorPositionId: z.uuid().nullable().default(null),
});
export const updatePositionBody = z.strictObject({
  version,
  unitId: z.uuid().nullable().optional(),
  title: text(200).optional(),
  kind: z.enum(positionKinds).optional(),
  headsUnit: z.boolean().optional(),
  superiorPositionId: z.uuid().nullable().optional(),
});

const grade = z.enum([...pnsGrades, ...pppkGrades]);
export const employeeBase = {
  nip: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/\s+/g, '') : null)),
  frontTitle: optionalText(40),
  name: text(200),
  backTitle: optionalText(80),
  gender: z.enum(['L', 'P']),
  employeeType: z.enum(employeeTypes),
  grade: grade.nullable(),
  email: z
    .email('format email tidak valid')
    .nullish()
    .transform((v) => v ?? null),
  phone: optionalText(30),
};
export const createEmployeeBody = z.strictObject(employeeBase);
export const updateEmployeeBody = z.strictObject({
  version,
  nip: employeeBase.nip.optional(),
  frontTitle: employeeBase.frontTitle.optional(),
  name: employeeBase.name.optional(),
  backTitle: employeeBase.backTitle.optional(),
  gender: employeeBase.gender.optional(),
  employeeType: employeeBase.employeeType.optional(),
  grade: employeeBase.grade.optional(),
  email: employeeBase.email.optional(),
  phone: employeeBase.phone.optional(),
});

export const employeeSchema = z.object({
  id: z.uuid(),
  nip: z.string().nullable(),
  frontTitle: z.string().nullable(),
  name: z.string(),
  backTitle: z.string().nullable(),
  fullName: z.string(),
  gender: z.enum(['L', 'P']),
  employeeType: z.enum(employeeTypes),
  grade: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  archived: z.boolean(),
  version: z.number(),
  currentPositions: z.array(
    z.object({
      positionId: z.uuid(),
      title: z.string(),
      unitName: z.string().nullable(),
      kind: z.enum(assignmentKinds),
    }),
  ),
  permissions: permissionsSchema,
});

export const assignmentSchema = z.object({
  id: z.uuid(),
  positionId: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  employeeNip: z.string().nullable(),
  kind: z.enum(assignmentKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  version: z.number(),
  permissions: permissionsSchema,
});
export const createAssignmentBody = z
  .strictObject({
    positionId: z.uuid(),
    employeeId: z.uuid(),
    kind: z.enum(assignmentKinds),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    decreeNumber: optionalText(100),
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, {
    message: 'tanggal selesai tidak boleh sebelum tanggal mulai',
    path: ['endDate'],
  });
export const updateAssignmentBody = z.strictObject({
  version,
  endDate: isoDate.nullable().optional(),
  decreeNumber: optionalText(100).optional(),
});
