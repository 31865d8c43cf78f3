import { randomBytes } from 'node:crypto';

/**
 * Crockford base32 without I, L, O and U: no letter can be misread as a digit (or as a rude
 * word) when someone types the code from paper. 32 symbols, so each random byte's low 5 bits
 * pick one without bias (256 is a multiple of 32).
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What the database accepts (documents_code_check). */
export const documentCodePattern = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** A new public document code: 12 symbols, 60 random bits (decision 0013: not guessable). */
export function newDocumentCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += alphabet[byte & 31];
  return code;
}

/** "7K3M9Q2XA4BC" → "7K3M-9Q2X-A4BC": how the code is printed beside the QR. */
export function formatDocumentCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/**
 * What a person typed (or a QR/PDF held) → the stored code, or null when it cannot be one.
 * Crockford decoding: case-insensitive, hyphens and spaces ignored, I/L read as 1 and O as 0.
 */
export function parseDocumentCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return documentCodePattern.test(code) ? code : null;
}
