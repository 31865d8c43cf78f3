import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cell, type RowSink, type TableName, tableColumns, tableNames } from './pemda-rows.js';

/**
 * A batch of rows as one CSV file per table in a temporary folder, and the psql script that
 * loads them (see load.ts for why psql and why `session_replication_role = replica`).
 */
const csvSpecial = /[",\n\r]/;

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // An empty string must be quoted: unquoted empty is NULL in CSV COPY.
  if (v === '' || csvSpecial.test(v)) return `"${v.replaceAll('"', '""')}"`;
  return v;
}

/** One CSV file per table, buffered (4 MB) and written synchronously. */
export class CsvBatch implements RowSink {
  readonly dir = mkdtempSync(join(tmpdir(), 'amanah-national-'));
  private readonly fds = new Map<TableName, number>();
  private readonly buffers = new Map<TableName, string[]>();
  private readonly sizes = new Map<TableName, number>();
  readonly rows = new Map<TableName, number>();

  row(table: TableName, values: Cell[]): void {
    let line = '';
    for (let i = 0; i < values.length; i += 1) {
      if (i > 0) line += ',';
      line += csvCell(values[i] ?? null);
    }
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(line);
    this.rows.set(table, (this.rows.get(table) ?? 0) + 1);
    const size = (this.sizes.get(table) ?? 0) + line.length + 1;
    this.sizes.set(table, size);
    if (size > 4_000_000) this.flush(table);
  }

  private flush(table: TableName): void {
    const buffer = this.buffers.get(table);
    if (!buffer || buffer.length === 0) return;
    let fd = this.fds.get(table);
    if (fd === undefined) {
      fd = openSync(this.file(table), 'w');
      this.fds.set(table, fd);
    }
    writeSync(fd, `${buffer.join('\n')}\n`);
    this.buffers.set(table, []);
    this.sizes.set(table, 0);
  }

  file(table: TableName): string {
    return join(this.dir, `${table}.csv`);
  }

  /** Flushes and closes every file; returns the psql script that loads them in FK order. */
  close(): string {
    for (const table of tableNames) this.flush(table);
    for (const fd of this.fds.values()) closeSync(fd);
    const lines = ['set session_replication_role = replica;'];
    for (const table of tableNames) {
      if (!this.rows.get(table)) continue;
      const columns = tableColumns[table].join(', ');
      lines.push(`\\copy ${table} (${columns}) from '${this.file(table)}' with (format csv)`);
    }
    const script = join(this.dir, 'load.sql');
    writeFileSync(script, `${lines.join('\n')}\n`);
    return script;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs a psql script in one transaction; rejects with psql's error output. */
export function runPsql(url: string, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'psql',
      ['-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', script],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql gagal (kode ${code}): ${errors}`)),
    );
  });
}
