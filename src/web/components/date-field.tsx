import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

const months = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
];

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads what people type: "2026-11-23", "23/11/2026", "23-11-2026" or "23 November 2026"
 * (month names in Indonesian, abbreviations allowed).
 */
export function parseIndonesianDate(input: string): string | null {
  const text = input.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const name = m[2] ?? '';
    const index = months.findIndex((month) => month.startsWith(name.slice(0, 3)));
    if (index >= 0) return valid(Number(m[3]), index + 1, Number(m[1]));
  }
  return null;
}

/** A date field that shows "23 November 2026" and gives back "2026-11-23". */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat="D MMMM YYYY"
      dateParser={(value) => parseIndonesianDate(value)}
      placeholder="hh/bb/tttt"
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearable
      {...props}
    />
  );
}
