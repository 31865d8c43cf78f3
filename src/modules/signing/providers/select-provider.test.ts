import { describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { loadConfig } from '../../../server/config.js';
import { providerFor } from './select-provider.js';

// Choosing a provider touches no database; a stand-in that fails loudly if it were used.
const database = new Proxy({} as Database, {
  get() {
    throw new Error('the database is not used to choose a provider');
  },
});

describe('choosing the signing provider', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/amanah-unused' };

  it('the built-in CA by default', () => {
    expect(providerFor('builtin', { database, config: loadConfig(base) }).id).toBe('builtin');
  });

  it('BSrE only when this server is configured for it', () => {
    expect(() => providerFor('bsre', { database, config: loadConfig(base) })).toThrow(
      expect.objectContaining({ code: 'PROVIDER_NOT_CONFIGURED' }),
    );
    // A URL without the client credentials is not enough either.
    expect(() =>
      providerFor('bsre', {
        database,
        config: loadConfig({ ...base, BSRE_URL: 'https://esign.example.go.id' }),
      }),
    ).toThrow(expect.objectContaining({ code: 'PROVIDER_NOT_CONFIGURED' }));
    const configured = loadConfig({
      ...base,
      BSRE_URL: 'https://esign.example.go.id',
      BSRE_CLIENT_ID: 'amanah',
      BSRE_CLIENT_SECRET: 'rahasia',
    });
    expect(providerFor('bsre', { database, config: configured }).id).toBe('bsre');
  });
});
