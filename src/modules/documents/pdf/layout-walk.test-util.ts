import type { Content } from 'pdfmake/interfaces.js';
import { tagOf } from './blocks.js';

/** Test helpers: find a tagged node in a layout and read the text inside it. */

export function findTagged(node: unknown, id: string): unknown {
  if (tagOf(node) === id) return node;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findTagged(child, id);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node === 'object' && node !== null) {
    for (const value of Object.values(node)) {
      const found = findTagged(value, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** All text of a node, pieces joined with spaces (whitespace squeezed). */
export function textOf(node: unknown): string {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    if (typeof n === 'string') parts.push(n);
    else if (typeof n === 'number') parts.push(String(n));
    else if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === 'object' && n !== null) {
      const o = n as Record<string, unknown>;
      for (const key of ['text', 'stack', 'columns', 'ol', 'ul', 'table', 'body']) {
        if (key in o) walk(o[key]);
      }
    }
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export interface TableNode {
  table: { headerRows?: number; body: unknown[][]; widths?: unknown[] };
}

/** The table of a tagged node (a ContentTable). */
export function tableOf(body: Content[], id: string): TableNode['table'] {
  const node = findTagged(body, id) as TableNode | undefined;
  if (!node) throw new Error(`no node tagged ${id}`);
  return node.table;
}

/** Column texts of each row of a table: [[left, right], …]. */
export const rowsOf = (table: TableNode['table']): string[][] =>
  table.body.map((row) => row.map((cell) => textOf(cell)));
