import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type RevisionReason, revisionReasons } from '../../../shared/codes.js';
import { api } from '../../api/client.js';
import { MutationError } from '../../components/mutation-error.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { reasonHints, reasonLabels, revisionStrings as t } from './strings.js';
import type { CreatedRevision } from './types.js';

const MIN_NOTE = 10;

/**
 * "Buat PK Perubahan" for a signed/published PK: a dialog asking the reason and its description,
 * then the new draft opens. Shown only when the server says so (`permissions.revise`: the latest
 * version, signed or published, no other revision in progress, and the user drafts PKs of the
 * unit).
 */
export function CreateRevisionButton({
  agreementId,
  version,
  permissions,
}: {
  agreementId: string;
  /** The PK's current `version` (optimistic concurrency). */
  version: number;
  permissions: Record<string, boolean>;
}) {
  const [opened, setOpened] = useState(false);
  if (!permissions.revise) return null;
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFilePlus size={18} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t.createButton}
      </Button>
      {opened && (
        <CreateRevisionDialog
          agreementId={agreementId}
          version={version}
          onClose={() => setOpened(false)}
        />
      )}
    </>
  );
}

function CreateRevisionDialog({
  agreementId,
  version,
  onClose,
}: {
  agreementId: string;
  version: number;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [reason, setReason] = useState<RevisionReason | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const noteTooShort = note.trim().length < MIN_NOTE;

  const create = useMutation({
    mutationFn: () =>
      api.post<CreatedRevision>(`/api/agreements/${agreementId}/revisions`, {
        version,
        reason,
        note: note.trim(),
      }),
    onSuccess: async (created) => {
      await Promise.all(
        [['agreements'], ['agreement'], ['agreement-board'], ['agreement-versions']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
      notifySuccess(t.created(created.revisionNo));
      onClose();
      await navigate({ to: '/pk/dokumen/$agreementId', params: { agreementId: created.id } });
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t.createTitle}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': common.close }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (reason && !noteTooShort) create.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t.createIntro}</Text>
          <Select
            label={t.reasonField}
            placeholder={t.reasonPlaceholder}
            data={revisionReasons.map((value) => ({ value, label: reasonLabels[value] }))}
            value={reason}
            onChange={(value) => setReason(value as RevisionReason | null)}
            description={reason ? reasonHints[reason] : undefined}
            error={touched && !reason ? t.reasonRequired : undefined}
            required
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t.noteField}
            description={t.noteDescription}
            placeholder={t.notePlaceholder}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={touched && noteTooShort ? t.noteTooShort : undefined}
            required
            autosize
            minRows={3}
            maxLength={4000}
          />
          <Alert color="blue" variant="light">
            <Text size="sm">{t.lockRule}</Text>
          </Alert>
          <MutationError mutation={create} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {create.isPending ? t.creating : t.createSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
