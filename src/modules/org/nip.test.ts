import { describe, expect, it } from 'vitest';
import { validateNip } from './nip.js';

const today = new Date('2026-11-23T00:00:00Z');

describe('validateNip', () => {
  it.each([
    ['198503152010011002', { birthDate: '1985-03-15', tmt: '2010-01', sex: 'L', sequence: 2 }],
    ['199002282015032001', { birthDate: '1990-02-28', tmt: '2015-03', sex: 'P', sequence: 1 }],
    ['198002292005012003', { birthDate: '1980-02-29', tmt: '2005-01', sex: 'P', sequence: 3 }],
    ['1985 0315 201001 1 002', { birthDate: '1985-03-15', tmt: '2010-01', sex: 'L', sequence: 2 }],
    ['200001012018011999', { birthDate: '2000-01-01', tmt: '2018-01', sex: 'L', sequence: 999 }],
  ])('accepts %s', (nip, expected) => {
    const result = validateNip(nip, today);
    expect(result).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['12345', 'format'],
    ['19850315201001100A', 'format'],
    ['1985031520100110021', 'format'],
    ['198513152010011002', 'birth_date'], // month 13
    ['198504312010011002', 'birth_date'], // 31 April
    ['190002292010011002', 'birth_date'], // 1900 is not a leap year
    ['199002292015032001', 'birth_date'], // 1990 is not a leap year
    ['185001012010011002', 'birth_date'], // year before 1900
    ['198503152010131002', 'tmt'], // month 13
    ['198503152010001002', 'tmt'], // month 00
    ['198503152003021002', 'tmt_before_18'], // TMT at 17 years 11 months
    ['198503152030011002', 'tmt_in_future'],
    ['198503152010013002', 'sex'],
    ['198503152010010002', 'sex'],
    ['198503152010011000', 'sequence'],
  ])('refuses %s (%s)', (nip, problem) => {
    const result = validateNip(nip, today);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message).toMatch(/NIP/);
    }
  });

  it('accepts a TMT in the very month of the 18th birthday', () => {
    expect(validateNip('198503152003031002', today).ok).toBe(true);
  });
});
