import { ActionIcon, Box, Button, Checkbox, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronRight, IconPlus, IconSearch, IconSitemap, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatNumber } from '../../lib/format.js';
import { common } from '../../strings.js';
import { HolderLine, LevelBadge, VacantBadge } from './badges.js';
import { unitsQuery } from './queries.js';
import { orgStrings as t } from './strings.js';
import { buildTree, type Row, searchTree, visibleRows } from './tree.js';
import { UnitFormModal } from './unit-form.js';

const route = getRouteApi('/_app/organisasi');

export function TreePage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const units = useQuery(unitsQuery(showArchived));
  const canManage = units.data?.permissions.createRoot ?? false;
  const [text, setText] = useState(search.cari ?? '');
  const [debounced] = useDebouncedValue(text, 200);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [creating, setCreating] = useState(false);

  // Keep the search in the address so a link or reload shows the same view; never pull the
  // person back here when they already clicked away before the debounce fired.
  const onThisPage = useRouterState({ select: (s) => s.location.pathname === '/organisasi' });
  useEffect(() => {
    const cari = debounced.trim() || undefined;
    if (onThisPage && cari !== search.cari) {
      void navigate({ to: '/organisasi', search: { cari }, replace: true });
    }
  }, [debounced, search.cari, navigate, onThisPage]);

  const tree = useMemo(() => buildTree(units.data?.items ?? []), [units.data]);
  const found = useMemo(() => searchTree(tree, debounced), [tree, debounced]);
  const searching = debounced.trim().length > 0;
  const rows = useMemo(
    () =>
      visibleRows(
        tree,
        (id) => (searching ? true : expanded.has(id)),
        searching ? found.visible : null,
      ),
    [tree, expanded, searching, found],
  );

  const toggle = (id: string, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      const shouldOpen = open ?? !next.has(id);
      if (shouldOpen) next.add(id);
      else next.delete(id);
      return next;
    });

  const total = units.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title={t.treeTitle}
        description={t.treeDescription}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t.addTopUnit}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t.searchLabel}
            placeholder={t.searchPlaceholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            type="search"
            rightSection={
              text ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setText('')}
                  aria-label="Hapus pencarian"
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              ) : null
            }
          />
          {!searching && (
            <Group gap="xs">
              <Button
                variant="default"
                size="sm"
                onClick={() =>
                  setExpanded(new Set([...tree.children.keys()].filter((k): k is string => !!k)))
                }
              >
                {t.expandAll}
              </Button>
              <Button variant="default" size="sm" onClick={() => setExpanded(new Set())}>
                {t.collapseAll}
              </Button>
            </Group>
          )}
        </Group>
        <Group justify="space-between" mb="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {searching
              ? t.matches(formatNumber(found.matches.size))
              : t.unitsCount(formatNumber(total))}
          </Text>
          {canManage && (
            <Checkbox
              size="xs"
              label={t.showArchived}
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
          )}
        </Group>
        {units.isPending ? (
          <LoadingRows rows={8} />
        ) : units.isError ? (
          <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
        ) : total === 0 ? (
          <EmptyState
            icon={<IconSitemap size={26} aria-hidden />}
            title={t.emptyTitle}
            description={canManage ? t.emptyBody : t.emptyBodyReadonly}
            action={
              canManage && (
                <Button
                  mt="sm"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setCreating(true)}
                >
                  {t.addTopUnit}
                </Button>
              )
            }
          />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconSearch size={26} aria-hidden />}
            title={t.noMatchTitle}
            description={t.noMatchBody}
          />
        ) : (
          <UnitTreeView rows={rows} matches={searching ? found.matches : null} onToggle={toggle} />
        )}
      </Paper>
      {creating && <UnitFormModal mode="create" parent={null} onClose={() => setCreating(false)} />}
    </>
  );
}

/**
 * A keyboard-usable tree (WAI-ARIA tree pattern, flat rows with aria-level): arrows move and
 * open/close, Home/End jump, Enter opens the unit.
 */
