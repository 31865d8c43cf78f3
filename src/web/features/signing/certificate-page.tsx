import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  List,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconCertificate,
  IconDownload,
  IconInfoCircle,
  IconLock,
  IconRefresh,
  IconShieldOff,
  IconUserOff,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ReissueReason } from '../../../modules/pki/reissue-certificate.js';
import type { RevocationReason } from '../../../shared/codes.js';
import type { PassphraseContext } from '../../../shared/passphrase-strength.js';
import { ApiError } from '../../api/client.js';
import {
  type MyCertificate,
  type MyCertificateState,
  myCertificateDownloadUrl,
  signingApi,
} from '../../api/signing.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, formatDateTime, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useSession, useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { CertificateStatusBadge } from './badges.js';
import { PassphraseFields, passphraseReady } from './passphrase-fields.js';
import { myCertificateQuery, tenantCaQuery } from './queries.js';
import { useSecretInput } from './secret-input.js';
import { SigningErrorAlert } from './signing-error.js';
import { reissueReasons, revocationReasonLabels, signingStrings as t } from './strings.js';

/** /akun/tanda-tangan: what a signing certificate is, enrolment, the current one, re-issue, revoke. */
export function CertificatePage() {
  const mine = useQuery(myCertificateQuery());
  return (
    <>
      <PageHeader title={t.certTitle} description={t.certDescription} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="lg" style={{ gridColumn: 'span 2' }}>
          {mine.isPending ? (
            <Paper withBorder p="lg">
              <LoadingRows rows={4} />
            </Paper>
          ) : mine.isError ? (
            <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
          ) : (
            <CertificateState state={mine.data} />
          )}
          <TrustCard />
        </Stack>
        <Paper withBorder p="lg" h="fit-content">
          <Group gap="xs" mb="xs">
            <IconInfoCircle size={20} aria-hidden />
            <Title order={2} fz="lg">
              {t.whatTitle}
            </Title>
          </Group>
          <Stack gap="xs">
            {t.whatBody.map((paragraph) => (
              <Text key={paragraph} size="sm">
                {paragraph}
              </Text>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}

function CertificateState({ state }: { state: MyCertificateState }) {
  if (!state.employeeLinked) {
    return (
      <Paper withBorder>
        <EmptyState
          icon={<IconUserOff size={26} aria-hidden />}
          title={t.notLinkedTitle}
          description={t.notLinkedBody}
        />
      </Paper>
    );
  }
  const totpMissing = state.tenantRequiresTotp && !state.totpEnabled && (
    <Alert color="orange" variant="light" icon={<IconLock size={18} aria-hidden />}>
      <Stack gap={4}>
        <Text size="sm">
          Pemda Anda mewajibkan kode verifikasi dua langkah setiap kali menandatangani. Aktifkan
          dahulu agar dapat menandatangani.
        </Text>
        <AnchorLink to="/akun/dua-langkah" size="sm" fw={600}>
          {t.toTotp}
        </AnchorLink>
      </Stack>
    </Alert>
  );
  const cert = state.certificate;
  if (cert?.status !== 'active') {
    return (
      <>
        {totpMissing}
        {cert && <CertificateCard state={state} cert={cert} />}
        {state.provider === 'bsre' ? <BsreCard /> : <EnrolCard state={state} />}
      </>
    );
  }
  return (
    <>
      {totpMissing}
      <CertificateCard state={state} cert={cert} />
    </>
  );
}

function usePassphraseContext(state: MyCertificateState): PassphraseContext {
  const session = useSession();
  return {
    name: state.identity?.fullName ?? session.user.displayName,
    nip: state.identity?.nip || null,
    username: session.user.username,
  };
}

/** A field error the server attached to a passphrase field (weak, confirmation differs). */
function passphraseFieldError(
  error: unknown,
): { field: 'passphrase' | 'passphraseConfirmation'; message: string } | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.field;
  if (field === 'passphrase' || field === 'passphraseConfirmation') {
    return { field, message: error.message };
  }
  if (error.code === 'PASSPHRASE_WEAK') return { field: 'passphrase', message: error.message };
  return null;
}

function EnrolCard({ state }: { state: MyCertificateState }) {
  const queryClient = useQueryClient();
  const context = usePassphraseContext(state);
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (pending || !passphraseReady(value, confirmation, context)) return;
    const body = { passphrase: value, passphraseConfirmation: confirmation };
    // The passphrase leaves the page's state as the request leaves.
    setValue('');
    setConfirmation('');
    setSubmitted(false);
    setPending(true);
    setError(null);
    try {
      await signingApi.enrol(body);
      notifySuccess(t.enrolledBody, t.enrolled);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['my-certificate'] }),
        queryClient.invalidateQueries({ queryKey: ['signing-tasks'] }),
        queryClient.invalidateQueries({ queryKey: ['tenant-ca'] }),
      ]);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Group gap="xs">
            <IconCertificate size={22} aria-hidden />
            <Title order={2} fz="lg">
              {t.enrolTitle}
            </Title>
          </Group>
          {state.identity && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Field label={t.subject}>{state.identity.fullName}</Field>
              <Field label={t.nip}>{formatNip(state.identity.nip)}</Field>
              <Field label={t.jabatan}>{state.identity.jabatan || common.none}</Field>
            </SimpleGrid>
          )}
          <PassphraseFields
            value={value}
            confirmation={confirmation}
            onChange={setValue}
            onConfirmationChange={setConfirmation}
            context={context}
            submitted={submitted}
            serverError={passphraseFieldError(error)}
          />
          {error && !passphraseFieldError(error) ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={pending} disabled={pending}>
              {t.enrol}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A Pemda that signs through BSrE: the official registers the NIK BSrE knows them by. */
function BsreCard() {
  const queryClient = useQueryClient();
  const [nik, setNik] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = /^[0-9]{16}$/.test(nik.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || pending) return;
    setPending(true);
    setError(null);
    try {
      await signingApi.registerBsre(nik.trim());
      notifySuccess(t.enrolledBody, t.bsreRegistered);
      setNik('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['my-certificate'] }),
        queryClient.invalidateQueries({ queryKey: ['signing-tasks'] }),
      ]);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Group gap="xs">
            <IconCertificate size={22} aria-hidden />
            <Title order={2} fz="lg">
              {t.bsreTitle}
            </Title>
          </Group>
          <Text size="sm">{t.bsreBody}</Text>
          <TextInput
            label={t.nik}
            description={t.nikHint}
            value={nik}
            onChange={(event) => setNik(event.currentTarget.value)}
            inputMode="numeric"
            maxLength={16}
            autoComplete="off"
            required
            error={submitted && !valid ? t.nikInvalid : undefined}
            maw={320}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={pending} disabled={pending}>
              {t.bsreRegister}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CertificateCard({ state, cert }: { state: MyCertificateState; cert: MyCertificate }) {
  const timeZone = useTimeZone();
  const [reissuing, setReissuing] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const active = cert.status === 'active';
  const locked = cert.locked && cert.lockedUntil;
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <IconCertificate size={22} aria-hidden />
            <Title order={2} fz="lg">
              {t.currentTitle}
            </Title>
          </Group>
          <CertificateStatusBadge status={cert.status} />
        </Group>
        {locked && (
          <Alert color="orange" variant="light" icon={<IconLock size={18} aria-hidden />}>
            {t.lockedNow(formatDateTime(cert.lockedUntil, timeZone))}
          </Alert>
        )}
        {active && cert.readiness === 'expired' && (
          <Alert color="orange" variant="light">
            Sertifikat ini sudah tidak berlaku. Terbitkan ulang untuk menandatangani lagi.
          </Alert>
        )}
        {active && state.jabatanChanged && state.identity && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            Jabatan Anda sekarang ({state.identity.jabatan}) berbeda dari yang tercantum di
            sertifikat. Terbitkan ulang dengan alasan "Jabatan atau data berubah" agar dokumen baru
            memuat jabatan yang benar.
          </Alert>
        )}
        {!active && (
          <Text size="sm">
            {cert.revocationReason
              ? `Dicabut ${formatDateTime(cert.revokedAt, timeZone)}: ${revocationReasonLabels[cert.revocationReason]}.`
              : `Dicabut ${formatDateTime(cert.revokedAt, timeZone)}.`}{' '}
            Buat sertifikat baru di bawah untuk menandatangani lagi.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t.subject}>{cert.subjectName}</Field>
          <Field label={t.nip}>{formatNip(cert.nip) || common.none}</Field>
          <Field label={t.jabatan}>{cert.jabatan || common.none}</Field>
          <Field label={t.provider}>{t.providers[cert.provider]}</Field>
          <Field label={t.serial}>
            {cert.serial ? (
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{cert.serial}</Code>
            ) : (
              common.none
            )}
          </Field>
          <Field label={t.validUntil}>{formatDate(cert.notAfter, timeZone)}</Field>
        </SimpleGrid>
        {active && (
          <Group gap="xs">
            {cert.provider === 'builtin' && (
              <Button
                component="a"
                href={myCertificateDownloadUrl}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t.downloadMine}
              </Button>
            )}
            {cert.provider === 'builtin' && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => setReissuing(true)}
              >
                {t.reissue}
              </Button>
            )}
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconShieldOff size={16} aria-hidden />}
              onClick={() => setRevoking(true)}
            >
              {t.revokeOwn}
            </Button>
          </Group>
        )}
      </Stack>
      <ReissueDialog opened={reissuing} state={state} onClose={() => setReissuing(false)} />
      <RevokeOwnDialog opened={revoking} cert={cert} onClose={() => setRevoking(false)} />
    </Paper>
  );
}

