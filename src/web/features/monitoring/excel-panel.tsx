import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useMemo, useState } from 'react';
import { ApiError, api, withQuery } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { AnchorLink } from '../../components/links.js';
import { ErrorAlert } from '../../components/states.js';
import { formatNumber } from '../../lib/format.js';
import { refreshMonitoring, templateUrl } from './queries.js';
import { quarterLabel, monitoringStrings as t } from './strings.js';
import type { ImportResult, ImportRowError, Periods } from './types.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;

/** The rows of a 422 IMPORT_INVALID (details.rows, or details.errors). */
export function importErrors(error: unknown): { rows: ImportRowError[]; total: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID') return null;
  const details = (error.details ?? {}) as {
    rows?: unknown;
    errors?: unknown;
    errorCount?: unknown;
  };
  const list = Array.isArray(details.rows)
    ? details.rows
    : Array.isArray(details.errors)
      ? details.errors
      : [];
  const rows = list.filter(
    (r): r is ImportRowError => !!r && typeof (r as ImportRowError).message === 'string',
  );
  const total = typeof details.errorCount === 'number' ? details.errorCount : rows.length;
  return { rows, total };
}

/** Template download and filled-file upload for one unit and quarter (all or nothing). */
export function ExcelPanel({ periods }: { periods: Periods }) {
  const queryClient = useQueryClient();
  const units = useMemo(() => {
    const map = new Map<string, string>();
    for (const item of periods.items) {
      if (item.unitId && item.unitName && !map.has(item.unitId))
        map.set(item.unitId, item.unitName);
    }
    return [...map.entries()]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  }, [periods.items]);
  const openQuarters = periods.quarters.filter((q) => q.open);
  const [unitId, setUnitId] = useState<string | null>(
    units.length === 1 ? (units[0]?.value ?? null) : null,
  );
  const [quarter, setQuarter] = useState<string | null>(
    openQuarters.find((q) => !q.locked)?.quarter.toString() ??
      openQuarters.at(-1)?.quarter.toString() ??
      null,
  );
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const ready = unitId !== null && quarter !== null;

  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.upload<ImportResult>(
        withQuery('/api/monitoring/import', { unitId, year: periods.year, quarter }),
        chosen,
        XLSX_MIME,
      ),
    onSuccess: () => refreshMonitoring(queryClient),
  });

  const choose = (chosen: File | null) => {
    upload.reset();
    setProblem(null);
    setFile(chosen);
    if (!chosen) return;
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      setProblem(t.excelNotXlsx);
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setProblem(t.excelTooLarge);
      return;
    }
    upload.mutate(chosen);
  };

  const invalid = importErrors(upload.error);

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="excel-title"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg" id="excel-title">
            {t.excelTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {t.excelDescription}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
          <Select
            label={t.excelUnit}
            placeholder={t.excelUnitPlaceholder}
            data={units}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              upload.reset();
            }}
            searchable
          />
          <Select
            label={t.excelQuarter}
            data={openQuarters.map((q) => ({
              value: String(q.quarter),
              label: `${quarterLabel(q.quarter)} ${periods.year}`,
            }))}
            value={quarter}
            onChange={(v) => {
              setQuarter(v);
              upload.reset();
            }}
            allowDeselect={false}
          />
        </SimpleGrid>
        {ready ? (
          <Group
            gap="sm"
            p="sm"
            onDragOver={(event: DragEvent<HTMLDivElement>) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event: DragEvent<HTMLDivElement>) => {
              event.preventDefault();
              setDragging(false);
              if (!upload.isPending) choose(event.dataTransfer.files[0] ?? null);
            }}
            style={{
              border: '2px dashed var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-md)',
              background: dragging ? 'var(--mantine-color-amanah-0)' : undefined,
            }}
          >
            <Button
              component="a"
              href={templateUrl(unitId, periods.year, Number(quarter))}
              download
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t.excelDownload}
            </Button>
            <Text size="sm" c="dimmed">
              {t.excelDrop}
            </Text>
            <FileButton onChange={choose} accept={`.xlsx,${XLSX_MIME}`} disabled={upload.isPending}>
              {(props) => (
                <Button
                  {...props}
                  loading={upload.isPending}
                  leftSection={<IconUpload size={16} aria-hidden />}
                >
                  {file ? t.excelChooseOther : t.excelUpload}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t.excelNeedUnit}
          </Text>
        )}
        {upload.isPending && (
          <Text size="sm" role="status">
            {t.excelUploading}
          </Text>
        )}
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {upload.isSuccess && (
          <Alert
            color="green"
            variant="light"
            title={t.excelSaved}
            icon={<IconCheck size={18} aria-hidden />}
            role="status"
          >
            <Stack gap={4}>
              {upload.data.reports.map((r) => (
                <Group key={r.reportId} gap="xs">
                  <Text size="sm">
                    {t.excelSavedRow(
                      r.agreementTitle,
                      formatNumber(r.valuesSaved),
                      formatNumber(r.budgetsSaved),
                    )}
                  </Text>
                  <AnchorLink to="/realisasi/$reportId" params={{ reportId: r.reportId }} size="sm">
                    {t.excelOpen}
                  </AnchorLink>
                </Group>
              ))}
              {upload.data.warnings.map((w) => (
                <Text key={w} size="sm" c="dimmed">
                  {w}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {invalid ? (
          <ImportErrorTable error={upload.error} rows={invalid.rows} total={invalid.total} />
        ) : (
          upload.isError && <ErrorAlert error={upload.error} />
        )}
      </Stack>
    </Paper>
  );
}

function ImportErrorTable({
  error,
  rows,
  total,
}: {
  error: unknown;
  rows: ImportRowError[];
  total: number;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      title={t.excelErrorsTitle(formatNumber(total))}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{error instanceof Error ? error.message : ''}</Text>
        <Text size="sm">{t.excelErrorsBody}</Text>
        {rows.length < total && (
          <Text size="sm">{t.excelErrorsMore(formatNumber(rows.length), formatNumber(total))}</Text>
        )}
        <DataTable
          minWidth={560}
          head={
            <>
              <Table.Th>{t.excelSheet}</Table.Th>
              <Table.Th>{t.excelRow}</Table.Th>
              <Table.Th>{t.excelColumn}</Table.Th>
              <Table.Th>{t.excelProblem}</Table.Th>
            </>
          }
        >
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}-${r.row}-${r.column}-${r.message}`}>
              <Table.Td>{r.sheet}</Table.Td>
              <Table.Td>{r.row || '—'}</Table.Td>
              <Table.Td>{r.column || '—'}</Table.Td>
              <Table.Td>{r.message}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Alert>
  );
}
