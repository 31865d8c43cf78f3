import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { archivedAt, createdAt, newId, updatedAt, versionColumn } from '../../db/columns.js';
import { type TenantType, type TimeZone, tenantTypes, timeZones } from '../../shared/codes.js';

export { type TenantType, type TimeZone, tenantTypes, timeZones };

/** A Pemda (or other instansi): the tenant every other row belongs to. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    type: text('type', { enum: tenantTypes }).notNull(),
    regionCode: text('region_code').notNull(),
    timeZone: text('time_zone', { enum: timeZones }).notNull(),
    /** Logo as a data: URL (PNG, JPEG or SVG), at most ~200 KB. */
    logo: text('logo'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Bumped by a trigger on every change to the tenant's units, positions, employees and
     * assignments: a cached read of the organisation is valid while this number is unchanged.
     */
    orgVersion: bigint('org_version', { mode: 'number' }).notNull().default(0),
    version: versionColumn(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tenants_region_code_key').on(t.regionCode),
    check('tenants_type_check', sql`${t.type} in ('provinsi', 'kabupaten', 'kota')`),
    check(
      'tenants_time_zone_check',
      sql`${t.timeZone} in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')`,
    ),
    check('tenants_region_code_check', sql`${t.regionCode} ~ '^[0-9]{2}(\\.[0-9]{2})?$'`),
    check('tenants_name_check', sql`length(trim(${t.name})) between 3 and 200`),
    check('tenants_logo_check', sql`${t.logo} is null or length(${t.logo}) <= 300000`),
  ],
);
