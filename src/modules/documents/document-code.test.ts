import { describe, expect, it } from 'vitest';
import {
  documentCodePattern,
  formatDocumentCode,
  parseDocumentCode,
} from '../../shared/document-code.js';
import { newDocumentCode } from './document-code.js';

describe('document codes', () => {
  it('are 12 Crockford base32 symbols without I, L, O, U, and do not repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = newDocumentCode();
      expect(code).toMatch(documentCodePattern);
      expect(code).not.toMatch(/[ILOU]/);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('are printed in groups of four', () => {
    expect(formatDocumentCode('7K3M9Q2XA4BC')).toBe('7K3M-9Q2X-A4BC');
  });

  it.each([
    ['7K3M-9Q2X-A4BC', '7K3M9Q2XA4BC'],
    ['7k3m 9q2x a4bc', '7K3M9Q2XA4BC'],
    ['7K3M-9Q2X-A4BO', '7K3M9Q2XA4B0'],
    ['IL3M9Q2XA4BC', '113M9Q2XA4BC'],
    ['7K3M9Q2XA4B', null],
    ['7K3M9Q2XA4BCU', null],
    ['7K3M9Q2XA4BU', null],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDocumentCode(input)).toBe(expected);
  });
});
