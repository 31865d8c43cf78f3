import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseRealisasiInput } from './index.js';
import type { IndicatorMeasure } from './types.js';

const number: IndicatorMeasure = { method: 'ratio', aggregation: 'cumulative' };
const scale: IndicatorMeasure = {
  method: 'scale',
  aggregation: 'last',
  scale: [
    { code: 'WTP', score: 4 },
    { code: 'WDP', score: 3 },
    { code: 'TW', score: 2 },
    { code: 'TMP', score: 1 },
  ],
};

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('parseRealisasiInput accepts', () => {
  it.each([
    ['1,5', '1.5'],
    ['1.234,5', '1234.5'],
    ['1.234.567', '1234567'],
    ['85', '85'],
    ['0', '0'],
    ['  12,50 ', '12.5'],
    ['1234.5', '1234.5'],
    ['0,125', '0.125'],
  ])('%j → %s', (text, value) => {
    expect(parseRealisasiInput(text, number, { allowNegative: false })).toEqual({
      kind: 'number',
      value,
    });
  });

  it('a negative value where the indicator allows it', () => {
    expect(parseRealisasiInput('-2,5', number, { allowNegative: true })).toEqual({
      kind: 'number',
      value: '-2.5',
    });
  });

  it('"-0" as 0 even when negatives are forbidden', () => {
    expect(parseRealisasiInput('-0', number, { allowNegative: false })).toEqual({
      kind: 'number',
      value: '0',
    });
  });

  it.each([
    ['WDP', 'WDP'],
    [' wtp ', 'WTP'],
    ['t m p', 'TMP'],
    ['Tw', 'TW'],
  ])('scale code %j → %s', (text, code) => {
    expect(parseRealisasiInput(text, scale, { allowNegative: false })).toEqual({
      kind: 'scale',
      code,
    });
  });

  it('the Indonesian-only style when asked', () => {
    expect(
      parseRealisasiInput('1.234', number, { allowNegative: false, style: 'indonesian' }),
    ).toEqual({ kind: 'number', value: '1234' });
  });
});

describe('parseRealisasiInput refuses', () => {
  it.each(['12 orang', 'abc', '', '1,2,3', '1,234.5', 'lima'])(
    'text %j as INVALID_NUMBER with the text',
    (text) => {
      const e = refusal(() => parseRealisasiInput(text, number, { allowNegative: true }));
      expect(e.code).toBe('INVALID_NUMBER');
      expect(e.message).toMatch(/^Realisasi harus berupa angka/);
      expect(e.details).toEqual({ value: text });
    },
  );

  it('the ambiguous "1.234" instead of guessing', () => {
    const e = refusal(() => parseRealisasiInput('1.234', number, { allowNegative: false }));
    expect(e.code).toBe('INVALID_NUMBER');
    expect(e.message).toContain('meragukan');
  });

  it('a negative value where the indicator forbids it', () => {
    const e = refusal(() => parseRealisasiInput('-3', number, { allowNegative: false }));
    expect(e.code).toBe('NEGATIVE_NOT_ALLOWED');
  });

  it('a code outside the scale, listing the valid codes', () => {
    const e = refusal(() => parseRealisasiInput('BAIK', scale, { allowNegative: false }));
    expect(e.code).toBe('INVALID_TARGET');
    expect(e.message).toContain('WTP, WDP, TW, TMP');
  });

  it('an empty scale code', () => {
    const e = refusal(() => parseRealisasiInput('  ', scale, { allowNegative: false }));
    expect(e.code).toBe('INVALID_TARGET');
  });
});
