import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Config } from '../../../server/config.js';
import { AppError } from '../../../shared/errors.js';
import { signingCertificates } from '../../pki/schema.js';
import {
  findActiveCertificate,
  readinessError,
  recordWrongPassphrase,
} from '../../pki/unlock-signing-key.js';
import { type BsreClientConfig, bsreSignPdf } from './bsre-client.js';
import {
  DefiniteFailure,
  type OpenSessionInput,
  type SigningProvider,
  type SigningSession,
} from './types.js';

/** The BSrE settings from the environment, or null when this server has none. */
export function bsreClientConfig(config: Config): BsreClientConfig | null {
  if (!config.BSRE_URL || !config.BSRE_CLIENT_ID || !config.BSRE_CLIENT_SECRET) return null;
  return {
    url: config.BSRE_URL,
    clientId: config.BSRE_CLIENT_ID,
    clientSecret: config.BSRE_CLIENT_SECRET,
    timeoutMs: config.BSRE_TIMEOUT_MS,
  };
}

export const bsreNotRegistered = () =>
  new AppError(
    'NOT_ENROLLED',
    'NIK Anda belum didaftarkan untuk tanda tangan melalui BSrE. Daftarkan NIK di menu Akun → Sertifikat tanda tangan.',
  );

/**
 * Signing through a BSrE-style service: the official is known there by NIK and proves it with a
 * passphrase (or TOTP) that only BSrE checks. Amanah keeps no key. A wrong passphrase reported
 * by BSrE counts toward the same lock as the built-in CA's, so a guesser is stopped here before
 * BSrE locks the official's certificate for good.
 */
export function bsreProvider(
  deps: { database: Database; config: Config },
  client: BsreClientConfig,
): SigningProvider {
  return {
    id: 'bsre',
    async open(input: OpenSessionInput): Promise<SigningSession> {
      const now = new Date();
      const identity = await deps.database.withTenant(input.tenantId, async (tx) => {
        const current = await findActiveCertificate(tx, input.tenantId, input.employeeId);
        if (!current || (current.status === 'active' && current.provider !== 'bsre')) return null;
        const [row] = await tx
          .select({
            id: signingCertificates.id,
            nik: signingCertificates.nik,
            status: signingCertificates.status,
            notAfter: signingCertificates.notAfter,
            lockedUntil: signingCertificates.lockedUntil,
            failedAttempts: signingCertificates.failedAttempts,
          })
          .from(signingCertificates)
          .where(
            and(
              eq(signingCertificates.tenantId, input.tenantId),
              eq(signingCertificates.id, current.id),
            ),
          );
        return row ?? null;
      });
      if (!identity) throw bsreNotRegistered();
      const refusal = readinessError(identity, now);
      if (refusal) throw refusal;
      const nik = identity.nik;
      if (!nik) throw bsreNotRegistered();
      const secret = input.passphrase
        ? { passphrase: input.passphrase }
        : input.totp
          ? { totp: input.totp }
          : null;
      if (!secret) throw new AppError('PASSPHRASE_WRONG', 'Passphrase salah.');
      // Wrong passphrases in a row: the first accepted signature clears the count.
      let failuresToClear = identity.failedAttempts > 0;

      return {
        provider: 'bsre',
        certificateId: identity.id,
        serial: null,
        remote: true,
        async sign(request) {
          try {
            const result = await bsreSignPdf(client, {
              nik,
              ...secret,
              reason: request.reason,
              location: request.location,
              pdf: request.pdf,
            });
            if (result.id) request.onProviderRef?.(result.id);
            if (failuresToClear) {
              failuresToClear = false;
              await clearFailures(deps.database, input.tenantId, identity.id);
            }
            return result.pdf;
          } catch (error) {
            if (error instanceof DefiniteFailure && error.error.code === 'PASSPHRASE_WRONG') {
              throw new DefiniteFailure(
                await recordWrongPassphrase(
                  deps.database,
                  deps.config,
                  input,
                  identity.id,
                  new Date(),
                  'bsre',
                ),
                error.providerRef,
              );
            }
            throw error;
          }
        },
      };
    },
  };
}

async function clearFailures(database: Database, tenantId: string, certificateId: string) {
  await database.withTenant(tenantId, (tx) =>
    tx
      .update(signingCertificates)
      .set({ failedAttempts: 0 })
      .where(
        and(eq(signingCertificates.tenantId, tenantId), eq(signingCertificates.id, certificateId)),
      ),
  );
}
