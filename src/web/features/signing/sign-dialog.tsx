import {
  Alert,
  Anchor,
  Box,
  Button,
  Grid,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconExternalLink, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { documentPdfUrl, type SignedSummary, signingApi } from '../../api/signing.js';
import { formatDateTime, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { doneGreen, formatDocumentCode, KindBadge } from './badges.js';
import { documentQuery, refreshAfterSigning } from './queries.js';
import { useSecretInput } from './secret-input.js';
import { SigningSecretFields } from './signing-secret-fields.js';
import { roleLabels, signingStrings as t } from './strings.js';

export interface SignTarget {
  documentId: string;
  title: string;
}

/**
 * "Baca & tandatangani": the PDF beside the statement, the passphrase (and TOTP when the Pemda
 * asks for it) and the button. Full screen on a phone, where the PDF may only open in a tab.
 */
export function SignDialog({
  target,
  requireTotp,
  onClose,
  onSigned,
}: {
  target: SignTarget | null;
  requireTotp: boolean;
  onClose: () => void;
  onSigned?: (document: SignedSummary) => void;
}) {
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const pending = useRef(false);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      opened={target !== null}
      onClose={() => {
        if (!pending.current) onClose();
      }}
      title={
        <Group gap="xs">
          <IconSignature size={20} aria-hidden />
          <Text fw={700}>{t.signTitle}</Text>
        </Group>
      }
      size="min(1200px, 96vw)"
      fullScreen={isPhone}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      closeButtonProps={{ 'aria-label': common.close }}
    >
      {target && (
        <SignDialogBody
          // A new document starts from a clean form.
          key={target.documentId}
          target={target}
          requireTotp={requireTotp}
          isPhone={isPhone}
          onBusy={(value) => {
            pending.current = value;
            setBusy(value);
          }}
          onCancel={onClose}
          onSigned={(document) => {
            onSigned?.(document);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

function SignDialogBody({
  target,
  requireTotp,
  isPhone,
  onBusy,
  onCancel,
  onSigned,
}: {
  target: SignTarget;
  requireTotp: boolean;
  isPhone: boolean;
  onBusy: (busy: boolean) => void;
  onCancel: () => void;
  onSigned: (document: SignedSummary) => void;
}) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const summary = useQuery(documentQuery(target.documentId));
  const passphrase = useSecretInput();
  const totp = useSecretInput();
  const [agreed, setAgreed] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Guards against a double click or Enter pressed twice before React re-renders.
  const inFlight = useRef(false);

  const pdfUrl = documentPdfUrl(target.documentId);
  const doc = summary.data;
  const nextSigner = doc?.signers.find((s) => s.status === 'pending') ?? null;
  const notMyTurn = doc !== undefined && doc.status === 'pending' && !doc.permissions.sign;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (inFlight.current) return;
    if (!agreed || !passphrase.filled || (requireTotp && !totp.filled)) return;
    inFlight.current = true;
    const body = {
      passphrase: passphrase.take(),
      ...(requireTotp ? { totp: totp.take().replace(/\s+/g, '') } : {}),
    };
    setSigning(true);
    onBusy(true);
    setError(null);
    try {
      const signed = await signingApi.sign(target.documentId, body);
      notifySuccess(t.signedBody(target.title), t.signed);
      await refreshAfterSigning(queryClient);
      onSigned(signed);
    } catch (caught) {
      setError(caught);
      passphrase.focus();
    } finally {
      inFlight.current = false;
      setSigning(false);
      onBusy(false);
    }
  };

  const preview = (
    <Stack gap="xs" h="100%">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t.previewHint}
        </Text>
        <Anchor href={pdfUrl} target="_blank" rel="noopener" size="sm" fw={600}>
          <Group gap={4} wrap="nowrap">
            <IconExternalLink size={16} aria-hidden />
            {t.openInTab}
          </Group>
        </Anchor>
      </Group>
      <Box
        component="iframe"
        title={t.preview}
        src={pdfUrl}
        w="100%"
        h={isPhone ? '55vh' : 'calc(100vh - 260px)'}
        mih={360}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
      />
    </Stack>
  );

  const form = (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {doc && <KindBadge kind={doc.kind} />}
            <Text fw={600} size="sm">
              {target.title}
            </Text>
          </Group>
          {doc && (
            <Text size="xs" c="dimmed">
              {t.documentId}: {formatDocumentCode(doc.code)}
            </Text>
          )}
        </Stack>
        {summary.isPending ? (
          <Skeleton height={64} />
        ) : doc ? (
          <Stack gap={6} component="section" aria-label={t.signers}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t.signers}
            </Text>
            {doc.signers.map((signer) => (
              <div key={signer.seq}>
                <Text size="sm" fw={500}>
                  {signer.seq}. {signer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {roleLabels[signer.role]}
                  {signer.nip ? ` · NIP ${formatNip(signer.nip)}` : ''}
                </Text>
                <Text
                  size="xs"
                  fw={signer.status === 'signed' || signer === nextSigner ? 600 : undefined}
                  c={
                    signer.status === 'signed'
                      ? doneGreen
                      : signer === nextSigner
                        ? 'indigo.9'
                        : 'dimmed'
                  }
                >
                  {signer.status === 'signed'
                    ? `✓ ${t.signedOn(formatDateTime(signer.signedAt, timeZone))}`
                    : signer === nextSigner
                      ? doc.permissions.sign
                        ? t.yourTurn
                        : t.waitingFor(signer.name)
                      : t.afterThat}
                </Text>
              </div>
            ))}
          </Stack>
        ) : null}
        {notMyTurn && nextSigner && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t.waitingFor(nextSigner.name)}
          </Alert>
        )}
        <SigningSecretFields
          statement={t.statement}
          agreed={agreed}
          onAgreedChange={setAgreed}
          passphrase={passphrase}
          totp={totp}
          requireTotp={requireTotp}
          submitted={submitted}
          refusal={error}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={signing}>
            {common.cancel}
          </Button>
          <Button
            type="submit"
            loading={signing}
            disabled={signing}
            leftSection={<IconSignature size={16} aria-hidden />}
          >
            {t.sign}
          </Button>
        </Group>
      </Stack>
    </form>
  );

  if (isPhone) {
    return (
      <Stack gap="lg">
        {preview}
        {form}
      </Stack>
    );
  }
  return (
    <Grid gutter="lg">
      <Grid.Col span={8}>{preview}</Grid.Col>
      <Grid.Col span={4}>{form}</Grid.Col>
    </Grid>
  );
}
