import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { agreementLevels } from '../../../shared/codes.js';
import { ApiError, api } from '../../api/client.js';
import type { Position } from '../../api/types.js';
import { DateField } from '../../components/date-field.js';
import { MutationError } from '../../components/mutation-error.js';
import { ErrorAlert } from '../../components/states.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { EmployeeSelect } from '../employees/employee-select.js';
import { unitQuery } from '../org/queries.js';
import { agreementsQuery, type UpdateAgreementBody, updateAgreement } from './queries.js';
import { levelLabels, agreementStrings as t } from './strings.js';
import type { AgreementDetail, AgreementSummary } from './types.js';

const MIN_REASON = 10;

/**
 * What the parties dialogs need from the editor: `prepare` saves unsaved content first and gives
 * the version to write against; `onSaved` takes the PK as the server answered.
 */
export interface PartiesActions {
  /** True when the editor holds unsaved content (saved before the change). */
  dirty: boolean;
  prepare: () => Promise<number>;
  onSaved: (next: AgreementDetail) => void;
}

function usePartiesUpdate(detail: AgreementDetail, actions: PartiesActions, done: string) {
  return useMutation({
    mutationFn: async (body: Omit<UpdateAgreementBody, 'version'>) => {
      const version = await actions.prepare();
      return updateAgreement(detail.id, { version, ...body });
    },
    onSuccess: (next) => {
      actions.onSaved(next);
      notifySuccess(done);
    },
  });
}

