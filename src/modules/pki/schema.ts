import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { certificateStatuses, revocationReasons, signingProviders } from '../../shared/codes.js';
import { users } from '../auth/schema.js';
import { employees } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';

/**
 * The tenant's own certificate authority (decision 0011). Its private key is sealed with the
 * server key (SECRET_KEY or DATA_DIR/secret.key): the database alone cannot sign. One active CA
 * per tenant; `crlNumber` counts the CRLs issued (RFC 5280 requires it to grow).
 */
export const tenantCas = pgTable(
  'tenant_cas',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    subject: text('subject').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    /** PKCS#8 PEM sealed by the server SecretBox ("v1.iv.tag.body"). */
    sealedKey: text('sealed_key').notNull(),
    /** SHA-256 of the server key that sealed it, first 16 hex: tells a changed key apart. */
    keyFingerprint: text('key_fingerprint').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true, mode: 'date' }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true, mode: 'date' }).notNull(),
    crlNumber: bigint('crl_number', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('tenant_cas_id_key').on(t.id),
    uniqueIndex('tenant_cas_active_key').on(t.tenantId).where(sql`status = 'active'`),
    check('tenant_cas_status_check', sql`${t.status} in ('active', 'retired')`),
  ],
);

/**
 * One official's signing certificate. For the built-in CA the private key is encrypted under a
 * key derived from the official's passphrase (argon2id, parameters in `kdf`): without the
 * passphrase the server cannot sign. For a remote provider (BSrE) no key is held here; the
 * record names the NIK the provider knows the official by.
 */
export const signingCertificates = pgTable(
  'signing_certificates',
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: idColumn(),
    employeeId: uuid('employee_id').notNull(),
    /** The account that enrolled (the official's own user). */
    userId: uuid('user_id').notNull(),
    provider: text('provider', { enum: signingProviders }).notNull().default('builtin'),
    caId: uuid('ca_id'),
    /** Hex serial, unique across all tenants (random 16 bytes): the CRL and verification key. */
    serial: text('serial'),
    /** Frozen identity as written in the certificate. */
    subjectName: text('subject_name').notNull(),
    nip: text('nip').notNull(),
    jabatan: text('jabatan').notNull(),
    /** BSrE identifies the signer by NIK (16 digits). */
    nik: text('nik'),
    certificatePem: text('certificate_pem'),
    /** "v1.salt.iv.tag.body" (base64url): AES-256-GCM of the PKCS#8 DER under argon2id(passphrase). */
    encryptedKey: text('encrypted_key'),
    kdf: jsonb('kdf').$type<{ alg: 'argon2id'; m: number; t: number; p: number }>(),
    notBefore: timestamp('not_before', { withTimezone: true, mode: 'date' }),
    notAfter: timestamp('not_after', { withTimezone: true, mode: 'date' }),
    status: text('status', { enum: certificateStatuses }).notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revocationReason: text('revocation_reason', { enum: revocationReasons }),
    revokedBy: uuid('revoked_by'),
    /** Wrong passphrases in a row; at the limit the certificate is locked until `lockedUntil`. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('signing_certificates_id_key').on(t.id),
    uniqueIndex('signing_certificates_serial_key').on(t.serial),
    uniqueIndex('signing_certificates_active_key')
      .on(t.tenantId, t.employeeId)
      .where(sql`status = 'active'`),
    index('signing_certificates_ca_idx').on(t.caId),
    foreignKey({
      name: 'signing_certificates_employee_fk',
      columns: [t.tenantId, t.employeeId],
      foreignColumns: [employees.tenantId, employees.id],
    }),
    foreignKey({
      name: 'signing_certificates_user_fk',
      columns: [t.userId],
      foreignColumns: [users.id],
    }),
    foreignKey({
      name: 'signing_certificates_ca_fk',
      columns: [t.tenantId, t.caId],
      foreignColumns: [tenantCas.tenantId, tenantCas.id],
    }),
    check('signing_certificates_status_check', sql`${t.status} in ${inList(certificateStatuses)}`),
    check('signing_certificates_provider_check', sql`${t.provider} in ${inList(signingProviders)}`),
    check(
      'signing_certificates_reason_check',
      sql`${t.revocationReason} is null or ${t.revocationReason} in ${inList(revocationReasons)}`,
    ),
    check(
      'signing_certificates_revoked_check',
      sql`(${t.status} = 'active') = (${t.revokedAt} is null)`,
    ),
    check(
      'signing_certificates_builtin_check',
      sql`${t.provider} <> 'builtin' or (${t.caId} is not null and ${t.serial} is not null
        and ${t.certificatePem} is not null and ${t.encryptedKey} is not null and ${t.kdf} is not null
        and ${t.notBefore} is not null and ${t.notAfter} is not null)`,
    ),
    check('signing_certificates_nik_check', sql`${t.nik} is null or ${t.nik} ~ '^[0-9]{16}$'`),
    check('signing_certificates_bsre_check', sql`${t.provider} <> 'bsre' or ${t.nik} is not null`),
  ],
);
