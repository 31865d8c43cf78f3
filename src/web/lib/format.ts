/** Indonesian formats: dates in the Pemda's time zone, NIP in its groups, numbers with dots. */

export const defaultTimeZone = 'Asia/Jakarta';

import { zoneLabel } from '../../shared/codes.js';

export { zoneLabel };

const numberFormat = new Intl.NumberFormat('id-ID');
export const formatNumber = (value: number): string => numberFormat.format(value);

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "23 November 2026". A calendar date (YYYY-MM-DD) is shown as is; a timestamp is shown as the
 * date it was in the Pemda's time zone.
 */
export function formatDate(value: string | null | undefined, timeZone = defaultTimeZone): string {
  if (!value) return '–';
  const match = dateOnly.exec(value);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** "23 Nov 2026 07.08 WITA": a moment in the Pemda's time zone. */
export function formatDateTime(
  value: string | null | undefined,
  timeZone = defaultTimeZone,
): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const text = new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
  return `${text} ${zoneLabel(timeZone)}`;
}

/** Today's calendar date (YYYY-MM-DD) in the Pemda's time zone. */
export function todayIn(timeZone = defaultTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(new Date());
  return parts;
}

/** NIP 198503152010011002 → "19850315 201001 1 002" (birth date, appointment, sex, serial). */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '–';
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
