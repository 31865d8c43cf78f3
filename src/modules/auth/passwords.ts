import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.js';

// argon2id (the library default) with the OWASP minimum: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string: verifying against it costs the same as a real account's. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-only');
  return dummyHash;
}

const common = new Set([
  'password',
  'password123',
  'passw0rd',
  'qwerty12345',
  '1234567890',
  '12345678910',
  'admin12345',
  'administrator',
  'indonesia123',
  'bismillah123',
  'rahasia1234',
  'katasandi123',
]);

/** Rules for a new password; the message says what to change. */
export function assertPasswordStrength(password: string, username?: string): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('minimal 10 karakter');
  if (password.length > 200) problems.push('maksimal 200 karakter');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    problems.push('memuat huruf dan angka');
  }
  if (common.has(password.toLowerCase())) problems.push('bukan kata sandi yang umum dipakai');
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('tidak memuat nama pengguna');
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Kata sandi terlalu lemah: harus ${problems.join(', ')}.`,
      { field: 'password', rules: problems },
    );
  }
}
