import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

/**
 * An official's private key at rest: AES-256-GCM under a key derived from their passphrase with
 * argon2id. The server holds only this blob, so it cannot sign without the passphrase; a wrong
 * passphrase shows as a GCM authentication failure, never as a garbled key.
 *
 * The KDF parameters are stored per certificate, so SIGNING_KDF_MEMORY_KIB can change without
 * breaking keys made earlier.
 */
export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  /** Passes. */
  t: number;
  /** Lanes. */
  p: number;
}

const VERSION = 'v1';
const TIME_COST = 3;
const PARALLELISM = 1;

// @node-rs/argon2 defaults to argon2id; its Algorithm enum is a `const enum`, which
// isolatedModules cannot import, so the default is relied on and stated in `kdf.alg`.
function deriveKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return hashRaw(passphrase, {
    memoryCost: kdf.m,
    timeCost: kdf.t,
    parallelism: kdf.p,
    outputLen: 32,
    salt,
  });
}

export async function encryptPrivateKey(
  pkcs8Der: Buffer,
  passphrase: string,
  options: { memoryKib: number },
): Promise<{ encryptedKey: string; kdf: KdfParams }> {
  const kdf: KdfParams = { alg: 'argon2id', m: options.memoryKib, t: TIME_COST, p: PARALLELISM };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The version and KDF parameters are bound as associated data: a row whose kdf column was
  // altered fails authentication instead of silently deriving a different key.
  cipher.setAAD(Buffer.from(aad(kdf)));
  const body = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  const encryptedKey = [
    VERSION,
    ...[salt, iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')),
  ].join('.');
  return { encryptedKey, kdf };
}

/** The private key, or null when the passphrase is wrong. A malformed blob throws. */
export async function decryptPrivateKey(
  encryptedKey: string,
  kdf: KdfParams,
  passphrase: string,
): Promise<KeyObject | null> {
  const [version, salt, iv, tag, body] = encryptedKey.split('.');
  if (version !== VERSION || !salt || !iv || !tag || !body || kdf.alg !== 'argon2id') {
    throw new Error('encrypted signing key malformed');
  }
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64url'), kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad(kdf)));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    // GCM tag mismatch: the derived key is not the one that sealed it.
    return null;
  }
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

const aad = (kdf: KdfParams): string => `${VERSION}:${kdf.alg}:${kdf.m}:${kdf.t}:${kdf.p}`;
