import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../random-tokens.js';
import { TOKEN_PREFIX } from '../sessions.js';
import { displayPrefix, mintApiToken } from './token-format.js';

describe('mintApiToken', () => {
  it('is the prefix plus 32 random bytes in base64url', () => {
    const { token } = mintApiToken();
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    const secret = token.slice(TOKEN_PREFIX.length);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('keeps only the SHA-256 and an 8-character display prefix', () => {
    const minted = mintApiToken();
    expect(minted.hash).toBe(sha256Hex(minted.token));
    expect(minted.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(minted.prefix).toHaveLength(8);
    expect(minted.token.slice(TOKEN_PREFIX.length).startsWith(minted.prefix)).toBe(true);
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => mintApiToken().token));
    expect(tokens.size).toBe(200);
  });

  it.each([
    ['amanah_pat_abcdefghijk', 'abcdefgh'],
    ['amanah_pat_abc', 'abc'],
  ])('display prefix of %s is %s', (token, prefix) => {
    expect(displayPrefix(token)).toBe(prefix);
  });
});
