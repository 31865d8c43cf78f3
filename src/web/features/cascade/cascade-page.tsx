import {
  Accordion,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronRight,
  IconDownload,
  IconLinkOff,
  IconRoute,
  IconTarget,
} from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatIndonesianNumber } from '../../../shared/indonesian-number.js';
import type { TargetValue } from '../../../shared/target-value.js';
import { api, withQuery } from '../../api/client.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { AgreementLevelBadge, StatusBadge } from '../agreements/badges.js';
import { yearsQuery } from '../agreements/queries.js';
import { levelLabels } from '../agreements/strings.js';
import { defaultYear, YearSelect } from '../agreements/year-select.js';
import { unitsQuery } from '../org/queries.js';
import { cascadeStrings as t } from './strings.js';
import type {
  Cascade,
  CascadeAgreement,
  CascadeIndicator,
  CascadeNode,
  CascadeRoot,
} from './types.js';

const cascadeQuery = (year: number, unitId: string | null) =>
  queryOptions({
    queryKey: ['cascade', year, unitId],
    queryFn: () => api.get<Cascade>('/api/cascade', { year, unitId: unitId ?? undefined }),
  });

/** /pk/kaskade: the cascade of a PK year with its coverage. */
export function CascadePage() {
  const years = useQuery(yearsQuery());
  const units = useQuery(unitsQuery());
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const items = years.data?.items ?? [];
  const current =
    items.find((y) => y.year === chosenYear) ??
    (chosenYear === null ? defaultYear(items) : undefined);
  const year = current?.year ?? null;
  const cascade = useQuery({ ...cascadeQuery(year ?? 0, unitId), enabled: year !== null });

  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => u.parentId === null)
        .map((u) => ({ value: u.id, label: u.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'id')),
    [units.data],
  );
  const exportUrl =
    year === null
      ? null
      : withQuery('/api/exports/cascade.xlsx', { year, unitId: unitId ?? undefined });

  return (
    <Stack gap={0}>
      <PageHeader
        title={t.title}
        description={t.description}
        crumbs={[{ label: t.crumbPk, to: '/pk' }, { label: t.title }]}
        actions={
          exportUrl && (
            <Button
              component="a"
              href={exportUrl}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              title={t.downloadHint}
            >
              {t.download}
            </Button>
          )
        }
      />
      {years.isPending ? (
        <LoadingRows />
      ) : years.isError ? (
        <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />
      ) : !current ? (
        <Paper withBorder>
          <EmptyState title={t.noYearsTitle} description={t.noYearsText} />
        </Paper>
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <YearSelect years={items} value={current.year} onChange={setChosenYear} />
            <Select
              label={t.unit}
              placeholder={t.allUnits}
              data={unitOptions}
              value={unitId}
              onChange={setUnitId}
              searchable
              clearable
              nothingFoundMessage="Tidak ditemukan"
              w={{ base: '100%', sm: 420 }}
            />
          </Group>
          {cascade.isPending ? (
            <LoadingRows rows={8} />
          ) : cascade.isError ? (
            <ErrorAlert error={cascade.error} onRetry={() => void cascade.refetch()} />
          ) : (
            <CascadeView data={cascade.data} />
          )}
        </Stack>
      )}
    </Stack>
  );
}

