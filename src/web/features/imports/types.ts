/** Shapes of the import API (see GET /api/openapi.json), only what the page reads. */
export type ImportKind = 'rpjmd' | 'renstra' | 'dpa';

export interface ImportOptions {
  periods: { id: string; name: string; startYear: number; endYear: number; status: string }[];
  units: { id: string; name: string; code: string | null }[];
  permissions: Record<ImportKind, boolean>;
}

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
}

export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  sha256: string;
  summary: Record<string, Counts>;
  totalRows: number;
  rows: {
    sheet: string;
    row: number;
    kind: string;
    code: string | null;
    title: string;
    action: 'create' | 'update' | 'unchanged' | 'skip' | 'error';
  }[];
  errors: RowError[];
  errorCount: number;
}

export interface ImportApplied {
  sha256: string;
  summary: Record<string, Counts>;
  totalRows: number;
}