function UnitTreeView({
  rows,
  matches,
  onToggle,
}: {
  rows: Row[];
  matches: Set<string> | null;
  onToggle: (id: string, open?: boolean) => void;
}) {
  const navigate = useNavigate();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const activeId = rows.some((r) => r.unit.id === focusedId)
    ? focusedId
    : (rows[0]?.unit.id ?? null);

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    refs.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, row: Row, index: number) => {
    switch (event.key) {
      case 'ArrowDown':
        focusRow(rows[index + 1]?.unit.id);
        break;
      case 'ArrowUp':
        focusRow(rows[index - 1]?.unit.id);
        break;
      case 'Home':
        focusRow(rows[0]?.unit.id);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.unit.id);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !row.expanded) onToggle(row.unit.id, true);
        else if (row.expanded) focusRow(rows[index + 1]?.unit.id);
        break;
      case 'ArrowLeft':
        if (row.expanded) onToggle(row.unit.id, false);
        else if (row.parentId) focusRow(row.parentId);
        break;
      case 'Enter':
        void navigate({ to: '/organisasi/unit/$unitId', params: { unitId: row.unit.id } });
        break;
      case ' ':
        if (row.hasChildren) onToggle(row.unit.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <Box role="tree" aria-label={t.treeLabel}>
      {rows.map((row, index) => {
        const { unit } = row;
        const head = unit.head;
        return (
          <Box
            key={unit.id}
            ref={(el: HTMLDivElement | null) => {
              if (el) refs.current.set(unit.id, el);
              else refs.current.delete(unit.id);
            }}
            role="treeitem"
            aria-level={row.depth}
            aria-posinset={row.position}
            aria-setsize={row.setSize}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={unit.id === activeId}
            tabIndex={unit.id === activeId ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, row, index)}
            onFocus={() => setFocusedId(unit.id)}
            className="tree-row"
            data-testid="tree-row"
            py={6}
            pr="xs"
            style={{
              paddingLeft: `calc(${(row.depth - 1) * 1.25}rem + 4px)`,
              borderBottom: '1px solid var(--mantine-color-gray-1)',
            }}
          >
            <Group gap={6} wrap="nowrap" align="flex-start">
              {row.hasChildren ? (
                <Box
                  component="span"
                  aria-hidden
                  onClick={() => onToggle(unit.id)}
                  style={{
                    display: 'flex',
                    cursor: 'pointer',
                    width: 24,
                    height: 24,
                    alignItems: 'center',
                    justifyContent: 'center',
                    flexShrink: 0,
                    transition: 'transform 120ms',
                    transform: row.expanded ? 'rotate(90deg)' : undefined,
                  }}
                >
                  <IconChevronRight size={16} />
                </Box>
              ) : (
                <Box w={24} style={{ flexShrink: 0 }} />
              )}
              <Group
                gap="xs"
                wrap="wrap"
                justify="space-between"
                style={{ flex: 1, minWidth: 0, rowGap: 2 }}
              >
                <Group gap={8} wrap="nowrap" style={{ minWidth: 0, flex: '1 1 260px' }}>
                  <AnchorLink
                    to="/organisasi/unit/$unitId"
                    params={{ unitId: unit.id }}
                    tabIndex={-1}
                    size="sm"
                    fw={row.depth === 1 ? 600 : 500}
                    c={unit.archived ? 'dimmed' : 'inherit'}
                    td={unit.archived ? 'line-through' : undefined}
                    underline="hover"
                    style={{
                      background: matches?.has(unit.id)
                        ? 'var(--mantine-color-yellow-1)'
                        : undefined,
                      borderRadius: 4,
                      padding: '0 2px',
                    }}
                  >
                    {unit.name}
                  </AnchorLink>
                  <LevelBadge level={unit.level} />
                  {unit.archived && (
                    <Text size="xs" c="dimmed">
                      ({common.archived})
                    </Text>
                  )}
                </Group>
                <Box style={{ flex: '0 1 320px', minWidth: 0 }}>
                  {head ? (
                    <HolderLine holder={head.holder} />
                  ) : (
                    <Group gap={6}>
                      <VacantBadge />
                      <Text size="xs" c="dimmed">
                        {t.noHeadPosition}
                      </Text>
                    </Group>
                  )}
                </Box>
              </Group>
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
