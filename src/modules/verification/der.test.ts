import { describe, expect, it } from 'vitest';
import { childrenOf, DerError, decodeOid, decodeTime, newBudget, readTlv } from './der.js';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

describe('DER reader', () => {
  it('reads definite and indefinite lengths with their offsets', () => {
    const definite = hex('30 06 02 01 05 04 01 ff');
    const seq = readTlv(definite, 0, definite.length, newBudget());
    expect(seq).toMatchObject({ tag: 0x30, contentStart: 2, contentEnd: 8, end: 8 });
    expect(childrenOf(definite, seq, newBudget()).map((c) => [c.tag, c.start, c.end])).toEqual([
      [0x02, 2, 5],
      [0x04, 5, 8],
    ]);
    const indefinite = hex('30 80 02 01 05 00 00 ff ff');
    expect(readTlv(indefinite, 0, indefinite.length, newBudget())).toMatchObject({
      contentEnd: 5,
      end: 7,
    });
  });

  it.each([
    ['truncated', '30 05 02 01'],
    ['length past the end', '30 84 7f ff ff ff'],
    ['too many length octets', '30 85 00 00 00 00 01'],
    ['high tag number', '1f 81 00'],
    ['missing end-of-contents', '30 80 02 01 05'],
    ['nested too deeply', '30 80 '.repeat(100)],
  ])('throws DerError when %s', (_what, input) => {
    const buf = hex(input);
    expect(() => readTlv(buf, 0, buf.length, newBudget())).toThrow(DerError);
  });

  it('stops after its node budget', () => {
    const many = hex(`30 80 ${'05 00 '.repeat(500)} 00 00`);
    expect(() => readTlv(many, 0, many.length, newBudget(100))).toThrow(DerError);
  });

  it('decodes OIDs and times', () => {
    expect(decodeOid(hex('2a 86 48 86 f7 0d 01 07 02'))).toBe('1.2.840.113549.1.7.2');
    expect(decodeOid(hex('60 86 48 01 65 03 04 02 01'))).toBe('2.16.840.1.101.3.4.2.1');
    const utc = Buffer.concat([hex('17 0d'), Buffer.from('260110020304Z')]);
    expect(decodeTime(readTlv(utc, 0, utc.length, newBudget()), utc).toISOString()).toBe(
      '2026-01-10T02:03:04.000Z',
    );
    const general = Buffer.concat([hex('18 0f'), Buffer.from('20500101000000Z')]);
    expect(
      decodeTime(readTlv(general, 0, general.length, newBudget()), general).getUTCFullYear(),
    ).toBe(2050);
  });
});
