import type { KeyObject } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import type { CertificateStatus, SigningProviderId } from '../../shared/codes.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { users } from '../auth/schema.js';
import { decryptPrivateKey } from './key-protection.js';
import { signingCertificates, tenantCas } from './schema.js';

/** What the signing feature needs to make one signature: the key, only for this request. */
export interface UnlockedSigner {
  certificateId: string;
  serial: string;
  subjectName: string;
  certificatePem: string;
  /** Issuer chain, nearest first: [the tenant CA certificate]. */
  chainPem: string[];
  privateKey: KeyObject;
}

/** The certificate the ceremony pre-flight and the signing page look at. */
export interface CurrentCertificate {
  id: string;
  status: CertificateStatus;
  provider: SigningProviderId;
  notAfter: Date | null;
  serial: string | null;
  lockedUntil: Date | null;
}

export type CertificateReadiness = 'ok' | 'missing' | 'expired' | 'revoked' | 'locked';

export const ENROL_WHERE = 'Akun → Sertifikat tanda tangan';

/**
 * The employee's current certificate: the active one, or, when there is none, the most recent
 * one (revoked), so that callers can say "dicabut" rather than "belum mendaftar". A replaced
 * certificate always has an active successor, so it is never the one returned.
 */
export async function findActiveCertificate(
  tx: Tx,
  tenantId: string,
  employeeId: string,
): Promise<CurrentCertificate | null> {
  const [row] = await tx
    .select({
      id: signingCertificates.id,
      status: signingCertificates.status,
      provider: signingCertificates.provider,
      notAfter: signingCertificates.notAfter,
      serial: signingCertificates.serial,
      lockedUntil: signingCertificates.lockedUntil,
    })
    .from(signingCertificates)
    .where(
      and(
        eq(signingCertificates.tenantId, tenantId),
        eq(signingCertificates.employeeId, employeeId),
      ),
    )
    .orderBy(
      sql`(${signingCertificates.status} = 'active') desc`,
      desc(signingCertificates.createdAt),
    )
    .limit(1);
  return row ?? null;
}

/** Whether this certificate can sign at `now`; the order matches unlockSigningKey's refusals. */
export function certificateReadiness(
  cert: Pick<CurrentCertificate, 'status' | 'notAfter' | 'lockedUntil'> | null,
  now: Date = new Date(),
): CertificateReadiness {
  if (!cert) return 'missing';
  if (cert.status !== 'active') return 'revoked';
  if (cert.notAfter && cert.notAfter <= now) return 'expired';
  if (cert.lockedUntil && cert.lockedUntil > now) return 'locked';
  return 'ok';
}

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' });

export function lockedCertificateError(until: Date, now: Date, prefix = ''): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'CERTIFICATE_LOCKED',
    `${prefix}Sertifikat tanda tangan Anda dikunci sementara karena terlalu banyak passphrase salah. Coba lagi dalam ${minutes} menit.`,
    { lockedUntil: until.toISOString() },
  );
}

/** The refusal for a certificate that is not ready, or null when it is. */
export function readinessError(
  cert: Pick<CurrentCertificate, 'status' | 'notAfter' | 'lockedUntil'> | null,
  now: Date,
): AppError | null {
  switch (certificateReadiness(cert, now)) {
    case 'missing':
      return new AppError(
        'NOT_ENROLLED',
        `Anda belum memiliki sertifikat tanda tangan. Daftarkan dahulu di menu ${ENROL_WHERE}.`,
      );
    case 'revoked':
      return new AppError(
        'CERTIFICATE_REVOKED',
        `Sertifikat tanda tangan Anda telah dicabut. Terbitkan sertifikat baru di menu ${ENROL_WHERE}.`,
      );
    case 'expired':
      return new AppError(
        'CERTIFICATE_EXPIRED',
        `Sertifikat tanda tangan Anda sudah tidak berlaku sejak ${dateFormat.format(cert?.notAfter ?? now)}. Terbitkan ulang di menu ${ENROL_WHERE}.`,
      );
    case 'locked':
      return lockedCertificateError(cert?.lockedUntil ?? now, now);
    case 'ok':
      return null;
  }
}

