import { describe, expect, it } from 'vitest';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import { formPath, numberField, readNumber } from './target-text.js';

describe('formPath (API field → form field of the indicator editor)', () => {
  it.each([
    ['targets.2027', 'ratio', 'targets.2027.value'],
    ['targets.2027', 'range', 'targets.2027.low'],
    ['targets.2027', 'scale', 'targets.2027.code'],
    ['targets.2027.high', 'range', 'targets.2027.high'],
    ['targets.2027.low', 'range', 'targets.2027.low'],
    ['endTarget', 'range', 'endTarget.low'],
    ['endTarget.high', 'range', 'endTarget.high'],
    ['baseline.value', 'range', 'baseline.value'],
    ['baseline.value', 'scale', 'baseline.code'],
    ['baseline.year', 'ratio', 'baselineYear'],
    ['name', 'ratio', 'name'],
  ] as const)('%s with method %s → %s', (api, method, form) => {
    expect(formPath(api, method)).toBe(form);
  });
});

describe('numbers shown formatted read back exactly', () => {
  it.each(['1500', '1234.5', '0.125', '1250000000.5', '-2.75', '1000000'])('%s', (value) => {
    expect(readNumber(numberField(value))).toEqual({ value });
    expect(numberField(value)).toBe(formatIndonesianNumber(value));
  });
});
