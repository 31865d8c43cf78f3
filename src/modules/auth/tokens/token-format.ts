import { randomToken, sha256Hex } from '../random-tokens.js';
import { TOKEN_PREFIX } from '../sessions.js';

/** Length of the display prefix: enough to tell tokens apart, far too short to guess one. */
export const DISPLAY_PREFIX_LENGTH = 8;

export interface MintedToken {
  /** `amanah_pat_` + 32 random bytes in base64url: shown to the user once, never stored. */
  token: string;
  /** SHA-256 (hex) of the whole token: what the database keeps. */
  hash: string;
  /** The first characters after `amanah_pat_`, shown in lists so the user recognises it. */
  prefix: string;
}

export function mintApiToken(): MintedToken {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { token, hash: sha256Hex(token), prefix: displayPrefix(token) };
}

export const displayPrefix = (token: string): string =>
  token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + DISPLAY_PREFIX_LENGTH);
