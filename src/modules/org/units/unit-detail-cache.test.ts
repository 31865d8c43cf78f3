import { describe, expect, it } from 'vitest';
import type { UnitDetailRow } from './get-unit.js';
import { UnitDetailCache } from './unit-detail-cache.js';

const row = (name: string) => ({ unit: { name } }) as unknown as UnitDetailRow;

describe('UnitDetailCache', () => {
  it('answers only for the version it was stored at', () => {
    const cache = new UnitDetailCache();
    cache.set('t', 'u', '2026-01-01', 7, row('A'));
    expect(cache.get('t', 'u', '2026-01-01', 7)?.row).toEqual(row('A'));
    expect(cache.get('t', 'u', '2026-01-02', 7)).toBeNull();
    expect(cache.get('other', 'u', '2026-01-01', 7)).toBeNull();
    expect(cache.get('t', 'u', '2026-01-01', 8)).toBeNull();
    // A stale entry is dropped once seen.
    expect(cache.get('t', 'u', '2026-01-01', 7)).toBeNull();
  });

  it('evicts the least recently used entry past its bound', () => {
    const cache = new UnitDetailCache(2);
    cache.set('t', 'a', 'd', 1, row('A'));
    cache.set('t', 'b', 'd', 1, row('B'));
    cache.get('t', 'a', 'd', 1);
    cache.set('t', 'c', 'd', 1, row('C'));
    expect(cache.size).toBe(2);
    expect(cache.get('t', 'b', 'd', 1)).toBeNull();
    expect(cache.get('t', 'a', 'd', 1)?.row).toEqual(row('A'));
  });
});
