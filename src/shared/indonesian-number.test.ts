import { describe, expect, it } from 'vitest';
import {
  formatIndonesianNumber,
  formatRupiah,
  parseIndonesianNumber,
} from './indonesian-number.js';
import { DECIMAL_PATTERN } from './target-value.js';

describe('parseIndonesianNumber accepts', () => {
  it.each([
    ['1,5', '1.5'],
    ['1.234,5', '1234.5'],
    ['1.234.567', '1234567'],
    ['1234', '1234'],
    ['-2,75', '-2.75'],
    ['\u22122,75', '-2.75'],
    ['0', '0'],
    ['-0', '0'],
    ['-0,00', '0'],
    ['007', '7'],
    ['1,50', '1.5'],
    ['  12,5  ', '12.5'],
    ['1 234 567', '1234567'],
    ['1\u00a0234,5', '1234.5'],
    ['1\u202f234\u202f567,25', '1234567.25'],
    ['1234.5', '1234.5'],
    ['1234.567', '1234.567'],
    ['1.5', '1.5'],
    ['12.34', '12.34'],
    ['12.3456', '12.3456'],
    ['0.125', '0.125'],
    ['-0.5', '-0.5'],
    [',5', '0.5'],
    ['1.000.000,000001', '1000000.000001'],
    ['123456789012345678', '123456789012345678'],
    ['123.456.789.012.345.678,123456', '123456789012345678.123456'],
    ['0,1000000', '0.1'],
  ])('%j → %s', (input, expected) => {
    const result = parseIndonesianNumber(input);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(result.value).toMatch(DECIMAL_PATTERN);
  });
});

describe('parseIndonesianNumber refuses', () => {
  it.each([
    ['', 'Isi angka'],
    ['   ', 'Isi angka'],
    ['-', 'Isi angka'],
    ['abc', 'hanya boleh berisi digit'],
    ['12a', 'hanya boleh berisi digit'],
    ['Rp 1.000', 'hanya boleh berisi digit'],
    ['1e5', 'hanya boleh berisi digit'],
    ['1,2,3', 'satu koma'],
    ['1,234.5', 'titik untuk ribuan dan koma untuk desimal'],
    ['1.23.4', 'tiap tiga digit'],
    ['1.2345.678', 'tiap tiga digit'],
    ['0.123.456', 'tiap tiga digit'],
    ['12 34', 'tiap tiga digit'],
    ['1 234.567', 'satu jenis pemisah'],
    ['1.', 'tiap tiga digit'],
    ['1,', 'di belakang koma'],
    ['1 ,5', 'tiap tiga digit'],
    ['1234567890123456789', '18 digit'],
    ['1,1234567', '6 angka di belakang koma'],
    ['1.234', 'Tulis 1234 jika maksudnya bilangan ribuan, atau 1,234 jika maksudnya desimal'],
    ['12.345', 'meragukan'],
    ['-123.456', 'meragukan'],
  ])('%j', (input, messagePart) => {
    const result = parseIndonesianNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(messagePart);
  });
});

describe("parseIndonesianNumber with style 'indonesian' (inputs showing formatted values)", () => {
  it.each([
    ['1.234', '1234'],
    ['250.000', '250000'],
    ['-12.345', '-12345'],
    ['1.234,5', '1234.5'],
    ['1,5', '1.5'],
    ['1234', '1234'],
  ])('%j → %s', (input, expected) => {
    expect(parseIndonesianNumber(input, { style: 'indonesian' })).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    ['1234.5', 'Gunakan koma untuk desimal, mis. 1234,5'],
    ['1.5', 'mis. 1,5'],
    ['0.125', 'mis. 0,125'],
    ['1.23.4', 'tiap tiga digit'],
  ])('refuses %j', (input, messagePart) => {
    const result = parseIndonesianNumber(input, { style: 'indonesian' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(messagePart);
  });

  it('reads back everything formatIndonesianNumber writes', () => {
    for (const value of ['1500', '250000', '-1234', '1234.5', '999999.999999', '0', '0.5']) {
      const text = formatIndonesianNumber(value);
      expect(parseIndonesianNumber(text, { style: 'indonesian' })).toEqual({ ok: true, value });
    }
  });
});

describe('formatIndonesianNumber', () => {
  it.each([
    ['1234.5', undefined, '1.234,5'],
    ['1234567', undefined, '1.234.567'],
    ['123', undefined, '123'],
    ['0', undefined, '0'],
    ['-1234.5', undefined, '-1.234,5'],
    ['0.3', undefined, '0,3'],
    ['107.1428', 2, '107,14'],
    ['107.145', 2, '107,15'],
    ['100', 2, '100,00'],
    ['999.999', 2, '1.000,00'],
    ['-0.001', 2, '0,00'],
    ['1234.5', 0, '1.235'],
    ['123456789012345678.123456', undefined, '123.456.789.012.345.678,123456'],
    ['bukan angka', undefined, 'bukan angka'],
  ] as const)('%s (%s digits) → %s', (input, digits, expected) => {
    expect(formatIndonesianNumber(input, digits)).toBe(expected);
  });

  it('round-trips through parseIndonesianNumber', () => {
    for (const value of ['1234.5', '-2.75', '1000000', '0.000001', '987654321.123']) {
      expect(parseIndonesianNumber(formatIndonesianNumber(value))).toEqual({ ok: true, value });
    }
  });
});

describe('formatRupiah', () => {
  it.each([
    ['1250000000.00', 'Rp 1.250.000.000'],
    ['1250.50', 'Rp 1.250,50'],
    ['1250.5', 'Rp 1.250,50'],
    ['0', 'Rp 0'],
    ['0.004', 'Rp 0'],
    ['999.995', 'Rp 1.000'],
    ['-5000', '-Rp 5.000'],
    ['123456789012345678.99', 'Rp 123.456.789.012.345.678,99'],
  ])('%s → %s', (input, expected) => {
    expect(formatRupiah(input)).toBe(expected);
  });
});
