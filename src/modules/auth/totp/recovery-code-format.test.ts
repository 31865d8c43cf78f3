import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../random-tokens.js';
import {
  generateRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from './recovery-code-format.js';

describe('recovery codes', () => {
  it('look like xxxx-xxxx-xx in lowercase alphanumerics', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(generateRecoveryCode()).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/);
    }
  });

  it('come ten at a time, all different', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
  });

  it.each([
    ['abcd-efgh-12', 'abcd-efgh-12'],
    ['ABCD-EFGH-12', 'abcd-efgh-12'],
    ['abcdefgh12', 'abcd-efgh-12'],
    ['  abcd efgh 12 ', 'abcd-efgh-12'],
    ['abcd--efgh-12', 'abcd-efgh-12'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseRecoveryCode(input)).toBe(expected);
  });

  it.each([['abcd-efgh-1'], ['abcd-efgh-123'], ['abcd-efgh-1!'], [''], ['123456']])(
    'refuses %j',
    (input) => {
      expect(normaliseRecoveryCode(input)).toBeNull();
    },
  );

  it('hashes the canonical form, so every typing of one code has one hash', () => {
    const a = normaliseRecoveryCode('ABCDEFGH12');
    const b = normaliseRecoveryCode('abcd-efgh-12');
    expect(a && hashRecoveryCode(a)).toBe(b && hashRecoveryCode(b));
    expect(hashRecoveryCode('abcd-efgh-12')).toBe(sha256Hex('abcd-efgh-12'));
  });
});
