import { Select } from '@mantine/core';
import { agreementStrings as t } from './strings.js';
import type { AgreementYear } from './types.js';

/** The PK year to show by default: the newest open year, else the newest year. */
export function defaultYear(items: AgreementYear[]): AgreementYear | undefined {
  const sorted = [...items].sort((a, b) => b.year - a.year);
  return sorted.find((y) => y.status === 'open') ?? sorted[0];
}

export function YearSelect({
  years,
  value,
  onChange,
}: {
  years: AgreementYear[];
  value: number | null;
  onChange: (year: number) => void;
}) {
  return (
    <Select
      label={t.year}
      placeholder={t.yearPlaceholder}
      data={[...years]
        .sort((a, b) => b.year - a.year)
        .map((y) => ({
          value: String(y.year),
          label: y.status === 'open' ? String(y.year) : `${y.year} (${t.yearStatus.closed})`,
        }))}
      value={value === null ? null : String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={{ base: '100%', xs: 160 }}
    />
  );
}