export interface UnlockInput {
  tenantId: string;
  userId: string;
  employeeId: string;
  passphrase: string;
  ip: string | null;
  actor: Actor;
  now?: Date;
}

/**
 * Opens the official's signing key with their passphrase, for one signing request. The key is
 * never cached: the caller signs and drops it.
 *
 * Refusals, in this order: NOT_ENROLLED, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED,
 * CERTIFICATE_LOCKED, PASSPHRASE_WRONG. A wrong passphrase is counted (and audited) in its own
 * committed transaction, so the count survives the caller's rollback; SIGN_MAX_FAILURES in a
 * row lock the certificate for SIGN_LOCK_MINUTES. The argon2 derivation runs outside any
 * transaction so a slow KDF never holds a database connection.
 */
export async function unlockSigningKey(
  database: Database,
  config: Pick<Config, 'SIGN_MAX_FAILURES' | 'SIGN_LOCK_MINUTES'>,
  input: UnlockInput,
): Promise<UnlockedSigner> {
  const now = input.now ?? new Date();
  const found = await database.withTenant(input.tenantId, async (tx) => {
    // The account must still be the employee's own: a relinked account cannot use the key.
    const [user] = await tx
      .select({ employeeId: users.employeeId })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.tenantId, input.tenantId)));
    if (!user || user.employeeId !== input.employeeId) return null;
    const current = await findActiveCertificate(tx, input.tenantId, input.employeeId);
    if (!current) return null;
    const [row] = await tx
      .select({ cert: signingCertificates, caPem: tenantCas.certificatePem })
      .from(signingCertificates)
      .leftJoin(
        tenantCas,
        and(
          eq(tenantCas.tenantId, signingCertificates.tenantId),
          eq(tenantCas.id, signingCertificates.caId),
        ),
      )
      .where(
        and(
          eq(signingCertificates.tenantId, input.tenantId),
          eq(signingCertificates.id, current.id),
        ),
      );
    return row ?? null;
  });
  const refusal = readinessError(found?.cert ?? null, now);
  if (refusal) throw refusal;
  const cert = found!.cert;
  if (
    cert.provider !== 'builtin' ||
    !cert.encryptedKey ||
    !cert.kdf ||
    !cert.certificatePem ||
    !cert.serial ||
    !found!.caPem
  ) {
    throw new AppError(
      'CONFLICT',
      'Sertifikat Anda dikelola oleh penyedia tanda tangan eksternal (BSrE); kunci tidak disimpan di Amanah.',
    );
  }

  // Count the attempt BEFORE testing the passphrase, under the row lock: parallel guesses then
  // meet the limit as they arrive instead of all passing a lock check made before any failed.
  const reserved = await reserveAttempt(database, config, input.tenantId, cert.id, now);
  if (reserved) throw reserved;
  const privateKey = await decryptPrivateKey(cert.encryptedKey, cert.kdf, input.passphrase);
  if (!privateKey) {
    throw await recordWrongPassphrase(database, config, input, cert.id, now, 'builtin', true);
  }
  await database.withTenant(input.tenantId, (tx) =>
    tx
      .update(signingCertificates)
      .set({ failedAttempts: 0 })
      .where(
        and(eq(signingCertificates.tenantId, input.tenantId), eq(signingCertificates.id, cert.id)),
      ),
  );
  return {
    certificateId: cert.id,
    serial: cert.serial,
    subjectName: cert.subjectName,
    certificatePem: cert.certificatePem,
    chainPem: [found!.caPem],
    privateKey,
  };
}

/**
 * Counts one wrong passphrase of a certificate in its own committed transaction (the refused
 * signature writes nothing else), audits it and locks the certificate at SIGN_MAX_FAILURES;
 * returns the error to throw. Used for the built-in CA (the key did not open) and for a remote
 * provider that reported the passphrase wrong.
 */
