import { Badge, Button, Grid, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconArchive,
  IconArrowsMove,
  IconDots,
  IconPencil,
  IconPlus,
  IconRestore,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { PositionKind, UnitDetail } from '../../api/types.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable } from '../../components/data-table.js';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState } from '../../components/states.js';
import { formatDate, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { common } from '../../strings.js';
import { HolderLine, KindBadge, LevelBadge, VacantBadge } from './badges.js';
import { MoveUnitModal } from './move-unit.js';
import { PositionFormModal } from './position-form.js';
import { unitQuery } from './queries.js';
import { positionKindLabels, orgStrings as t, unitTypeLabels } from './strings.js';
import { UnitFormModal } from './unit-form.js';

const route = getRouteApi('/_app/organisasi/unit/$unitId');

type Dialog = 'edit' | 'child' | 'position' | 'move' | 'archive' | 'restore' | null;

export function UnitPage() {
  const { unitId } = route.useParams();
  const unit = useQuery(unitQuery(unitId));
  return (
    <QueryPage
      query={unit}
      errorTitle={t.treeTitle}
      crumbs={[{ label: t.treeTitle, to: '/organisasi' }]}
    >
      {(data) => <UnitView unit={data} />}
    </QueryPage>
  );
}

/** What a new head position of this unit is probably called and which kind it is. */
function headSuggestion(unit: UnitDetail): { title: string; kind: PositionKind } {
  const kind: PositionKind =
    unit.level === 'eselon_2'
      ? 'jpt_pratama'
      : unit.level === 'eselon_3'
        ? 'administrator'
        : 'pengawas';
  const prefix = unit.type === 'kecamatan' ? 'Camat' : unit.type === 'rsud' ? 'Direktur' : 'Kepala';
  const name = unit.type === 'kecamatan' ? unit.name.replace(/^Kecamatan\s+/i, '') : unit.name;
  return { title: `${prefix} ${name}`, kind };
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const p = unit.permissions;
  const archiveMutation = useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      api.post<UnitDetail>(`/api/units/${unit.id}/${action}`, { version: unit.version }),
    onSuccess: async (_data, action) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: ['unit'] }),
      ]);
      notifySuccess(action === 'archive' ? t.archived : t.restored, unit.name);
      close();
    },
  });

  const hasHead = unit.positions.some((pos) => pos.headsUnit && !pos.archived);
  const suggestion = headSuggestion(unit);
  const moreActions = p.move || p.archive || (p.restore && unit.archived);

  return (
    <>
      <PageHeader
        title={unit.name}
        crumbs={[
          { label: t.treeTitle, to: '/organisasi' },
          ...unit.ancestors.map((a) => ({
            label: a.name,
            to: '/organisasi/unit/$unitId',
            params: { unitId: a.id },
          })),
          { label: unit.name },
        ]}
        badges={
          <>
            <LevelBadge level={unit.level} />
            {unit.archived && (
              <Badge color="gray" variant="filled">
                {t.archivedBadge}
              </Badge>
            )}
          </>
        }
        description={unitTypeLabels[unit.type]}
        actions={
          <>
            {p.update && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                {t.edit}
              </Button>
            )}
            {p.createChild && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDialog('child')}
              >
                {t.addChild}
              </Button>
            )}
            {p.createPosition && (
              <Button
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setDialog('position')}
              >
                {t.addPosition}
              </Button>
            )}
            {moreActions && (
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <Button variant="default" rightSection={<IconDots size={16} aria-hidden />}>
                    Lainnya
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {p.move && (
                    <Menu.Item
                      leftSection={<IconArrowsMove size={16} aria-hidden />}
                      onClick={() => setDialog('move')}
                    >
                      {t.move}
                    </Menu.Item>
                  )}
                  {p.archive && !unit.archived && (
                    <Menu.Item
                      color="red"
                      leftSection={<IconArchive size={16} aria-hidden />}
                      onClick={() => setDialog('archive')}
                    >
                      {t.archive}
                    </Menu.Item>
                  )}
                  {p.restore && unit.archived && (
                    <Menu.Item
                      leftSection={<IconRestore size={16} aria-hidden />}
                      onClick={() => setDialog('restore')}
                    >
                      {t.restore}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </>
        }
      />

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Title order={2} fz="lg" mb="sm">
              {t.unitData}
            </Title>
            <Stack gap="sm">
              <Field label={t.type}>{unitTypeLabels[unit.type]}</Field>
              <Field label={t.level}>{unit.level ? common.levels[unit.level] : '–'}</Field>
              <Field label={t.shortName}>{unit.shortName ?? '–'}</Field>
              <Field label={t.code}>{unit.code ?? '–'}</Field>
              <Field label={t.parent}>
                {unit.ancestors.length > 0 ? (
                  <AnchorLink
                    to="/organisasi/unit/$unitId"
                    params={{ unitId: unit.ancestors[unit.ancestors.length - 1]?.id ?? '' }}
                    size="sm"
                  >
                    {unit.ancestors[unit.ancestors.length - 1]?.name}
                  </AnchorLink>
                ) : (
                  t.topLevel
                )}
              </Field>
              <Field label={t.head}>
                {unit.head ? (
                  <Stack gap={2}>
                    <AnchorLink
                      to="/organisasi/jabatan/$positionId"
                      params={{ positionId: unit.head.positionId }}
                      size="sm"
                    >
                      {unit.head.title}
                    </AnchorLink>
                    <HolderLine holder={unit.head.holder} />
                  </Stack>
                ) : (
                  <Group gap={6}>
                    <VacantBadge />
                    <Text size="sm" c="dimmed">
                      {t.noHeadPosition}
                    </Text>
                  </Group>
                )}
              </Field>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md">
              <Title order={2} fz="lg" mb="sm">
                {t.positions}
              </Title>
              {unit.positions.length === 0 ? (
                <EmptyState
                  title={t.noPositions}
                  description={t.noPositionsBody}
                  action={
                    p.createPosition && (
                      <Button mt="xs" size="sm" onClick={() => setDialog('position')}>
                        {t.addPosition}
                      </Button>
                    )
                  }
                />
              ) : (
                <DataTable
                  minWidth={520}
                  head={
                    <>
                      <Table.Th>{t.positionTitle}</Table.Th>
                      <Table.Th>{t.holder}</Table.Th>
                      <Table.Th>{t.since}</Table.Th>
                    </>
                  }
                >
                  {unit.positions.map((pos) => (
                    <Table.Tr key={pos.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/organisasi/jabatan/$positionId"
                          params={{ positionId: pos.id }}
                          size="sm"
                          fw={500}
                        >
                          {pos.title}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {positionKindLabels[pos.kind]}
                          {pos.headsUnit ? ` · ${t.headsUnit}` : ''}
                          {pos.archived ? ` · ${common.archived}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {pos.holder ? (
                          <Stack gap={0}>
                            <Group gap={6} wrap="nowrap">
                              <KindBadge kind={pos.holder.kind} />
                              <Text size="sm">{pos.holder.employee.fullName}</Text>
                            </Group>
                            <Text size="xs" c="dimmed">
                              NIP {formatNip(pos.holder.employee.nip)}
                            </Text>
                          </Stack>
                        ) : (
                          <VacantBadge />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{pos.holder ? formatDate(pos.holder.startDate) : '–'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} fz="lg" mb="sm">
                {t.subUnits}
              </Title>
              {unit.children.length === 0 ? (
                <EmptyState
                  title={t.noSubUnits}
                  description={t.noSubUnitsBody}
                  action={
                    p.createChild && (
                      <Button
                        mt="xs"
                        size="sm"
                        variant="default"
                        onClick={() => setDialog('child')}
                      >
                        {t.addChild}
                      </Button>
                    )
                  }
                />
              ) : (
                <DataTable
                  minWidth={520}
                  head={
                    <>
                      <Table.Th>{t.name}</Table.Th>
                      <Table.Th>{t.level}</Table.Th>
                      <Table.Th>{t.head}</Table.Th>
                    </>
                  }
                >
                  {unit.children.map((child) => (
                    <Table.Tr key={child.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/organisasi/unit/$unitId"
                          params={{ unitId: child.id }}
                          size="sm"
                          fw={500}
                        >
                          {child.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        <LevelBadge level={child.level} />
                      </Table.Td>
                      <Table.Td>
                        {child.head ? <HolderLine holder={child.head.holder} /> : <VacantBadge />}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog === 'edit' && <UnitFormModal mode="edit" unit={unit} onClose={close} />}
      {dialog === 'child' && <UnitFormModal mode="create" parent={unit} onClose={close} />}
      {dialog === 'position' && (
        <PositionFormModal
          mode="create"
          unitId={unit.id}
          unitName={unit.name}
          suggestHead={!hasHead}
          suggestedTitle={hasHead ? '' : suggestion.title}
          suggestedKind={hasHead ? 'pelaksana' : suggestion.kind}
          onClose={close}
        />
      )}
      {dialog === 'move' && <MoveUnitModal unit={unit} onClose={close} />}
      <ConfirmDialog
        opened={dialog === 'archive' || dialog === 'restore'}
        title={dialog === 'restore' ? t.restoreTitle : t.archiveTitle}
        message={dialog === 'restore' ? t.restoreBody(unit.name) : t.archiveBody(unit.name)}
        confirmLabel={dialog === 'restore' ? t.restore : t.archive}
        color={dialog === 'restore' ? 'amanah' : 'red'}
        pending={archiveMutation.isPending}
        error={archiveMutation.error}
        onConfirm={() => archiveMutation.mutate(dialog === 'restore' ? 'restore' : 'archive')}
        onClose={() => {
          archiveMutation.reset();
          close();
        }}
      />
    </>
  );
}
