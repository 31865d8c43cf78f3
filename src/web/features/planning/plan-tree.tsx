import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconCash,
  IconDots,
  IconLink,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import type { PlanNodeKind } from '../../../shared/codes.js';
import { formatRupiah } from '../../../shared/indonesian-number.js';
import { api } from '../../api/client.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { QualityFindings } from '../../components/quality-findings.js';
import { notifySuccess } from '../../lib/forms.js';
import { BudgetFormModal } from './budget-form.js';
import { IndicatorFormModal } from './indicator-form.js';
import { NodeFormModal } from './node-form.js';
import { planningKeys } from './queries.js';
import { budgetKindLabels, kindLabels, planningStrings as t } from './strings.js';
import { targetText } from './target-text.js';
import type { Indicator, PlanNode, PlanTree } from './types.js';

/** Which kind a new child of `kind` is, in the RPJMD or a Renstra. */
export const childKind: Record<PlanNodeKind, PlanNodeKind | null> = {
  misi: 'tujuan',
  tujuan: 'sasaran',
  sasaran: 'program',
  program: 'kegiatan',
  kegiatan: 'sub_kegiatan',
  sub_kegiatan: null,
};

type Dialog =
  | { type: 'node'; kind: PlanNodeKind; parent: PlanNode | null; node: PlanNode | null }
  | { type: 'indicator'; node: PlanNode; indicator: Indicator | null }
  | { type: 'budgets'; node: PlanNode }
  | { type: 'archive' | 'restore'; node: PlanNode }
  | { type: 'archiveIndicator' | 'restoreIndicator'; indicator: Indicator }
  | null;

const kindColors: Record<PlanNodeKind, string> = {
  misi: 'grape',
  tujuan: 'blue',
  sasaran: 'teal',
  program: 'indigo',
  kegiatan: 'cyan',
  sub_kegiatan: 'gray',
};

/**
 * A whole plan tree (RPJMD or Renstra): every node with its indicators (yearly targets in a
 * compact table, quality findings inline), its pagu per year and the actions it permits.
 */
export function PlanTreeView({
  tree,
  rootKind,
  emptyState,
  showArchived,
  onShowArchivedChange,
}: {
  tree: PlanTree;
  rootKind: PlanNodeKind;
  emptyState: React.ReactNode;
  /** The tree was read with includeArchived: archived nodes/indicators are in it. */
  showArchived: boolean;
  onShowArchivedChange: (show: boolean) => void;
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const years = useMemo(
    () =>
      Array.from(
        { length: tree.period.endYear - tree.period.startYear + 1 },
        (_, i) => tree.period.startYear + i,
      ),
    [tree.period.startYear, tree.period.endYear],
  );
  const children = useMemo(() => {
    const map = new Map<string | null, PlanNode[]>();
    for (const node of tree.nodes) {
      const list = map.get(node.parentId) ?? [];
      list.push(node);
      map.set(node.parentId, list);
    }
    return map;
  }, [tree.nodes]);
  const roots = children.get(null) ?? [];
  const renstra = tree.unit !== null;

  const render = (node: PlanNode, depth: number): React.ReactNode => (
    <Fragment key={node.id}>
      <NodeCard node={node} depth={depth} years={years} renstra={renstra} onAction={setDialog} />
      {(children.get(node.id) ?? []).map((child) => render(child, depth + 1))}
    </Fragment>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" gap="sm">
        {tree.permissions.createRoot ? (
          <Group>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ type: 'node', kind: rootKind, parent: null, node: null })}
            >
              {t.addChild(kindLabels[rootKind].toLowerCase())}
            </Button>
            {!renstra && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setDialog({ type: 'node', kind: 'tujuan', parent: null, node: null })
                }
              >
                {t.addTujuan}
              </Button>
            )}
          </Group>
        ) : (
          <span />
        )}
        <Switch
          label={t.showArchived}
          description={t.showArchivedHint}
          checked={showArchived}
          onChange={(event) => onShowArchivedChange(event.currentTarget.checked)}
          maw={340}
        />
      </Group>
      {roots.length === 0 ? emptyState : roots.map((node) => render(node, 0))}

      {dialog?.type === 'node' && (
        <NodeFormModal
          tree={tree}
          kind={dialog.kind}
          parent={dialog.parent}
          node={dialog.node}
          onClose={close}
        />
      )}
      {dialog?.type === 'indicator' && (
        <IndicatorFormModal
          node={dialog.node}
          indicator={dialog.indicator}
          years={years}
          scales={tree.scales}
          onClose={close}
        />
      )}
      {dialog?.type === 'budgets' && (
        <BudgetFormModal node={dialog.node} years={years} onClose={close} />
      )}
      {(dialog?.type === 'archive' || dialog?.type === 'restore') && (
        <ArchiveDialog
          url={`/api/plan-nodes/${dialog.node.id}/${dialog.type}`}
          version={dialog.node.version}
          subject={dialog.node.title}
          restore={dialog.type === 'restore'}
          texts={
            dialog.type === 'archive'
              ? { title: t.archiveTitle, body: t.archiveBody, confirm: t.archive, done: t.archived }
              : { title: t.restoreTitle, body: t.restoreBody, confirm: t.restore, done: t.restored }
          }
          onClose={close}
        />
      )}
      {(dialog?.type === 'archiveIndicator' || dialog?.type === 'restoreIndicator') && (
        <ArchiveDialog
          url={`/api/indicators/${dialog.indicator.id}/${dialog.type === 'archiveIndicator' ? 'archive' : 'restore'}`}
          version={dialog.indicator.version}
          subject={dialog.indicator.name}
          restore={dialog.type === 'restoreIndicator'}
          texts={
            dialog.type === 'archiveIndicator'
              ? {
                  title: t.archiveIndicatorTitle,
                  body: t.archiveIndicatorBody,
                  confirm: t.archiveIndicator,
                  done: t.indicatorArchived,
                }
              : {
                  title: t.restoreIndicatorTitle,
                  body: t.restoreIndicatorBody,
                  confirm: t.restoreIndicator,
                  done: t.indicatorRestored,
                }
          }
          onClose={close}
        />
      )}
    </Stack>
  );
}

