import { Button, Group, Modal, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgreementStatus } from '../../../shared/codes.js';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { DateField } from '../../components/date-field.js';
import { FormActions } from '../../components/form-actions.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, todayIn } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { StatusBadge } from './badges.js';
import { refreshAgreements, yearsQuery } from './queries.js';
import { agreementStrings as t } from './strings.js';
import type { AgreementYear } from './types.js';

/** /pk/tahun: open a PK year, set the DPA approval date, see the signing deadline. */
export function YearsPage() {
  const years = useQuery(yearsQuery());
  const [dialog, setDialog] = useState<
    | { kind: 'open' }
    | { kind: 'edit'; year: AgreementYear }
    | { kind: 'status'; year: AgreementYear }
    | null
  >(null);
  const canCreate = years.data?.permissions.create ?? false;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.yearsTitle}
        description={t.yearsDescription}
        crumbs={[{ label: t.listTitle, to: '/pk' }, { label: t.yearsTitle }]}
        actions={
          canCreate && (
            <Button
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'open' })}
            >
              {t.openYear}
            </Button>
          )
        }
      />
      {years.isPending ? (
        <LoadingRows />
      ) : years.isError ? (
        <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />
      ) : years.data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={t.noYearsTitle}
            description={t.yearsEmpty}
            action={
              canCreate && <Button onClick={() => setDialog({ kind: 'open' })}>{t.openYear}</Button>
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <DataTable
            minWidth={720}
            head={
              <>
                <Table.Th>{t.colYear}</Table.Th>
                <Table.Th>{t.colDpa}</Table.Th>
                <Table.Th>{t.deadline}</Table.Th>
                <Table.Th>{t.colCounts}</Table.Th>
                <Table.Th>{t.colActions}</Table.Th>
              </>
            }
          >
            {[...years.data.items]
              .sort((a, b) => b.year - a.year)
              .map((y) => (
                <Table.Tr key={y.id}>
                  <Table.Td>
                    <Text fw={700}>{y.year}</Text>
                    <Text size="xs" c={y.status === 'open' ? 'teal.9' : 'gray.7'}>
                      {t.yearStatus[y.status]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {y.dpaApprovedOn ? (
                      formatDate(y.dpaApprovedOn)
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t.noDeadline}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{y.deadline ? formatDate(y.deadline) : '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {Object.entries(y.counts)
                        .filter(([, n]) => (n ?? 0) > 0)
                        .map(([status, n]) => (
                          <Group key={status} gap={2} wrap="nowrap">
                            <StatusBadge status={status as AgreementStatus} />
                            <Text size="xs">{n}</Text>
                          </Group>
                        ))}
                      {Object.values(y.counts).every((n) => !n) && (
                        <Text size="sm" c="dimmed">
                          0
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {y.permissions.update && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setDialog({ kind: 'edit', year: y })}
                          aria-label={`${t.editDpa} ${y.year}`}
                        >
                          {t.editDpa}
                        </Button>
                      )}
                      {y.permissions.update && (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'status', year: y })}
                        >
                          {y.status === 'open' ? t.closeYear : t.reopenYear}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
          </DataTable>
        </Paper>
      )}
      {dialog?.kind === 'open' && (
        <YearFormModal
          existing={years.data?.items.map((y) => y.year) ?? []}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <YearFormModal year={dialog.year} existing={[]} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'status' && (
        <StatusDialog year={dialog.year} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function YearFormModal({
  year,
  existing,
  onClose,
}: {
  year?: AgreementYear;
  existing: number[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const suggested = existing.includes(thisYear) ? Math.max(...existing) + 1 : thisYear;
  const [value, setValue] = useState<number | string>(year?.year ?? suggested);
  const [dpa, setDpa] = useState<string | null>(year?.dpaApprovedOn ?? null);
  const mutation = useMutation({
    mutationFn: () =>
      year
        ? api.patch<AgreementYear>(`/api/agreement-years/${year.id}`, {
            version: year.version,
            dpaApprovedOn: dpa,
          })
        : api.post<AgreementYear>('/api/agreement-years', {
            year: Number(value),
            dpaApprovedOn: dpa,
          }),
    onSuccess: async (saved) => {
      await refreshAgreements(queryClient);
      notifySuccess(year ? t.yearSaved : t.yearOpened(saved.year));
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={year ? `${t.editDpa} ${year.year}` : t.openYear}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="md">
          {!year && (
            <NumberInput
              label={t.yearField}
              value={value}
              onChange={setValue}
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator={false}
              required
              data-autofocus
            />
          )}
          <DateField
            label={t.dpaDate}
            description={t.dpaDateHint}
            value={dpa}
            onChange={(v) => setDpa(v ? String(v).slice(0, 10) : null)}
          />
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <FormActions
            onCancel={onClose}
            pending={mutation.isPending}
            submitLabel={year ? t.save : t.openYear}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function StatusDialog({ year, onClose }: { year: AgreementYear; onClose: () => void }) {
  const queryClient = useQueryClient();
  const closing = year.status === 'open';
  const mutation = useMutation({
    mutationFn: () =>
      api.patch<AgreementYear>(`/api/agreement-years/${year.id}`, {
        version: year.version,
        status: closing ? 'closed' : 'open',
      }),
    onSuccess: async () => {
      await refreshAgreements(queryClient);
      notifySuccess(t.yearSaved);
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={closing ? t.closeYear : t.reopenYear}
      message={closing ? t.closeYearConfirm(year.year) : `${t.reopenYear} ${year.year}?`}
      color={closing ? 'red' : 'amanah'}
      pending={mutation.isPending}
      error={mutation.isError ? mutation.error : undefined}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    />
  );
}
