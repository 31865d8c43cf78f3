import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { newId } from '../../db/columns.js';
import type { Config } from '../../server/config.js';
import { publicBaseUrl } from '../../server/public-url.js';
import { AppError } from '../../shared/errors.js';
import { checkPassphrase } from '../../shared/passphrase-strength.js';
import type { TenantContext } from '../access/context.js';
import type { SecretBox } from '../auth/secret-box.js';
import { encryptPrivateKey } from './key-protection.js';
import { signingCertificates } from './schema.js';
import type { SignerIdentity } from './signer-identity.js';
import { ensureTenantCa, openCa } from './tenant-ca.js';
import {
  distinguishedName,
  forgePublicKey,
  keyIdentifier,
  randomSerialHex,
  signCertificate,
} from './x509.js';

const generateRsa = promisify(generateKeyPair);
export const CERTIFICATE_VALIDITY_YEARS = 2;
/** Adobe Authentic Documents Trust: lets Acrobat treat the certificate as a document signer. */
const ADOBE_AUTHENTIC_DOCUMENTS = '1.2.840.113583.1.1.5';

export interface PkiServices {
  config: Pick<Config, 'PUBLIC_URL' | 'PORT' | 'SIGNING_KDF_MEMORY_KIB'>;
  secretBox: SecretBox;
}

export const crlUrl = (config: PkiServices['config'], caId: string): string =>
  `${publicBaseUrl(config)}/api/public/pki/${caId}/crl`;
export const caCertUrl = (config: PkiServices['config'], caId: string): string =>
  `${publicBaseUrl(config)}/api/public/pki/${caId}/ca.crt`;

/** Refuses a weak passphrase with the list of what to change (the web shows the same list). */
export function assertStrongPassphrase(
  passphrase: string,
  identity: SignerIdentity,
  username: string,
): void {
  const verdict = checkPassphrase(passphrase, {
    name: identity.fullName,
    nip: identity.nip,
    username,
  });
  if (!verdict.ok) {
    throw new AppError(
      'PASSPHRASE_WEAK',
      `Passphrase terlalu lemah: ${verdict.problems.join(' ')}`,
      { field: 'passphrase', problems: verdict.problems, score: verdict.score },
    );
  }
}

/**
 * Makes a key pair and a certificate from the tenant CA for `identity`, encrypts the key under
 * the passphrase and stores it. The caller has checked who may enrol and that no other active
 * certificate exists (the unique index is the last word); it also writes the audit event.
 */
export async function issueCertificate(
  ctx: TenantContext,
  services: PkiServices,
  identity: SignerIdentity,
  passphrase: string,
  now: Date = new Date(),
): Promise<typeof signingCertificates.$inferSelect> {
  const ca = openCa(
    await ensureTenantCa(ctx.tx, ctx.tenantId, services.secretBox, {
      actor: ctx.actor,
      ip: ctx.ip,
    }),
    services.secretBox,
  );
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });

  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey(publicKey);
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(now.getUTCFullYear() + CERTIFICATE_VALIDITY_YEARS);
  // A certificate never outlives its issuer.
  cert.validity.notAfter = notAfter < ca.row.notAfter ? notAfter : new Date(ca.row.notAfter);
  cert.setSubject(
    distinguishedName({
      commonName: identity.fullName,
      serialNumber: identity.nip || null,
      title: identity.jabatan || null,
      organization: identity.tenantName,
    }),
  );
  cert.setIssuer(ca.certificate.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, [ADOBE_AUTHENTIC_DOCUMENTS]: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: keyIdentifier(ca.certificate) },
    {
      name: 'cRLDistributionPoints',
      altNames: [{ type: 6, value: crlUrl(services.config, ca.row.id) }],
    },
    authorityInfoAccess(caCertUrl(services.config, ca.row.id)),
  ]);
  signCertificate(cert, ca.privateKey);

  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const { encryptedKey, kdf } = await encryptPrivateKey(pkcs8, passphrase, {
    memoryKib: services.config.SIGNING_KDF_MEMORY_KIB,
  });
  const [row] = await ctx.tx
    .insert(signingCertificates)
    .values({
      tenantId: ctx.tenantId,
      id: newId(),
      employeeId: identity.employeeId,
      userId: ctx.actor.userId,
      provider: 'builtin',
      caId: ca.row.id,
      serial: cert.serialNumber,
      subjectName: identity.fullName,
      nip: identity.nip,
      jabatan: identity.jabatan,
      certificatePem: forge.pki.certificateToPem(cert),
      encryptedKey,
      kdf,
      notBefore: cert.validity.notBefore,
      notAfter: cert.validity.notAfter,
    })
    .returning();
  if (!row) throw new Error('certificate insert returned nothing');
  return row;
}

/**
 * Authority Information Access with a caIssuers link to the CA certificate, so a PDF reader
 * can fetch the issuer. forge has no builder for it; a raw extension value is accepted.
 */
function authorityInfoAccess(url: string) {
  const { asn1 } = forge;
  return {
    id: '1.3.6.1.5.5.7.1.1',
    value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(
          asn1.Class.UNIVERSAL,
          asn1.Type.OID,
          false,
          asn1.oidToDer('1.3.6.1.5.5.7.48.2').getBytes(),
        ),
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 6, false, url),
      ]),
    ]),
  };
}
