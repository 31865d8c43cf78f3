import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** Shared column builders: UUIDv7 ids made in the app, UTC timestamps, optimistic version. */
export const newId = (): string => uuidv7();

export const idColumn = () => uuid('id').notNull().$defaultFn(newId);
export const tenantIdColumn = () => uuid('tenant_id').notNull();
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const archivedAt = () => timestamp('archived_at', { withTimezone: true, mode: 'date' });
export const versionColumn = () => integer('version').notNull().default(1);
export const nowSql = sql`now()`;
