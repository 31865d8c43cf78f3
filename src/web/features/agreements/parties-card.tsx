import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconLink, IconUserEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { formatDate, formatNip } from '../../lib/format.js';
import { ActingBadge, DeadlineText } from './badges.js';
import {
  AgreementDateDialog,
  ParentDialog,
  type PartiesActions,
  SecondPartyDialog,
} from './parties-dialogs.js';
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

/**
 * Who signs (pihak kedua left, pihak pertama right, as on the printed PK) and the dates; with
 * `actions` (the PK is editable) also "Ganti pihak kedua" and "Ubah tanggal PK".
 */
export function PartiesCard({
  detail,
  actions,
}: {
  detail: AgreementDetail;
  actions?: PartiesActions | undefined;
}) {
  const done = ['signed', 'published', 'superseded'].includes(detail.status);
  const [dialog, setDialog] = useState<'second' | 'date' | 'parent' | null>(null);
  const canEdit = actions !== undefined && detail.permissions.update === true;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Para pihak">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PartyBlock label={t.secondParty} party={detail.secondParty} />
          <PartyBlock label={t.firstParty} party={detail.firstParty} />
        </SimpleGrid>
        {detail.secondPartyOverrideReason && (
          <Alert
            color="yellow"
            variant="light"
            p="xs"
            icon={<IconUserEdit size={18} aria-hidden />}
            data-testid="override-reason"
          >
            <Text size="sm">
              <Text span fw={600}>
                {t.override}
              </Text>{' '}
              {detail.secondPartyOverrideReason}
            </Text>
          </Alert>
        )}
        {canEdit && (
          <Group gap="xs">
            {detail.level !== 'pemda' && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconUserEdit size={16} aria-hidden />}
                onClick={() => setDialog('second')}
              >
                {t.changeSecondParty}
              </Button>
            )}
            <Button
              variant="default"
              size="xs"
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              onClick={() => setDialog('date')}
            >
              {t.changeDate}
            </Button>
          </Group>
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
          <Group gap="xs" justify="space-between" wrap="wrap" data-testid="parent-line">
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
            {canEdit && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconLink size={16} aria-hidden />}
                onClick={() => setDialog('parent')}
              >
                {t.changeParent}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {canEdit && dialog === 'second' && (
        <SecondPartyDialog detail={detail} actions={actions} onClose={() => setDialog(null)} />
      )}
      {canEdit && dialog === 'parent' && (
        <ParentDialog detail={detail} actions={actions} onClose={() => setDialog(null)} />
      )}
      {canEdit && dialog === 'date' && (
        <AgreementDateDialog detail={detail} actions={actions} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
