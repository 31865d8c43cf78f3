import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAt,
  idColumn,
  newId,
  tenantIdColumn,
  updatedAt,
  versionColumn,
} from '../../db/columns.js';
import { type Role, roles } from '../../shared/codes.js';
import { employees, units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

export { type Role, roles };

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Sign-in identities. A user belongs to one tenant, except platform admins (tenant_id null),
 * who manage tenants and see no tenant's data. Usernames are unique across the installation
 * so one sign-in page serves every Pemda (docs/decisions/0004).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    employeeId: uuid('employee_id'),
    passwordHash: text('password_hash').notNull(),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    lastLoginAt: ts('last_login_at'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_employee_key').on(t.tenantId, t.employeeId),
    foreignKey({
      name: 'users_employee_fk',
      columns: [t.tenantId, t.employeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    check('users_platform_admin_check', sql`${t.isPlatformAdmin} = (${t.tenantId} is null)`),
    check('users_username_check', sql`${t.username} ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`),
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** A role given to a user, optionally limited to one unit and everything below it. */
export const roleGrants = pgTable(
  'role_grants',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    unitId: uuid('unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'role_grants_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    unique('role_grants_unique').on(t.tenantId, t.userId, t.role, t.unitId).nullsNotDistinct(),
    index('role_grants_user_idx').on(t.userId),
    check(
      'role_grants_role_check',
      sql`${t.role} in ('admin_pemda', 'perencana', 'kepala_daerah', 'pimpinan_unit',
        'operator_unit', 'evaluator', 'viewer')`,
    ),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id'),
    csrfToken: text('csrf_token').notNull(),
    /** 'passed' when no second factor is needed or it was given. */
    mfaState: text('mfa_state', { enum: ['passed', 'pending', 'setup_required'] }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** Personal API tokens for integrations: hashed, scoped, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_scopes_check', sql`${t.scopes} <@ array['read', 'write']::text[]`),
    check('api_tokens_name_check', sql`length(trim(${t.name})) between 2 and 100`),
  ],
);
