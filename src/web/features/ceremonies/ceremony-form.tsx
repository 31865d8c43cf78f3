import { Alert, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconClock, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.js';
import { DateField } from '../../components/date-field.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { todayIn, zoneLabel } from '../../lib/format.js';
import { applyFieldError, notifySuccess, orNull } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { rememberBoardLink } from './queries.js';
import { ceremonyStrings as t } from './strings.js';
import type { CeremonyDetail, CeremonyWithToken } from './types.js';

interface Values {
  fiscalYear: number | string;
  title: string;
  eventDate: string | null;
  startTime: string;
  place: string;
}

/** Schedules a ceremony (then opens it, showing the board link once) or edits one. */
export function CeremonyForm(
  props:
    | { mode: 'create'; onClose: () => void }
    | { mode: 'edit'; ceremony: CeremonyDetail; onClose: () => void },
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const editing = props.mode === 'edit' ? props.ceremony : null;
  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const form = useForm<Values>({
    initialValues: editing
      ? {
          fiscalYear: editing.fiscalYear,
          title: editing.title,
          eventDate: editing.eventDate,
          startTime: editing.startTime ?? '',
          place: editing.place,
        }
      : { fiscalYear: thisYear, title: '', eventDate: null, startTime: '', place: '' },
    validate: {
      eventDate: (v) => (v ? null : 'Pilih tanggal acara'),
      place: (v) => (v.trim().length >= 2 ? null : 'Isi tempat acara'),
      title: (v) => (v.trim() === '' || v.trim().length >= 5 ? null : 'Nama acara minimal 5 huruf'),
      fiscalYear: (v) => (Number.isInteger(Number(v)) ? null : 'Isi tahun anggaran'),
    },
  });
  const year = Number(form.values.fiscalYear) || thisYear;

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const base = {
        eventDate: values.eventDate ?? '',
        startTime: orNull(values.startTime),
        place: values.place.trim(),
      };
      if (editing) {
        const edited = await api.patch<CeremonyDetail>(`/api/ceremonies/${editing.id}`, {
          ...base,
          version: editing.version,
          title: values.title.trim() || t.defaultTitle(editing.fiscalYear),
        });
        return { created: null, saved: edited };
      }
      const created = await api.post<CeremonyWithToken>('/api/ceremonies', {
        ...base,
        fiscalYear: Number(values.fiscalYear),
        ...(values.title.trim() ? { title: values.title.trim() } : {}),
      });
      // The detail cache never holds the token; only the board-link memory does.
      const { boardToken: _token, boardUrl: _url, added: _added, ...detail } = created;
      return { created, saved: detail as CeremonyDetail };
    },
    onSuccess: async ({ created, saved }) => {
      await queryClient.invalidateQueries({ queryKey: ['ceremonies'] });
      if (created) {
        rememberBoardLink(queryClient, created.id, {
          boardToken: created.boardToken,
          boardUrl: created.boardUrl,
        });
        queryClient.setQueryData(['ceremony', created.id], saved);
        notifySuccess(
          t.scheduled(created.added?.agreements ?? 0, created.added?.pacts ?? 0),
          created.title,
        );
        props.onClose();
        await navigate({ to: '/penandatanganan/$ceremonyId', params: { ceremonyId: saved.id } });
        return;
      }
      queryClient.setQueryData(['ceremony', saved.id], saved);
      notifySuccess(t.saved);
      props.onClose();
    },
    onError: (error) => applyFieldError(form, error),
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={editing ? t.editTitle : t.formTitle}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': common.close }}
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          {!editing && (
            <NumberInput
              label={t.fiscalYear}
              description={t.fiscalYearHint}
              min={2000}
              max={2100}
              allowDecimal={false}
              thousandSeparator={false}
              required
              {...form.getInputProps('fiscalYear')}
            />
          )}
          <TextInput
            label={t.titleField}
            description={t.titleHint}
            placeholder={t.defaultTitle(editing?.fiscalYear ?? year)}
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label={t.eventDate}
              required
              data-autofocus
              {...form.getInputProps('eventDate')}
              onChange={(v) => form.setFieldValue('eventDate', v ? String(v).slice(0, 10) : null)}
            />
            <TimeInput
              label={`${t.startTime} (${zoneLabel(timeZone)})`}
              description={t.startTimeHint}
              leftSection={<IconClock size={16} aria-hidden />}
              {...form.getInputProps('startTime')}
            />
          </SimpleGrid>
          <TextInput
            label={t.place}
            placeholder={t.placePlaceholder}
            required
            {...form.getInputProps('place')}
          />
          {!editing && (
            <Alert variant="light" color="amanah" icon={<IconInfoCircle size={18} aria-hidden />}>
              <Text size="sm">{t.autoParticipants}</Text>
            </Alert>
          )}
          <FormActions
            onCancel={props.onClose}
            pending={mutation.isPending}
            submitLabel={editing ? common.save : t.schedule}
          />
        </Stack>
      </form>
    </Modal>
  );
}