function CascadeView({ data }: { data: Cascade }) {
  const agreements = useMemo(() => new Map(data.agreements.map((a) => [a.id, a])), [data]);
  const rootItems = useMemo(() => data.roots.map((r, i) => rootItem(r, i)), [data]);
  const unlinkedItems = useMemo(() => data.unlinked.map(nodeItem), [data]);
  const c = data.coverage;
  const empty = data.agreements.length === 0 && data.roots.every((r) => r.children.length === 0);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        <SummaryCard
          icon={<IconTarget size={18} aria-hidden />}
          color="teal"
          label={t.cardCarried}
          value={`${c.carried} / ${c.rpjmdSasaran}`}
        />
        <SummaryCard
          icon={<IconLinkOff size={18} aria-hidden />}
          color={c.brokenLinks > 0 ? 'red' : 'teal'}
          label={t.cardBroken}
          value={String(c.brokenLinks)}
        />
        <SummaryCard
          icon={<IconAlertTriangle size={18} aria-hidden />}
          color={c.missing.length > 0 ? 'orange' : 'teal'}
          label={t.cardMissing}
          value={`${c.missing.length} / ${c.expectedAgreements}`}
        />
        <SummaryCard
          icon={<IconRoute size={18} aria-hidden />}
          color="blue"
          label={t.cardTotal}
          value={t.cardTotalValue(data.counts.agreements, data.counts.indicators)}
        />
      </SimpleGrid>

      <Accordion variant="contained" multiple>
        <Accordion.Item value="uncarried">
          <Accordion.Control>
            {t.uncarriedTitle} ({c.uncarried.length})
          </Accordion.Control>
          <Accordion.Panel>
            {c.uncarried.length === 0 ? (
              <Text size="sm">{t.noneUncarried}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {c.uncarried.map((s) => (
                  <List.Item key={s.nodeId ?? s.title}>
                    {s.code ? `${s.code} ` : ''}
                    {s.title}
                  </List.Item>
                ))}
              </List>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="missing">
          <Accordion.Control>
            {t.missingTitle} ({c.missing.length})
          </Accordion.Control>
          <Accordion.Panel>
            {c.missing.length === 0 ? (
              <Text size="sm">{t.noneMissing}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {c.missing.map((m) => (
                  <List.Item key={m.unitId}>
                    <Text span size="sm" fw={500}>
                      {m.unitName}
                    </Text>
                    {m.unitName !== m.pdName && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        — {m.pdName}
                      </Text>
                    )}
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({levelLabels[m.level]}
                      {m.vacant ? `, ${t.vacant}` : ''})
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      {!data.period && (
        <Text size="sm" c="dimmed">
          {t.noPeriod}
        </Text>
      )}
      {empty && data.unlinked.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t.emptyTitle} description={t.emptyText} />
        </Paper>
      ) : (
        <>
          {data.roots.length > 0 && (
            <CascadeTree
              label={t.treeLabel}
              roots={rootItems}
              agreements={agreements}
              initiallyOpen="roots"
            />
          )}
          {data.unlinked.length > 0 && (
            <Stack gap="xs">
              <Group gap="xs">
                <ThemeIcon color="red" variant="light" size="md" aria-hidden>
                  <IconLinkOff size={16} />
                </ThemeIcon>
                <Title order={2} size="h4">
                  {t.unlinkedTitle} ({data.unlinked.length})
                </Title>
              </Group>
              <Text size="sm" c="dimmed">
                {t.unlinkedHelp}
              </Text>
              <CascadeTree
                label={t.unlinkedTitle}
                roots={unlinkedItems}
                agreements={agreements}
                initiallyOpen="none"
              />
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function SummaryCard({
  icon,
  color,
  label,
  value,
}: {
  icon: ReactNode;
  color: string;
  label: string;
  value: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color={color} variant="light" size="lg" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg">
            {value}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

// ---- Tree (WAI-ARIA tree pattern: one tab stop, arrows move, right/left open/close) ----------

interface TreeItem {
  id: string;
  root: CascadeRoot | null;
  node: CascadeNode | null;
  children: TreeItem[];
}

const rootItem = (r: CascadeRoot, i: number): TreeItem => ({
  id: `root-${r.nodeId ?? r.pemdaObjectiveId ?? i}`,
  root: r,
  node: null,
  children: r.children.map(nodeItem),
});
const nodeItem = (n: CascadeNode): TreeItem => ({
  id: n.objectiveId,
  root: null,
  node: n,
  children: n.children.map(nodeItem),
});

interface Visible {
  item: TreeItem;
  depth: number;
  parentId: string | null;
}

function CascadeTree({
  label,
  roots,
  agreements,
  initiallyOpen,
}: {
  label: string;
  roots: TreeItem[];
  agreements: Map<string, CascadeAgreement>;
  initiallyOpen: 'roots' | 'none';
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<Set<string>>(
    () => new Set(initiallyOpen === 'roots' ? roots.map((r) => r.id) : []),
  );
  const [focused, setFocused] = useState<string | null>(roots[0]?.id ?? null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const helpId = useId();

  useEffect(() => {
    setOpen(new Set(initiallyOpen === 'roots' ? roots.map((r) => r.id) : []));
    setFocused(roots[0]?.id ?? null);
  }, [roots, initiallyOpen]);

  const visible = useMemo(() => {
    const out: Visible[] = [];
    const add = (items: TreeItem[], depth: number, parentId: string | null) => {
      for (const item of items) {
        out.push({ item, depth, parentId });
        if (open.has(item.id)) add(item.children, depth + 1, item.id);
      }
    };
    add(roots, 1, null);
    return out;
  }, [roots, open]);

  const toggle = useCallback((id: string, to?: boolean) => {
    setOpen((prev) => {
      const next = new Set(prev);
      const shouldOpen = to ?? !next.has(id);
      if (shouldOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const moveTo = (id: string | undefined) => {
    if (!id) return;
    setFocused(id);
    refs.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = visible.findIndex((v) => v.item.id === focused);
    const current = visible[index];
    if (!current) return;
    const { item } = current;
    const hasChildren = item.children.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(visible[index + 1]?.item.id);
        break;
      case 'ArrowUp':
        moveTo(visible[index - 1]?.item.id);
        break;
      case 'Home':
        moveTo(visible[0]?.item.id);
        break;
      case 'End':
        moveTo(visible[visible.length - 1]?.item.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !open.has(item.id)) toggle(item.id, true);
        else if (hasChildren) moveTo(item.children[0]?.id);
        break;
      case 'ArrowLeft':
        if (hasChildren && open.has(item.id)) toggle(item.id, false);
        else moveTo(current.parentId ?? undefined);
        break;
      case 'Enter':
        if (item.node) {
          void navigate({
            to: '/pk/dokumen/$agreementId',
            params: { agreementId: item.node.agreementId },
          });
        } else if (hasChildren) toggle(item.id);
        break;
      case ' ':
        if (hasChildren) toggle(item.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const expandAll = () => {
    const all = new Set<string>();
    const walk = (items: TreeItem[]) => {
      for (const i of items) {
        if (i.children.length > 0) all.add(i.id);
        walk(i.children);
      }
    };
    walk(roots);
    setOpen(all);
  };

  const renderItem = (item: TreeItem, depth: number): ReactNode => {
    const isOpen = open.has(item.id);
    const hasChildren = item.children.length > 0;
    return (
      <Box
        component="li"
        key={item.id}
        role="treeitem"
        aria-level={depth}
        aria-expanded={hasChildren ? isOpen : undefined}
        aria-selected={focused === item.id}
        tabIndex={focused === item.id ? 0 : -1}
        ref={(el: HTMLLIElement | null) => {
          if (el) refs.current.set(item.id, el);
          else refs.current.delete(item.id);
        }}
        onFocus={(e: FocusEvent) => {
          if (e.target === e.currentTarget) setFocused(item.id);
        }}
        style={{ listStyle: 'none', outlineOffset: 2 }}
      >
        <Group
          gap={6}
          wrap="nowrap"
          align="flex-start"
          py={6}
          px="xs"
          style={{
            borderLeft: depth > 1 ? '2px solid var(--mantine-color-gray-3)' : undefined,
            cursor: hasChildren ? 'pointer' : 'default',
          }}
          onClick={() => {
            setFocused(item.id);
            if (hasChildren) toggle(item.id);
          }}
        >
          <Box w={18} pt={2} style={{ flexShrink: 0 }} aria-hidden>
            {hasChildren &&
              (isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />)}
          </Box>
          <Box style={{ flex: 1, minWidth: 0 }}>
            {item.root ? (
              <RootContent root={item.root} />
            ) : item.node ? (
              <NodeContent node={item.node} agreement={agreements.get(item.node.agreementId)} />
            ) : null}
          </Box>
        </Group>
        {hasChildren && isOpen && (
          <Box component="ul" role="group" pl={{ base: 'xs', sm: 'lg' }} m={0}>
            {item.children.map((c) => renderItem(c, depth + 1))}
          </Box>
        )}
      </Box>
    );
  };

  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" mb={4} gap="xs">
        <Text size="xs" c="dimmed" id={helpId}>
          {t.treeHelp}
        </Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={expandAll}>
            {t.expandAll}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(new Set())}>
            {t.collapseAll}
          </Button>
        </Group>
      </Group>
      <Box
        component="ul"
        role="tree"
        aria-label={label}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        m={0}
        p={0}
      >
        {roots.map((r) => renderItem(r, 1))}
      </Box>
    </Paper>
  );
}

function RootContent({ root }: { root: CascadeRoot }) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <Badge variant="filled" color="blue.8" size="sm">
          {root.pemdaObjectiveId ? t.pemdaPk : t.rpjmdSasaran}
          {root.code ? ` · ${root.code}` : ''}
        </Badge>
        {!root.carried && (
          <Badge variant="light" color="orange.9" bg="orange.0" size="sm">
            {t.notCarried}
          </Badge>
        )}
      </Group>
      <Text fw={700} size="sm">
        {root.title}
      </Text>
      <Indicators items={root.indicators} />
    </Stack>
  );
}

function NodeContent({
  node,
  agreement,
}: {
  node: CascadeNode;
  agreement: CascadeAgreement | undefined;
}) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        {agreement && <AgreementLevelBadge level={agreement.level} />}
        {agreement && (
          <Text size="sm" fw={600}>
            {agreement.unitName ?? agreement.positionTitle}
          </Text>
        )}
        {agreement && <StatusBadge status={agreement.status} />}
        <AnchorLink
          to="/pk/dokumen/$agreementId"
          params={{ agreementId: node.agreementId }}
          size="xs"
          tabIndex={-1}
          onClick={(e: MouseEvent) => e.stopPropagation()}
        >
          {t.openPk}
        </AnchorLink>
      </Group>
      {agreement && (
        <Text size="xs" c="dimmed">
          {agreement.holderName} — {agreement.positionTitle}
        </Text>
      )}
      <Text size="sm">{node.title}</Text>
      {node.linkedVia === null && (
        <Group gap={4} wrap="nowrap">
          <IconLinkOff size={16} color="var(--mantine-color-red-8)" aria-hidden />
          <Text size="sm" c="red.8" fw={600}>
            {t.broken}
          </Text>
        </Group>
      )}
      {node.linkedVia === 'renstra' && (
        <Text size="xs" c="dimmed">
          {t.viaRenstra}
        </Text>
      )}
      <Indicators items={node.indicators} />
    </Stack>
  );
}

function formatTarget(target: TargetValue | null, satuan: string): string {
  if (target === null) return t.noTarget;
  const unit = satuan ? ` ${satuan}` : '';
  switch (target.kind) {
    case 'number':
      return `${formatIndonesianNumber(target.value)}${unit}`;
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}${unit}`;
    case 'scale':
      return target.code;
  }
}

function Indicators({ items }: { items: CascadeIndicator[] }) {
  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed" fs="italic">
        {t.noIndicator}
      </Text>
    );
  }
  return (
    <Box component="ul" m={0} pl="md">
      {items.map((i) => (
        <Text component="li" size="xs" key={i.id}>
          {i.name} — {t.target}: <strong>{formatTarget(i.target, i.satuan)}</strong>
          {i.isIku && (
            <Badge ml={6} size="xs" variant="light" color="grape.9" bg="grape.0">
              {t.iku}
            </Badge>
          )}
        </Text>
      ))}
    </Box>
  );
}
