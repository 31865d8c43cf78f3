/**
 * When the realisasi of a quarter (triwulan) is due, and so from when its targets are locked in a
 * PK Perubahan (REGULATIONS.md: targets of quarters that already have realisasi are not
 * rewritten). The deadline is the quarter's last day plus N working days (default 10, the usual
 * rule of the Pemda's monitoring calendar; issue 5 reads the same rule for the realisasi
 * deadline).
 *
 * Working days are Monday to Friday. National holidays and cuti bersama are NOT counted out:
 * they change every year by SKB and are tenant data that does not exist yet; a deadline that
 * falls a few days early errs on the side of locking less late, never on rewriting realisasi.
 *
 * Pure module (dates as YYYY-MM-DD strings, computed in UTC so no time zone can shift a day).
 */

export const DEFAULT_REALISASI_WORKING_DAYS = 10;

export type Quarter = 1 | 2 | 3 | 4;
export const quarters: readonly Quarter[] = [1, 2, 3, 4];

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Last day of the quarter: 31 March, 30 June, 30 September, 31 December. */
export function quarterEnd(year: number, quarter: Quarter): string {
  // Day 0 of the month after the quarter is the quarter's last day.
  return isoOf(new Date(Date.UTC(year, quarter * 3, 0)));
}

/** Adds `days` working days (Mon–Fri) after `isoDate`; 0 returns the date itself. */
export function addWorkingDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return isoOf(date);
}

/** The realisasi deadline of TW `quarter` of `year`: the quarter's end + N working days. */
export function quarterDeadline(
  year: number,
  quarter: Quarter,
  workingDays = DEFAULT_REALISASI_WORKING_DAYS,
): string {
  return addWorkingDays(quarterEnd(year, quarter), workingDays);
}

/**
 * Whether the quarter is locked on `today`: its deadline is strictly before today (on the
 * deadline day itself realisasi may still be entered, so the target may still change).
 */
export function isQuarterLocked(
  year: number,
  quarter: Quarter,
  today: string,
  workingDays = DEFAULT_REALISASI_WORKING_DAYS,
): boolean {
  return quarterDeadline(year, quarter, workingDays) < today;
}

/** The locked quarters of a year on `today`, in order. */
export function lockedQuarters(
  year: number,
  today: string,
  workingDays = DEFAULT_REALISASI_WORKING_DAYS,
): Quarter[] {
  return quarters.filter((q) => isQuarterLocked(year, q, today, workingDays));
}
