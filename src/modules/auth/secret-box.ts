import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts small secrets (TOTP seeds) at rest with AES-256-GCM under the server key.
 * The key comes from SECRET_KEY, or from DATA_DIR/secret.key created on first start.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /**
   * 16 hex characters that name the key without revealing it (an HMAC of a constant): stored
   * beside what the key sealed, so a changed SECRET_KEY is reported as such, not as a crypto error.
   */
  readonly fingerprint: string;
}

export function loadServerKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return createHash('sha256').update(secretKey).digest();
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return createHash('sha256').update(readFileSync(file, 'utf8').trim()).digest();
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    fingerprint: createHmac('sha256', key)
      .update('amanah key fingerprint v1')
      .digest('hex')
      .slice(0, 16),
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url')).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('sealed secret malformed');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
