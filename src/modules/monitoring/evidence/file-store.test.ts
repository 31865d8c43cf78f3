import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskFileStore, evidenceKey } from './file-store.js';

const root = mkdtempSync(join(tmpdir(), 'amanah-store-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('disk file store', () => {
  const store = createDiskFileStore(root);
  const tenant = '0b5c2a8e-1d0e-4a35-9a55-6f1d8f0c2b11';
  const key = evidenceKey(tenant, 'a'.repeat(64));

  it('puts and gets bytes under evidence/<tenant>/<sha256>, file 0600, no temp left', async () => {
    await store.put(key, Buffer.from('isi'));
    expect((await store.get(key))?.toString()).toBe('isi');
    const dir = join(root, 'evidence', tenant);
    expect(readdirSync(dir)).toEqual(['a'.repeat(64)]);
    expect(statSync(join(dir, 'a'.repeat(64))).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('is idempotent for the same key', async () => {
    await store.put(key, Buffer.from('isi'));
    expect((await store.get(key))?.toString()).toBe('isi');
  });

  it('answers null for a missing key and removes', async () => {
    const other = evidenceKey(tenant, 'b'.repeat(64));
    expect(await store.get(other)).toBeNull();
    await store.put(other, Buffer.from('x'));
    await store.remove?.(other);
    expect(await store.get(other)).toBeNull();
  });

  it.each(['../secret', 'evidence/../../x', '/etc/passwd', 'Evidence/X', 'a//b', ''])(
    'refuses the key %j',
    async (bad) => {
      await expect(store.get(bad)).rejects.toThrow(/key/);
    },
  );
});
