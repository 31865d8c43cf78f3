import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import {
  assertReportOpen,
  isPastDeadline,
  isQuarterOpen,
  isReportLocked,
  quarterLabel,
  quarterStart,
  reportDeadline,
  unlockInForce,
} from './quarter-lock.js';

const settings = (deadlineWorkingDays = 10) => ({ monitoring: { deadlineWorkingDays } });
const at = (iso: string) => new Date(iso);
const report = (year: number, quarter: number, unlockedUntil: Date | null = null) => ({
  year,
  quarter,
  unlockedUntil,
});

describe('quarter lock', () => {
  it.each([
    [2026, 1, 10, '2026-04-14'],
    [2026, 2, 10, '2026-07-14'],
    [2026, 3, 10, '2026-10-14'],
    [2026, 4, 10, '2027-01-14'],
    [2026, 1, 0, '2026-03-31'],
    // TW IV 2027 ends on Friday 31 December: 5 working days later is the next Friday.
    [2027, 4, 5, '2028-01-07'],
  ])('deadline of %i TW %i with %i working days is %s', (year, quarter, days, expected) => {
    expect(reportDeadline(year, quarter, settings(days))).toBe(expected);
  });

  it.each([
    [1, '2026-01-01'],
    [2, '2026-04-01'],
    [3, '2026-07-01'],
    [4, '2026-10-01'],
  ])('TW %i starts on %s', (quarter, start) => {
    expect(quarterStart(2026, quarter)).toBe(start);
    expect(isQuarterOpen(2026, quarter, start)).toBe(true);
  });

  it.each([
    // [today, locked?, why]
    ['2025-12-31', true, 'not begun'],
    ['2026-01-01', false, 'first day'],
    ['2026-04-14', false, 'deadline day'],
    ['2026-04-15', true, 'after the deadline'],
  ])('TW I 2026 on %s: locked %s (%s)', (today, locked) => {
    expect(isReportLocked(report(2026, 1), settings(), today, at(`${today}T05:00:00Z`))).toBe(
      locked,
    );
  });

  it('an unlock in force reopens a past quarter until its moment, not a future one', () => {
    const now = at('2026-05-01T05:00:00Z');
    const until = at('2026-05-03T05:00:00Z');
    expect(unlockInForce(until, now)).toBe(true);
    expect(isReportLocked(report(2026, 1, until), settings(), '2026-05-01', now)).toBe(false);
    const later = at('2026-05-03T05:00:01Z');
    expect(isReportLocked(report(2026, 1, until), settings(), '2026-05-03', later)).toBe(true);
    expect(unlockInForce(until, at('2026-05-03T05:00:00Z'))).toBe(false);
    expect(isReportLocked(report(2026, 3, until), settings(), '2026-05-01', now)).toBe(true);
    expect(isPastDeadline(2026, 1, settings(), '2026-05-01')).toBe(true);
  });

  it('refuses with QUARTER_LOCKED and says why', () => {
    const notBegun = () =>
      assertReportOpen(report(2026, 2), settings(), '2026-03-01', at('2026-03-01T05:00:00Z'));
    expect(notBegun).toThrow(AppError);
    expect(notBegun).toThrow(/belum dimulai/);
    const late = () =>
      assertReportOpen(report(2026, 1), settings(), '2026-04-15', at('2026-04-15T05:00:00Z'));
    expect(late).toThrow(/2026-04-14/);
    try {
      late();
    } catch (error) {
      expect((error as AppError).code).toBe('QUARTER_LOCKED');
    }
    expect(() =>
      assertReportOpen(report(2026, 1), settings(), '2026-04-14', at('2026-04-14T05:00:00Z')),
    ).not.toThrow();
    expect(quarterLabel(2026, 3)).toBe('TW III 2026');
  });
});
