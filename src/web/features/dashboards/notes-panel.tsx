import { Button, Divider, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconNote, IconPencil, IconTrash } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type NotesList as NotesResponse,
  type NoteItem as NoteView,
  noteLimits,
} from '../../../modules/monitoring/notes/notes-schemas.js';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { MutationError } from '../../components/mutation-error.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDateTime } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useCan, useTimeZone } from '../../session.js';
import { quarterName } from './format.js';
import { dashboardStrings as t } from './strings.js';

export const notesQuery = (year: number, unitId?: string) =>
  queryOptions({
    queryKey: ['supervisory-notes', year, unitId ?? 'all'],
    queryFn: () => api.get<NotesResponse>('/api/monitoring/notes', { year, unitId }),
  });

function validNote(text: string): string | null {
  const length = text.trim().length;
  if (length < noteLimits.minLength) return t.noteTooShort(noteLimits.minLength);
  if (length > noteLimits.maxLength) return t.noteTooLong(noteLimits.maxLength);
  return null;
}

/** Notes grouped by quarter (oldest first, as the API sends them). */
export function NoteGroups({
  notes,
  showUnit = false,
  editable = true,
}: {
  notes: NoteView[];
  showUnit?: boolean;
  editable?: boolean;
}) {
  const byQuarter = [1, 2, 3, 4]
    .map((quarter) => ({ quarter, notes: notes.filter((n) => n.quarter === quarter) }))
    .filter((group) => group.notes.length > 0);
  return (
    <Stack gap="sm">
      {byQuarter.map((group) => (
        <Stack key={group.quarter} gap={6}>
          <Text size="sm" fw={700}>
            {quarterName(group.quarter)}
          </Text>
          {group.notes.map((note) => (
            <NoteItem key={note.id} note={note} showUnit={showUnit} editable={editable} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function NoteItem({
  note,
  showUnit,
  editable,
}: {
  note: NoteView;
  showUnit: boolean;
  editable: boolean;
}) {
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.note);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['supervisory-notes'] });
  const update = useMutation({
    mutationFn: (body: { note: string }) =>
      api.patch<NoteView>(`/api/monitoring/notes/${note.id}`, body),
    onSuccess: async () => {
      setEditing(false);
      notifySuccess(t.noteSaved);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`/api/monitoring/notes/${note.id}`),
    onSuccess: async () => {
      setConfirming(false);
      notifySuccess(t.noteDeleted);
      await refresh();
    },
  });
  const edited = note.updatedAt !== note.createdAt;
  const quarter = quarterName(note.quarter);

  return (
    <Paper withBorder p="sm" bg="gray.0">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const problem = validNote(text);
            setError(problem);
            if (!problem) update.mutate({ note: text.trim() });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t.noteField}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error}
              autosize
              minRows={2}
              maxLength={noteLimits.maxLength}
            />
            <MutationError mutation={update} />
            <Group gap="xs" justify="flex-end">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setEditing(false);
                  setText(note.note);
                  setError(null);
                }}
                disabled={update.isPending}
              >
                Batal
              </Button>
              <Button type="submit" size="xs" loading={update.isPending}>
                {t.noteUpdate}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap={4}>
          {showUnit && (
            <Text size="xs" fw={600}>
              {note.unitName}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.note}
          </Text>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t.noteBy(note.authorName, formatDateTime(note.createdAt, timeZone))}
              {edited ? ` · ${t.noteEdited}` : ''}
            </Text>
            {editable && (note.permissions.update || note.permissions.delete) && (
              <Group gap={4}>
                {note.permissions.update && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={12} aria-hidden />}
                    aria-label={t.noteEditLabel(quarter)}
                    onClick={() => setEditing(true)}
                  >
                    {t.noteEdit}
                  </Button>
                )}
                {note.permissions.delete && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={12} aria-hidden />}
                    aria-label={t.noteDeleteLabel(quarter)}
                    onClick={() => setConfirming(true)}
                  >
                    {t.noteDelete}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t.noteDeleteTitle}
        message={t.noteDeleteMessage}
        confirmLabel={t.noteDelete}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}

/** The form of pihak kedua: a note on one quarter of this unit. */
function NoteForm({
  unitId,
  year,
  defaultQuarter,
}: {
  unitId: string | null;
  year: number;
  defaultQuarter: number;
}) {
  const queryClient = useQueryClient();
  const [quarter, setQuarter] = useState(String(defaultQuarter));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { unitId: string | null; year: number; quarter: number; note: string }) =>
      api.post<NoteView>('/api/monitoring/notes', body),
    onSuccess: async () => {
      setText('');
      notifySuccess(t.noteSaved);
      await queryClient.invalidateQueries({ queryKey: ['supervisory-notes'] });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const problem = validNote(text);
        setError(problem);
        if (!problem) create.mutate({ unitId, year, quarter: Number(quarter), note: text.trim() });
      }}
    >
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t.noteQuarter}
            data={[1, 2, 3, 4].map((q) => ({
              value: String(q),
              label: `${quarterName(q)} ${year}`,
            }))}
            value={quarter}
            onChange={(value) => value && setQuarter(value)}
            allowDeselect={false}
            w={{ base: '100%', xs: 160 }}
          />
          <Textarea
            label={t.noteField}
            placeholder={t.notePlaceholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={error}
            autosize
            minRows={2}
            maxLength={noteLimits.maxLength}
            style={{ flex: '1 1 260px' }}
          />
        </Group>
        <MutationError mutation={create} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={create.isPending}>
            {t.noteSave}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The unit dashboard's panel: the year's notes on this unit and, for pihak kedua, the form. */
export function NotesPanel({
  unitId,
  year,
  quarter,
}: {
  unitId: string;
  year: number;
  quarter: number;
}) {
  const notes = useQuery(notesQuery(year, unitId));
  const mayWrite = useCan('writeSupervisoryNotes');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconNote size={18} aria-hidden />
          <Title order={2} fz="md">
            {t.notesTitle}
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          {t.notesDescription}
        </Text>
        {notes.isPending ? (
          <LoadingRows rows={2} />
        ) : notes.isError ? (
          <ErrorAlert
            title={t.notesLoadError}
            error={notes.error}
            onRetry={() => void notes.refetch()}
          />
        ) : (
          <>
            {notes.data.notes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t.notesEmpty}
              </Text>
            ) : (
              <NoteGroups notes={notes.data.notes} />
            )}
            {mayWrite && notes.data.canWrite && (
              <>
                <Divider />
                <NoteForm unitId={unitId} year={year} defaultQuarter={quarter} />
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
