import {
  ActionIcon,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Decimal } from 'decimal.js';
import { formatRupiah } from '../../../shared/indonesian-number.js';
import { amountText, type BudgetDraft, type FieldErrors, newBudget, readNumber } from './draft.js';
import { agreementStrings as t } from './strings.js';

/** The exact sum of the amounts that can be read (rows still being typed count as 0). */
export function budgetSum(budgets: BudgetDraft[]): string {
  let total = new Decimal(0);
  for (const b of budgets) {
    const parsed = readNumber(b.amount);
    if (parsed.ok && parsed.value !== null) total = total.plus(parsed.value);
  }
  return total.toFixed(2);
}

type TextField = Exclude<keyof BudgetDraft, 'key' | 'sourceNodeId' | 'amount'>;

/** Program / kegiatan / sub kegiatan rows with their Rupiah amounts and the total. */
export function BudgetsEditor({
  budgets,
  editable,
  errors,
  setError,
  onChange,
}: {
  budgets: BudgetDraft[];
  editable: boolean;
  errors: FieldErrors;
  setError: (path: string, message: string | undefined) => void;
  onChange: (next: BudgetDraft[]) => void;
}) {
  const set = (i: number, patch: Partial<BudgetDraft>) =>
    onChange(budgets.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  const pair = (b: BudgetDraft, i: number, code: TextField, name: TextField, label: string) =>
    editable ? (
      <Stack gap={4}>
        <TextInput
          aria-label={`${t.budgetCode} ${label} baris ${i + 1}`}
          placeholder={t.budgetCode}
          size="xs"
          value={b[code]}
          error={errors[`budgets.${i}.${code}`]}
          onChange={(e) => {
            setError(`budgets.${i}.${code}`, undefined);
            set(i, { [code]: e.currentTarget.value });
          }}
        />
        <Textarea
          autosize
          minRows={1}
          aria-label={`${t.budgetName} ${label} baris ${i + 1}`}
          placeholder={t.budgetName}
          size="xs"
          value={b[name]}
          error={errors[`budgets.${i}.${name}`]}
          onChange={(e) => {
            setError(`budgets.${i}.${name}`, undefined);
            set(i, { [name]: e.currentTarget.value });
          }}
        />
      </Stack>
    ) : b[code] || b[name] ? (
      <Stack gap={0}>
        <Text size="xs" c="dimmed" ff="monospace">
          {b[code]}
        </Text>
        <Text size="sm">{b[name]}</Text>
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );

  return (
    <Stack gap="sm">
      {budgets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noBudgets}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={editable ? 1000 : 760}>
          <Table verticalSpacing="xs" withTableBorder withColumnBorders fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.budgetProgram}</Table.Th>
                <Table.Th>{t.budgetKegiatan}</Table.Th>
                <Table.Th>{t.budgetSub}</Table.Th>
                <Table.Th w={180} ta="right">
                  {t.budgetAmount}
                </Table.Th>
                {editable && (
                  <Table.Th w={44}>
                    <VisuallyHidden>{t.removeBudget}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budgets.map((b, i) => (
                <Table.Tr key={b.key}>
                  <Table.Td>{pair(b, i, 'programCode', 'programName', t.budgetProgram)}</Table.Td>
                  <Table.Td>
                    {pair(b, i, 'kegiatanCode', 'kegiatanName', t.budgetKegiatan)}
                  </Table.Td>
                  <Table.Td>
                    {pair(b, i, 'subKegiatanCode', 'subKegiatanName', t.budgetSub)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <TextInput
                        aria-label={`${t.budgetAmount} baris ${i + 1}`}
                        size="xs"
                        inputMode="decimal"
                        leftSection={<Text size="xs">Rp</Text>}
                        styles={{ input: { textAlign: 'right' } }}
                        value={b.amount}
                        error={errors[`budgets.${i}.amount`]}
                        onChange={(e) => {
                          setError(`budgets.${i}.amount`, undefined);
                          set(i, { amount: e.currentTarget.value });
                        }}
                        onBlur={() => {
                          if (b.amount.trim() === '') return;
                          const parsed = readNumber(b.amount);
                          if (!parsed.ok) setError(`budgets.${i}.amount`, parsed.message);
                          else if (parsed.value !== null) {
                            // Rewritten the Indonesian way: "1500000" reads "1.500.000".
                            const text = amountText(parsed.value);
                            if (text !== b.amount) set(i, { amount: text });
                          }
                        }}
                      />
                    ) : (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatRupiah(parseAmount(b.amount))}
                      </Text>
                    )}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Tooltip label={t.removeBudget}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t.removeBudget} ${i + 1}`}
                          onClick={() => onChange(budgets.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3} ta="right">
                  {t.budgetTotal}
                </Table.Th>
                <Table.Th ta="right" data-testid="budget-total" style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(budgetSum(budgets))}
                </Table.Th>
                {editable && <Table.Th />}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...budgets, newBudget()])}
          >
            {t.addBudget}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function parseAmount(text: string): string {
  const parsed = readNumber(text);
  return parsed.ok && parsed.value !== null ? parsed.value : '0';
}
