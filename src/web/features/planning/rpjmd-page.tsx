import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { formatRupiah } from '../../../shared/indonesian-number.js';
import { api } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { FormActions } from '../../components/form-actions.js';
import { AnchorLink } from '../../components/links.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { notifySuccess } from '../../lib/forms.js';
import { PlanTreeView } from './plan-tree.js';
import { planningKeys, renstraListQuery, treeQuery } from './queries.js';
import { statusColors, statusLabels, planningStrings as t } from './strings.js';
import type { Period, PlanTree } from './types.js';

const route = getRouteApi('/_app/perencanaan/rpjmd/$periodId');

/** The RPJMD of a period: visi, misi → tujuan → sasaran with indicators, and the PD Renstra. */
export function RpjmdPage() {
  const { periodId } = route.useParams();
  const [showArchived, setShowArchived] = useState(false);
  // The previous tree stays on screen while the other variant loads (no skeleton flash).
  const tree = useQuery({
    ...treeQuery(periodId, null, showArchived),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryPage
      query={tree}
      errorTitle={t.loadError}
      crumbs={[{ label: t.title, to: '/perencanaan' }]}
      rows={8}
    >
      {(data) => (
        <RpjmdView tree={data} showArchived={showArchived} onShowArchivedChange={setShowArchived} />
      )}
    </QueryPage>
  );
}

function RpjmdView({
  tree,
  showArchived,
  onShowArchivedChange,
}: {
  tree: PlanTree;
  showArchived: boolean;
  onShowArchivedChange: (show: boolean) => void;
}) {
  const period = tree.period;
  const [editingVisi, setEditingVisi] = useState(false);
  const readOnly = !tree.permissions.createRoot;
  return (
    <>
      <PageHeader
        title={period.name}
        crumbs={[{ label: t.title, to: '/perencanaan' }, { label: period.name }]}
        badges={
          <Badge color={statusColors[period.status]} variant="light">
            {statusLabels[period.status]}
          </Badge>
        }
        description={`${period.startYear}–${period.endYear}`}
      />
      <Stack gap="lg">
        {period.status === 'closed' ? (
          <Alert color="gray">{t.closedPeriod}</Alert>
        ) : (
          readOnly && <Alert color="gray">{t.readOnly}</Alert>
        )}
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <Title order={2} fz="lg">
              {t.visi}
            </Title>
            {period.permissions.update && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditingVisi(true)}
              >
                {t.editVisi}
              </Button>
            )}
          </Group>
          <Text
            mt="xs"
            fs={period.visi ? 'italic' : undefined}
            c={period.visi ? undefined : 'dimmed'}
          >
            {period.visi || t.noVisi}
          </Text>
        </Paper>
        <section aria-labelledby="rpjmd-tree">
          <Title order={2} fz="lg" mb="sm" id="rpjmd-tree">
            {t.rpjmdTree}
          </Title>
          <PlanTreeView
            tree={tree}
            rootKind="misi"
            showArchived={showArchived}
            onShowArchivedChange={onShowArchivedChange}
            emptyState={
              <Paper withBorder>
                <EmptyState
                  title={t.emptyRpjmd}
                  description={readOnly ? t.emptyRpjmdReadonly : t.emptyRpjmdBody}
                />
              </Paper>
            }
          />
        </section>
        <RenstraList periodId={period.id} />
      </Stack>
      {editingVisi && <VisiModal period={period} onClose={() => setEditingVisi(false)} />}
    </>
  );
}

function RenstraList({ periodId }: { periodId: string }) {
  const list = useQuery(renstraListQuery(periodId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="renstra-list">
      <Title order={2} fz="lg" id="renstra-list">
        {t.renstraList}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.renstraListHelp}
      </Text>
      {list.isPending ? (
        <LoadingRows rows={4} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t.noPd} description={t.noPdBody} />
      ) : (
        <DataTable
          minWidth={640}
          head={
            <>
              <Table.Th>{t.pd}</Table.Th>
              <Table.Th ta="right">Sasaran</Table.Th>
              <Table.Th ta="right">Program / Kegiatan / Sub</Table.Th>
              <Table.Th ta="right">{t.indicators}</Table.Th>
              <Table.Th>{t.unlinked}</Table.Th>
              <Table.Th ta="right">{t.pagu}</Table.Th>
            </>
          }
        >
          {list.data.items.map((row) => (
            <Table.Tr key={row.unit.id}>
              <Table.Td>
                <AnchorLink
                  to="/perencanaan/rpjmd/$periodId/renstra/$unitId"
                  params={{ periodId, unitId: row.unit.id }}
                  size="sm"
                  fw={500}
                >
                  {row.unit.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td ta="right">{row.counts.sasaran}</Table.Td>
              <Table.Td ta="right">
                {row.counts.program} / {row.counts.kegiatan} / {row.counts.subKegiatan}
              </Table.Td>
              <Table.Td ta="right">{row.counts.indicators}</Table.Td>
              <Table.Td>
                {row.unlinkedSasaran > 0 ? (
                  <Group gap={4} wrap="nowrap">
                    <IconAlertTriangle size={14} color="var(--mantine-color-red-8)" aria-hidden />
                    <Text size="sm" c="red.8" fw={600}>
                      {t.unlinkedShort(row.unlinkedSasaran)}
                    </Text>
                  </Group>
                ) : row.counts.sasaran > 0 ? (
                  <Group gap={4} wrap="nowrap">
                    <IconCircleCheck size={14} color="var(--mantine-color-teal-9)" aria-hidden />
                    <Text size="sm" c="teal.9">
                      {t.allLinked}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatRupiah(row.paguTotal)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}

function VisiModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { visi: period.visi } });
  const mutation = useMutation({
    mutationFn: (visi: string) =>
      api.patch<Period>(`/api/plans/${period.id}`, { version: period.version, visi: visi.trim() }),
    onSuccess: async () => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(t.periodUpdated, period.name);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t.editVisi} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => mutation.mutate(v.visi))} noValidate>
        <Stack gap="md">
          <MutationError mutation={mutation} />
          <Textarea
            label={t.visi}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('visi')}
          />
          <FormActions onCancel={onClose} pending={mutation.isPending} submitLabel={t.save} />
        </Stack>
      </form>
    </Modal>
  );
}