/** Searches positions by title on the server (debounced) and picks one. */
function PositionSearch({
  value,
  onChange,
  excludeId,
}: {
  value: string | null;
  onChange: (position: Position | null) => void;
  excludeId: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Position | null>(null);
  const positions = useQuery({
    queryKey: ['positions', { q: debounced }],
    queryFn: () => api.get<{ items: Position[] }>('/api/positions', { q: debounced }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const list = debounced.length >= 2 ? (positions.data?.items ?? []) : [];
    const all = picked && !list.some((p) => p.id === picked.id) ? [picked, ...list] : list;
    return all
      .filter((p) => p.id !== excludeId)
      .map((p) => ({
        value: p.id,
        label: `${p.title}${p.unitName ? ` — ${p.unitName}` : ''} (${p.holder?.employee.fullName ?? t.vacantHolder})`,
      }));
  }, [positions.data, debounced, picked, excludeId]);
  return (
    <Select
      label={t.overridePosition}
      description={t.overridePositionHint}
      placeholder={t.overridePositionPlaceholder}
      data={options}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={
        debounced.length >= 2 && !positions.isFetching ? t.noPositionMatch : undefined
      }
      value={value}
      onChange={(id) => {
        const found = id ? (positions.data?.items.find((p) => p.id === id) ?? picked) : null;
        setPicked(found);
        onChange(found);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * "Ganti pihak kedua": another position and/or person signs instead of the superior position's
 * holder, with a required reason; or back to the structure (secondParty: null).
 */
export function SecondPartyDialog({
  detail,
  actions,
  onClose,
}: {
  detail: AgreementDetail;
  actions: PartiesActions;
  onClose: () => void;
}) {
  const [positionId, setPositionId] = useState<string | null>(null);
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const override = usePartiesUpdate(detail, actions, t.overrideSaved);
  const reset = usePartiesUpdate(detail, actions, t.secondPartyReset);
  const pending = override.isPending || reset.isPending;
  const noChoice = positionId === null && employeeId === null;
  const reasonShort = reason.trim().length < MIN_REASON;
  const close = () => {
    if (!pending) onClose();
  };

  return (
    <Modal opened onClose={close} title={t.secondPartyTitle} size="lg" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (noChoice || reasonShort) return;
          reset.reset();
          override.mutate(
            {
              secondParty: {
                ...(positionId ? { positionId } : {}),
                ...(employeeId ? { employeeId } : {}),
                reason: reason.trim(),
              },
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t.secondPartyIntro}</Text>
          {detail.secondPartyOverrideReason && detail.secondParty && (
            <Alert color="blue" variant="light" data-testid="override-current">
              <Stack gap="xs">
                <Text size="sm">
                  {t.overrideCurrent(
                    `${detail.secondParty.name} (${detail.secondParty.positionTitle})`,
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {t.resetSecondPartyHint}
                </Text>
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    loading={reset.isPending}
                    disabled={pending}
                    onClick={() => {
                      override.reset();
                      reset.mutate({ secondParty: null }, { onSuccess: onClose });
                    }}
                  >
                    {t.resetSecondParty}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <PositionSearch
            value={positionId}
            excludeId={detail.position.id}
            onChange={(p) => setPositionId(p?.id ?? null)}
          />
          <EmployeeSelect
            label={t.overrideEmployee}
            description={t.overrideEmployeeHint}
            value={employeeId}
            onChange={(e) => setEmployeeId(e?.id ?? null)}
          />
          {touched && noChoice && (
            <Text size="sm" c="red.8" role="alert">
              {t.overrideNeedOne}
            </Text>
          )}
          <Textarea
            label={t.overrideReason}
            description={t.overrideReasonHint}
            placeholder={t.overrideReasonPlaceholder}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && reasonShort ? t.overrideReasonShort : undefined}
            required
            autosize
            minRows={3}
            maxLength={1000}
          />
          {actions.dirty && (
            <Text size="xs" c="dimmed">
              {t.saveBeforeParties}
            </Text>
          )}
          <MutationError mutation={override} />
          <MutationError mutation={reset} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={pending}>
              {common.cancel}
            </Button>
            <Button type="submit" loading={override.isPending} disabled={pending}>
              {t.overrideSave}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Ubah tanggal PK": both parties are resolved again on the new date. */
export function AgreementDateDialog({
  detail,
  actions,
  onClose,
}: {
  detail: AgreementDetail;
  actions: PartiesActions;
  onClose: () => void;
}) {
  const [date, setDate] = useState<string | null>(detail.agreementDate);
  const [touched, setTouched] = useState(false);
  const mutation = usePartiesUpdate(detail, actions, t.dateSaved);
  const close = () => {
    if (!mutation.isPending) onClose();
  };
  return (
    <Modal opened onClose={close} title={t.dateTitle} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!date) return;
          if (date === detail.agreementDate) {
            onClose();
            return;
          }
          mutation.mutate({ agreementDate: date }, { onSuccess: onClose });
        }}
      >
        <Stack gap="md">
          <DateField
            label={t.dateField}
            description={t.dateHint}
            value={date}
            onChange={(v) => setDate(v ? String(v).slice(0, 10) : null)}
            minDate={`${detail.startYear}-01-01`}
            maxDate={`${detail.endYear}-12-31`}
            error={touched && !date ? t.dateRequired : undefined}
            required
          />
          {actions.dirty && (
            <Text size="xs" c="dimmed">
              {t.saveBeforeParties}
            </Text>
          )}
          <MutationError mutation={mutation} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              {common.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t.dateSave}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The server's message for one body field (details.fields[].path), or null. */
function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const fields = (error.details as { fields?: { path?: unknown }[] } | null | undefined)?.fields;
  return fields?.some((f) => f.path === field) ? error.message : null;
}

/**
 * The PKs this PK may support, as the server accepts them (update-agreement.ts): the same
 * year, a higher level, not superseded, and above it in the organisation (the Pemda PK, a PK of
 * a unit on this PK's unit path, or pihak kedua's PK). Pihak kedua's PK first, then top-down.
 */
export function parentCandidates(
  detail: AgreementDetail,
  items: AgreementSummary[],
  unitPath: readonly string[],
): AgreementSummary[] {
  const rank = (a: { level: AgreementSummary['level'] }) => agreementLevels.indexOf(a.level);
  const secondPositionId = detail.secondParty?.positionId ?? null;
  const ofSecond = (a: AgreementSummary) => a.position.id === secondPositionId;
  return items
    .filter(
      (a) =>
        a.id !== detail.id &&
        a.yearId === detail.yearId &&
        a.status !== 'superseded' &&
        rank(a) < rank(detail) &&
        (a.unit === null || unitPath.includes(a.unit.id) || ofSecond(a)),
    )
    .sort((a, b) => Number(ofSecond(b)) - Number(ofSecond(a)) || rank(b) - rank(a));
}

/**
 * "Ubah PK atasan": links this PK to another higher PK of the same year, or detaches it
 * (parentAgreementId: null). The server clears the sasaran links to the old parent; the editor
 * then offers the new parent's sasaran.
 */
export function ParentDialog({
  detail,
  actions,
  onClose,
}: {
  detail: AgreementDetail;
  actions: PartiesActions;
  onClose: () => void;
}) {
  const [parentId, setParentId] = useState<string | null>(detail.parent?.id ?? null);
  const [touched, setTouched] = useState(false);
  const list = useQuery(agreementsQuery({ year: detail.year }));
  const unitId = detail.unit?.id ?? null;
  const unit = useQuery({ ...unitQuery(unitId ?? ''), enabled: unitId !== null });
  const save = usePartiesUpdate(detail, actions, t.parentSaved);
  const detach = usePartiesUpdate(detail, actions, t.parentDetached);
  const pending = save.isPending || detach.isPending;
  const loading = list.isPending || (unitId !== null && unit.isPending);
  const failed = list.isError ? list.error : unit.isError ? unit.error : null;
  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    const path = unit.data?.path ?? [];
    const secondPositionId = detail.secondParty?.positionId ?? null;
    return parentCandidates(detail, items, path).map((a) => ({
      value: a.id,
      label: [
        `PK ${a.position.title}${a.unit ? ` — ${a.unit.name}` : ''}`,
        levelLabels[a.level],
        a.firstParty.name,
        a.position.id === secondPositionId ? t.parentOfSecondParty : '',
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  }, [list.data, unit.data, detail]);
  const serverError = fieldError(save.error, 'parentAgreementId');
  const close = () => {
    if (!pending) onClose();
  };

  return (
    <Modal opened onClose={close} title={t.parentTitle} size="lg" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!parentId) return;
          if (parentId === detail.parent?.id) {
            onClose();
            return;
          }
          detach.reset();
          save.mutate({ parentAgreementId: parentId }, { onSuccess: onClose });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t.parentIntro}</Text>
          {loading ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{common.loading}</Text>
            </Group>
          ) : failed ? (
            <ErrorAlert error={failed} />
          ) : options.length === 0 ? (
            <Alert color="gray" variant="light" data-testid="parent-none">
              {t.parentNoCandidates}
            </Alert>
          ) : (
            <Select
              label={t.parentField}
              description={t.parentHint}
              placeholder={t.parentPlaceholder}
              data={options}
              value={parentId}
              onChange={(value) => {
                setParentId(value);
                save.reset();
              }}
              searchable
              required
              error={serverError ?? (touched && !parentId ? t.parentRequired : undefined)}
              nothingFoundMessage={t.parentNoCandidates}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Text size="xs" c="dimmed">
            {t.parentRelinkNote}
          </Text>
          {actions.dirty && (
            <Text size="xs" c="dimmed">
              {t.saveBeforeParties}
            </Text>
          )}
          {serverError === null && <MutationError mutation={save} />}
          <MutationError mutation={detach} />
          <Group justify="space-between" gap="xs">
            {detail.parent ? (
              <Button
                variant="default"
                color="red"
                loading={detach.isPending}
                disabled={pending}
                onClick={() => {
                  save.reset();
                  detach.mutate({ parentAgreementId: null }, { onSuccess: onClose });
                }}
              >
                {t.parentDetach}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={close} disabled={pending}>
                {common.cancel}
              </Button>
              <Button
                type="submit"
                loading={save.isPending}
                disabled={pending || options.length === 0}
              >
                {t.parentSave}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
