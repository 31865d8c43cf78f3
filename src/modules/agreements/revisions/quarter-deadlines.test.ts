import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isQuarterLocked,
  lockedQuarters,
  quarterDeadline,
  quarterEnd,
} from './quarter-deadlines.js';

describe('quarter deadlines', () => {
  it.each([
    [2026, 1, '2026-03-31'],
    [2026, 2, '2026-06-30'],
    [2026, 3, '2026-09-30'],
    [2026, 4, '2026-12-31'],
    [2028, 1, '2028-03-31'],
  ] as const)('quarter end of %i TW %i is %s', (year, quarter, expected) => {
    expect(quarterEnd(year, quarter)).toBe(expected);
  });

  it.each([
    // Tue 31 Mar 2026 + 10 working days → Tue 14 Apr 2026.
    [2026, 1, 10, '2026-04-14'],
    // Tue 30 Jun 2026 → Tue 14 Jul 2026.
    [2026, 2, 10, '2026-07-14'],
    // Wed 30 Sep 2026 → Wed 14 Oct 2026.
    [2026, 3, 10, '2026-10-14'],
    // Thu 31 Dec 2026 → Thu 14 Jan 2027 (the deadline runs into the next year).
    [2026, 4, 10, '2027-01-14'],
    // Sat 30 Sep 2023: the weekend is skipped, Mon 2 Oct is the first working day.
    [2023, 3, 1, '2023-10-02'],
    [2023, 3, 5, '2023-10-06'],
    // Fri 31 Mar 2023 + 1 → Mon 3 Apr.
    [2023, 1, 1, '2023-04-03'],
    // 0 working days: the quarter's last day itself.
    [2026, 2, 0, '2026-06-30'],
  ] as const)('deadline of %i TW %i with %i working days is %s', (year, q, days, expected) => {
    expect(quarterDeadline(year, q, days)).toBe(expected);
  });

  it('uses 10 working days by default', () => {
    expect(quarterDeadline(2026, 1)).toBe('2026-04-14');
  });

  it('crosses a leap day', () => {
    expect(addWorkingDays('2028-02-28', 2)).toBe('2028-03-01');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-04-14', []],
    ['2026-04-15', [1]],
    ['2026-08-01', [1, 2]],
    ['2026-10-15', [1, 2, 3]],
    ['2027-01-14', [1, 2, 3]],
    ['2027-01-15', [1, 2, 3, 4]],
    ['2025-12-31', []],
  ])('on %s the locked quarters of 2026 are %j', (today, expected) => {
    expect(lockedQuarters(2026, today)).toEqual(expected);
  });

  it('is not locked on the deadline day itself', () => {
    expect(isQuarterLocked(2026, 2, '2026-07-14')).toBe(false);
    expect(isQuarterLocked(2026, 2, '2026-07-15')).toBe(true);
  });
});
