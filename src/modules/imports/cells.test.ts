import { describe, expect, it } from 'vitest';
import { cellDecimal, cellMoney, cellTarget, decimalFromCellNumber, readCell } from './cells.js';

const scale = { key: 'opini_bpk', codes: new Set(['WTP', 'WDP', 'TW', 'TMP']) };

describe('reading spreadsheet cells exactly', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1250000000.5, '1250000000.5'],
    [72.1, '72.1'],
    [-0.0000001, '0'],
    [1e-7, '0'],
    [123456.1234567, '123456.123457'],
    [100, '100'],
  ])('numeric cell %s → %s', (value, expected) => {
    expect(decimalFromCellNumber(value)).toEqual({ ok: true, value: expected });
  });

  it('refuses numbers beyond 18 integer digits', () => {
    expect(decimalFromCellNumber(1e21).ok).toBe(false);
  });

  it.each([
    ['1.234,5', { ok: true, value: '1234.5' }],
    ['70,5', { ok: true, value: '70.5' }],
    ['abc', { ok: false }],
    ['1.234', { ok: false }],
  ])('text cell %s', (text, expected) => {
    expect(cellDecimal(readCell(text))).toMatchObject(expected);
  });

  it('reads formulas by their result and rich text by its text', () => {
    expect(cellDecimal(readCell({ formula: '0.1+0.2', result: 0.30000000000000004 }))).toEqual({
      ok: true,
      value: '0.3',
    });
    expect(readCell({ richText: [{ text: 'Ya' }, { text: ' ' }] })).toEqual({
      kind: 'text',
      text: 'Ya',
    });
    expect(readCell('   ')).toEqual({ kind: 'empty' });
  });

  it.each([
    [1250000000.5, '1250000000.50'],
    ['1.250.000.000,50', '1250000000.50'],
    [0.1 + 0.2, '0.30'],
    ['75.000.000', '75000000.00'],
  ])('money %s → %s', (value, expected) => {
    expect(cellMoney(readCell(value))).toEqual({ ok: true, value: expected });
  });

  it.each([['10,505'], [-5], ['seribu']])('refuses money %s', (value) => {
    expect(cellMoney(readCell(value))?.ok).toBe(false);
  });

  it('reads targets: numbers, ranges (low ≤ high) and scale codes', () => {
    expect(cellTarget(readCell('80 s.d. 90'), null)).toEqual({
      ok: true,
      value: { kind: 'range', low: '80', high: '90' },
    });
    expect(cellTarget(readCell('1,5 – 2,5'), null)).toEqual({
      ok: true,
      value: { kind: 'range', low: '1.5', high: '2.5' },
    });
    expect(cellTarget(readCell('-5 - 10'), null)).toEqual({
      ok: true,
      value: { kind: 'range', low: '-5', high: '10' },
    });
    expect(cellTarget(readCell('30 s.d. 20'), null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Rentang terbalik'),
    });
    expect(cellTarget(readCell('tinggi'), null)).toMatchObject({
      ok: false,
      message: expect.stringContaining('padahal harus angka'),
    });
    expect(cellTarget(readCell(' wtp '), scale)).toEqual({
      ok: true,
      value: { kind: 'scale', code: 'WTP' },
    });
    expect(cellTarget(readCell('BAIK'), scale)).toMatchObject({
      ok: false,
      message: expect.stringContaining('tidak ada di skala opini_bpk'),
    });
    expect(cellTarget(readCell(null), null)).toBeNull();
  });
});
