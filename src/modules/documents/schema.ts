import { sql } from 'drizzle-orm';
import {
  check,
  customType,
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
import {
  assignmentKinds,
  documentKinds,
  documentStatuses,
  signAttemptStates,
  signerRoles,
  signerStatuses,
  signingProviders,
} from '../../shared/codes.js';
import { agreements } from '../agreements/schema.js';
import { integrityPacts } from '../integrity/schema.js';
import { employees } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  // pg returns a Buffer, PGlite a Uint8Array: one shape for the code.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A document to be signed: one per PK version (kind pk) or Pakta Integritas (kind pi). The PDF
 * is rendered once, when the document is made; each signature appends an incremental update
 * and is stored as the next file (decision 0011). `code` is the public id printed with the QR
 * on every page; it is random, so documents cannot be enumerated.
 */
export const documents = pgTable(
  'documents',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    kind: text('kind', { enum: documentKinds }).notNull(),
    code: text('code').notNull(),
    agreementId: uuid('agreement_id'),
    pactId: uuid('pact_id'),
    title: text('title').notNull(),
    status: text('status', { enum: documentStatuses }).notNull().default('pending'),
    /** The date printed above the signatures. */
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** What was rendered (parties, tables, clauses): the layout input, kept for audit. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    signerCount: integer('signer_count').notNull(),
    signedCount: integer('signed_count').notNull().default(0),
    originalSha256: text('original_sha256').notNull(),
    currentSha256: text('current_sha256').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: text('void_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('documents_code_key').on(t.code),
    uniqueIndex('documents_agreement_key')
      .on(t.tenantId, t.agreementId)
      .where(sql`agreement_id is not null and status <> 'void'`),
    uniqueIndex('documents_pact_key')
      .on(t.tenantId, t.pactId)
      .where(sql`pact_id is not null and status <> 'void'`),
    foreignKey({
      name: 'documents_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [agreements.tenantId, agreements.id],
    }),
    foreignKey({
      name: 'documents_pact_fk',
      columns: [t.tenantId, t.pactId],
      foreignColumns: [integrityPacts.tenantId, integrityPacts.id],
    }),
    check('documents_kind_check', sql`${t.kind} in ${inList(documentKinds)}`),
    check('documents_status_check', sql`${t.status} in ${inList(documentStatuses)}`),
    check(
      'documents_subject_check',
      sql`(${t.kind} = 'pk') = (${t.agreementId} is not null)
        and (${t.kind} = 'pi') = (${t.pactId} is not null)`,
    ),
    check(
      'documents_count_check',
      sql`${t.signerCount} between 1 and 2 and ${t.signedCount} between 0 and ${t.signerCount}
        and (${t.status} = 'signed') = (${t.signedCount} = ${t.signerCount})
        and (${t.status} <> 'void' or ${t.signedCount} = 0)`,
    ),
    check('documents_code_check', sql`${t.code} ~ '^[0-9A-HJKMNP-TV-Z]{12}$'`),
    check(
      'documents_sha_check',
      sql`${t.originalSha256} ~ '^[0-9a-f]{64}$' and ${t.currentSha256} ~ '^[0-9a-f]{64}$'`,
    ),
  ],
);

/**
 * Every PDF we issued for a document: seq 0 is the rendered original, seq n the file after the
 * n-th signature. Rows are never updated or deleted (trigger): verification by upload finds a
 * file by its SHA-256 and so knows exactly which version it is.
 */
export const documentFiles = pgTable(
  'document_files',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    documentId: uuid('document_id').notNull(),
    seq: integer('seq').notNull(),
    sha256: text('sha256').notNull(),
    byteSize: integer('byte_size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.documentId, t.seq] }),
    index('document_files_sha_idx').on(t.sha256),
    foreignKey({
      name: 'document_files_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }),
    check('document_files_seq_check', sql`${t.seq} between 0 and 2`),
    check('document_files_size_check', sql`${t.byteSize} = octet_length(${t.content})`),
  ],
);

/**
 * The signature slots of a document, in order. Identity (name, NIP, pangkat, jabatan, Plt/Plh/
 * Pj) is frozen when the document is rendered; signing fills the rest, once.
 */
export const documentSigners = pgTable(
  'document_signers',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    documentId: uuid('document_id').notNull(),
    seq: integer('seq').notNull(),
    role: text('role', { enum: signerRoles }).notNull(),
    employeeId: uuid('employee_id').notNull(),
    name: text('name').notNull(),
    nip: text('nip').notNull(),
    pangkat: text('pangkat'),
    jabatan: text('jabatan').notNull(),
    assignmentKind: text('assignment_kind', { enum: assignmentKinds }),
    status: text('status', { enum: signerStatuses }).notNull().default('pending'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    signedBy: uuid('signed_by'),
    certificateId: uuid('certificate_id'),
    provider: text('provider', { enum: signingProviders }),
    /** The document_files.seq written by this signature. */
    fileSeq: integer('file_seq'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('document_signers_seq_key').on(t.tenantId, t.documentId, t.seq),
    index('document_signers_employee_idx').on(t.tenantId, t.employeeId, t.status),
    foreignKey({
      name: 'document_signers_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }),
    foreignKey({
      name: 'document_signers_employee_fk',
      columns: [t.tenantId, t.employeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    check('document_signers_role_check', sql`${t.role} in ${inList(signerRoles)}`),
    check('document_signers_status_check', sql`${t.status} in ${inList(signerStatuses)}`),
    check('document_signers_seq_check', sql`${t.seq} between 1 and 2`),
    check(
      'document_signers_signed_check',
      sql`(${t.status} = 'signed') = (${t.signedAt} is not null and ${t.provider} is not null
        and ${t.fileSeq} is not null)`,
    ),
  ],
);

/**
 * A request to a remote signing provider, written (and committed) before the request is sent.
 * An attempt left `unknown` blocks new requests for the same slot until an admin resolves it:
 * a sign request whose outcome is unknown is never retried blindly (REGULATIONS.md).
 */
export const signAttempts = pgTable(
  'sign_attempts',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    documentId: uuid('document_id').notNull(),
    signerId: uuid('signer_id').notNull(),
    provider: text('provider', { enum: signingProviders }).notNull(),
    state: text('state', { enum: signAttemptStates }).notNull().default('in_flight'),
    /** The provider's request/transaction id when it sent one. */
    providerRef: text('provider_ref'),
    errorCode: text('error_code'),
    startedAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('sign_attempts_open_key')
      .on(t.tenantId, t.signerId)
      .where(sql`state in ('in_flight', 'unknown')`),
    foreignKey({
      name: 'sign_attempts_signer_fk',
      columns: [t.tenantId, t.signerId],
      foreignColumns: [documentSigners.tenantId, documentSigners.id],
    }),
    check('sign_attempts_state_check', sql`${t.state} in ${inList(signAttemptStates)}`),
  ],
);
