import { randomBytes } from 'node:crypto';

/**
 * Crockford base32 without I, L, O and U: no letter can be misread as a digit (or as a rude
 * word) when someone types the code from paper. 32 symbols, so each random byte's low 5 bits
 * pick one without bias (256 is a multiple of 32).
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new public document code: 12 symbols, 60 random bits (decision 0013: not guessable). */
export function newDocumentCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += alphabet[byte & 31];
  return code;
}
