import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconDownload,
  IconFile,
  IconFileSpreadsheet,
  IconFileText,
  IconPhoto,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { deleteEvidence, evidenceUrl, uploadEvidence } from './queries.js';
import { monitoringStrings as t } from './strings.js';
import type { ReportEvidence } from './types.js';

const accept =
  '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,application/pdf,image/png,image/jpeg,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const allowedExtensions = /\.(pdf|png|jpe?g|xlsx|docx)$/i;

export const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.ceil(bytes / 1024)))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

function FileIcon({ type }: { type: string }) {
  if (type.startsWith('image/')) return <IconPhoto size={18} aria-hidden />;
  if (type.includes('spreadsheet')) return <IconFileSpreadsheet size={18} aria-hidden />;
  if (type === 'application/pdf' || type.includes('word'))
    return <IconFileText size={18} aria-hidden />;
  return <IconFile size={18} aria-hidden />;
}

/**
 * The evidence files of an indicator (or of the whole report when indicatorId is null): download
 * links, delete while the report is editable, and upload by button or drag and drop. The server
 * checks the type from the content; this only stops obviously wrong files early.
 */
export function EvidencePanel({
  reportId,
  indicatorId,
  label,
  files,
  editable,
  maxMb,
  onChanged,
}: {
  reportId: string;
  indicatorId: string | null;
  /** For names of controls: the indicator's name or "Bukti dukung laporan". */
  label: string;
  files: ReportEvidence[];
  editable: boolean;
  maxMb: number;
  onChanged: () => Promise<unknown>;
}) {
  const timeZone = useTimeZone();
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ReportEvidence | null>(null);
  const [current, setCurrent] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: async (chosen: File[]) => {
      for (const file of chosen) {
        setCurrent(file.name);
        await uploadEvidence(reportId, file, indicatorId);
      }
    },
    onSuccess: async (_, chosen) => {
      await onChanged();
      notifySuccess(chosen.length === 1 ? t.evidenceUploaded(chosen[0]?.name ?? '') : t.saved);
    },
    onError: async () => {
      // Files uploaded before the one that failed are kept: show them.
      await onChanged();
    },
    onSettled: () => setCurrent(null),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteEvidence(id),
    onSuccess: async () => {
      setRemoving(null);
      await onChanged();
      notifySuccess(t.evidenceDeleted);
    },
  });

  const choose = (chosen: File[]) => {
    setProblem(null);
    upload.reset();
    if (chosen.length === 0) return;
    const tooLarge = chosen.find((f) => f.size > maxMb * 1024 * 1024);
    if (tooLarge) {
      setProblem(`${tooLarge.name}: ${t.evidenceTooLarge(maxMb)}`);
      return;
    }
    const wrong = chosen.find((f) => !allowedExtensions.test(f.name));
    if (wrong) {
      setProblem(`${wrong.name}: ${t.evidenceBadType}`);
      return;
    }
    upload.mutate(chosen);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!editable || upload.isPending) return;
    choose([...event.dataTransfer.files]);
  };

  return (
    <Stack gap={6}>
      {files.length === 0 ? (
        !editable && (
          <Text size="sm" c="dimmed">
            {t.evidenceNone}
          </Text>
        )
      ) : (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {files.map((file) => (
            <Group
              component="li"
              key={file.id}
              gap="xs"
              wrap="nowrap"
              justify="space-between"
              data-testid="evidence-item"
            >
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <FileIcon type={file.contentType} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    href={evidenceUrl(file.id)}
                    download={file.fileName}
                    size="sm"
                    fw={500}
                    style={{ overflowWrap: 'anywhere' }}
                    aria-label={t.evidenceDownload(file.fileName)}
                  >
                    {file.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {sizeText(file.sizeBytes)} ·{' '}
                    {t.evidenceBy(
                      file.uploadedByName ?? t.system,
                      formatDateTime(file.createdAt, timeZone),
                    )}
                  </Text>
                </Stack>
              </Group>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t.evidenceDownload(file.fileName)}>
                  <ActionIcon
                    component="a"
                    href={evidenceUrl(file.id)}
                    download={file.fileName}
                    variant="subtle"
                    color="gray"
                    aria-label={t.evidenceDownload(file.fileName)}
                    tabIndex={-1}
                  >
                    <IconDownload size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                {editable && (
                  <Tooltip label={t.evidenceDelete(file.fileName)}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t.evidenceDelete(file.fileName)}
                      onClick={() => {
                        remove.reset();
                        setRemoving(file);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}

      {editable && (
        <Group
          gap="xs"
          p="xs"
          onDragOver={(event: DragEvent<HTMLDivElement>) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            border: '1px dashed var(--mantine-color-gray-5)',
            borderRadius: 'var(--mantine-radius-md)',
            background: dragging ? 'var(--mantine-color-amanah-0)' : undefined,
          }}
        >
          <IconUpload size={16} aria-hidden />
          <Text size="xs" c="gray.7">
            {t.evidenceDrop}
          </Text>
          <FileButton onChange={choose} accept={accept} multiple disabled={upload.isPending}>
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="light"
                loading={upload.isPending}
                aria-label={`${t.evidencePick}: ${label}`}
              >
                {t.evidencePick}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t.evidenceTypes}, {t.evidenceMax(maxMb)}
          </Text>
        </Group>
      )}
      {upload.isPending && current && (
        <Text size="xs" role="status">
          {t.evidenceUploading(current)}
        </Text>
      )}
      {(problem || upload.isError) && (
        <Alert color="red" variant="light" role="alert" p="xs">
          <Text size="sm">{problem ?? errorMessage(upload.error)}</Text>
        </Alert>
      )}

      <ConfirmDialog
        opened={removing !== null}
        title={t.evidenceDeleteTitle}
        message={t.evidenceDeleteConfirm(removing?.fileName ?? '')}
        confirmLabel={t.evidenceDeleteTitle}
        pending={remove.isPending}
        error={remove.isError ? remove.error : undefined}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id)}
      />
    </Stack>
  );
}
