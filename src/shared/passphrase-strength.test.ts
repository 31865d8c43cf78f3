import { describe, expect, it } from 'vitest';
import { checkPassphrase } from './passphrase-strength.js';

const context = { name: 'Dr. Budi Santoso, S.T.', nip: '198001012005011001', username: 'budi.s' };

describe('checkPassphrase', () => {
  it.each([
    // [passphrase, ok, a word the first problem mentions (or null when ok)]
    ['', false, 'Minimal'],
    ['pendek', false, 'Minimal'],
    ['1234567890123', false, 'hanya angka'],
    ['9876 5432 1098', false, 'hanya angka'],
    ['password-panjang-sekali', false, 'password'],
    ['RahasiaNegara2027!', false, 'rahasia'],
    ['qwertyuiop kopi', false, 'qwerty'],
    ['saya di amanah kerja', false, 'amanah'],
    ['aaaaaaaaaaaaaa', false, 'berulang'],
    ['abcdefghij', false, 'abcdef'],
    ['xyzxyzxyzxyz', false, 'berulang'],
    ['kopi 19800101 pagi', false, 'NIP'],
    ['kopi budi.s pagi hari', false, 'nama pengguna'],
    ['santoso suka kopi', false, 'nama Anda'],
    ['kopiTubruk', false, 'Terlalu lemah'],
    ['kopi tubruk pagi', true, null],
    ['Kopi-Tubruk7', true, null],
    ['kucing oranye tidur di atas genteng', true, null],
  ])('%j → ok %s', (passphrase, ok, mention) => {
    const verdict = checkPassphrase(passphrase, context);
    expect(verdict.ok).toBe(ok);
    if (mention) expect(verdict.problems.join(' ')).toContain(mention);
    else expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(verdict.score >= 2 && verdict.problems.length === 0);
  });

  it('scores longer and more varied passphrases higher', () => {
    const scores = [
      'kopi tubruk pagi',
      'kopi tubruk pagi hari ini',
      'Kopi tubruk pagi, hari ini 7x!',
    ].map((p) => checkPassphrase(p).score);
    expect(scores).toEqual([...scores].sort());
    expect(scores[2]).toBe(4);
  });

  it('ignores short name parts and a missing context', () => {
    expect(checkPassphrase('adi dan ani pergi ke pasar', { name: 'Adi' }).ok).toBe(true);
    expect(checkPassphrase('kopi tubruk pagi').ok).toBe(true);
  });
});
