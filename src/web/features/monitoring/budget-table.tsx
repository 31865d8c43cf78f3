import { Stack, Table, Text, TextInput } from '@mantine/core';
import { Decimal } from 'decimal.js';
import { formatIndonesianNumber, formatRupiah } from '../../../shared/indonesian-number.js';
import { DataTable } from '../../components/data-table.js';
import { absorptionOf, amountText, budgetKey, type FieldErrors, readAmount } from './draft.js';
import { fieldId } from './indicator-card.js';
import { quarterLabel, monitoringStrings as t } from './strings.js';
import type { ReportBudget } from './types.js';

const percent = (value: string | null) =>
  value === null ? '–' : `${formatIndonesianNumber(value, 2)} %`;

/** Pagu, spending so far, this quarter's spending (input), absorption; with the totals. */
export function BudgetTable({
  budgets,
  drafts,
  quarter,
  editable,
  errors,
  onChange,
  onError,
}: {
  budgets: ReportBudget[];
  drafts: Record<string, string>;
  quarter: number;
  editable: boolean;
  errors: FieldErrors;
  onChange: (budgetId: string, text: string) => void;
  onError: (key: string, message: string | undefined) => void;
}) {
  if (budgets.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.noBudgets}
      </Text>
    );
  }
  const q = quarterLabel(quarter);
  let ceiling = new Decimal(0);
  let previous = new Decimal(0);
  let current = new Decimal(0);
  const rows = budgets.map((b) => {
    const text = drafts[b.id] ?? amountText(b.amount);
    const read = readAmount(text);
    const amount = read.ok ? read.value : b.amount;
    ceiling = ceiling.plus(b.ceiling);
    previous = previous.plus(b.previous);
    current = current.plus(amount ?? '0');
    const unchanged = text === amountText(b.amount);
    const absorption = unchanged ? b.absorption : absorptionOf(b.ceiling, b.previous, amount);
    return { b, text, absorption };
  });
  const totalAbsorption = ceiling.isZero()
    ? null
    : previous
        .plus(current)
        .div(ceiling)
        .times(100)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toString();

  return (
    <Stack gap="xs">
      <DataTable
        minWidth={760}
        head={
          <>
            <Table.Th>{t.subKegiatan}</Table.Th>
            <Table.Th ta="right">{t.ceiling}</Table.Th>
            <Table.Th ta="right">{t.previousSpend}</Table.Th>
            <Table.Th ta="right" w={200}>
              {t.thisQuarter(q)}
            </Table.Th>
            <Table.Th ta="right">{t.absorption}</Table.Th>
          </>
        }
      >
        {rows.map(({ b, text, absorption }) => {
          const name = b.subKegiatanName ?? b.kegiatanName ?? b.programName;
          const key = budgetKey(b.id);
          return (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Stack gap={0}>
                  {b.subKegiatanCode && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {b.subKegiatanCode}
                    </Text>
                  )}
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                  {b.kegiatanName && b.subKegiatanName && (
                    <Text size="xs" c="dimmed">
                      {b.kegiatanName}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatRupiah(b.ceiling)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatRupiah(b.previous)}
              </Table.Td>
              <Table.Td ta="right">
                {editable ? (
                  <TextInput
                    id={fieldId(key)}
                    aria-label={t.budgetFor(q, name)}
                    inputMode="decimal"
                    autoComplete="off"
                    leftSection={
                      <Text size="xs" c="dimmed">
                        Rp
                      </Text>
                    }
                    value={text}
                    error={errors[key]}
                    size="sm"
                    styles={{ input: { textAlign: 'right' } }}
                    onChange={(e) => {
                      if (errors[key]) onError(key, undefined);
                      onChange(b.id, e.currentTarget.value);
                    }}
                    onBlur={() => {
                      const read = readAmount(text);
                      if (!read.ok) {
                        onError(key, read.message);
                        return;
                      }
                      const shown = amountText(read.value);
                      if (shown !== text) onChange(b.id, shown);
                    }}
                  />
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {b.amount === null ? '–' : formatRupiah(b.amount)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {percent(absorption)}
              </Table.Td>
            </Table.Tr>
          );
        })}
        <Table.Tr fw={700}>
          <Table.Td>{t.total}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatRupiah(ceiling.toFixed(2))}
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatRupiah(previous.toFixed(2))}
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {formatRupiah(current.toFixed(2))}
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
            {percent(totalAbsorption)}
          </Table.Td>
        </Table.Tr>
      </DataTable>
      <Text size="xs" c="dimmed">
        {t.absorptionNote}
      </Text>
    </Stack>
  );
}
