import { Group, Select, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { formatDate } from '../../lib/format.js';
import { quarterName } from './format.js';
import type { Period } from './queries.js';
import { dashboardStrings as t } from './strings.js';

const readInt = (value: unknown, min: number, max: number): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/**
 * The period of a dashboard from the address (`?tahun=2027&triwulan=2`), so a view can be shared
 * and the back button works; absent values leave the choice to the server's defaults.
 */
export function usePeriodSearch(): [Period, (next: Period) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const period: Period = {
    year: readInt(search.tahun, 2000, 2100),
    quarter: readInt(search.triwulan, 1, 4),
  };
  const setPeriod = (next: Period) => {
    void navigate({
      to: '.',
      // The dashboard routes declare no search schema; the address carries these two values.
      search: ((previous: Record<string, unknown>) => ({
        ...previous,
        tahun: next.year,
        triwulan: next.quarter,
      })) as never,
      replace: false,
    });
  };
  return [period, setPeriod];
}

/** Year and quarter pickers of a dashboard, with the quarter's realisasi deadline. */
export function PeriodFilter({
  years,
  year,
  quarter,
  onChange,
  deadline,
  withQuarter = true,
}: {
  years: readonly number[];
  year: number;
  quarter: number;
  onChange: (period: Period) => void;
  deadline?: string | undefined;
  withQuarter?: boolean;
}) {
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t.filterYear}
        data={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
        value={String(year)}
        onChange={(value) => value && onChange({ year: Number(value), quarter })}
        allowDeselect={false}
        w={{ base: 'calc(50% - 6px)', xs: 130 }}
      />
      {withQuarter && (
        <Select
          label={t.filterQuarter}
          data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterName(q) }))}
          value={String(quarter)}
          onChange={(value) => value && onChange({ year, quarter: Number(value) })}
          allowDeselect={false}
          w={{ base: 'calc(50% - 6px)', xs: 130 }}
        />
      )}
      {deadline && (
        <Text size="sm" c="dimmed" pb={8}>
          {t.deadline(quarterName(quarter), formatDate(deadline))}
        </Text>
      )}
    </Group>
  );
}
