import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * A throwaway certificate authority for tests and the mock BSrE server: never used by the
 * application itself (the real CA is the pki module's). Keys come from Node crypto; forge only
 * writes the X.509 structure.
 */
export interface TestIdentity {
  certificatePem: string;
  privateKey: KeyObject;
}

export interface TestCa extends TestIdentity {
  /**
   * A certificate for `commonName`. `shareKey` reuses one key pair for every certificate that
   * asks for it: fixtures that need dozens of signers skip dozens of RSA key generations.
   */
  issue(
    commonName: string,
    options?: { nip?: string; title?: string; shareKey?: boolean },
  ): TestIdentity;
}

function keyPair(bits: number) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const forgePublic = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const forgePrivate = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return { privateKey, forgePublic, forgePrivate };
}

const serial = () => `01${randomBytes(15).toString('hex')}`;

export function createTestCa(name = 'Amanah CA Uji'): TestCa {
  const ca = keyPair(2048);
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.forgePublic;
  caCert.serialNumber = serial();
  caCert.validity.notBefore = new Date(Date.now() - 60_000);
  caCert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const caSubject = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: 'Pemerintah Kota Uji' },
    { name: 'countryName', value: 'ID' },
  ];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.forgePrivate, forge.md.sha256.create());

  let shared: ReturnType<typeof keyPair> | null = null;
  return {
    certificatePem: forge.pki.certificateToPem(caCert),
    privateKey: ca.privateKey,
    issue(commonName, options = {}) {
      if (options.shareKey) shared ??= keyPair(2048);
      const leaf = options.shareKey && shared ? shared : keyPair(2048);
      const cert = forge.pki.createCertificate();
      cert.publicKey = leaf.forgePublic;
      cert.serialNumber = serial();
      cert.validity.notBefore = new Date(Date.now() - 60_000);
      cert.validity.notAfter = new Date(Date.now() + 30 * 86_400_000);
      cert.setSubject([
        { name: 'commonName', value: commonName },
        ...(options.nip ? [{ name: 'serialNumber', value: options.nip }] : []),
        ...(options.title ? [{ name: 'title', value: options.title }] : []),
        { name: 'organizationName', value: 'Pemerintah Kota Uji' },
        { name: 'countryName', value: 'ID' },
      ]);
      cert.setIssuer(caCert.subject.attributes);
      cert.setExtensions([
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ]);
      cert.sign(ca.forgePrivate, forge.md.sha256.create());
      return { certificatePem: forge.pki.certificateToPem(cert), privateKey: leaf.privateKey };
    },
  };
}
