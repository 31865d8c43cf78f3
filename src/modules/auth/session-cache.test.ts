import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';
import type { ResolvedSession } from './sessions.js';

const session = { sessionId: 's' } as ResolvedSession;

describe('SessionCache', () => {
  it('keeps a session for ttl milliseconds only', () => {
    const cache = new SessionCache(1000);
    cache.set('token', session, 10_000);
    expect(cache.get('token', 10_999)).toBe(session);
    expect(cache.get('token', 11_001)).toBeNull();
    expect(cache.get('token', 10_500)).toBeNull();
  });

  it('is off with ttl 0 and empties on clear or when full', () => {
    const off = new SessionCache(0);
    off.set('t', session);
    expect(off.get('t')).toBeNull();
    const small = new SessionCache(1000, 2);
    small.set('a', session);
    small.set('b', session);
    small.set('c', session);
    expect(small.size).toBe(1);
    small.clear();
    expect(small.size).toBe(0);
  });
});
