import { Alert, Button, Group, List, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '../../components/date-field.js';
import { MutationError } from '../../components/mutation-error.js';
import { ErrorAlert } from '../../components/states.js';
import { formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { unitsQuery } from '../org/queries.js';
import { UnitSelect } from '../org/unit-select.js';
import { bulkCreate, refreshPacts } from './queries.js';
import type { UnitRef } from './status-table.js';
import { integrityStrings as t } from './strings.js';

const FAILED_SHOWN = 10;

/**
 * "Buat Pakta Integritas": the annual pacts of a unit subtree (or the whole Pemda) for the year.
 * The server first counts what would be made (a dry run), so the confirmation says exactly how
 * many pacts will be made, how many are skipped and who cannot get one.
 */
export function BulkCreateDialog({
  opened,
  onClose,
  fiscalYear,
  initialUnit,
  canWhole,
}: {
  opened: boolean;
  onClose: () => void;
  fiscalYear: number;
  initialUnit: UnitRef | null;
  canWhole: boolean;
}) {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<'whole' | 'unit'>(initialUnit || !canWhole ? 'unit' : 'whole');
  const [unitId, setUnitId] = useState<string | null>(initialUnit?.id ?? null);
  const [pactDate, setPactDate] = useState<string | null>(null);
  const [debouncedDate] = useDebouncedValue(pactDate, 300);
  const units = useQuery(unitsQuery());
  const target = scope === 'whole' ? null : unitId;
  const ready = scope === 'whole' || unitId !== null;
  const scopeName =
    scope === 'whole'
      ? t.wholePemda
      : (units.data?.items.find((u) => u.id === unitId)?.name ?? initialUnit?.name ?? '');

  const preview = useQuery({
    queryKey: ['integrity-bulk-preview', fiscalYear, target, debouncedDate],
    queryFn: () =>
      bulkCreate({
        unitId: target,
        fiscalYear,
        pactDate: debouncedDate ?? undefined,
        dryRun: true,
      }),
    enabled: opened && ready,
    // A count of what would be made now: always asked afresh.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  const create = useMutation({
    mutationFn: () =>
      bulkCreate({ unitId: target, fiscalYear, pactDate: pactDate ?? undefined, dryRun: false }),
    onSuccess: async (result) => {
      notifySuccess(t.bulkDone(result.created, result.skipped));
      onClose();
      await refreshPacts(queryClient);
    },
  });

  const counts = preview.data;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`${t.bulkTitle} ${fiscalYear}`}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': common.close }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && counts && counts.created > 0) create.mutate();
        }}
      >
        <Stack gap="md">
          {canWhole && (
            <Radio.Group
              label={t.bulkScope}
              value={scope}
              onChange={(value) => setScope(value === 'whole' ? 'whole' : 'unit')}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="whole" label={t.bulkScopeWhole} />
                <Radio value="unit" label={t.bulkScopeUnit} />
              </Stack>
            </Radio.Group>
          )}
          {scope === 'unit' && (
            <UnitSelect
              label={t.bulkUnit}
              placeholder={t.bulkUnitPlaceholder}
              value={unitId}
              onChange={setUnitId}
              required
            />
          )}
          <DateField
            label={t.bulkDate}
            description={t.bulkDateHint}
            value={pactDate}
            onChange={(value) => setPactDate(value ? String(value) : null)}
            minDate={`${fiscalYear - 1}-12-01`}
            maxDate={`${fiscalYear}-12-31`}
          />

          {!ready ? (
            <Text size="sm" c="dimmed">
              {t.bulkChooseUnit}
            </Text>
          ) : preview.isPending ? (
            <Group gap="xs" aria-live="polite">
              <Loader size="sm" aria-hidden />
              <Text size="sm">{t.bulkChecking}</Text>
            </Group>
          ) : preview.isError ? (
            <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <Alert
              color={counts && counts.created > 0 ? 'blue' : 'gray'}
              variant="light"
              icon={<IconInfoCircle size={18} aria-hidden />}
              aria-live="polite"
            >
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {counts && counts.created > 0
                    ? t.bulkWillCreate(counts.created, scopeName, fiscalYear)
                    : t.bulkNothing(scopeName, fiscalYear)}
                </Text>
                {counts && counts.skipped > 0 && (
                  <Text size="sm">{t.bulkSkipped(counts.skipped)}</Text>
                )}
                {counts && counts.failed.length > 0 && (
                  <>
                    <Text size="sm" c="red.9">
                      {t.bulkFailedTitle(counts.failed.length)}
                    </Text>
                    <List size="sm" spacing={2}>
                      {counts.failed.slice(0, FAILED_SHOWN).map((f) => (
                        <List.Item key={f.employee.id}>
                          <Text span size="sm" fw={600}>
                            {f.employee.name}
                          </Text>{' '}
                          <Text span size="xs" c="gray.7">
                            ({formatNip(f.employee.nip)}): {f.reason}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                    {counts.failed.length > FAILED_SHOWN && (
                      <Text size="xs" c="gray.7">
                        …dan {counts.failed.length - FAILED_SHOWN} pegawai lainnya.
                      </Text>
                    )}
                  </>
                )}
                <Text size="xs" c="gray.7">
                  {t.bulkNoDocuments}
                </Text>
              </Stack>
            </Alert>
          )}

          <MutationError mutation={create} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {common.cancel}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!ready || !counts || counts.created === 0 || preview.isFetching}
            >
              {counts && counts.created > 0 ? t.bulkConfirm(counts.created) : t.bulkTitle}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
