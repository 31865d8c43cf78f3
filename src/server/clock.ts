/**
 * The time monitoring reads (deadlines, locks, reminders, unlock expiry). Tests place "today"
 * before or after a deadline with setClockForTests, so no test depends on the day it runs.
 */
let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the Pemda's time zone. */
export function todayIn(timeZone: string, at: Date = now()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Fixes the clock (null: the real one again). Only in tests. */
export function setClockForTests(date: Date | null): void {
  if (process.env.NODE_ENV !== 'test' && process.env.VITEST === undefined) {
    throw new Error('setClockForTests is only for tests');
  }
  fixed = date;
}
