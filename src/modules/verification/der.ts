/**
 * A minimal reader of DER/BER TLVs that keeps byte offsets. CMS verification needs the exact
 * bytes of the signed attributes as they were signed (re-encoding a parsed tree could differ),
 * so the signature parser walks the structure with this instead of rebuilding it. Input comes
 * from strangers: every read is bounds-checked, nesting and node counts are capped, and any
 * problem throws DerError (caught by the caller and reported as a malformed signature).
 */

export class DerError extends Error {
  override name = 'DerError';
}

export interface Tlv {
  /** The identifier octet (class, constructed bit and tag number < 31). */
  tag: number;
  constructed: boolean;
  /** Offset of the identifier octet. */
  start: number;
  contentStart: number;
  /** End of the content (exclusive); for indefinite lengths, the start of the end-of-contents. */
  contentEnd: number;
  /** End of the whole element (exclusive), after any end-of-contents octets. */
  end: number;
}

/** Caps shared by one parse: nodes visited and nesting depth. */
export interface DerBudget {
  nodes: number;
}

const MAX_DEPTH = 32;

export const newBudget = (nodes = 20_000): DerBudget => ({ nodes });

/** Reads the element at `offset`, which must end at or before `limit`. */
export function readTlv(
  buf: Uint8Array,
  offset: number,
  limit: number,
  budget: DerBudget,
  depth = 0,
): Tlv {
  if (depth > MAX_DEPTH) throw new DerError('nested too deeply');
  budget.nodes -= 1;
  if (budget.nodes < 0) throw new DerError('too many elements');
  if (offset + 2 > limit) throw new DerError('truncated header');
  const tag = buf[offset]!;
  // High tag numbers (0x1f) never occur in CMS or X.509.
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number');
  const constructed = (tag & 0x20) !== 0;
  const first = buf[offset + 1]!;
  let pos = offset + 2;
  if (first === 0x80) {
    // BER indefinite length (some signers stream the outer ContentInfo this way): the content
    // runs until the end-of-contents octets 00 00 that close this level.
    if (!constructed) throw new DerError('indefinite primitive');
    let cursor = pos;
    for (;;) {
      if (cursor + 2 > limit) throw new DerError('missing end-of-contents');
      if (buf[cursor] === 0 && buf[cursor + 1] === 0) {
        return {
          tag,
          constructed,
          start: offset,
          contentStart: pos,
          contentEnd: cursor,
          end: cursor + 2,
        };
      }
      cursor = readTlv(buf, cursor, limit, budget, depth + 1).end;
    }
  }
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    // Four length octets address 4 GB: far beyond any signature.
    if (count > 4) throw new DerError('length too long');
    if (pos + count > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + buf[pos + i]!;
    pos += count;
  }
  const end = pos + length;
  if (end > limit) throw new DerError('content past the end');
  return { tag, constructed, start: offset, contentStart: pos, contentEnd: end, end };
}

/** The elements inside a constructed element, in order. */
export function childrenOf(buf: Uint8Array, parent: Tlv, budget: DerBudget, depth = 1): Tlv[] {
  if (!parent.constructed) throw new DerError('not constructed');
  const out: Tlv[] = [];
  let cursor = parent.contentStart;
  while (cursor < parent.contentEnd) {
    const child = readTlv(buf, cursor, parent.contentEnd, budget, depth);
    out.push(child);
    cursor = child.end;
  }
  return out;
}

export const contentOf = (buf: Uint8Array, tlv: Tlv): Uint8Array =>
  buf.subarray(tlv.contentStart, tlv.contentEnd);

export const bytesOf = (buf: Uint8Array, tlv: Tlv): Uint8Array => buf.subarray(tlv.start, tlv.end);

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [0] and [1], constructed, context-specific. */
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;

/** Dotted OID text of an OBJECT IDENTIFIER element's content. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0 || content.length > 64) throw new DerError('bad oid');
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError('oid arc too large');
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) {
        const top = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(top, value - top * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  if ((content[content.length - 1]! & 0x80) !== 0) throw new DerError('bad oid');
  return parts.join('.');
}

/** UTCTime or GeneralizedTime (the forms CMS and X.509 use: UTC, "Z"). */
export function decodeTime(tlv: Tlv, buf: Uint8Array): Date {
  const text = Buffer.from(contentOf(buf, tlv)).toString('latin1');
  const utc = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
  const general = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d{1,3})\d*)?Z$/.exec(text);
  let parts: RegExpExecArray | null = null;
  let year: number;
  if (tlv.tag === TAG.UTC_TIME && utc) {
    parts = utc;
    const yy = Number(utc[1]);
    // RFC 5280: two-digit years 50–99 are 19xx, 00–49 are 20xx.
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (tlv.tag === TAG.GENERALIZED_TIME && general) {
    parts = general;
    year = Number(general[1]);
  } else {
    throw new DerError('bad time');
  }
  const ms = tlv.tag === TAG.GENERALIZED_TIME ? Number((parts[7] ?? '0').padEnd(3, '0')) : 0;
  const date = new Date(
    Date.UTC(
      year,
      Number(parts[2]) - 1,
      Number(parts[3]),
      Number(parts[4]),
      Number(parts[5]),
      Number(parts[6] ?? 0),
      ms,
    ),
  );
  if (Number.isNaN(date.getTime())) throw new DerError('bad time');
  return date;
}

/** A directory string (the value of a name attribute) as text. */
export function decodeString(tlv: Tlv, buf: Uint8Array): string {
  const content = Buffer.from(contentOf(buf, tlv));
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return content.toString('utf8');
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.T61_STRING:
      return content.toString('latin1');
    case TAG.BMP_STRING: {
      // UTF-16 big-endian: swap to the little-endian Node decodes.
      const swapped = Buffer.from(content.subarray(0, content.length - (content.length % 2)));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case TAG.UNIVERSAL_STRING: {
      let out = '';
      for (let i = 0; i + 4 <= content.length; i += 4) {
        const cp = content.readUInt32BE(i);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return out;
    }
    default:
      throw new DerError('not a string');
  }
}
