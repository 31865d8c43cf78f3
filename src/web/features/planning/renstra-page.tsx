import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState } from '../../components/states.js';
import { PlanTreeView } from './plan-tree.js';
import { treeQuery } from './queries.js';
import { statusColors, statusLabels, planningStrings as t } from './strings.js';
import type { PlanTree } from './types.js';

const route = getRouteApi('/_app/perencanaan/rpjmd/$periodId/renstra/$unitId');

/** A PD's Renstra: tujuan → sasaran (linked to the RPJMD) → program → kegiatan → sub kegiatan. */
export function RenstraPage() {
  const { periodId, unitId } = route.useParams();
  const [showArchived, setShowArchived] = useState(false);
  // The previous tree stays on screen while the other variant loads (no skeleton flash).
  const tree = useQuery({
    ...treeQuery(periodId, unitId, showArchived),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryPage
      query={tree}
      errorTitle={t.loadError}
      crumbs={[
        { label: t.title, to: '/perencanaan' },
        { label: 'RPJMD', to: '/perencanaan/rpjmd/$periodId', params: { periodId } },
      ]}
      rows={8}
    >
      {(data) => (
        <RenstraView
          tree={data}
          showArchived={showArchived}
          onShowArchivedChange={setShowArchived}
        />
      )}
    </QueryPage>
  );
}

interface ArchivedToggle {
  showArchived: boolean;
  onShowArchivedChange: (show: boolean) => void;
}

function RenstraView({
  tree,
  showArchived,
  onShowArchivedChange,
}: { tree: PlanTree } & ArchivedToggle) {
  const period = tree.period;
  const unitName = tree.unit?.name ?? '';
  const readOnly = !tree.permissions.createRoot;
  const unlinked = tree.nodes.filter(
    (n) => n.kind === 'sasaran' && !n.archived && !n.supports,
  ).length;
  return (
    <>
      <PageHeader
        title={t.renstraTitle(unitName)}
        crumbs={[
          { label: t.title, to: '/perencanaan' },
          {
            label: period.name,
            to: '/perencanaan/rpjmd/$periodId',
            params: { periodId: period.id },
          },
          { label: unitName },
        ]}
        badges={
          <Badge color={statusColors[period.status]} variant="light">
            {statusLabels[period.status]}
          </Badge>
        }
        description={`${period.startYear}–${period.endYear} · ${t.renstraDescription}`}
      />
      <Stack gap="md">
        {period.status === 'closed' ? (
          <Alert color="gray">{t.closedPeriod}</Alert>
        ) : (
          readOnly && <Alert color="gray">{t.readOnly}</Alert>
        )}
        {unlinked > 0 && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t.unlinkedShort(unlinked)}
          >
            <Group gap="xs">
              <Text size="sm">{t.supportsMissingHint}</Text>
            </Group>
          </Alert>
        )}
        <PlanTreeView
          tree={tree}
          rootKind="tujuan"
          showArchived={showArchived}
          onShowArchivedChange={onShowArchivedChange}
          emptyState={
            <Paper withBorder>
              <EmptyState
                title={t.emptyRenstra}
                description={readOnly ? t.emptyRenstraReadonly : t.emptyRenstraBody}
              />
            </Paper>
          }
        />
      </Stack>
    </>
  );
}