function ReissueDialog({
  opened,
  state,
  onClose,
}: {
  opened: boolean;
  state: MyCertificateState;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const context = usePassphraseContext(state);
  const password = useSecretInput();
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [reason, setReason] = useState<ReissueReason | null>(
    state.jabatanChanged ? 'affiliation_changed' : null,
  );
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    if (pending) return;
    setValue('');
    setConfirmation('');
    password.clear();
    setSubmitted(false);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (pending || !reason || !password.filled) return;
    if (!passphraseReady(value, confirmation, context)) return;
    const body = {
      password: password.take(),
      passphrase: value,
      passphraseConfirmation: confirmation,
      reason,
    };
    setValue('');
    setConfirmation('');
    setSubmitted(false);
    setPending(true);
    setError(null);
    try {
      await signingApi.reissue(body);
      notifySuccess(t.enrolledBody, t.reissued);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['my-certificate'] }),
        queryClient.invalidateQueries({ queryKey: ['signing-tasks'] }),
      ]);
      setPending(false);
      onClose();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>{t.reissueTitle}</Text>}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': common.close }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t.reissueBody}</Text>
          <Select
            label={t.reason}
            placeholder="Pilih alasan"
            data={reissueReasons.map((value) => ({
              value,
              label: revocationReasonLabels[value],
            }))}
            value={reason}
            onChange={(value) => setReason(value as ReissueReason | null)}
            allowDeselect={false}
            required
            error={submitted && !reason ? 'Pilih alasannya.' : undefined}
          />
          <PasswordInput
            {...password.inputProps}
            label={t.accountPassword}
            description={t.accountPasswordHint}
            autoComplete="current-password"
            required
            error={
              submitted && !password.filled
                ? 'Masukkan kata sandi akun Anda.'
                : error instanceof ApiError && error.field === 'password'
                  ? error.message
                  : undefined
            }
          />
          <PassphraseFields
            value={value}
            confirmation={confirmation}
            onChange={setValue}
            onConfirmationChange={setConfirmation}
            context={context}
            submitted={submitted}
            serverError={passphraseFieldError(error)}
          />
          {error && !passphraseFieldError(error) ? <SigningErrorAlert error={error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={pending}>
              {common.cancel}
            </Button>
            <Button type="submit" loading={pending} disabled={pending}>
              {t.reissue}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const ownRevokeReasons: RevocationReason[] = [
  'key_compromise',
  'cessation_of_operation',
  'affiliation_changed',
];

function RevokeOwnDialog({
  opened,
  cert,
  onClose,
}: {
  opened: boolean;
  cert: MyCertificate;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<RevocationReason>('key_compromise');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await signingApi.revoke(cert.id, reason);
      notifySuccess(t.revoked);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['my-certificate'] }),
        queryClient.invalidateQueries({ queryKey: ['signing-tasks'] }),
      ]);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <ConfirmDialog
      opened={opened}
      title={t.revokeOwnTitle}
      message={t.revokeOwnBody}
      confirmLabel={t.revokeOwn}
      pending={pending}
      error={error}
      onConfirm={() => void confirm()}
      onClose={() => {
        if (!pending) {
          setError(null);
          onClose();
        }
      }}
    >
      <Select
        label={t.reason}
        data={ownRevokeReasons.map((value) => ({ value, label: revocationReasonLabels[value] }))}
        value={reason}
        onChange={(value) => value && setReason(value as RevocationReason)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    </ConfirmDialog>
  );
}

