import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { formatDate, formatNip } from '../../lib/format.js';
import { ActingBadge, DeadlineText } from './badges.js';
import { levelLabels, agreementStrings as t } from './strings.js';
import type { AgreementDetail, Party } from './types.js';

function PartyBlock({ label, party }: { label: string; party: Party | null }) {
  return (
    <Paper withBorder p="sm" radius="sm" h="100%" data-testid={label}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      {party ? (
        <Stack gap={2} mt={4}>
          <Text fw={700}>{party.name}</Text>
          <Group gap={6} wrap="nowrap">
            <ActingBadge kind={party.assignmentKind} />
            <Text size="sm">{party.positionTitle}</Text>
          </Group>
          <Text size="xs" c="gray.7">
            NIP {formatNip(party.nip)}
            {party.grade ? ` · ${party.grade}` : ''}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {t.alone}
        </Text>
      )}
    </Paper>
  );
}

/** Who signs (pihak kedua left, pihak pertama right, as on the printed PK) and the dates. */
export function PartiesCard({ detail }: { detail: AgreementDetail }) {
  const done = ['signed', 'published', 'superseded'].includes(detail.status);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PartyBlock label={t.secondParty} party={detail.secondParty} />
          <PartyBlock label={t.firstParty} party={detail.firstParty} />
        </SimpleGrid>
        {detail.secondPartyOverrideReason && (
          <Text size="sm">
            <Text span fw={600}>
              {t.override}
            </Text>{' '}
            {detail.secondPartyOverrideReason}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t.year}>
            {detail.startYear === detail.endYear
              ? String(detail.year)
              : `${detail.startYear}–${detail.endYear}`}
          </Field>
          <Field label={t.level}>{levelLabels[detail.level]}</Field>
          <Field label={t.agreementDate}>{formatDate(detail.agreementDate)}</Field>
          <Field label={t.deadline}>
            <DeadlineText
              deadline={detail.deadline}
              daysLeft={done ? null : detail.daysLeft}
              late={detail.late}
            />
          </Field>
        </SimpleGrid>
        {detail.level !== 'pemda' && (
          <Text size="sm">
            <Text span c="dimmed">
              {t.supportsParent}:{' '}
            </Text>
            {detail.parent ? (
              <AnchorLink
                to="/pk/dokumen/$agreementId"
                params={{ agreementId: detail.parent.id }}
                size="sm"
              >
                PK {detail.parent.positionTitle} ({levelLabels[detail.parent.level]})
              </AnchorLink>
            ) : (
              t.noParent
            )}
          </Text>
        )}
        {detail.revisionNo > 0 && (
          <Text size="xs" c="dimmed">
            {t.revision(detail.revisionNo)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
