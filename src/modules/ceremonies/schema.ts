import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tenantIdColumn, updatedAt, versionColumn } from '../../db/columns.js';
import { inList } from '../../db/target-columns.js';
import { ceremonyStatuses } from '../../shared/codes.js';
import { agreements } from '../agreements/schema.js';
import { integrityPacts } from '../integrity/schema.js';
import { tenants } from '../tenants/schema.js';

/**
 * A signing ceremony (acara penandatanganan), typically the January one for every head of PD.
 * The venue board is public through a random token; only its SHA-256 is stored.
 */
export const ceremonies = pgTable(
  'ceremonies',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    title: text('title').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    startTime: time('start_time'),
    place: text('place').notNull(),
    status: text('status', { enum: ceremonyStatuses }).notNull().default('scheduled'),
    boardTokenHash: text('board_token_hash').notNull(),
    createdBy: uuid('created_by'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    version: versionColumn(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('ceremonies_board_token_key').on(t.boardTokenHash),
    check('ceremonies_status_check', sql`${t.status} in ${inList(ceremonyStatuses)}`),
    check('ceremonies_title_check', sql`length(trim(${t.title})) between 5 and 300`),
  ],
);

/** What is signed at a ceremony: PKs (by agreement) and Pakta Integritas (by pact). */
export const ceremonyItems = pgTable(
  'ceremony_items',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    ceremonyId: uuid('ceremony_id').notNull(),
    agreementId: uuid('agreement_id'),
    pactId: uuid('pact_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('ceremony_items_agreement_key')
      .on(t.tenantId, t.ceremonyId, t.agreementId)
      .where(sql`agreement_id is not null`),
    uniqueIndex('ceremony_items_pact_key')
      .on(t.tenantId, t.ceremonyId, t.pactId)
      .where(sql`pact_id is not null`),
    index('ceremony_items_ceremony_idx').on(t.tenantId, t.ceremonyId),
    foreignKey({
      name: 'ceremony_items_ceremony_fk',
      columns: [t.tenantId, t.ceremonyId],
      foreignColumns: [ceremonies.tenantId, ceremonies.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'ceremony_items_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }),
    foreignKey({
      name: 'ceremony_items_pact_fk',
      columns: [t.tenantId, t.pactId],
      foreignColumns: [integrityPacts.tenantId, integrityPacts.id],
    }),
    check('ceremony_items_subject_check', sql`(${t.agreementId} is null) <> (${t.pactId} is null)`),
  ],
);
