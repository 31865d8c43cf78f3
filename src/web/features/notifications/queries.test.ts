import { describe, expect, it } from 'vitest';
import { fillTarget } from './queries.js';

describe('fillTarget (a fill task without a report → what opens it)', () => {
  it('reads the PK, year and quarter from the task key', () => {
    expect(fillTarget('fill:0f8fad5b-d9cb-469f-a165-70867728950e:2026:4')).toEqual({
      agreementId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      year: 2026,
      quarter: 4,
    });
  });
  it.each([
    'fix:0f8fad5b-d9cb-469f-a165-70867728950e',
    'fill:not-a-uuid:2026:4',
    'fill:0f8fad5b-d9cb-469f-a165-70867728950e:2026:5',
    'sign:abc',
  ])('nothing for %s', (key) => {
    expect(fillTarget(key)).toBeNull();
  });
});
