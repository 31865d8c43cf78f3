import { randomInt } from 'node:crypto';
import { sha256Hex } from '../random-tokens.js';

/** How many one-time recovery codes a user gets when enabling TOTP. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 10;

/** Groups the 10 characters as xxxx-xxxx-xx, easy to read out and type. */
const group = (raw: string): string => `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;

/** One code: 10 lowercase alphanumerics (about 51 bits) from the CSPRNG, without modulo bias. */
export function generateRecoveryCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i += 1) raw += ALPHABET[randomInt(ALPHABET.length)];
  return group(raw);
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/**
 * The canonical form of what a person typed: case, spaces and hyphens do not matter.
 * Returns null when it cannot be a recovery code at all.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.toLowerCase().replace(/[\s-]+/g, '');
  return /^[a-z0-9]{10}$/.test(raw) ? group(raw) : null;
}

/** What is stored: the SHA-256 of the canonical form (the codes are random, no salt needed). */
export const hashRecoveryCode = (canonical: string): string => sha256Hex(canonical);
