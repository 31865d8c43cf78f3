/**
 * Deadline arithmetic of PKs (REGULATIONS.md: at most one month after the DPA is approved). Pure
 * functions on ISO dates (YYYY-MM-DD), no time zones: "today" is computed by the caller in the
 * tenant's zone.
 */

const DAY_MS = 86_400_000;

/** The date `months` months after `date`, clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The due date of the PKs of a year, or null while the DPA approval date is not known. */
export function agreementDeadline(dpaApprovedOn: string | null, months: number): string | null {
  return dpaApprovedOn ? addMonths(dpaApprovedOn, months) : null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const doneStatuses = new Set(['signed', 'published', 'superseded']);

/**
 * Days left and the "terlambat" flag of a PK (or of a position with no PK yet: status null).
 * A signed PK has no days left to count; a PK Perubahan is not bound by the DPA deadline.
 */
export function deadlineState(
  deadline: string | null,
  today: string,
  status: string | null,
  revisionNo = 0,
): { daysLeft: number | null; late: boolean } {
  if (deadline === null) return { daysLeft: null, late: false };
  if (status !== null && doneStatuses.has(status)) return { daysLeft: null, late: false };
  if (revisionNo > 0) return { daysLeft: null, late: false };
  const daysLeft = daysBetween(today, deadline);
  return { daysLeft, late: daysLeft < 0 };
}
