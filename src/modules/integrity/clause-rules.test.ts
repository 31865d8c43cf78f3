import { describe, expect, it } from 'vitest';
import {
  checkClauses,
  diffClauses,
  fillInstansi,
  normaliseClause,
  similarity,
} from './clause-rules.js';
import { defaultClauses } from './default-clauses.js';

const A = 'Berperan secara pro aktif dalam pencegahan korupsi;';
const B = 'Tidak meminta atau menerima suap dalam bentuk apa pun;';
const C = 'Bersikap transparan, jujur, objektif, dan akuntabel;';
const D = 'Menghindari pertentangan kepentingan dalam tugas;';
const E = 'Bila saya melanggar, saya siap menghadapi konsekuensinya.';

describe('default clauses', () => {
  it('are the seven standard clauses, {instansi} only in clause 6, and pass the checks', () => {
    expect(defaultClauses).toHaveLength(7);
    expect(defaultClauses.map((c, i) => [i + 1, c.includes('{instansi}')])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
      [7, false],
    ]);
    expect(checkClauses(defaultClauses).problems).toEqual([]);
  });
});

describe('normaliseClause', () => {
  it.each([
    ['  Bersikap jujur  ', 'Bersikap jujur'],
    ['Bersikap\n  jujur\tdan adil', 'Bersikap jujur dan adil'],
    ['di { Instansi } ini', 'di {instansi} ini'],
    ['di {INSTANSI}', 'di {instansi}'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseClause(input)).toBe(expected);
  });
});

describe('checkClauses', () => {
  const long = 'x'.repeat(1001);
  it.each([
    ['an empty list', [], [{ index: null, message: expect.stringContaining('1 sampai 30') }]],
    [
      'more than 30',
      Array.from({ length: 31 }, (_, i) => `Klausul nomor ${i + 1} yang cukup panjang`),
      [{ index: null, message: expect.stringContaining('saat ini 31') }],
    ],
    ['a short clause', [A, 'Pendek'], [{ index: 1, message: expect.stringContaining('pendek') }]],
    ['a long clause', [long], [{ index: 0, message: expect.stringContaining('panjang') }]],
    [
      'a duplicate (case and spaces ignored)',
      [A, B, `  ${A.toUpperCase()} `],
      [{ index: 2, message: 'Klausul ini sama dengan klausul nomor 1.' }],
    ],
    [
      'an unknown placeholder',
      ['Menjaga nama baik {instansii} dan {unit}'],
      [{ index: 0, message: expect.stringContaining('{instansii}, {unit}') }],
    ],
    ['a good list', [A, B, 'Menjaga nama baik {instansi} selalu'], []],
  ])('%s', (_name, input, problems) => {
    expect(checkClauses(input).problems).toEqual(problems);
  });

  it('returns the normalised clauses', () => {
    expect(checkClauses([` ${A}\n`, B]).clauses).toEqual([A, B]);
  });
});

describe('fillInstansi', () => {
  it('puts the Pemda name wherever {instansi} appears, and only there', () => {
    expect(
      fillInstansi(['Di {instansi} dan {instansi}', 'Tanpa penanda'], 'Pemerintah Kota Contoh'),
    ).toEqual(['Di Pemerintah Kota Contoh dan Pemerintah Kota Contoh', 'Tanpa penanda']);
  });

  it('fills the default clause 6 with the Pemda name', () => {
    const filled = fillInstansi(defaultClauses, 'Pemerintah Kota Contoh');
    expect(filled[5]).toContain('penyimpangan integritas di Pemerintah Kota Contoh serta');
    expect(filled.join(' ')).not.toContain('{instansi}');
  });
});

describe('similarity', () => {
  it.each([
    [A, A, 1],
    [A, 'sama sekali lain', 0],
    ['satu dua tiga empat', 'satu dua tiga lima', 0.75],
  ])('%j ~ %j = %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected);
  });
});

describe('diffClauses', () => {
  const summary = (before: string[], after: string[]) =>
    diffClauses(before, after).entries.map(
      (e) => `${e.change}${e.moved ? '+moved' : ''}:${e.before ?? '-'}>${e.after ?? '-'}`,
    );

  it.each([
    ['no change', [A, B, C], [A, B, C], ['unchanged:0>0', 'unchanged:1>1', 'unchanged:2>2']],
    [
      'a clause added at the top shifts the others without moving them',
      [A, B],
      [E, A, B],
      ['added:->0', 'unchanged:0>1', 'unchanged:1>2'],
    ],
    [
      'a removed clause stays where it was',
      [A, B, C],
      [A, C],
      ['unchanged:0>0', 'removed:1>-', 'unchanged:2>1'],
    ],
    ['a removed first clause comes first', [A, B], [B], ['removed:0>-', 'unchanged:1>0']],
    [
      'one clause moved to the end',
      [A, B, C, D],
      [B, C, D, A],
      ['unchanged:1>0', 'unchanged:2>1', 'unchanged:3>2', 'unchanged+moved:0>3'],
    ],
    [
      'an edited clause is changed, not removed and added',
      [A, B, C],
      [A, `${B.slice(0, -1)} sekecil apa pun;`, C],
      ['unchanged:0>0', 'changed:1>1', 'unchanged:2>2'],
    ],
    [
      'an edited clause that also moved',
      [A, B, C],
      [`${C.slice(0, -1)} setiap saat;`, A, B],
      ['changed+moved:2>0', 'unchanged:0>1', 'unchanged:1>2'],
    ],
    [
      'a rewritten clause (nothing in common) is removed, then added',
      [A, B],
      [A, E],
      ['unchanged:0>0', 'removed:1>-', 'added:->1'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(summary(before, after)).toEqual(expected);
  });

  it('counts each kind and keeps the older text of a changed clause', () => {
    const edited = `${B.slice(0, -1)} sekecil apa pun;`;
    const diff = diffClauses([A, B, C, D], [edited, A, C, E]);
    expect(diff.counts).toEqual({ unchanged: 2, added: 1, removed: 1, changed: 1, moved: 1 });
    const changed = diff.entries.find((e) => e.change === 'changed');
    expect(changed).toMatchObject({ text: edited, previousText: B });
  });
});
