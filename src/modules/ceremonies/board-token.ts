import { randomToken, sha256Hex } from '../auth/random-tokens.js';

/**
 * The venue board's token: 32 random bytes (base64url, 43 characters) that make the public
 * board address unguessable. Only its SHA-256 is stored, so the address is shown once (at
 * creation or reset) and a database leak does not open the boards.
 */
export function newBoardToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: sha256Hex(token) };
}

export const boardTokenHash = (token: string): string => sha256Hex(token);
