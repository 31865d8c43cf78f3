import { z } from 'zod';
import { roles } from '../schema.js';
import { usernamePattern } from './create-user.js';

/** Request and response shapes of the users API (also the OpenAPI document). */
const displayName = z.string().trim().min(2, 'minimal 2 karakter').max(200);
const grantBody = z.strictObject({
  role: z.enum(roles),
  unitId: z.uuid('unitId harus UUID').nullable(),
});

export const grantRoleBody = grantBody;

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      usernamePattern,
      '3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf/angka',
    ),
  displayName,
  password: z.string().min(1, 'isi kata sandi').max(200),
  employeeId: z.uuid('employeeId harus UUID').nullable().optional(),
  roles: z.array(grantBody).max(50).default([]),
  mustChangePassword: z.boolean().default(true),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1),
  displayName: displayName.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  employeeId: z.uuid('employeeId harus UUID').nullable().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(200) });

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const grantParams = z.strictObject({
  id: z.uuid('id harus UUID'),
  grantId: z.uuid('grantId harus UUID'),
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  employee: z.object({ id: z.uuid(), nip: z.string().nullable(), fullName: z.string() }).nullable(),
  roles: z.array(
    z.object({
      id: z.uuid(),
      role: z.enum(roles),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      permissions: z.record(z.string(), z.boolean()),
    }),
  ),
  version: z.number(),
  createdAt: z.string(),
  permissions: z.record(z.string(), z.boolean()),
});
export type UserView = z.infer<typeof userSchema>;
