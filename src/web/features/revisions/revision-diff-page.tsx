import {
  Alert,
  Badge,
  Button,
  type ButtonProps,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconFileText, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLink, getRouteApi } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef, type ReactNode, useState } from 'react';
import { formatIndonesianNumber, formatRupiah } from '../../../shared/indonesian-number.js';
import { ApiError } from '../../api/client.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { useTimeZone } from '../../session.js';
import { common } from '../../strings.js';
import { StatusBadge } from '../agreements/badges.js';
import { aggregationLabels, methodShort } from '../agreements/strings.js';
import { CreateRevisionButton } from './create-revision-button.js';
import { diffQuery, versionsQuery } from './queries.js';
import {
  changeLabels,
  fieldLabels,
  polarityLabels,
  quarterNames,
  reasonLabels,
  revisionStrings as t,
} from './strings.js';
import type {
  BudgetDiff,
  BudgetRow,
  Change,
  DiffParty,
  FieldValue,
  IndicatorDiff,
  IndicatorView,
  ObjectiveDiff,
  RevisionDiff,
  TargetValue,
  VersionList,
} from './types.js';

const route = getRouteApi('/_app/pk/dokumen/$agreementId/perubahan');

const ButtonAnchor = forwardRef<
  HTMLAnchorElement,
  ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>
>((props, ref) => <Button component="a" ref={ref} {...props} />);
/** A Mantine Button that navigates with the router (typed `to` and `params`). */
const ButtonLink = createLink(ButtonAnchor);

/**
 * /pk/dokumen/$agreementId/perubahan: a PK Perubahan next to the version it revises. Every row
 * of both versions is listed ("Versi sebelumnya" left, "PK Perubahan" right); added, removed and
 * changed rows and cells carry a text marker (Ditambah/Dihapus/Diubah) besides their colour.
 */
export function RevisionDiffPage() {
  const { agreementId } = route.useParams();
  const versions = useQuery(versionsQuery(agreementId));
  const current = versions.data?.items.find((v) => v.id === agreementId);
  const isOriginal = current?.revisionNo === 0;
  // The versions tell whether this is a PK Perubahan at all; an original is not asked for a diff.
  const diff = useQuery({
    ...diffQuery(agreementId),
    enabled: current !== undefined && !isOriginal,
  });
  const crumbs = [
    { label: t.listTitle, to: '/pk' },
    { label: t.documentCrumb, to: '/pk/dokumen/$agreementId', params: { agreementId } },
  ];
  if (
    isOriginal ||
    (diff.error instanceof ApiError && diff.error.code === 'REVISION_NOT_ALLOWED')
  ) {
    return (
      <Stack gap="lg">
        <PageHeader title={t.notRevisionTitle} crumbs={crumbs} />
        <Alert color="blue" variant="light">
          {t.notRevisionBody}
        </Alert>
        <VersionsSection query={versions} currentId={agreementId} />
      </Stack>
    );
  }
  if (versions.isError) {
    return (
      <QueryPage query={versions} errorTitle={t.compareTitle} crumbs={crumbs}>
        {() => null}
      </QueryPage>
    );
  }
  return (
    <QueryPage query={diff} errorTitle={t.compareTitle} crumbs={crumbs}>
      {(data) => (
        <DiffView diff={data} agreementId={agreementId} crumbs={crumbs}>
          <VersionsSection query={versions} currentId={agreementId} />
        </DiffView>
      )}
    </QueryPage>
  );
}

// ---- Formatting ----------------------------------------------------------------------------

