/** Month names as printed on documents ("10 Januari 2027"). */
export const indonesianMonths = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** "2027-01-10" → "10 Januari 2027". A calendar date: no time zone is involved. */
export function formatIndonesianDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? indonesianMonths[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}
