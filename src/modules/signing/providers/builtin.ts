import type { Database } from '../../../db/client.js';
import type { Config } from '../../../server/config.js';
import { unlockSigningKey } from '../../pki/unlock-signing-key.js';
import { CmsSigner } from '../pdf/cms-signer.js';
import { signPdf } from '../pdf/sign-pdf.js';
import type { OpenSessionInput, SigningProvider, SigningSession } from './types.js';

/**
 * The Pemda's own CA (the default): the official's key is opened with their passphrase (pki
 * module, which counts wrong ones and locks) and signs here. An uncertified electronic
 * signature under PP 71/2019, verifiable by anyone who trusts the Pemda's CA certificate.
 */
export function builtinProvider(deps: { database: Database; config: Config }): SigningProvider {
  return {
    id: 'builtin',
    async open(input: OpenSessionInput): Promise<SigningSession> {
      const unlocked = await unlockSigningKey(deps.database, deps.config, {
        tenantId: input.tenantId,
        userId: input.userId,
        employeeId: input.employeeId,
        passphrase: input.passphrase,
        ip: input.ip,
        actor: input.actor,
      });
      const signer = new CmsSigner({
        certificatePem: unlocked.certificatePem,
        chainPem: unlocked.chainPem,
        privateKey: unlocked.privateKey,
      });
      return {
        provider: 'builtin',
        certificateId: unlocked.certificateId,
        serial: unlocked.serial,
        remote: false,
        sign: (request) =>
          signPdf(request.pdf, signer, {
            reason: request.reason,
            name: request.signerName,
            location: request.location,
            signingTime: request.signingTime,
          }),
      };
    },
  };
}