function formatTarget(target: TargetValue | null): string {
  if (target === null) return t.empty;
  switch (target.kind) {
    case 'number':
      return formatIndonesianNumber(target.value);
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}`;
    case 'scale':
      return target.code;
  }
}

function formatField(field: string, value: FieldValue): string {
  if (value === null || value === '') return t.empty;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  switch (field) {
    case 'polarity':
      return polarityLabels[value] ?? value;
    case 'method':
      return methodShort[value as keyof typeof methodShort] ?? value;
    case 'aggregation':
      return aggregationLabels[value as keyof typeof aggregationLabels] ?? value;
    case 'amount':
      return formatRupiah(value);
    case 'assignmentKind':
      return common.assignmentKinds[value as keyof typeof common.assignmentKinds] ?? value;
    default:
      return value;
  }
}

const targetOf = (indicator: IndicatorView | null, year: number, quarter: number) => {
  const entry = indicator?.targets.find((y) => y.year === year);
  if (!entry) return null;
  return quarter === 0 ? entry.annual : (entry.quarters[quarter - 1] ?? null);
};

// ---- Markers and cells ---------------------------------------------------------------------

const markerColors: Record<Change, string> = {
  added: 'green.9',
  removed: 'red.9',
  changed: 'orange.9',
  unchanged: 'gray.7',
};

/** The text marker of a change (colour is only a second cue). */
function ChangeMarker({ change }: { change: Change }) {
  if (change === 'unchanged') return null;
  return (
    <Badge variant="outline" size="sm" color={markerColors[change]} miw="max-content">
      {changeLabels[change]}
    </Badge>
  );
}

const cellBackground = (change: Change, side: 'old' | 'new') => {
  if (change === 'changed')
    return side === 'old' ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-yellow-1)';
  if (change === 'added' && side === 'new') return 'var(--mantine-color-green-0)';
  if (change === 'removed' && side === 'old') return 'var(--mantine-color-red-0)';
  return undefined;
};

interface CompareRow {
  key: string;
  label: ReactNode;
  old: string;
  new: string;
  change: Change;
  /** Numbers and money align right. */
  numeric?: boolean;
}

/** Label | Versi sebelumnya | PK Perubahan, one row per field, changed rows marked. */
function CompareTable({
  rows,
  olderLabel,
  newerLabel,
  caption,
  footer,
  firstColumn = t.targetColumn,
}: {
  rows: CompareRow[];
  olderLabel: string;
  newerLabel: string;
  caption: string;
  footer?: ReactNode;
  firstColumn?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={330}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
        <caption style={{ position: 'absolute', left: -10000 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">{firstColumn}</Table.Th>
            <Table.Th w="33%">{olderLabel}</Table.Th>
            <Table.Th w="33%">{newerLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" component="span">
                    {row.label}
                  </Text>
                  <ChangeMarker change={row.change} />
                </Group>
              </Table.Td>
              <Table.Td
                bg={cellBackground(row.change, 'old')}
                ta={row.numeric ? 'right' : undefined}
                td={
                  row.change === 'changed' || row.change === 'removed' ? 'line-through' : undefined
                }
              >
                {row.old}
              </Table.Td>
              <Table.Td
                bg={cellBackground(row.change, 'new')}
                ta={row.numeric ? 'right' : undefined}
                fw={row.change === 'unchanged' ? undefined : 700}
              >
                {row.new}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer}
      </Table>
    </Table.ScrollContainer>
  );
}

// ---- The page ------------------------------------------------------------------------------

function DiffView({
  diff,
  agreementId,
  crumbs,
  children,
}: {
  diff: RevisionDiff;
  agreementId: string;
  crumbs: { label: string; to?: string; params?: Record<string, string> }[];
  children: ReactNode;
}) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const { header, summary } = diff;
  const olderLabel = t.olderOf(header.previous.revisionNo);
  const newerLabel = t.newerOf(header.revisionNo);
  const counts = Object.entries(summary).filter(([, n]) => n > 0);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t.pageTitle(header.revisionNo)}
        description={t.compareTitle}
        crumbs={[...crumbs, { label: t.compareTitle }]}
        badges={<StatusBadge status={header.status} />}
        actions={
          <Group gap="xs">
            <ButtonLink
              to="/pk/dokumen/$agreementId"
              params={{ agreementId }}
              leftSection={<IconFileText size={18} aria-hidden />}
            >
              {t.openDocument}
            </ButtonLink>
            <ButtonLink
              variant="default"
              to="/pk/dokumen/$agreementId"
              params={{ agreementId: header.previous.id }}
              leftSection={<IconHistory size={18} aria-hidden />}
            >
              {t.openPrevious}
            </ButtonLink>
          </Group>
        }
      />

      <Paper withBorder p="md" radius="md">
        <Stack gap={6}>
          <Text size="sm">
            <Text span fw={700}>
              {t.reason}:{' '}
            </Text>
            {header.reason ? reasonLabels[header.reason] : t.empty}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={700}>
              {t.note}:{' '}
            </Text>
            {header.note ?? t.empty}
          </Text>
          <Group gap="xs" mt={4}>
            <StatusBadge status={header.previous.status} />
            <Text size="xs" c="gray.7">
              {olderLabel}
            </Text>
            <IconArrowRight size={14} aria-hidden />
            <StatusBadge status={header.status} />
            <Text size="xs" c="gray.7">
              {newerLabel}
            </Text>
          </Group>
        </Stack>
      </Paper>

      <section aria-labelledby="summary-title">
        <Title order={2} size="h4" id="summary-title" mb="xs">
          {t.summaryTitle}
        </Title>
        {counts.length === 0 ? (
          <EmptyState title={t.noChangesTitle} description={t.noChanges} />
        ) : (
          <Group gap="xs">
            {counts.map(([key, n]) => (
              <Badge key={key} variant="outline" color="gray.8" c="gray.9" tt="none" size="lg">
                {n} {t.summary[key] ?? key}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="gray.7" mt="xs">
          {t.lockRule}
        </Text>
      </section>

      <Switch
        label={t.onlyChanges}
        checked={onlyChanges}
        onChange={(event) => setOnlyChanges(event.currentTarget.checked)}
      />

      <PartiesSection
        diff={diff}
        onlyChanges={onlyChanges}
        olderLabel={olderLabel}
        newerLabel={newerLabel}
      />
      <ObjectivesSection
        diff={diff}
        onlyChanges={onlyChanges}
        olderLabel={olderLabel}
        newerLabel={newerLabel}
      />
      <BudgetsSection
        diff={diff}
        onlyChanges={onlyChanges}
        olderLabel={olderLabel}
        newerLabel={newerLabel}
      />
      {children}
    </Stack>
  );
}

interface SectionProps {
  diff: RevisionDiff;
  onlyChanges: boolean;
  olderLabel: string;
  newerLabel: string;
}

const partyText = (party: DiffParty | null) => {
  if (!party) return t.noParty;
  const kind =
    party.assignmentKind !== 'definitif'
      ? `${formatField('assignmentKind', party.assignmentKind)} `
      : '';
  return `${party.name}${party.nip ? ` (NIP ${party.nip})` : ''} — ${kind}${party.positionTitle}`;
};

function PartiesSection({ diff, onlyChanges, olderLabel, newerLabel }: SectionProps) {
  const rows: CompareRow[] = diff.parties
    .filter((p) => !onlyChanges || p.change !== 'unchanged')
    .map((p) => ({
      key: p.role,
      label: p.role === 'first' ? t.firstParty : t.secondParty,
      old: partyText(p.old),
      new: partyText(p.new),
      change: p.change,
    }));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="parties-title">
      <Title order={2} size="h4" id="parties-title" mb="xs">
        {t.partiesTitle}
      </Title>
      <CompareTable
        rows={rows}
        olderLabel={olderLabel}
        newerLabel={newerLabel}
        caption={t.partiesTitle}
        firstColumn={t.partyColumn}
      />
    </section>
  );
}

function fieldRows(
  prefix: string,
  fields: { field: string; old: FieldValue; new: FieldValue }[],
): CompareRow[] {
  return fields.map((f) => ({
    key: `${prefix}-${f.field}`,
    label: fieldLabels[f.field] ?? f.field,
    old: formatField(f.field, f.old),
    new: formatField(f.field, f.new),
    change: 'changed' as const,
    numeric: f.field === 'amount',
  }));
}

function indicatorRows(
  indicator: IndicatorDiff,
  years: number[],
  onlyChanges: boolean,
): CompareRow[] {
  const rows = fieldRows(indicator.old?.id ?? indicator.new?.id ?? '', indicator.fields);
  const changedField = new Set(indicator.fields.map((f) => f.field));
  if (!onlyChanges && !changedField.has('satuan')) {
    const satuan = indicator.new?.satuan ?? indicator.old?.satuan ?? '';
    rows.unshift({
      key: 'satuan',
      label: fieldLabels.satuan,
      old: indicator.old ? formatField('satuan', indicator.old.satuan) : t.empty,
      new: indicator.new ? formatField('satuan', satuan) : t.empty,
      change: indicator.change === 'changed' ? 'unchanged' : indicator.change,
    });
  }
  for (const year of years) {
    for (let quarter = 0; quarter <= 4; quarter += 1) {
      const old = targetOf(indicator.old, year, quarter);
      const now = targetOf(indicator.new, year, quarter);
      if (old === null && now === null) continue;
      const change: Change =
        indicator.change === 'added' || indicator.change === 'removed'
          ? indicator.change
          : indicator.targets.some((c) => c.year === year && c.quarter === quarter)
            ? 'changed'
            : 'unchanged';
      if (onlyChanges && change === 'unchanged') continue;
      rows.push({
        key: `${year}-${quarter}`,
        label: `${quarterNames[quarter]} ${year}`,
        old: indicator.old ? formatTarget(old) : t.empty,
        new: indicator.new ? formatTarget(now) : t.empty,
        change,
        numeric: true,
      });
    }
  }
  return rows;
}

function ObjectiveBlock({
  objective,
  index,
  diff,
  onlyChanges,
  olderLabel,
  newerLabel,
}: SectionProps & { objective: ObjectiveDiff; index: number }) {
  const title = objective.new?.title ?? objective.old?.title ?? '';
  const indicators = objective.indicators.filter((i) => !onlyChanges || i.change !== 'unchanged');
  const objectiveFieldRows = fieldRows(`o${index}`, objective.fields);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text size="xs" fw={700} c="gray.7" tt="uppercase">
            {t.objectiveLabel} {index + 1}
          </Text>
          <ChangeMarker
            change={
              objective.change === 'changed' && objective.fields.length === 0
                ? 'unchanged'
                : objective.change
            }
          />
        </Group>
        <Title order={3} size="h5">
          {title}
        </Title>
        {objectiveFieldRows.length > 0 && (
          <CompareTable
            rows={objectiveFieldRows}
            olderLabel={olderLabel}
            newerLabel={newerLabel}
            caption={`${t.objectiveLabel} ${title}`}
          />
        )}
        {indicators.map((indicator, ii) => {
          const name = indicator.new?.name ?? indicator.old?.name ?? '';
          const rows = indicatorRows(indicator, diff.years, onlyChanges);
          return (
            <Stack key={indicator.new?.id ?? indicator.old?.id ?? ii} gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {t.indicatorLabel}: {name}
                </Text>
                <ChangeMarker change={indicator.change} />
              </Group>
              {rows.length > 0 && (
                <CompareTable
                  rows={rows}
                  olderLabel={olderLabel}
                  newerLabel={newerLabel}
                  caption={`${t.indicatorLabel} ${name}`}
                />
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

function ObjectivesSection(props: SectionProps) {
  const { diff, onlyChanges } = props;
  const objectives = diff.objectives
    .map((objective, index) => ({ objective, index }))
    .filter(({ objective }) => !onlyChanges || objective.change !== 'unchanged');
  return (
    <section aria-labelledby="objectives-title">
      <Title order={2} size="h4" id="objectives-title" mb="xs">
        {t.objectivesTitle}
      </Title>
      {diff.objectives.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t.noObjectives}
        </Text>
      ) : (
        <Stack gap="md">
          {objectives.map(({ objective, index }) => (
            <ObjectiveBlock
              key={objective.new?.id ?? objective.old?.id ?? index}
              objective={objective}
              index={index}
              {...props}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

const budgetLabel = (row: BudgetRow) =>
  [
    `${row.programCode} ${row.programName}`,
    row.kegiatanCode || row.kegiatanName
      ? `${row.kegiatanCode ?? ''} ${row.kegiatanName ?? ''}`
      : null,
    row.subKegiatanCode || row.subKegiatanName
      ? `${row.subKegiatanCode ?? ''} ${row.subKegiatanName ?? ''}`
      : null,
  ]
    .filter((part): part is string => part !== null)
    .map((part) => part.trim());

function budgetCompareRow(row: BudgetDiff, index: number): CompareRow {
  const source = row.new ?? row.old;
  const other = row.fields.filter((f) => f.field !== 'amount');
  const label = source ? budgetLabel(source) : [];
  return {
    key: `b${index}`,
    label: (
      <Stack gap={0} component="span">
        {label.map((line) => (
          <Text key={line} size="sm" component="span">
            {line}
          </Text>
        ))}
        {other.map((f) => (
          <Text key={f.field} size="xs" c="gray.7" component="span">
            {fieldLabels[f.field] ?? f.field}: {formatField(f.field, f.old)} →{' '}
            {formatField(f.field, f.new)}
          </Text>
        ))}
      </Stack>
    ),
    old: row.old ? formatRupiah(row.old.amount) : t.empty,
    new: row.new ? formatRupiah(row.new.amount) : t.empty,
    change: row.change,
    numeric: true,
  };
}

function BudgetsSection({ diff, onlyChanges, olderLabel, newerLabel }: SectionProps) {
  const rows = diff.budgets.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !onlyChanges || row.change !== 'unchanged')
    .map(({ row, index }) => budgetCompareRow(row, index));
  const totalChange: Change = diff.budgets.totalChanged ? 'changed' : 'unchanged';
  return (
    <section aria-labelledby="budgets-title">
      <Title order={2} size="h4" id="budgets-title" mb="xs">
        {t.budgetsTitle}
      </Title>
      {diff.budgets.rows.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t.noBudgets}
        </Text>
      ) : (
        <CompareTable
          rows={rows}
          olderLabel={olderLabel}
          newerLabel={newerLabel}
          caption={t.budgetsTitle}
          firstColumn={t.budgetColumn}
          footer={
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>
                  <Group gap={6}>
                    {t.total}
                    <ChangeMarker change={totalChange} />
                  </Group>
                </Table.Th>
                <Table.Th ta="right" bg={cellBackground(totalChange, 'old')}>
                  {formatRupiah(diff.budgets.totalOld)}
                </Table.Th>
                <Table.Th ta="right" bg={cellBackground(totalChange, 'new')}>
                  {formatRupiah(diff.budgets.totalNew)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          }
        />
      )}
    </section>
  );
}

// ---- Versions ------------------------------------------------------------------------------

function VersionsSection({
  query,
  currentId,
}: {
  query: {
    data: VersionList | undefined;
    isPending: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  currentId: string;
}) {
  const timeZone = useTimeZone();
  // The latest version, when it may be revised now (signed/published, nothing in progress).
  const revisable = query.data?.items.find((v) => v.latest && v.permissions.revise);
  return (
    <section aria-labelledby="versions-title">
      <Group justify="space-between" mb="xs" gap="sm">
        <Title order={2} size="h4" id="versions-title">
          {t.versionsTitle}
        </Title>
        {revisable && (
          <CreateRevisionButton
            agreementId={revisable.id}
            version={revisable.version}
            permissions={revisable.permissions}
          />
        )}
      </Group>
      {query.isPending ? (
        <LoadingRows rows={2} />
      ) : query.error || !query.data ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.versionColumn}</Table.Th>
                <Table.Th>{t.statusColumn}</Table.Th>
                <Table.Th>{t.reasonColumn}</Table.Th>
                <Table.Th>{t.signedColumn}</Table.Th>
                <Table.Th>{t.supersededColumn}</Table.Th>
                <Table.Th>
                  <span style={{ position: 'absolute', left: -10000 }}>{t.open}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((v) => (
                <Table.Tr
                  key={v.id}
                  bg={v.id === currentId ? 'var(--mantine-color-blue-0)' : undefined}
                >
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={600}>
                        {v.revisionNo === 0 ? t.original : t.revisionN(v.revisionNo)}
                      </Text>
                      {v.latest && (
                        <Badge size="xs" variant="outline" color="gray.8">
                          {t.latest}
                        </Badge>
                      )}
                      {v.id === currentId && (
                        <Text size="xs" c="blue.9">
                          ({t.current})
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={v.status} />
                  </Table.Td>
                  <Table.Td>
                    {v.reason ? reasonLabels[v.reason] : t.empty}
                    {v.note && (
                      <Text size="xs" c="gray.7" lineClamp={2}>
                        {v.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(v.signedAt, timeZone)}</Table.Td>
                  <Table.Td>{formatDate(v.supersededAt, timeZone)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <AnchorLink
                        to="/pk/dokumen/$agreementId"
                        params={{ agreementId: v.id }}
                        size="sm"
                      >
                        {t.open}
                      </AnchorLink>
                      {v.revisionNo > 0 && v.id !== currentId && (
                        <AnchorLink
                          to="/pk/dokumen/$agreementId/perubahan"
                          params={{ agreementId: v.id }}
                          size="sm"
                        >
                          {t.compare}
                        </AnchorLink>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
