import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptPrivateKey, encryptPrivateKey } from './key-protection.js';

// The smallest memory the config allows keeps this fast; production uses 64 MiB.
const memoryKib = 8192;

describe('key protection', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });

  it('opens with the right passphrase and signs like the original key', async () => {
    const { encryptedKey, kdf } = await encryptPrivateKey(der, 'kopi tubruk pagi', { memoryKib });
    expect(kdf).toEqual({ alg: 'argon2id', m: memoryKib, t: 3, p: 1 });
    expect(encryptedKey.split('.')).toHaveLength(5);
    expect(encryptedKey.startsWith('v1.')).toBe(true);
    const opened = await decryptPrivateKey(encryptedKey, kdf, 'kopi tubruk pagi');
    expect(opened).not.toBeNull();
    const signature = sign('sha256', Buffer.from('dokumen'), opened!);
    expect(verify('sha256', Buffer.from('dokumen'), publicKey, signature)).toBe(true);
  });

  it('returns null for a wrong passphrase and for altered parameters', async () => {
    const { encryptedKey, kdf } = await encryptPrivateKey(der, 'kopi tubruk pagi', { memoryKib });
    expect(await decryptPrivateKey(encryptedKey, kdf, 'kopi tubruk sore')).toBeNull();
    expect(await decryptPrivateKey(encryptedKey, kdf, '')).toBeNull();
    // The parameters are authenticated: a lowered cost does not derive "another" key.
    expect(await decryptPrivateKey(encryptedKey, { ...kdf, t: 2 }, 'kopi tubruk pagi')).toBeNull();
  });

  it('salts every encryption', async () => {
    const a = await encryptPrivateKey(der, 'kopi tubruk pagi', { memoryKib });
    const b = await encryptPrivateKey(der, 'kopi tubruk pagi', { memoryKib });
    expect(a.encryptedKey).not.toBe(b.encryptedKey);
  });

  it('throws on a malformed blob instead of calling it a wrong passphrase', async () => {
    await expect(
      decryptPrivateKey('v2.a.b.c.d', { alg: 'argon2id', m: memoryKib, t: 3, p: 1 }, 'x'),
    ).rejects.toThrow(/malformed/);
  });
});
