import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconInfoCircle, IconPlus, IconScale } from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import { api } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { type Crumb, PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState } from '../../components/states.js';
import { useSession } from '../../session.js';
import { ScaleFormModal } from './scale-form.js';
import { scaleStrings as t } from './strings.js';
import type { Scale, ScaleLevel, ScaleList } from './types.js';

export const scalesQuery = () =>
  queryOptions({
    queryKey: ['rating-scales'],
    queryFn: () => api.get<ScaleList>('/api/rating-scales'),
  });

const crumbs: Crumb[] = [{ label: t.planning, to: '/perencanaan' }, { label: t.title }];

/** Highest score first: the best level on top, as the scale is read. */
const byScoreDesc = (levels: readonly ScaleLevel[]) =>
  [...levels].sort((a, b) => new Decimal(b.score).comparedTo(a.score));

/** The tenant's qualitative rating scales (BPK opinion, SAKIP predikat, index categories). */
export function ScalesPage() {
  const scales = useQuery(scalesQuery());
  const session = useSession();
  // The API says what the user may do; the session capability is only the fallback.
  const fallback = session.capabilities.writeRpjmd === true;
  const [editing, setEditing] = useState<Scale | 'new' | null>(null);

  return (
    <QueryPage query={scales} errorTitle={t.errorTitle} crumbs={crumbs}>
      {(data) => {
        const canCreate = data.permissions?.create ?? fallback;
        const canUpdate = (scale: Scale) => scale.permissions?.update ?? fallback;
        const readOnly = !canCreate && !data.items.some(canUpdate);
        return (
          <>
            <PageHeader
              title={t.title}
              description={t.description}
              crumbs={crumbs}
              actions={
                canCreate && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing('new')}
                  >
                    {t.add}
                  </Button>
                )
              }
            />
            <Stack gap="md">
              {readOnly && (
                <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
                  {t.readOnly}
                </Alert>
              )}
              {data.items.length === 0 ? (
                <Paper withBorder p="md">
                  <EmptyState
                    icon={<IconScale size={26} aria-hidden />}
                    title={t.emptyTitle}
                    description={canCreate ? t.emptyBody : t.emptyReadonly}
                    action={
                      canCreate && (
                        <Button mt="xs" onClick={() => setEditing('new')}>
                          {t.add}
                        </Button>
                      )
                    }
                  />
                </Paper>
              ) : (
                data.items.map((scale) => (
                  <ScaleCard
                    key={scale.id}
                    scale={scale}
                    canEdit={canUpdate(scale)}
                    onEdit={() => setEditing(scale)}
                  />
                ))
              )}
            </Stack>
            {editing && (
              <ScaleFormModal
                key={editing === 'new' ? 'new' : editing.id}
                scale={editing === 'new' ? null : editing}
                onClose={() => setEditing(null)}
              />
            )}
          </>
        );
      }}
    </QueryPage>
  );
}

function ScaleCard({
  scale,
  canEdit,
  onEdit,
}: {
  scale: Scale;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const headingId = `scale-${scale.id}`;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      data-testid="scale-card"
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={2} size="h4" id={headingId}>
              {scale.name}
            </Title>
            <Badge variant="light" color="gray" size="sm">
              {t.levelCount(scale.levels.length)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t.keyLabel}: <code>{scale.key}</code>
          </Text>
        </Stack>
        {canEdit && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEdit size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t.editLabel(scale.name)}
          >
            {t.edit}
          </Button>
        )}
      </Group>
      <DataTable
        minWidth={360}
        head={
          <>
            <Table.Th w={110}>{t.code}</Table.Th>
            <Table.Th>{t.label}</Table.Th>
            <Table.Th w={90} ta="right">
              {t.score}
            </Table.Th>
          </>
        }
      >
        {byScoreDesc(scale.levels).map((level) => (
          <Table.Tr key={level.code}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {level.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{level.label}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatIndonesianNumber(level.score)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}