export async function recordWrongPassphrase(
  database: Database,
  config: Pick<Config, 'SIGN_MAX_FAILURES' | 'SIGN_LOCK_MINUTES'>,
  input: Pick<UnlockInput, 'tenantId' | 'actor' | 'ip'>,
  certificateId: string,
  now: Date,
  provider: 'builtin' | 'bsre' = 'builtin',
  /** The attempt was already counted by reserveAttempt. */
  counted = false,
): Promise<AppError> {
  return database.withTenant(input.tenantId, async (tx) => {
    const where = and(
      eq(signingCertificates.tenantId, input.tenantId),
      eq(signingCertificates.id, certificateId),
    );
    const [row] = await tx
      .select({
        failedAttempts: signingCertificates.failedAttempts,
        lockedUntil: signingCertificates.lockedUntil,
      })
      .from(signingCertificates)
      .where(where)
      .for('update');
    const audit = {
      tenantId: input.tenantId,
      actor: input.actor,
      entityType: 'signing_certificate',
      entityId: certificateId,
      ip: input.ip,
    };
    // Locked by a concurrent attempt meanwhile: that one counted itself and locked; this
    // attempt was tested all the same, so it is still audited when it had been counted.
    if (row?.lockedUntil && row.lockedUntil > now) {
      if (counted) {
        await recordAudit(tx, {
          ...audit,
          action: 'certificate.passphrase_failed',
          outcome: 'refused',
          data: provider === 'builtin' ? { locked: true } : { locked: true, provider },
        });
      }
      return lockedCertificateError(row.lockedUntil, now, 'Passphrase salah. ');
    }
    const failures = (row?.failedAttempts ?? 0) + (counted ? 0 : 1);
    const lock = failures >= config.SIGN_MAX_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + config.SIGN_LOCK_MINUTES * 60_000) : null;
    await tx
      .update(signingCertificates)
      .set({ failedAttempts: lock ? 0 : failures, lockedUntil })
      .where(where);
    await recordAudit(tx, {
      ...audit,
      action: 'certificate.passphrase_failed',
      outcome: 'refused',
      data: provider === 'builtin' ? { failures } : { failures, provider },
    });
    if (lockedUntil) {
      await recordAudit(tx, {
        ...audit,
        action: 'certificate.locked',
        outcome: 'refused',
        data: { failures, lockedUntil: lockedUntil.toISOString() },
      });
      return lockedCertificateError(lockedUntil, now, 'Passphrase salah. ');
    }
    return new AppError('PASSPHRASE_WRONG', 'Passphrase salah.');
  });
}

/**
 * Counts one passphrase attempt before it is tested (committed at once, under the row lock).
 * Returns the refusal when the certificate is locked, or when attempts already in flight reach
 * the limit; a right passphrase resets the count afterwards.
 */
async function reserveAttempt(
  database: Database,
  config: Pick<Config, 'SIGN_MAX_FAILURES' | 'SIGN_LOCK_MINUTES'>,
  tenantId: string,
  certificateId: string,
  now: Date,
): Promise<AppError | null> {
  return database.withTenant(tenantId, async (tx) => {
    const where = and(
      eq(signingCertificates.tenantId, tenantId),
      eq(signingCertificates.id, certificateId),
    );
    const [row] = await tx
      .select({
        failedAttempts: signingCertificates.failedAttempts,
        lockedUntil: signingCertificates.lockedUntil,
      })
      .from(signingCertificates)
      .where(where)
      .for('update');
    if (row?.lockedUntil && row.lockedUntil > now) {
      return lockedCertificateError(row.lockedUntil, now);
    }
    const attempts = row?.failedAttempts ?? 0;
    if (attempts >= config.SIGN_MAX_FAILURES) {
      // As many attempts as the limit are being tested right now: refuse this one too.
      return lockedCertificateError(
        new Date(now.getTime() + config.SIGN_LOCK_MINUTES * 60_000),
        now,
      );
    }
    await tx
      .update(signingCertificates)
      .set({ failedAttempts: attempts + 1 })
      .where(where);
    return null;
  });
}
