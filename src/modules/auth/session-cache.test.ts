import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';
import type { ResolvedSession } from './sessions.js';

const session = { sessionId: 's' } as ResolvedSession;

describe('SessionCache', () => {
  it('keeps a session for ttl milliseconds only', () => {
    const cache = new SessionCache(1000);
    cache.set('token', session, cache.generation, 10_000);
    expect(cache.get('token', 10_999)).toBe(session);
    expect(cache.get('token', 11_001)).toBeNull();
    expect(cache.get('token', 10_500)).toBeNull();
  });

  it('is off with ttl 0 and empties on clear or when full', () => {
    const off = new SessionCache(0);
    off.set('t', session, 0);
    expect(off.get('t')).toBeNull();
    const small = new SessionCache(1000, 2);
    small.set('a', session, 0);
    small.set('b', session, 0);
    small.set('c', session, 0);
    expect(small.size).toBe(1);
    small.clear();
    expect(small.size).toBe(0);
  });

  it('does not store a session looked up before a clear', () => {
    const cache = new SessionCache(1000);
    const before = cache.generation;
    cache.clear(); // a write (e.g. sign-out) finished while the look-up was running
    cache.set('token', session, before);
    expect(cache.get('token')).toBeNull();
  });
});
