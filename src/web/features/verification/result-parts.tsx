import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCertificate,
  IconCircleCheck,
  IconClockHour4,
  IconDownload,
  IconFileUnknown,
  IconHistory,
  IconShieldX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/links.js';
import { formatDate, formatDateTime, formatNip } from '../../lib/format.js';
import type { CertificateStatusView, DocumentVerification, FileSignature } from './api.js';
import { verifyStrings as t } from './strings.js';
import { type Tone, toneColor, type Verdict } from './verdict.js';

const toneIcon: Record<Tone, typeof IconCircleCheck> = {
  valid: IconCircleCheck,
  superseded: IconHistory,
  pending: IconClockHour4,
  void: IconBan,
  outdated: IconHistory,
  modified: IconShieldX,
  unknown: IconFileUnknown,
};

/** Badges with sentences in them: wrap on a phone instead of being cut with "…". */
const wrapBadge = {
  root: { height: 'auto', paddingBlock: 2, textTransform: 'none' as const },
  label: { whiteSpace: 'normal' as const, overflow: 'visible', textOverflow: 'clip' },
};

/**
 * Text colours that keep WCAG AA contrast (4.5:1) on the tinted backgrounds: Mantine's green.9
 * and orange.9 reach only about 4.1 on green.0 / yellow.0, hence the darker explicit shades.
 */
const textOn = {
  green: '#1b5e20',
  orange: '#9a3412',
  red: 'red.9',
  blue: 'blue.9',
  gray: 'gray.8',
} as const;

const toneTitleColor: Record<Tone, string> = {
  valid: textOn.green,
  superseded: textOn.orange,
  pending: textOn.blue,
  void: textOn.gray,
  outdated: textOn.orange,
  modified: textOn.red,
  unknown: textOn.gray,
};

type BadgeColor = 'green' | 'red' | 'gray';

/** A status in a few words: tinted, with dark text, wrapping on a phone. */
function StatusBadge({
  color,
  icon,
  children,
}: {
  color: BadgeColor;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Badge
      variant="light"
      bg={`${color}.0`}
      c={textOn[color]}
      leftSection={icon}
      styles={wrapBadge}
      style={{ alignSelf: 'flex-start' }}
    >
      {children}
    </Badge>
  );
}

