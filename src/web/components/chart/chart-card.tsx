import {
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChartBar, IconDownload, IconPhoto, IconTable } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { EmptyState } from '../states.js';
import { EChart, type EChartHandle } from './echart.js';
import { chartStrings as t } from './strings.js';
import type { ChartColumn, ChartOption, ChartRow } from './types.js';

/** Saves a data URL (the chart's PNG) under a file name through a temporary link. */
function saveDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** "Capaian per sasaran" → "capaian-per-sasaran" for file names. */
export function fileSlug(text: string): string {
  return (
    text
      .toLocaleLowerCase('id')
      .normalize('NFKD')
      .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'grafik'
  );
}

/** The same data as the chart, as an accessible table (the "Tabel" view). */
export function ChartTable({
  caption,
  columns,
  rows,
  minWidth = 480,
}: {
  caption: string;
  columns: ChartColumn[];
  rows: ChartRow[];
  minWidth?: number;
}) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      // The table may scroll sideways on a phone: its region takes keyboard focus to scroll.
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: 'region', 'aria-label': caption },
      }}
    >
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
          }}
        >
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} ta={column.numeric ? 'right' : undefined} scope="col">
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                  key={index}
                  ta={columns[index]?.numeric ? 'right' : undefined}
                  style={columns[index]?.numeric ? { whiteSpace: 'nowrap' } : undefined}
                >
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A chart with its data: a "Grafik / Tabel" toggle (the table says the same as the chart, for
 * screen readers and for reading exact figures), the chart as PNG and the table as xlsx (the
 * server's export of the same table). With no data it shows the empty state instead.
 */
export function ChartCard({
  title,
  description,
  option,
  columns,
  rows,
  exportHref,
  height = 320,
  emptyTitle = t.emptyTitle,
  emptyText,
  legend,
  tableMinWidth,
  testId,
}: {
  title: string;
  description?: ReactNode;
  option: ChartOption;
  columns: ChartColumn[];
  rows: ChartRow[];
  /** GET URL of the xlsx export of this table; no button without it. */
  exportHref?: string;
  height?: number;
  emptyTitle?: string;
  /** Shown instead of the chart when `rows` is empty. */
  emptyText: string;
  /** Text legend under the chart (e.g. what the quadrants mean), also shown with the table. */
  legend?: ReactNode;
  tableMinWidth?: number;
  testId?: string;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<EChartHandle>(null);
  const empty = rows.length === 0;
  const slug = fileSlug(title);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={testId} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Title order={2} fz="md">
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {!empty && (
            <Group gap={6} wrap="wrap">
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
                aria-label={t.viewLabel(title)}
                data={[
                  {
                    value: 'chart',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconChartBar size={14} aria-hidden />
                        <span>{t.viewChart}</span>
                      </Group>
                    ),
                  },
                  {
                    value: 'table',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconTable size={14} aria-hidden />
                        <span>{t.viewTable}</span>
                      </Group>
                    ),
                  },
                ]}
              />
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPhoto size={14} aria-hidden />}
                aria-label={t.downloadPngLabel(title)}
                onClick={() => {
                  const url = chart.current?.toPng();
                  if (url) saveDataUrl(url, `${slug}.png`);
                }}
              >
                {t.downloadPng}
              </Button>
              {exportHref && (
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={exportHref}
                  download
                  leftSection={<IconDownload size={14} aria-hidden />}
                  aria-label={t.downloadXlsxLabel(title)}
                >
                  {t.downloadXlsx}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {empty ? (
          <EmptyState title={emptyTitle} description={emptyText} />
        ) : (
          <>
            {/* The chart stays mounted in table view so its PNG can still be downloaded. */}
            <Box display={view === 'chart' ? 'block' : 'none'}>
              <EChart ref={chart} option={option} height={height} label={t.chartLabel(title)} />
            </Box>
            {view === 'table' && (
              <ChartTable caption={title} columns={columns} rows={rows} minWidth={tableMinWidth} />
            )}
            {legend}
          </>
        )}
      </Stack>
    </Paper>
  );
}
