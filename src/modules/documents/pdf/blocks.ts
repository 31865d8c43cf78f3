import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { PartyBlock } from '../content-types.js';
import { cm } from './frame.js';

/**
 * Pieces both layouts use. Signature blocks are one borderless two-column table, row by row
 * (label, jabatan, blank space, name, pangkat, NIP), so the two names sit on the same line even
 * when one jabatan wraps onto more lines than the other.
 */

export interface SignatureSide {
  /** "PIHAK KEDUA," / "Menyaksikan,"; null for a lone signer who signs by jabatan only. */
  label: string | null;
  party: PartyBlock;
}

export interface SignatureGridInput {
  /** pdfmake node id, so tests (and nothing else) can find the grid. */
  id: string;
  left: SignatureSide | null;
  right: SignatureSide | null;
  /** "Kota Contoh, 10 Januari 2027", printed above the right-hand block. */
  placeDate: string;
}

/**
 * "198001022005011002" → "19800102 200501 1 002": a PNS NIP is printed in its four groups
 * (birth date, TMT, sex, sequence), as on paper; anything else is printed as stored.
 */
export function printNip(nip: string): string {
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip;
}

/** The blank space a wet signature would take; the electronic signature itself is invisible. */
export const signatureSpace = cm(2.2);

/**
 * A name on a layout node that only tests read ("what goes where"): a symbol key, so pdfmake
 * never sees it and it never reaches the PDF.
 */
export const layoutTag: unique symbol = Symbol('layoutTag');
export function tag<T extends object>(id: string, node: T): T {
  Object.defineProperty(node, layoutTag, { value: id, enumerable: false });
  return node;
}
export function tagOf(node: unknown): string | undefined {
  return typeof node === 'object' && node !== null
    ? (node as { [layoutTag]?: string })[layoutTag]
    : undefined;
}

const blank: Cell = { text: '' };

type Cell = {
  text: string;
  bold?: boolean;
  decoration?: 'underline';
  margin?: [number, number, number, number];
};

function cells(side: SignatureSide | null, pick: (s: SignatureSide) => Cell | null): TableCell {
  const cell = side ? pick(side) : null;
  return { ...(cell ?? blank), alignment: 'center' };
}

export function signatureGrid(input: SignatureGridInput): Content {
  const { left, right } = input;
  const rows: TableCell[][] = [
    [blank, { text: input.placeDate, alignment: 'center' }],
    [
      cells(left, (s) => (s.label ? { text: s.label } : null)),
      cells(right, (s) => (s.label ? { text: s.label } : null)),
    ],
    [
      cells(left, (s) => ({ text: s.party.jabatan })),
      cells(right, (s) => ({ text: s.party.jabatan })),
    ],
    [
      { text: '', margin: [0, signatureSpace, 0, 0] },
      { text: '', margin: [0, signatureSpace, 0, 0] },
    ],
    [
      cells(left, (s) => ({ text: s.party.name, bold: true, decoration: 'underline' })),
      cells(right, (s) => ({ text: s.party.name, bold: true, decoration: 'underline' })),
    ],
  ];
  // A lone Kepala Daerah signs by jabatan alone: no empty label row above it.
  if (!left?.label && !right?.label) rows.splice(1, 1);
  if ((left?.party.pangkat ?? null) !== null || (right?.party.pangkat ?? null) !== null) {
    rows.push([
      cells(left, (s) => (s.party.pangkat ? { text: s.party.pangkat } : null)),
      cells(right, (s) => (s.party.pangkat ? { text: s.party.pangkat } : null)),
    ]);
  }
  if (left?.party.nip || right?.party.nip) {
    rows.push([
      cells(left, (s) => (s.party.nip ? { text: `NIP. ${printNip(s.party.nip)}` } : null)),
      cells(right, (s) => (s.party.nip ? { text: `NIP. ${printNip(s.party.nip)}` } : null)),
    ]);
  }
  return tag(input.id, {
    // A signature block is never split over two pages.
    unbreakable: true,
    margin: [0, 16, 0, 0],
    lineHeight: 1.1,
    layout: 'noBorders',
    table: {
      widths: ['*', '*'],
      body: rows,
    },
  } satisfies Content);
}

/** "Nama : …" rows without borders: the identity blocks of the statement and the pact. */
export function fieldRows(id: string, rows: [string, string][], labelWidth = cm(2.6)): Content {
  return tag(id, {
    layout: 'noBorders',
    margin: [cm(0.8), 4, 0, 4],
    table: {
      widths: [labelWidth, 8, '*'],
      body: rows.map(([label, value]) => [{ text: label }, { text: ':' }, { text: value }]),
    },
  } satisfies Content);
}