/** "Unduh sertifikat CA Pemda" and how to trust it in Adobe Reader or Okular. */
function TrustCard() {
  const ca = useQuery(tenantCaQuery());
  const info = ca.data?.ca ?? null;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t.trustTitle}
        </Title>
        <Text size="sm">{t.trustIntro}</Text>
        {ca.isError ? (
          <ErrorAlert error={ca.error} onRetry={() => void ca.refetch()} />
        ) : info ? (
          <Stack gap={6}>
            <Group gap="xs">
              <Button
                component="a"
                href={info.links.certificate}
                download
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t.downloadCa}
              </Button>
              <Anchor href={info.links.pem} download size="sm">
                format PEM
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {info.subject} · berlaku sampai {formatDate(info.notAfter)}
            </Text>
            <Text size="xs" c="dimmed">
              Sidik jari SHA-256 (cocokkan saat mengimpor):{' '}
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                {info.fingerprintSha256}
              </Code>
            </Text>
          </Stack>
        ) : ca.isPending ? (
          <LoadingRows rows={1} />
        ) : (
          <Text size="sm" c="dimmed">
            {t.caDownloadFailed} CA dibuat saat pejabat pertama membuat sertifikat.
          </Text>
        )}
        <Accordion variant="separated" chevronPosition="right">
          <Accordion.Item value="adobe">
            <Accordion.Control>{t.adobe}</Accordion.Control>
            <Accordion.Panel>
              <List type="ordered" size="sm" spacing={4}>
                {t.trustAdobe.map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="okular">
            <Accordion.Control>{t.okular}</Accordion.Control>
            <Accordion.Panel>
              <List type="ordered" size="sm" spacing={4}>
                {t.trustOkular.map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}
