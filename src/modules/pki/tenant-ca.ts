import { createPrivateKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import forge from 'node-forge';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { AppError, notFound } from '../../shared/errors.js';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import type { SecretBox } from '../auth/secret-box.js';
import { tenants } from '../tenants/schema.js';
import { tenantCas } from './schema.js';
import {
  describeName,
  distinguishedName,
  forgePublicKey,
  randomSerialHex,
  signCertificate,
} from './x509.js';

/**
 * The tenant's own root CA (decision 0011): RSA 3072, self-signed, valid 10 years. Its key is
 * sealed with the server key, so a copy of the database alone cannot issue certificates or
 * CRLs; `keyFingerprint` names that server key so a changed SECRET_KEY is reported plainly.
 */
const generateRsa = promisify(generateKeyPair);
export const CA_VALIDITY_YEARS = 10;

export type TenantCaRow = typeof tenantCas.$inferSelect;

export interface CaOptions {
  actor?: AuditActor | null;
  ip?: string | null;
  now?: Date;
}

export const caCommonName = (tenantName: string): string => `Amanah CA ${tenantName}`;

export async function activeTenantCa(tx: Tx, tenantId: string): Promise<TenantCaRow | null> {
  const [row] = await tx
    .select()
    .from(tenantCas)
    .where(and(eq(tenantCas.tenantId, tenantId), eq(tenantCas.status, 'active')));
  return row ?? null;
}

/** Makes the tenant's CA; a tenant that already has one keeps it (returned unchanged). */
export async function createTenantCa(
  tx: Tx,
  tenantId: string,
  secretBox: SecretBox,
  options: CaOptions = {},
): Promise<TenantCaRow> {
  const [tenant] = await tx
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw notFound('Pemda');
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 3072 });

  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey(publicKey);
  cert.serialNumber = randomSerialHex();
  // A minute back: a PDF reader whose clock runs a little behind still sees a valid CA.
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + CA_VALIDITY_YEARS);
  const subject = distinguishedName({
    commonName: caCommonName(tenant.name),
    organization: tenant.name,
  });
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(cert, privateKey);

  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const id = newId();
  const inserted = await tx
    .insert(tenantCas)
    .values({
      tenantId,
      id,
      subject: describeName(cert.subject.attributes),
      certificatePem: forge.pki.certificateToPem(cert),
      sealedKey: secretBox.seal(pkcs8),
      keyFingerprint: secretBox.fingerprint,
      notBefore: cert.validity.notBefore,
      notAfter: cert.validity.notAfter,
    })
    // Two first enrolments at once both reach here: the unique index keeps one CA.
    .onConflictDoNothing({ target: tenantCas.tenantId, where: sql`status = 'active'` })
    .returning();
  const row = inserted[0];
  if (!row) {
    const existing = await activeTenantCa(tx, tenantId);
    if (!existing) throw new Error('tenant CA vanished');
    return existing;
  }
  await recordAudit(tx, {
    tenantId,
    actor: options.actor === undefined ? SYSTEM_ACTOR : options.actor,
    action: 'pki.ca_create',
    entityType: 'tenant_ca',
    entityId: id,
    data: { subject: row.subject, serial: cert.serialNumber, notAfter: row.notAfter.toISOString() },
    ip: options.ip ?? null,
  });
  return row;
}

/**
 * The tenant's active CA, made now when the tenant has none (tenants created before this
 * feature, by test factories, or by the demo seed, whose snapshot is built on another machine
 * with another server key and so must not carry a CA).
 */
export async function ensureTenantCa(
  tx: Tx,
  tenantId: string,
  secretBox: SecretBox,
  options: CaOptions = {},
): Promise<TenantCaRow> {
  return (await activeTenantCa(tx, tenantId)) ?? createTenantCa(tx, tenantId, secretBox, options);
}

export interface OpenedCa {
  row: TenantCaRow;
  certificate: forge.pki.Certificate;
  privateKey: KeyObject;
}

export function serverKeyMismatch(): AppError {
  return new AppError(
    'INTERNAL',
    'Kunci server tidak cocok dengan CA Pemda ini (SECRET_KEY berubah?)',
    {
      reason: 'server_key_mismatch',
    },
  );
}

/** The CA with its private key, for issuing a certificate or signing a CRL. */
export function openCa(row: TenantCaRow, secretBox: SecretBox): OpenedCa {
  if (row.keyFingerprint !== secretBox.fingerprint) throw serverKeyMismatch();
  let pem: string;
  try {
    pem = secretBox.open(row.sealedKey);
  } catch {
    // Same fingerprint but the seal does not open: the stored value itself was altered.
    throw serverKeyMismatch();
  }
  return {
    row,
    certificate: forge.pki.certificateFromPem(row.certificatePem),
    privateKey: createPrivateKey(pem),
  };
}
