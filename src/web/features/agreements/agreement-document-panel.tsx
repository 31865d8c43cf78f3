import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconClockHour4,
  IconDownload,
  IconExternalLink,
  IconFileText,
  IconSignature,
} from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { DocumentSummary } from '../../../modules/documents/document-schemas.js';
import type { SignerRole } from '../../../shared/codes.js';
import { api, errorMessage } from '../../api/client.js';
import { formatDateTime, formatNip } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import type { AgreementDetail } from './types.js';

/**
 * "Dokumen PK" on the PK page: before the PK is ready, a link to the draft preview (stamped
 * KONSEP); once it is ready to sign (and after), the issued document: its id, who has signed
 * and when, open / download, and "Tandatangani" for the person whose turn it is.
 */

const s = {
  title: 'Dokumen PK',
  previewIntro:
    'PDF resmi dibuat saat PK ditandai siap ditandatangani. Sebelum itu, Anda dapat melihat pratinjaunya.',
  preview: 'Pratinjau PDF (konsep)',
  documentId: 'ID Dokumen',
  open: 'Buka PDF',
  download: 'Unduh',
  sign: 'Tandatangani',
  signHint: 'Giliran Anda menandatangani PK ini.',
  verify: 'Halaman verifikasi',
  waiting: 'Menunggu',
  signed: (at: string) => `Ditandatangani ${at}`,
  party: 'Pihak',
  name: 'Nama',
  status: 'Status',
  statusLabels: {
    pending: 'Menunggu tanda tangan',
    signed: 'Ditandatangani lengkap',
    void: 'Dibatalkan',
  } as Record<DocumentSummary['status'], string>,
  progress: (signed: number, total: number) => `${signed} dari ${total} tanda tangan`,
  loading: 'Memuat dokumen…',
};

const roleLabels: Record<SignerRole, string> = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Menyaksikan',
};

/** Statuses in which a PK has (or gets) its issued document. */
const issuedStatuses = new Set(['ready_to_sign', 'signed', 'published', 'superseded']);

export const agreementDocumentQuery = (agreementId: string, status: string) =>
  queryOptions({
    // The status is part of the key: a PK marked ready or returned shows a different document.
    queryKey: ['agreement-document', agreementId, status],
    queryFn: () => api.get<DocumentSummary>(`/api/agreements/${agreementId}/document`),
    retry: false,
  });

function SignerStatus({ signer }: { signer: DocumentSummary['signers'][number] }) {
  const timeZone = useTimeZone();
  if (signer.status === 'signed') {
    return (
      <Group gap={6} wrap="nowrap">
        <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
        <Text size="sm" c="green.9">
          {s.signed(formatDateTime(signer.signedAt, timeZone))}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <IconClockHour4 size={18} color="var(--mantine-color-gray-7)" aria-hidden />
      <Text size="sm" c="gray.8">
        {s.waiting}
      </Text>
    </Group>
  );
}

function IssuedDocument({ doc }: { doc: DocumentSummary }) {
  const pdfUrl = `/api/documents/${doc.id}/pdf`;
  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap" align="baseline">
        <div>
          <Text size="xs" c="dimmed">
            {s.documentId}
          </Text>
          <Text ff="monospace" fw={700} data-testid="document-code">
            {doc.printedCode}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {s.status}
          </Text>
          <Group gap={8}>
            <Badge
              variant="light"
              color={doc.status === 'signed' ? 'green' : doc.status === 'void' ? 'gray' : 'blue'}
            >
              {s.statusLabels[doc.status]}
            </Badge>
            <Text size="sm" c="gray.8">
              {s.progress(doc.signedCount, doc.signerCount)}
            </Text>
          </Group>
        </div>
      </Group>

      <Table withTableBorder verticalSpacing={6} fz="sm" aria-label="Tanda tangan para pihak">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.party}</Table.Th>
            <Table.Th>{s.name}</Table.Th>
            <Table.Th>{s.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {doc.signers.map((signer) => (
            <Table.Tr key={signer.seq}>
              <Table.Td>{roleLabels[signer.role]}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {signer.name}
                </Text>
                <Text size="xs" c="gray.7">
                  {signer.jabatan}
                  {signer.nip ? ` · NIP ${formatNip(signer.nip)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <SignerStatus signer={signer} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {doc.permissions.sign && (
        <Alert color="blue" variant="light" p="xs" icon={<IconSignature size={18} aria-hidden />}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">{s.signHint}</Text>
            <Button
              component={Link}
              to="/tugas"
              size="xs"
              leftSection={<IconSignature size={16} />}
            >
              {s.sign}
            </Button>
          </Group>
        </Alert>
      )}

      <Group gap="sm" wrap="wrap">
        <Button
          component="a"
          href={pdfUrl}
          target="_blank"
          rel="noopener"
          variant="light"
          leftSection={<IconExternalLink size={16} aria-hidden />}
        >
          {s.open}
        </Button>
        <Button
          component="a"
          href={`${pdfUrl}?download=1`}
          download={doc.fileName}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {s.download}
        </Button>
        <Anchor href={doc.verifyUrl} target="_blank" rel="noopener" size="sm">
          {s.verify}
        </Anchor>
      </Group>
    </Stack>
  );
}

export function AgreementDocumentPanel({ detail }: { detail: AgreementDetail }) {
  const issued = issuedStatuses.has(detail.status);
  const document = useQuery({
    ...agreementDocumentQuery(detail.id, detail.status),
    enabled: issued,
  });
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="pk-document"
      data-testid="document-panel"
    >
      <Group gap={8} mb="sm">
        <IconFileText size={20} aria-hidden />
        <Title order={2} fz="lg" id="pk-document">
          {s.title}
        </Title>
      </Group>
      {!issued ? (
        <Stack gap="xs">
          <Text size="sm" c="gray.8">
            {s.previewIntro}
          </Text>
          <Group>
            <Button
              component="a"
              href={`/api/agreements/${detail.id}/preview.pdf`}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<IconExternalLink size={16} aria-hidden />}
            >
              {s.preview}
            </Button>
          </Group>
        </Stack>
      ) : document.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {s.loading}
          </Text>
        </Group>
      ) : document.isError ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(document.error)}
        </Alert>
      ) : (
        <IssuedDocument doc={document.data} />
      )}
    </Paper>
  );
}
