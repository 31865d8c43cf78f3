import type { UnitDetailRow } from './get-unit.js';

/**
 * The unit page's rows, kept per process for the organisation version they were read at
 * (tenants.org_version, bumped by a trigger on every organisation change and read with the
 * session). A request whose version matches needs no query beyond its session look-up; any
 * change anywhere in the tenant's organisation makes every entry of that tenant stale at once.
 * Bounded: the least recently used entries go first.
 */
export interface CacheEntry {
  version: number;
  row: UnitDetailRow;
  /** The API's JSON for this row, per set of grants (permissions differ by grants). */
  rendered: Map<string, string>;
}

export class UnitDetailCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly maxEntries = 5000) {}

  private key(tenantId: string, unitId: string, date: string): string {
    return `${tenantId}|${unitId}|${date}`;
  }

  get(tenantId: string, unitId: string, date: string, version: number): CacheEntry | null {
    const key = this.key(tenantId, unitId, date);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.version !== version) {
      this.entries.delete(key);
      return null;
    }
    // Re-insert to mark as recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(
    tenantId: string,
    unitId: string,
    date: string,
    version: number,
    row: UnitDetailRow,
  ): CacheEntry {
    const key = this.key(tenantId, unitId, date);
    const entry: CacheEntry = { version, row, rendered: new Map() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
