import { z } from 'zod';
import { clip } from './cells.js';

/** What a preview (and a refused apply) tells the user, shared by every kind of import. */

export interface RowError {
  sheet: string;
  /** Row number as Excel shows it (1 = header row). */
  row: number;
  /** The column's header ("Target 2026"), '' for a problem of the whole row or file. */
  column: string;
  message: string;
}

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';

export interface PreviewRow {
  sheet: string;
  row: number;
  kind: string;
  code: string | null;
  title: string;
  action: RowAction;
}

export interface ImportAnalysis<W> {
  summary: Record<string, Counts>;
  rows: PreviewRow[];
  errors: RowError[];
  totalRows: number;
  writes: W;
}

/** How many parsed rows and errors a preview returns (all errors still block the import). */
export const PREVIEW_ROWS = 100;
export const MAX_ERRORS_SHOWN = 1000;

/** Collects row errors; `has(row)` tells whether a row already failed. */
export class ErrorList {
  readonly list: RowError[] = [];
  private readonly failedRows = new Set<number>();
  constructor(private readonly sheet: string) {}

  add(row: number, column: string, message: string): void {
    this.list.push({ sheet: this.sheet, row, column, message });
    this.failedRows.add(row);
  }

  has(row: number): boolean {
    return this.failedRows.has(row);
  }
}

export class SummaryCounter {
  readonly summary: Record<string, Counts> = {};
  count(kind: string, action: 'create' | 'update' | 'unchanged'): void {
    this.summary[kind] ??= { create: 0, update: 0, unchanged: 0 };
    this.summary[kind][action] += 1;
  }
}

const countsSchema = z.object({
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
});
export const rowErrorSchema = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  message: z.string(),
});
export const previewSchema = z.object({
  sha256: z.string(),
  summary: z.record(z.string(), countsSchema),
  totalRows: z.number(),
  rows: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      kind: z.string(),
      code: z.string().nullable(),
      title: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'skip', 'error']),
    }),
  ),
  errors: z.array(rowErrorSchema),
  errorCount: z.number(),
});
export type ImportPreview = z.infer<typeof previewSchema>;

export const applySchema = z.object({
  sha256: z.string(),
  summary: z.record(z.string(), countsSchema),
  totalRows: z.number(),
});

export function toPreview<W>(analysis: ImportAnalysis<W>, hash: string): ImportPreview {
  return {
    sha256: hash,
    summary: analysis.summary,
    totalRows: analysis.totalRows,
    // Cell text echoed back is bounded: a 32,767-character cell must not bloat the answer.
    rows: analysis.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      ...r,
      kind: clip(r.kind, 40),
      code: r.code === null ? null : clip(r.code, 60),
      title: clip(r.title, 1000),
    })),
    errors: analysis.errors.slice(0, MAX_ERRORS_SHOWN),
    errorCount: analysis.errors.length,
  };
}
