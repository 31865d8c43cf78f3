import type { ResolvedSession } from './sessions.js';

/**
 * A very short-lived, per-process memory of resolved sessions, used only by reads (GET).
 *
 * Every request used to cost a database round trip just to find its session; for the hottest
 * reads that trip was most of the work (bench/unit-get.ts, docs/decisions/0008). The trade:
 * - only GET requests use it; every write looks its session up in the database;
 * - any write handled by this process empties it, so a sign-out, a password or role change, a
 *   second factor or an organisation change is seen at once by this process's next read;
 * - another process sees such a change on its reads after at most `ttlMs` (default 1 s).
 */
export class SessionCache {
  private readonly entries = new Map<string, { at: number; session: ResolvedSession }>();
  /**
   * Bumped by clear(). A read that looked its session up before a write cleared the memory
   * must not store that (possibly revoked) session after it: set() takes the generation the
   * look-up started in and stores nothing if it has moved on.
   */
  generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(token: string, now = Date.now()): ResolvedSession | null {
    if (this.ttlMs <= 0) return null;
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (now - entry.at > this.ttlMs) {
      this.entries.delete(token);
      return null;
    }
    return entry.session;
  }

  set(token: string, session: ResolvedSession, generation: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { at: now, session });
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
