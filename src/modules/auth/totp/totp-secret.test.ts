import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../secret-box.js';
import {
  checkTotpCode,
  newTotpSecret,
  openTotpState,
  sealTotpState,
  totpFor,
} from './totp-secret.js';

const box = createSecretBox(Buffer.alloc(32, 3));
const secret = newTotpSecret();
const totp = totpFor(secret, 'budi');
const at = Date.UTC(2026, 0, 5, 8, 0, 15);
const step = Math.floor(at / 30_000);
const codeAt = (timestamp: number) => totp.generate({ timestamp });

describe('TOTP secret', () => {
  it('is 20 random bytes in base32 and describes itself as Amanah', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const url = totp.toString();
    expect(url).toMatch(/^otpauth:\/\/totp\/Amanah:budi\?/);
    expect(url).toContain('issuer=Amanah');
    expect(url).toContain('algorithm=SHA1');
    expect(url).toContain('digits=6');
    expect(url).toContain('period=30');
  });

  it('seals and opens the seed with its last step', () => {
    const sealed = sealTotpState(box, { secret, lastStep: 42 });
    expect(sealed).not.toContain(secret);
    expect(openTotpState(box, sealed)).toEqual({ v: 1, secret, lastStep: 42 });
  });
});

describe('checkTotpCode', () => {
  const fresh = { v: 1 as const, secret, lastStep: null };
  it.each([
    ['the current step', 0, true],
    ['one step behind (clock drift)', -1, true],
    ['one step ahead', 1, true],
    ['two steps behind', -2, false],
    ['two steps ahead', 2, false],
  ])('accepts a code from %s: %s', (_label, offset, ok) => {
    const result = checkTotpCode(fresh, codeAt(at + offset * 30_000), at);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.step).toBe(step + offset);
  });

  it.each([['12345'], ['abcdef'], ['1234567'], ['']])('refuses malformed %j', (code) => {
    expect(checkTotpCode(fresh, code, at)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('tolerates spaces inside the code', () => {
    const code = codeAt(at);
    expect(checkTotpCode(fresh, `${code.slice(0, 3)} ${code.slice(3)}`, at).ok).toBe(true);
  });

  it('refuses a code of a step already used, or earlier', () => {
    const used = { ...fresh, lastStep: step };
    expect(checkTotpCode(used, codeAt(at), at)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotpCode(used, codeAt(at - 30_000), at)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotpCode(used, codeAt(at + 30_000), at)).toEqual({ ok: true, step: step + 1 });
  });
});
