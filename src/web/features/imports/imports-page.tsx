import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useMemo, useState } from 'react';
import { ApiError, api, withQuery } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { PageHeader } from '../../components/page.js';
import { QueryPage } from '../../components/query-page.js';
import { EmptyState, ErrorAlert } from '../../components/states.js';
import { formatNumber } from '../../lib/format.js';
import { importStrings as t } from './strings.js';
import type { ImportApplied, ImportKind, ImportOptions, ImportPreview, RowError } from './types.js';
import { MAX_UPLOAD_BYTES, uploadWorkbook } from './upload.js';

const crumbs = [{ label: t.title }];

export function ImportsPage() {
  const options = useQuery({
    queryKey: ['imports', 'options'],
    queryFn: () => api.get<ImportOptions>('/api/imports/options'),
  });
  return (
    <QueryPage query={options} errorTitle={t.title} crumbs={crumbs}>
      {(data) => <ImportWorkbench options={data} />}
    </QueryPage>
  );
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.ceil(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

function ImportWorkbench({ options }: { options: ImportOptions }) {
  const queryClient = useQueryClient();
  const kinds = (['rpjmd', 'renstra', 'dpa'] as const).filter((k) => options.permissions[k]);
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'renstra');
  const openPeriods = options.periods.filter((p) => p.status !== 'closed');
  const [periodId, setPeriodId] = useState<string | null>(
    (openPeriods.find((p) => p.status === 'active') ?? openPeriods[0])?.id ?? null,
  );
  const [unitId, setUnitId] = useState<string | null>(
    options.units.length === 1 ? (options.units[0]?.id ?? null) : null,
  );
  const years = useMemo(() => {
    const set = new Set<number>();
    for (const p of options.periods) for (let y = p.startYear; y <= p.endYear; y += 1) set.add(y);
    return [...set].sort((a, b) => a - b);
  }, [options.periods]);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string>(
    String(years.includes(thisYear) ? thisYear : (years[0] ?? thisYear)),
  );
  const [dpaKind, setDpaKind] = useState<'dpa' | 'dpa_perubahan'>('dpa');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const uploadQuery: Record<string, string | undefined> =
    kind === 'dpa'
      ? { kind: dpaKind, unitId: unitId ?? undefined }
      : {
          periodId: periodId ?? undefined,
          unitId: kind === 'renstra' ? (unitId ?? undefined) : undefined,
        };
  const ready =
    kind === 'dpa'
      ? true
      : kind === 'rpjmd'
        ? periodId !== null
        : periodId !== null && unitId !== null;
  const templateUrl =
    kind === 'dpa'
      ? withQuery('/api/imports/dpa/template', { year, kind: dpaKind, unitId })
      : withQuery(`/api/imports/${kind}/template`, {
          periodId,
          unitId: kind === 'renstra' ? unitId : undefined,
        });

  const preview = useMutation({
    mutationFn: (chosen: File) =>
      uploadWorkbook<ImportPreview>(`/api/imports/${kind}/preview`, uploadQuery, chosen),
  });
  const apply = useMutation({
    mutationFn: (chosen: File) =>
      uploadWorkbook<ImportApplied>(`/api/imports/${kind}/apply`, uploadQuery, chosen),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const { reset: resetPreview } = preview;
  const { reset: resetApply } = apply;

  // Another kind, period, PD or budget type makes the chosen file's preview meaningless.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the choices are the trigger.
  useEffect(() => {
    setFile(null);
    setFileProblem(null);
    resetPreview();
    resetApply();
  }, [kind, periodId, unitId, dpaKind, resetPreview, resetApply]);

  const choose = (chosen: File | null) => {
    resetPreview();
    resetApply();
    setFileProblem(null);
    setFile(chosen);
    if (!chosen) return;
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      setFileProblem(t.notXlsx);
      return;
    }
    if (chosen.size > MAX_UPLOAD_BYTES) {
      setFileProblem(t.tooLarge);
      return;
    }
    preview.mutate(chosen);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!ready) return;
    choose(event.dataTransfer.files[0] ?? null);
  };

  if (kinds.length === 0) {
    return (
      <Stack>
        <PageHeader title={t.title} description={t.description} />
        <EmptyState title={t.noRights} description={t.description} />
      </Stack>
    );
  }

  const applyErrors =
    apply.error instanceof ApiError && apply.error.code === 'IMPORT_INVALID'
      ? ((apply.error.details as { rows?: RowError[] } | undefined)?.rows ?? [])
      : null;
  const data = preview.data;
  const errors = applyErrors ?? data?.errors ?? [];
  const errorCount = applyErrors ? applyErrors.length : (data?.errorCount ?? 0);
  const changes = data
    ? Object.values(data.summary).reduce((n, c) => n + c.create + c.update, 0)
    : 0;

  return (
    <Stack gap="lg">
      <PageHeader title={t.title} description={t.description} />
      <Stack gap="xs">
        <Text fw={600} size="sm" id="import-kind-label">
          {t.kindLabel}
        </Text>
        <SegmentedControl
          aria-labelledby="import-kind-label"
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          data={kinds.map((k) => ({ value: k, label: t.kinds[k] }))}
          style={{ alignSelf: 'flex-start' }}
        />
        <Text size="sm" c="dimmed">
          {t.kindHelp[kind]}
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {kind !== 'dpa' && (
          <Select
            label={t.period}
            placeholder={t.periodPlaceholder}
            value={periodId}
            onChange={setPeriodId}
            data={openPeriods.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.startYear}–${p.endYear})`,
            }))}
            nothingFoundMessage={t.noPeriods}
            required
          />
        )}
        {kind !== 'rpjmd' && (
          <Select
            label={t.unit}
            placeholder={kind === 'dpa' ? t.unitAll : t.unitPlaceholder}
            value={unitId}
            onChange={setUnitId}
            data={options.units.map((u) => ({ value: u.id, label: u.name }))}
            searchable
            clearable={kind === 'dpa'}
            required={kind === 'renstra'}
          />
        )}
        {kind === 'dpa' && (
          <>
            <Select
              label={t.year}
              value={year}
              onChange={(value) => value && setYear(value)}
              data={(years.length ? years : [thisYear]).map((y) => String(y))}
              allowDeselect={false}
            />
            <Select
              label={t.dpaKind}
              value={dpaKind}
              onChange={(value) => value && setDpaKind(value as 'dpa' | 'dpa_perubahan')}
              data={[
                { value: 'dpa', label: t.dpaKinds.dpa },
                { value: 'dpa_perubahan', label: t.dpaKinds.dpa_perubahan },
              ]}
              allowDeselect={false}
            />
          </>
        )}
      </SimpleGrid>
      {kind !== 'dpa' && openPeriods.length === 0 && (
        <Alert color="yellow" variant="light">
          {t.noPeriods}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="md">
              {t.step1}
            </Title>
            {ready ? (
              <Button
                component="a"
                href={templateUrl}
                download
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                style={{ alignSelf: 'flex-start' }}
              >
                {t.download}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t.needChoice}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper
          withBorder
          p="md"
          radius="md"
          onDragOver={(event: DragEvent<HTMLDivElement>) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            background: dragging ? 'var(--mantine-color-teal-0)' : undefined,
          }}
        >
          <Stack gap="sm">
            <Title order={2} fz="md">
              {t.step2}
            </Title>
            {ready ? (
              <Group gap="sm">
                <IconFileSpreadsheet size={28} aria-hidden />
                <Text size="sm">{t.drop}</Text>
                <Text size="sm" c="dimmed">
                  {t.or}
                </Text>
                <FileButton
                  onChange={choose}
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                >
                  {(props) => (
                    <Button {...props} leftSection={<IconUpload size={16} aria-hidden />}>
                      {file ? t.chooseOther : t.pick}
                    </Button>
                  )}
                </FileButton>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t.needChoice}
              </Text>
            )}
            {file && (
              <Text size="sm" c="dimmed">
                {t.chosen(file.name, sizeText(file.size))}
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      {fileProblem && (
        <Alert color="red" variant="light" role="alert">
          {fileProblem}
        </Alert>
      )}
      {preview.isPending && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">{t.checking}</Text>
        </Group>
      )}
      {preview.isError && <ErrorAlert error={preview.error} />}

      {apply.isSuccess && (
        <Alert
          color="green"
          variant="light"
          title={t.successTitle}
          icon={<IconCheck size={18} aria-hidden />}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t.successBody(
                formatNumber(Object.values(apply.data.summary).reduce((n, c) => n + c.create, 0)),
                formatNumber(Object.values(apply.data.summary).reduce((n, c) => n + c.update, 0)),
              )}
            </Text>
            <SummaryTable summary={apply.data.summary} />
          </Stack>
        </Alert>
      )}
      {apply.isError && !applyErrors && <ErrorAlert error={apply.error} />}

      {data && !apply.isSuccess && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Stack gap={2}>
              <Title order={2} fz="lg">
                {t.previewTitle}
              </Title>
              <Text size="sm" c="dimmed">
                {t.totalRows(formatNumber(data.totalRows))} {t.previewNothingSaved}
              </Text>
            </Stack>
            <Button
              onClick={() => file && apply.mutate(file)}
              disabled={errorCount > 0 || !file || changes === 0}
              loading={apply.isPending}
              leftSection={<IconCheck size={16} aria-hidden />}
              title={errorCount > 0 ? t.applyDisabled : undefined}
            >
              {apply.isPending ? t.applying : t.apply}
            </Button>
          </Group>
          {errorCount === 0 ? (
            <Alert color={changes === 0 ? 'blue' : 'green'} variant="light">
              {changes === 0 ? t.nothingToChange : t.noErrors}
            </Alert>
          ) : (
            <ErrorTable errors={errors} total={errorCount} />
          )}
          {Object.keys(data.summary).length > 0 && <SummaryTable summary={data.summary} />}
          {data.rows.length > 0 && (
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t.rowsTitle(formatNumber(data.rows.length), formatNumber(data.totalRows))}
              </Text>
              <DataTable
                minWidth={640}
                head={
                  <>
                    <Table.Th>{t.row}</Table.Th>
                    <Table.Th>{t.summaryKind}</Table.Th>
                    <Table.Th>{t.code}</Table.Th>
                    <Table.Th>{t.text}</Table.Th>
                    <Table.Th>{t.action}</Table.Th>
                  </>
                }
              >
                {data.rows.map((r) => (
                  <Table.Tr key={`${r.sheet}-${r.row}`}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{t.kindNames[r.kind] ?? r.kind}</Table.Td>
                    <Table.Td>{r.code ?? ''}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>
                      <ActionBadge action={r.action} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </Stack>
          )}
        </Stack>
      )}
      {applyErrors && !data && <ErrorTable errors={applyErrors} total={applyErrors.length} />}
    </Stack>
  );
}

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  skip: 'gray',
  error: 'red',
};

function ActionBadge({ action }: { action: string }) {
  return (
    <Badge variant="light" color={actionColors[action] ?? 'gray'}>
      {t.actions[action] ?? action}
    </Badge>
  );
}

function SummaryTable({ summary }: { summary: ImportPreview['summary'] }) {
  return (
    <DataTable
      minWidth={360}
      head={
        <>
          <Table.Th>{t.summaryKind}</Table.Th>
          <Table.Th ta="right">{t.create}</Table.Th>
          <Table.Th ta="right">{t.update}</Table.Th>
          <Table.Th ta="right">{t.unchanged}</Table.Th>
        </>
      }
    >
      {Object.entries(summary).map(([kind, c]) => (
        <Table.Tr key={kind}>
          <Table.Td>{t.kindNames[kind] ?? kind}</Table.Td>
          <Table.Td ta="right">{formatNumber(c.create)}</Table.Td>
          <Table.Td ta="right">{formatNumber(c.update)}</Table.Td>
          <Table.Td ta="right">{formatNumber(c.unchanged)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function ErrorTable({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={t.errorsTitle(formatNumber(total))}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{t.errorsBody}</Text>
        {errors.length < total && (
          <Text size="sm">{t.errorsMore(formatNumber(errors.length), formatNumber(total))}</Text>
        )}
        <DataTable
          minWidth={520}
          head={
            <>
              <Table.Th>{t.row}</Table.Th>
              <Table.Th>{t.column}</Table.Th>
              <Table.Th>{t.problem}</Table.Th>
            </>
          }
        >
          {errors.map((e) => (
            <Table.Tr key={`${e.sheet}-${e.row}-${e.column}-${e.message}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column || '—'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Alert>
  );
}
