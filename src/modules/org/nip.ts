/**
 * NIP (Nomor Induk Pegawai), REGULATIONS.md: 18 digits =
 *   birth date YYYYMMDD · TMT CPNS YYYYMM · sex (1 male, 2 female) · 3-digit sequence.
 * Both dates must be real and the TMT after the 18th birthday. The result names the broken part.
 */
export type NipProblem =
  | 'format'
  | 'birth_date'
  | 'tmt'
  | 'tmt_before_18'
  | 'tmt_in_future'
  | 'sex'
  | 'sequence';

export type NipResult =
  | { ok: true; birthDate: string; tmt: string; sex: 'L' | 'P'; sequence: number }
  | { ok: false; problem: NipProblem; message: string };

const messages: Record<NipProblem, string> = {
  format: 'NIP harus terdiri dari 18 angka.',
  birth_date: 'NIP tidak valid: 8 angka pertama (tanggal lahir YYYYMMDD) bukan tanggal yang ada.',
  tmt: 'NIP tidak valid: angka ke-9 s.d. 14 (TMT CPNS YYYYMM) bukan bulan yang ada.',
  tmt_before_18: 'NIP tidak valid: TMT CPNS (angka ke-9 s.d. 14) sebelum pegawai berusia 18 tahun.',
  tmt_in_future: 'NIP tidak valid: TMT CPNS (angka ke-9 s.d. 14) berada di masa depan.',
  sex: 'NIP tidak valid: angka ke-15 (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).',
  sequence: 'NIP tidak valid: 3 angka terakhir (nomor urut) tidak boleh 000.',
};

const fail = (problem: NipProblem): NipResult => ({
  ok: false,
  problem,
  message: messages[problem],
});

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function validateNip(raw: string, today: Date = new Date()): NipResult {
  const nip = raw.replace(/\s+/g, '');
  if (!/^[0-9]{18}$/.test(nip)) return fail('format');
  const num = (from: number, to: number) => Number(nip.slice(from, to));
  const [by, bm, bd] = [num(0, 4), num(4, 6), num(6, 8)];
  if (by < 1900 || !isRealDate(by, bm, bd)) return fail('birth_date');
  const [ty, tm] = [num(8, 12), num(12, 14)];
  if (ty < 1900 || tm < 1 || tm > 12) return fail('tmt');
  // 18th birthday: the TMT month must not start before the month the person turns 18.
  if (ty * 12 + tm < (by + 18) * 12 + bm) return fail('tmt_before_18');
  if (ty * 12 + tm > today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) {
    return fail('tmt_in_future');
  }
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') return fail('sex');
  const sequence = num(15, 18);
  if (sequence === 0) return fail('sequence');
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    birthDate: `${by}-${pad(bm)}-${pad(bd)}`,
    tmt: `${ty}-${pad(tm)}`,
    sex: sexDigit === '1' ? 'L' : 'P',
    sequence,
  };
}
