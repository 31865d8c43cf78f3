import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';
import type { SecretBox } from '../secret-box.js';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_ISSUER = 'Amanah';
const PERIOD = 30;
const DIGITS = 6;
/** One step either side absorbs clock drift between the phone and the server. */
const WINDOW = 1;

/**
 * What users.totp_secret holds, sealed with the server key: the seed and the last time step a
 * code was accepted for. Keeping the step inside the sealed value lets every process refuse a
 * replayed code without a schema change.
 */
const stateSchema = z.object({
  v: z.literal(1),
  secret: z.string().regex(/^[A-Z2-7]+=*$/),
  lastStep: z.number().int().nullable(),
});
export type TotpState = z.infer<typeof stateSchema>;

/** 20 random bytes (160 bits, the RFC 4226 recommendation) in base32. */
export const newTotpSecret = (): string =>
  new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer }).base32;

export function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export const sealTotpState = (box: SecretBox, state: Omit<TotpState, 'v'>): string =>
  box.seal(JSON.stringify({ v: 1, ...state }));

export function openTotpState(box: SecretBox, sealed: string): TotpState {
  return stateSchema.parse(JSON.parse(box.open(sealed)));
}

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Checks a 6-digit code against the seed at `now`. A code whose time step is not after the
 * last accepted one is refused, so an observed code cannot be used a second time.
 */
export function checkTotpCode(state: TotpState, code: string, now = Date.now()): CodeCheck {
  const token = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(token)) return { ok: false, reason: 'invalid' };
  const totp = totpFor(state.secret, 'check');
  const delta = totp.validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = totp.counter({ timestamp: now }) + delta;
  if (state.lastStep !== null && step <= state.lastStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