/** The big answer: colour, icon and words together (colour is never the only signal). */
export function VerdictBanner({ verdict, children }: { verdict: Verdict; children?: ReactNode }) {
  const Icon = toneIcon[verdict.tone];
  const color = toneColor[verdict.tone];
  return (
    <Paper
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      bg={`var(--mantine-color-${color}-0)`}
      style={{ border: `2px solid var(--mantine-color-${color}-6)` }}
      role="status"
      data-tone={verdict.tone}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={48} radius="xl" color={color} variant="filled" aria-hidden>
          <Icon size={30} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} fz={{ base: 20, sm: 24 }} lh={1.25} c={toneTitleColor[verdict.tone]}>
            {verdict.title}
          </Title>
          <Text size="sm">{verdict.body}</Text>
          {verdict.notes.length > 0 && (
            <List size="sm" spacing={2}>
              {verdict.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          )}
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function SupersededNote({ doc }: { doc: DocumentVerification }) {
  if (!doc.supersededBy) return null;
  const by = doc.supersededBy;
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">
        {t.supersededBy(by.printedCode, formatDateTime(by.signedAt, doc.timeZone))}
      </Text>
      <AnchorLink to="/verifikasi/$code" params={{ code: by.code }} size="sm" fw={600}>
        {t.openSuccessor}
      </AnchorLink>
    </Stack>
  );
}

export function DocumentFacts({ doc, heading }: { doc: DocumentVerification; heading: string }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {heading}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Fact label={t.fields.kind}>{doc.kindLabel}</Fact>
        <Fact label={t.fields.code}>
          <span className="mono">{doc.printedCode}</span>
        </Fact>
        <Fact label={t.fields.title}>{doc.title}</Fact>
        <Fact label={t.fields.pemda}>{doc.pemdaName}</Fact>
        <Fact label={t.fields.date}>
          {doc.place}, {formatDate(doc.documentDate)}
        </Fact>
        {doc.signedAt && (
          <Fact label={t.fields.signedAt}>{formatDateTime(doc.signedAt, doc.timeZone)}</Fact>
        )}
        <Fact label={t.fields.files}>{t.filesCount(doc.fileCount)}</Fact>
        <Fact label={t.fields.sha}>
          <Text span size="xs" className="mono">
            {doc.currentSha256}
          </Text>
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}

/** "Sertifikat berlaku" / "dicabut <tanggal>" …, with what it means for the signature. */
export function CertificateLine({
  certificate,
  timeZone,
}: {
  certificate: CertificateStatusView | null;
  timeZone: string;
}) {
  if (!certificate) {
    return (
      <StatusBadge color="gray" icon={<IconCertificate size={12} aria-hidden />}>
        {t.certificate.none}
      </StatusBadge>
    );
  }
  const label =
    certificate.status === 'revoked'
      ? t.certificate.revoked(formatDate(certificate.revokedAt, timeZone))
      : t.certificate[certificate.status];
  const color: BadgeColor =
    certificate.status === 'valid' ? 'green' : certificate.status === 'unknown' ? 'gray' : 'red';
  let note: string | null = null;
  if (certificate.status === 'revoked' || certificate.status === 'expired') {
    if (certificate.validAtSigning === true) {
      note =
        certificate.status === 'revoked'
          ? t.certificate.beforeRevocation
          : t.certificate.whileValid;
    } else if (certificate.validAtSigning === false) {
      note = t.certificate.afterRevocation;
    }
  }
  return (
    <Stack gap={2}>
      <StatusBadge color={color} icon={<IconCertificate size={12} aria-hidden />}>
        {label}
      </StatusBadge>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

export function SignerList({ doc }: { doc: DocumentVerification }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t.signersSection}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {doc.signers.map((s) => (
          <Paper key={s.seq} withBorder p="sm" radius="md" component="li">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {s.roleLabel}
                </Text>
                {s.signedAt ? (
                  <StatusBadge color="green">
                    {t.signedOn(formatDateTime(s.signedAt, doc.timeZone))}
                  </StatusBadge>
                ) : (
                  <StatusBadge color="gray">{t.notSignedYet}</StatusBadge>
                )}
              </Group>
              <Text fw={600}>{s.name}</Text>
              <Text size="sm">
                {t.nip} <span className="mono">{formatNip(s.nip)}</span>
                {s.pangkat ? ` · ${s.pangkat}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {s.jabatan}
              </Text>
              {s.signedAt && (
                <CertificateLine certificate={s.certificate} timeZone={doc.timeZone} />
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

export function FileSignatures({
  signatures,
  timeZone,
}: {
  signatures: FileSignature[];
  timeZone: string;
}) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t.signaturesSection}
      </Title>
      {signatures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noSignatures}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {signatures.map((s, i) => {
            const last = i === signatures.length - 1;
            const ok = s.integrity === 'valid';
            return (
              <Paper key={s.index} withBorder p="sm" radius="md" component="li">
                <Stack gap={4}>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t.signatureNo(s.index)}
                  </Text>
                  <Text fw={600}>{s.signerName ?? t.unnamedSigner}</Text>
                  {(s.nip || s.jabatan) && (
                    <Text size="sm" c="dimmed">
                      {[s.nip ? `${t.nip} ${formatNip(s.nip)}` : null, s.jabatan]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                  {s.signingTime && (
                    <Text size="sm">{t.claimedTime(formatDateTime(s.signingTime, timeZone))}</Text>
                  )}
                  {s.issuerName && (
                    <Text size="xs" c="dimmed">
                      {t.issuedBy(s.issuerName)}
                    </Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    <StatusBadge
                      color={ok ? 'green' : 'red'}
                      icon={
                        ok ? (
                          <IconCircleCheck size={12} aria-hidden />
                        ) : (
                          <IconAlertTriangle size={12} aria-hidden />
                        )
                      }
                    >
                      {t.integrity[s.integrity]}
                    </StatusBadge>
                    {!s.coversWholeFile && (
                      <StatusBadge color={last ? 'red' : 'gray'}>
                        {last ? t.notCovering : t.laterSignature}
                      </StatusBadge>
                    )}
                  </Group>
                  <CertificateLine certificate={s.certificate} timeZone={timeZone} />
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

/** What kind of signature this is, and how to make a PDF reader trust the Pemda's CA. */
export function AboutSignatures({
  pemdaName,
  certificates,
}: {
  pemdaName: string | null;
  certificates: (CertificateStatusView | null)[];
}) {
  const known = certificates.filter((c): c is CertificateStatusView => c !== null);
  const bsre = known.some((c) => c.provider === 'bsre');
  const builtin = known.some((c) => c.provider === 'builtin') || (!bsre && pemdaName !== null);
  const caUrl = known.find((c) => c.caCertificateUrl)?.caCertificateUrl ?? null;
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {t.aboutTitle}
      </Title>
      {builtin && <Text size="sm">{t.aboutBuiltin(pemdaName ?? 'Pemda')}</Text>}
      {bsre && <Text size="sm">{t.aboutBsre}</Text>}
      <Text size="sm">{t.aboutQr}</Text>
      {builtin && (
        <Alert variant="light" color="blue" title={t.trustTitle}>
          <Stack gap="xs">
            <Text size="sm">{t.trustIntro}</Text>
            <List type="ordered" size="sm" spacing={4}>
              {t.trustSteps.map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
            {caUrl && (
              <Box>
                <Anchor href={caUrl} size="sm" download>
                  <Group gap={4} component="span" wrap="nowrap">
                    <IconDownload size={16} aria-hidden />
                    {t.downloadCa}
                  </Group>
                </Anchor>
              </Box>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
