import { randomBytes } from 'node:crypto';

/**
 * Fast UUIDv7-shaped ids for bulk loading (tens of millions): a 48-bit millisecond prefix that
 * starts at the process's start time and advances one millisecond per 4,096 ids (so ids are
 * ordered as generated, which keeps b-tree inserts appending), a 12-bit sequence, and 62 random
 * bits fixed per process (two generator runs never collide). Valid RFC 9562 version 7 / variant
 * 10 layout, which is all the database and the app check.
 */
const node = randomBytes(8);
const variant = ((0x80 | (node[0]! & 0x3f)) << 8) | node[1]!;
const tail = node.subarray(2, 8).toString('hex');
const variantHex = variant.toString(16).padStart(4, '0');
const start = Date.now();
let sequence = 0;

export function fastId(): string {
  const ms = start + Math.floor(sequence / 4096);
  const a = sequence % 4096;
  sequence += 1;
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${a.toString(16).padStart(3, '0')}-${variantHex}-${tail}`;
}
