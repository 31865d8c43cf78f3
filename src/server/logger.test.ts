import { describe, expect, it } from 'vitest';
import { serializeError } from './logger.js';

describe('serializeError', () => {
  it('keeps the query but not its parameters', () => {
    const error = Object.assign(
      new Error('Failed query: insert into sessions values ($1, $2)\nparams: abc,csrf-secret'),
      { query: 'insert into sessions values ($1, $2)', params: ['abc', 'csrf-secret'] },
    );
    const out = JSON.stringify(serializeError(error));
    expect(out).toContain('insert into sessions');
    expect(out).not.toContain('csrf-secret');
  });

  it('cleans the cause too', () => {
    const cause = new Error('Failed query: select 1\nparams: rahasia');
    const out = JSON.stringify(serializeError(new Error('outer', { cause })));
    expect(out).not.toContain('rahasia');
  });
});
