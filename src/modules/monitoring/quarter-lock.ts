/**
 * When a quarter report can be filled (pure). Entry opens on the quarter's first day and closes
 * after the deadline (the quarter's last day + N working days, settings.monitoring
 * .deadlineWorkingDays, the same rule PK Perubahan uses to lock past quarters); a granted unlock
 * reopens it until `unlockedUntil`. Dates are YYYY-MM-DD in the tenant's time zone (the caller
 * passes `todayIn(tz)` from src/server/clock.ts); `now` is compared with the unlock timestamp.
 */
import { AppError } from '../../shared/errors.js';
import { type Quarter, quarterDeadline } from '../agreements/revisions/quarter-deadlines.js';

export interface LockSettings {
  monitoring: { deadlineWorkingDays: number };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the quarter: 1 January, 1 April, 1 July, 1 October. */
export function quarterStart(year: number, quarter: number): string {
  return `${year}-${pad((quarter - 1) * 3 + 1)}-01`;
}

/** Last day to enter the realisasi of TW `quarter` of `year` (entry still allowed on that day). */
export function reportDeadline(year: number, quarter: number, settings: LockSettings): string {
  return quarterDeadline(year, quarter as Quarter, settings.monitoring.deadlineWorkingDays);
}

/** The quarter has begun on `today` (realisasi may be entered from its first day). */
export function isQuarterOpen(year: number, quarter: number, today: string): boolean {
  return quarterStart(year, quarter) <= today;
}

/** The deadline passed on `today` (the deadline day itself is still open). */
export function isPastDeadline(
  year: number,
  quarter: number,
  settings: LockSettings,
  today: string,
): boolean {
  return reportDeadline(year, quarter, settings) < today;
}

/** A granted unlock is in force at `now`. */
export function unlockInForce(unlockedUntil: Date | null, now: Date): boolean {
  return unlockedUntil !== null && unlockedUntil.getTime() > now.getTime();
}

/**
 * Whether entry is closed for a report: the quarter has not begun, or its deadline passed on
 * `today` and no unlock is in force at `now`.
 */
export function isReportLocked(
  report: { year: number; quarter: number; unlockedUntil: Date | null },
  settings: LockSettings,
  today: string,
  now: Date,
): boolean {
  if (!isQuarterOpen(report.year, report.quarter, today)) return true;
  if (!isPastDeadline(report.year, report.quarter, settings, today)) return false;
  return !unlockInForce(report.unlockedUntil, now);
}

const twNames = ['I', 'II', 'III', 'IV'] as const;
/** "TW II 2027". */
export const quarterLabel = (year: number, quarter: number): string =>
  `TW ${twNames[quarter - 1] ?? String(quarter)} ${year}`;

/** Refuses entry into a closed quarter with a message that says why (QUARTER_LOCKED). */
export function assertReportOpen(
  report: { year: number; quarter: number; unlockedUntil: Date | null },
  settings: LockSettings,
  today: string,
  now: Date,
): void {
  if (!isQuarterOpen(report.year, report.quarter, today)) {
    throw new AppError(
      'QUARTER_LOCKED',
      `Triwulan ini belum dimulai: realisasi ${quarterLabel(report.year, report.quarter)} dapat diisi mulai ${quarterStart(report.year, report.quarter)}.`,
      { reason: 'not_started', opensOn: quarterStart(report.year, report.quarter) },
    );
  }
  if (isReportLocked(report, settings, today, now)) {
    const deadline = reportDeadline(report.year, report.quarter, settings);
    throw new AppError(
      'QUARTER_LOCKED',
      `Batas waktu pengisian ${quarterLabel(report.year, report.quarter)} (${deadline}) sudah lewat: triwulan ini terkunci. Ajukan permintaan buka kunci kepada admin Pemda.`,
      { reason: 'deadline_passed', deadline },
    );
  }
}
