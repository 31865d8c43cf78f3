import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArchive, IconPencil, IconRestore, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { AssignmentRow, PositionDetail } from '../../api/types.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateField } from '../../components/date-field.js';
import { Field } from '../../components/field.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState } from '../../components/states.js';
import { formatDate, formatNip, todayIn } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { AssignModal } from './assign-form.js';
import { KindBadge, VacantBadge } from './badges.js';
import { PositionFormModal } from './position-form.js';
import { positionQuery } from './queries.js';
import { positionKindLabels, orgStrings as t } from './strings.js';

const route = getRouteApi('/_app/organisasi/jabatan/$positionId');

export function PositionPage() {
  const { positionId } = route.useParams();
  const position = useQuery(positionQuery(positionId));
  return (
    <QueryPage
      query={position}
      errorTitle={t.positions}
      crumbs={[{ label: t.treeTitle, to: '/organisasi' }]}
    >
      {(data) => <PositionView position={data} />}
    </QueryPage>
  );
}

type Dialog = 'assign' | 'edit' | 'archive' | 'restore' | null;

function PositionView({ position }: { position: PositionDetail }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ending, setEnding] = useState<AssignmentRow | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const p = position.permissions;
  const today = todayIn(timeZone);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['position'] }),
      queryClient.invalidateQueries({ queryKey: ['unit'] }),
      queryClient.invalidateQueries({ queryKey: ['units'] }),
    ]);

  const archive = useMutation({
    mutationFn: (action: 'archive' | 'restore') =>
      api.post(`/api/positions/${position.id}/${action}`, { version: position.version }),
    onSuccess: async (_d, action) => {
      await refresh();
      notifySuccess(action === 'archive' ? t.positionArchived : t.positionRestored, position.title);
      setDialog(null);
    },
  });

  const endAssignment = useMutation({
    mutationFn: ({ row, date }: { row: AssignmentRow; date: string }) =>
      api.patch(`/api/assignments/${row.id}`, { version: row.version, endDate: date }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t.ended, ending?.employeeName);
      setEnding(null);
    },
  });

  const holder = position.holder;
  const assignments = [...position.assignments].sort((a, b) =>
    b.startDate.localeCompare(a.startDate),
  );

  return (
    <>
      <PageHeader
        title={position.title}
        crumbs={[
          { label: t.treeTitle, to: '/organisasi' },
          ...(position.unitId
            ? [
                {
                  label: position.unitName ?? t.unit,
                  to: '/organisasi/unit/$unitId',
                  params: { unitId: position.unitId },
                },
              ]
            : []),
          { label: position.title },
        ]}
        description={positionKindLabels[position.kind]}
        badges={
          position.archived && (
            <Badge color="gray" variant="filled">
              {common.archived}
            </Badge>
          )
        }
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
            {p.archive && !position.archived && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconArchive size={16} aria-hidden />}
                onClick={() => setDialog('archive')}
              >
                {t.archive}
              </Button>
            )}
            {p.restore && position.archived && (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                onClick={() => setDialog('restore')}
              >
                {t.restore}
              </Button>
            )}
            {p.assign && !position.archived && (
              <Button
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setDialog('assign')}
              >
                {t.assign}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" h="100%">
              <Title order={2} fz="lg" mb="sm">
                {t.currentHolder}
              </Title>
              {holder ? (
                <Stack gap={6} data-testid="current-holder">
                  <Group gap={6}>
                    <KindBadge kind={holder.kind} />
                    <Text fw={600}>{holder.employee.fullName}</Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    NIP {formatNip(holder.employee.nip)}
                    {holder.employee.grade ? ` · ${holder.employee.grade}` : ''}
                  </Text>
                  <Text size="sm">
                    {common.assignmentKindsLong[holder.kind]} · {t.since}{' '}
                    {formatDate(holder.startDate)}
                    {holder.endDate ? ` s.d. ${formatDate(holder.endDate)}` : ''}
                  </Text>
                </Stack>
              ) : (
                <Group gap="xs">
                  <VacantBadge />
                  <Text size="sm" c="dimmed">
                    {t.noHolder}
                  </Text>
                </Group>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" h="100%">
              <Title order={2} fz="lg" mb="sm">
                {t.positionData}
              </Title>
              <Stack gap="sm">
                <Field label={t.unit}>
                  {position.unitId ? (
                    <AnchorLink
                      to="/organisasi/unit/$unitId"
                      params={{ unitId: position.unitId }}
                      size="sm"
                    >
                      {position.unitName}
                    </AnchorLink>
                  ) : (
                    '–'
                  )}
                </Field>
                <Field label={t.positionKind}>
                  {positionKindLabels[position.kind] ?? position.kind}
                </Field>
                <Field label={t.headsUnit}>{position.headsUnit ? common.yes : common.no}</Field>
                <Field label={t.superior}>
                  {position.superior ? (
                    <Stack gap={2}>
                      <AnchorLink
                        to="/organisasi/jabatan/$positionId"
                        params={{ positionId: position.superior.positionId }}
                        size="sm"
                      >
                        {position.superior.title}
                      </AnchorLink>
                      {position.superior.holder ? (
                        <Group gap={6}>
                          <KindBadge kind={position.superior.holder.kind} />
                          <Text size="sm">{position.superior.holder.employee.fullName}</Text>
                        </Group>
                      ) : (
                        <VacantBadge />
                      )}
                    </Stack>
                  ) : (
                    t.noSuperior
                  )}
                </Field>
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="sm">
            {t.history}
          </Title>
          {assignments.length === 0 ? (
            <EmptyState
              title={t.noHistory}
              description={t.noHistoryBody}
              action={
                p.assign &&
                !position.archived && (
                  <Button mt="xs" size="sm" onClick={() => setDialog('assign')}>
                    {t.assign}
                  </Button>
                )
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" data-testid="assignment-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.employee}</Table.Th>
                    <Table.Th>{t.kind}</Table.Th>
                    <Table.Th>{t.startDate}</Table.Th>
                    <Table.Th>{t.endDate}</Table.Th>
                    <Table.Th>{t.decree}</Table.Th>
                    {p.assign && <Table.Th aria-label={t.actions} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {assignments.map((row) => {
                    const open = !row.endDate || row.endDate >= today;
                    return (
                      <Table.Tr key={row.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {row.employeeName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            NIP {formatNip(row.employeeNip)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant={row.kind === 'definitif' ? 'light' : 'filled'}
                            color={row.kind === 'definitif' ? 'amanah' : '#b4400a'}
                            size="sm"
                          >
                            {common.assignmentKinds[row.kind]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(row.startDate)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={row.endDate ? undefined : 'teal.9'}>
                            {row.endDate ? formatDate(row.endDate) : t.ongoing}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{row.decreeNumber ?? '–'}</Text>
                        </Table.Td>
                        {p.assign && (
                          <Table.Td>
                            {open && row.permissions.update && (
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => {
                                  endAssignment.reset();
                                  setEndDate([today, row.startDate].sort()[1] ?? today);
                                  setEnding(row);
                                }}
                                aria-label={`${t.endAssignment} penugasan ${row.employeeName}`}
                              >
                                {t.endAssignment}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>

      {dialog === 'assign' && <AssignModal position={position} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && (
        <PositionFormModal mode="edit" position={position} onClose={() => setDialog(null)} />
      )}
      <ConfirmDialog
        opened={dialog === 'archive' || dialog === 'restore'}
        title={dialog === 'restore' ? t.restorePositionTitle : t.archivePositionTitle}
        message={
          dialog === 'restore'
            ? t.restorePositionBody(position.title)
            : t.archivePositionBody(position.title)
        }
        confirmLabel={dialog === 'restore' ? t.restore : t.archive}
        color={dialog === 'restore' ? 'amanah' : 'red'}
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate(dialog === 'restore' ? 'restore' : 'archive')}
        onClose={() => {
          archive.reset();
          setDialog(null);
        }}
      />
      <ConfirmDialog
        opened={ending !== null}
        title={t.endAssignmentTitle}
        message={ending ? t.endAssignmentBody(ending.employeeName) : ''}
        confirmLabel={t.endAssignment}
        pending={endAssignment.isPending}
        error={endAssignment.error}
        onConfirm={() => ending && endDate && endAssignment.mutate({ row: ending, date: endDate })}
        onClose={() => setEnding(null)}
      >
        <DateField
          label={t.endAssignmentDate}
          value={endDate}
          onChange={setEndDate}
          required
          clearable={false}
        />
      </ConfirmDialog>
    </>
  );
}
