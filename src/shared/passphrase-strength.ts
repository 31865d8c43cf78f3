/**
 * How strong a signing passphrase is. Pure: the server refuses weak ones at enrolment and the
 * web page shows the same verdict live while the official types, so both read this one file.
 *
 * The rules are deliberately few and explainable (each problem is a sentence the official can
 * act on); the score only orders "acceptable" passphrases, it is not an entropy estimate.
 */

export interface PassphraseContext {
  /** Employee name, with or without titles: every part of ≥ 4 letters is checked. */
  name?: string | null;
  nip?: string | null;
  username?: string | null;
}

export interface PassphraseVerdict {
  ok: boolean;
  /** 0 (unusable) … 4 (strong). ok exactly when score ≥ 2 and there are no problems. */
  score: 0 | 1 | 2 | 3 | 4;
  /** What to fix, in Bahasa Indonesia; empty when ok. */
  problems: string[];
}

export const PASSPHRASE_MIN_LENGTH = 10;

/**
 * Words that make a passphrase guessable whatever surrounds them. Kept small on purpose: a
 * long list would refuse honest sentences, and the lockout after SIGN_MAX_FAILURES already
 * stops online guessing; this list catches the first guesses an attacker tries.
 */
const commonWords = [
  'password',
  'passw0rd',
  'rahasia',
  'katasandi',
  'qwerty',
  'asdfgh',
  'zxcvbn',
  'abcdef',
  'abc123',
  '123456',
  '654321',
  'amanah',
  'admin',
  'letmein',
  'iloveyou',
  'indonesia',
  'bismillah',
];

/** Case- and accent-insensitive, so "RaHaSiA" and "rahasia" are caught alike. */
const normalise = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Same-character runs ("aaaa") or straight sequences ("1234", "abcd", "4321") of 4+. */
function hasTrivialRun(s: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= 4 || up >= 4 || down >= 4) return true;
  }
  return false;
}

/** The whole passphrase is one short unit repeated ("abcabcabcabc", "1212121212"). */
function isRepeatedUnit(s: string): boolean {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return true;
  }
  return false;
}

function characterClasses(p: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
}

export function checkPassphrase(
  passphrase: string,
  context: PassphraseContext = {},
): PassphraseVerdict {
  const problems: string[] = [];
  const p = passphrase;
  const lower = normalise(p);
  const compact = lower.replace(/\s+/g, '');

  if (p.length < PASSPHRASE_MIN_LENGTH) {
    problems.push(`Minimal ${PASSPHRASE_MIN_LENGTH} karakter (sekarang ${p.length}).`);
  }
  if (p.length > 0 && /^[0-9\s]+$/.test(p)) {
    problems.push('Jangan hanya angka: tambahkan huruf atau kata.');
  }
  const nip = context.nip?.replace(/\D/g, '') ?? '';
  // A fragment of 8 digits is enough to identify the NIP (it is the birth date).
  if (nip.length >= 8 && compact.includes(nip.slice(0, 8))) {
    problems.push('Jangan memuat NIP atau tanggal lahir Anda.');
  } else if (nip && compact.includes(nip)) {
    problems.push('Jangan memuat NIP Anda.');
  }
  const username = normalise(context.username?.trim() ?? '');
  if (username.length >= 3 && compact.includes(username.replace(/\s+/g, ''))) {
    problems.push('Jangan memuat nama pengguna Anda.');
  }
  const nameParts = normalise(context.name ?? '')
    .split(/[^a-z]+/)
    .filter((part) => part.length >= 4);
  if (nameParts.some((part) => compact.includes(part))) {
    problems.push('Jangan memuat nama Anda.');
  }
  const common = commonWords.find((w) => compact.includes(w));
  if (common) {
    problems.push(`Jangan memakai kata yang mudah ditebak seperti "${common}".`);
  } else if (compact.length > 0 && (hasTrivialRun(compact) || isRepeatedUnit(compact))) {
    problems.push('Hindari pola berulang atau berurutan seperti "aaaa", "1234" atau "abcabc".');
  }

  // Length carries most of the strength (a sentence of words is the advice on the page);
  // character variety adds a little.
  const distinct = new Set(compact).size;
  let score = 0;
  if (p.length >= PASSPHRASE_MIN_LENGTH) score = 1;
  if (p.length >= 12) score += 1;
  if (p.length >= 16) score += 1;
  if (p.length >= 24) score += 1;
  if (characterClasses(p) >= 3) score += 1;
  if (distinct < 6) score -= 1;
  const clamped = Math.max(0, Math.min(4, problems.length > 0 ? Math.min(score, 1) : score));
  const result = clamped as PassphraseVerdict['score'];
  if (problems.length === 0 && result < 2) {
    problems.push('Terlalu lemah: pakai kalimat yang lebih panjang, misalnya 4 kata atau lebih.');
  }
  return { ok: problems.length === 0 && result >= 2, score: result, problems };
}