/** Archive or restore (a plan node or an indicator) after a confirmation: POST {version}. */
function ArchiveDialog({
  url,
  version,
  subject,
  restore,
  texts,
  onClose,
}: {
  url: string;
  version: number;
  subject: string;
  restore: boolean;
  texts: { title: string; body: (subject: string) => string; confirm: string; done: string };
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.post(url, { version }),
    onSuccess: async () => {
      await Promise.all(
        planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      notifySuccess(texts.done, subject);
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened
      title={texts.title}
      message={texts.body(subject)}
      confirmLabel={texts.confirm}
      color={restore ? 'amanah' : 'red'}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
      onClose={onClose}
    />
  );
}

function NodeCard({
  node,
  depth,
  years,
  renstra,
  onAction,
}: {
  node: PlanNode;
  depth: number;
  years: number[];
  renstra: boolean;
  onAction: (dialog: Dialog) => void;
}) {
  const p = node.permissions;
  const next = childKind[node.kind];
  const canHaveChild = next !== null && (renstra || node.kind !== 'sasaran');
  const hasBudget =
    node.kind === 'program' || node.kind === 'kegiatan' || node.kind === 'sub_kegiatan';
  const showIndicators = node.kind !== 'misi';
  const linkable = renstra && (node.kind === 'tujuan' || node.kind === 'sasaran');
  // Only a sasaran must support the RPJMD (the cascade); an unlinked tujuan is not flagged.
  const flagUnlinked = renstra && node.kind === 'sasaran';
  return (
    <Paper
      withBorder
      p="sm"
      ml={{ base: Math.min(depth, 3) * 8, sm: depth * 24 }}
      data-testid={`plan-node-${node.kind}`}
      data-archived={node.archived || undefined}
      bg={node.archived ? 'gray.0' : undefined}
      style={{
        borderLeft: `4px ${node.archived ? 'dashed' : 'solid'} var(--mantine-color-${node.archived ? 'gray' : kindColors[node.kind]}-5)`,
      }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Box style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="wrap">
              <Badge size="sm" variant="light" color={kindColors[node.kind]}>
                {kindLabels[node.kind]}
              </Badge>
              {node.code && (
                <Text size="sm" ff="monospace" c="dimmed">
                  {node.code}
                </Text>
              )}
              {node.archived && (
                <Badge size="sm" variant="outline" color="gray.7" c="gray.8">
                  {t.archivedBadge}
                </Badge>
              )}
            </Group>
            <Text fw={600} size="sm" mt={4} c={node.archived ? 'gray.7' : undefined}>
              {node.title}
            </Text>
            {linkable &&
              (node.supports ? (
                <Group gap={4} mt={2} wrap="nowrap">
                  <IconLink size={14} aria-hidden />
                  <Text size="xs" c="dimmed">
                    {node.kind === 'tujuan' ? t.supportsTujuan : t.supports}:{' '}
                    {node.supports.code ? `${node.supports.code} ` : ''}
                    {node.supports.title}
                  </Text>
                </Group>
              ) : (
                flagUnlinked && (
                  <Group gap={4} mt={2} wrap="nowrap">
                    <ThemeIcon size={18} color="red" variant="light" aria-hidden>
                      <IconAlertTriangle size={12} />
                    </ThemeIcon>
                    <Text size="xs" c="red.8" fw={600}>
                      {t.supportsNone}
                    </Text>
                  </Group>
                )
              ))}
          </Box>
          {(p.update || p.createChild || p.archive || p.restore) && (
            <Group gap={4} wrap="nowrap">
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`${t.more}: ${node.title}`}>
                    <IconDots size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {p.update && (
                    <Menu.Item
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() =>
                        onAction({ type: 'node', kind: node.kind, parent: null, node })
                      }
                    >
                      {t.edit}
                    </Menu.Item>
                  )}
                  {canHaveChild && next && p.createChild && (
                    <Menu.Item
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() =>
                        onAction({ type: 'node', kind: next, parent: node, node: null })
                      }
                    >
                      {t.addChild(kindLabels[next].toLowerCase())}
                    </Menu.Item>
                  )}
                  {hasBudget && p.update && (
                    <Menu.Item
                      leftSection={<IconCash size={14} aria-hidden />}
                      onClick={() => onAction({ type: 'budgets', node })}
                    >
                      {t.editBudgets}
                    </Menu.Item>
                  )}
                  {p.archive && (
                    <Menu.Item
                      color="red"
                      leftSection={<IconArchive size={14} aria-hidden />}
                      onClick={() => onAction({ type: 'archive', node })}
                    >
                      {t.archive}
                    </Menu.Item>
                  )}
                  {p.restore && (
                    <Menu.Item
                      leftSection={<IconRestore size={14} aria-hidden />}
                      onClick={() => onAction({ type: 'restore', node })}
                    >
                      {t.restore}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Group>
          )}
        </Group>
        {node.findings.length > 0 && <QualityFindings findings={node.findings} compact />}
        {showIndicators && node.indicators.length > 0 && (
          <IndicatorTable
            indicators={node.indicators}
            years={years}
            canEdit={p.update}
            onEdit={(indicator) => onAction({ type: 'indicator', node, indicator })}
            onArchive={(indicator) =>
              onAction({
                type: indicator.archived ? 'restoreIndicator' : 'archiveIndicator',
                indicator,
              })
            }
          />
        )}
        {showIndicators && node.indicators.length === 0 && node.findings.length === 0 && (
          <Text size="xs" c="dimmed">
            {t.noIndicators}
          </Text>
        )}
        {showIndicators && p.update && (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => onAction({ type: 'indicator', node, indicator: null })}
            >
              {t.addIndicator}
            </Button>
          </Group>
        )}
        {hasBudget && <BudgetSummary node={node} years={years} />}
      </Stack>
    </Paper>
  );
}

function IndicatorTable({
  indicators,
  years,
  canEdit,
  onEdit,
  onArchive,
}: {
  indicators: Indicator[];
  years: number[];
  canEdit: boolean;
  onEdit: (indicator: Indicator) => void;
  /** Archive an active indicator, restore an archived one (after a confirmation). */
  onArchive: (indicator: Indicator) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.indicators}</Table.Th>
            <Table.Th>{t.satuan}</Table.Th>
            {years.map((year) => (
              <Table.Th key={year} ta="right">
                {year}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t.endTarget}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => (
            <Fragment key={indicator.id}>
              <Table.Tr
                bg={indicator.archived ? 'gray.0' : undefined}
                data-archived={indicator.archived || undefined}
              >
                <Table.Td>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <Text
                      size="xs"
                      fw={500}
                      style={{ flex: 1 }}
                      c={indicator.archived ? 'gray.7' : undefined}
                    >
                      {indicator.name}
                    </Text>
                    {indicator.archived && (
                      <Badge size="xs" variant="outline" color="gray.7" c="gray.8">
                        {t.archivedBadge}
                      </Badge>
                    )}
                    {indicator.isIku && (
                      <Badge size="xs" variant="filled" color="amanah">
                        {t.iku}
                      </Badge>
                    )}
                    {canEdit && !indicator.archived && (
                      <Tooltip label={t.editIndicator}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          aria-label={`${t.editIndicator}: ${indicator.name}`}
                          onClick={() => onEdit(indicator)}
                        >
                          <IconPencil size={14} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {canEdit && (
                      <Menu position="bottom-end" shadow="md">
                        <Menu.Target>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`${t.indicatorActions}: ${indicator.name}`}
                          >
                            <IconDots size={14} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {indicator.archived ? (
                            <Menu.Item
                              leftSection={<IconRestore size={14} aria-hidden />}
                              onClick={() => onArchive(indicator)}
                            >
                              {t.restoreIndicator}
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              color="red"
                              leftSection={<IconArchive size={14} aria-hidden />}
                              onClick={() => onArchive(indicator)}
                            >
                              {t.archiveIndicator}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{indicator.satuan || '–'}</Table.Td>
                {indicator.targets.map((x) => (
                  <Table.Td key={x.year} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {targetText(x.target)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {targetText(indicator.endTarget)}
                </Table.Td>
              </Table.Tr>
              {indicator.findings.length > 0 && (
                <Table.Tr>
                  <Table.Td colSpan={years.length + 3}>
                    <QualityFindings findings={indicator.findings} compact />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BudgetSummary({ node, years }: { node: PlanNode; years: number[] }) {
  if (node.budgets.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t.budgets}: {t.noBudgets}
      </Text>
    );
  }
  const kinds = [...new Set(node.budgets.map((b) => b.kind))];
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="xs" verticalSpacing={2} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.budgets}</Table.Th>
            {years.map((year) => (
              <Table.Th key={year} ta="right">
                {year}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kinds.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{budgetKindLabels[kind]}</Table.Td>
              {years.map((year) => {
                const line = node.budgets.find((b) => b.year === year && b.kind === kind);
                return (
                  <Table.Td key={year} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {line ? formatRupiah(line.amount) : '–'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
