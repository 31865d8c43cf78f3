import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { PkBudgetRow, PkDocumentContent } from '../content-types.js';
import { fieldRows, type SignatureSide, signatureGrid, tag } from './blocks.js';
import { governmentName, keepHyphenated } from './frame.js';

/**
 * The Perjanjian Kinerja in the format annexed to PermenPAN-RB 53/2014 (REGULATIONS.md): the
 * statement page with the standard wording, place and date, pihak kedua signing on the LEFT and
 * pihak pertama on the RIGHT; then the attachment tables (sasaran / indikator / target, the
 * quarterly targets when there are any, program / kegiatan / sub kegiatan / anggaran with the
 * total) and the signatures again under them, as on paper. Pure: content in, definition out.
 */

export interface LayoutResult {
  body: Content[];
  info: { title: string; subject: string; keywords: string[] };
}

/** Thin grey rules: the tables read like the printed forms, not like a spreadsheet. */
export const gridLayout: CustomTableLayout = {
  // Line 0 is above the caption row, also where a table continues on a new page: none there.
  hLineWidth: (i) => (i === 0 ? 0 : 0.6),
  vLineWidth: () => 0.6,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export const statementWording = {
  opening:
    'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:',
  openingAlone:
    'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, saya yang bertanda tangan di bawah ini:',
  firstParty: 'selanjutnya disebut pihak pertama;',
  secondParty: 'selaku atasan pihak pertama, selanjutnya disebut pihak kedua.',
  promise:
    'Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.',
  promiseAlone:
    'Berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab saya.',
  supervision:
    'Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
} as const;

const paragraph = (
  text: string,
  margin: [number, number, number, number] = [0, 6, 0, 6],
): Content => ({ text: keepHyphenated(text), alignment: 'justify', margin });

/** "PERJANJIAN KINERJA [PERUBAHAN] TAHUN 2027" */
function titleText(c: PkDocumentContent, prefix = ''): string {
  return `${prefix}PERJANJIAN KINERJA${c.revision ? ' PERUBAHAN' : ''} TAHUN ${c.yearLabel}`;
}

/** The unit line under the title: the unit of pihak pertama, or the Pemda for its own PK. */
function unitLine(c: PkDocumentContent): string {
  return c.unitName ? c.unitName.toUpperCase() : governmentName(c.tenant);
}

function heading(c: PkDocumentContent, prefix: string): Content[] {
  const lines: Content[] = [{ text: titleText(c, prefix), style: 'title' }];
  // The Pemda's own PK: the letterhead above already names the Pemda on the statement page.
  if (c.unitName || prefix) {
    lines.push({ text: unitLine(c), style: 'subtitle', margin: [0, 2, 0, 0] });
  }
  if (c.revision) {
    lines.push({
      text: `Perubahan ke-${c.revision.no} (${c.revision.reasonLabel})`,
      alignment: 'center',
      fontSize: 10,
      margin: [0, 2, 0, 0],
    });
  }
  return [{ stack: lines, margin: [0, 0, 0, 14] }];
}

function signatures(c: PkDocumentContent, id: string): Content {
  const first: SignatureSide = { label: c.second ? 'PIHAK PERTAMA,' : null, party: c.first };
  const second: SignatureSide | null = c.second ? { label: 'PIHAK KEDUA,', party: c.second } : null;
  return signatureGrid({
    id,
    left: second,
    right: first,
    placeDate: `${c.place}, ${c.dateText}`,
  });
}

function statementPage(c: PkDocumentContent): Content[] {
  const body: Content[] = [...heading(c, '')];
  if (c.second) {
    body.push(
      paragraph(statementWording.opening),
      fieldRows('first-party', [
        ['Nama', c.first.name],
        ['Jabatan', c.first.jabatan],
      ]),
      paragraph(statementWording.firstParty, [0, 0, 0, 6]),
      fieldRows('second-party', [
        ['Nama', c.second.name],
        ['Jabatan', c.second.jabatan],
      ]),
      paragraph(statementWording.secondParty, [0, 0, 0, 6]),
      paragraph(statementWording.promise),
      paragraph(statementWording.supervision),
    );
  } else {
    body.push(
      paragraph(statementWording.openingAlone),
      fieldRows('first-party', [
        ['Nama', c.first.name],
        ['Jabatan', c.first.jabatan],
      ]),
      paragraph(statementWording.promiseAlone),
    );
  }
  body.push(signatures(c, 'statement-signatures'));
  return body;
}

const header = (...labels: string[]): TableCell[] =>
  labels.map((text) => ({ text, style: 'tableHeader' }));
/**
 * The caption of an attachment table is its first header row (borderless, spanning the table):
 * it can never be left alone at the foot of a page, and it repeats with the column headers on
 * every page the table runs over. (A caption outside the table needed pdfmake's pageBreakBefore
 * hook, which lays the whole document out a second time.)
 */
export const headerRowCount = 2;
const captionRow = (text: string, columns: number): TableCell[] => [
  {
    text,
    colSpan: columns,
    bold: true,
    fontSize: 10.5,
    border: [false, false, false, false],
    margin: [-4, 10, 0, 2],
  },
  ...Array.from({ length: columns - 1 }, () => ''),
];

function objectivesTable(c: PkDocumentContent): Content {
  const kinds = [...new Set(c.objectives.map((o) => o.kindLabel))];
  const sasaranHeader = kinds.length === 1 && kinds[0] ? kinds[0] : 'Sasaran';
  const body: TableCell[][] = [
    captionRow('Sasaran, Indikator Kinerja dan Target', 4),
    header('No', sasaranHeader, 'Indikator Kinerja', 'Target'),
  ];
  c.objectives.forEach((o, index) => {
    const indicators = o.indicators.length > 0 ? o.indicators : [{ name: '-', target: '-' }];
    indicators.forEach((indicator, i) => {
      body.push([
        i === 0 ? { text: String(index + 1), rowSpan: indicators.length, alignment: 'center' } : '',
        i === 0 ? { text: o.name, rowSpan: indicators.length } : '',
        { text: indicator.name },
        { text: indicator.target, alignment: 'center' },
      ]);
    });
  });
  if (c.objectives.length === 0) {
    body.push([{ text: 'Belum ada sasaran.', colSpan: 4, italics: true }, '', '', '']);
  }
  return tag('table-objectives', {
    style: 'table',
    layout: gridLayout,
    table: { headerRows: headerRowCount, dontBreakRows: true, widths: [20, '*', '*', 78], body },
  } satisfies Content);
}

function quartersTable(c: PkDocumentContent): Content | null {
  const rows = c.objectives.flatMap((o) =>
    o.indicators.flatMap((i) => (i.quarters ? [{ ...i, quarters: i.quarters }] : [])),
  );
  if (rows.length === 0) return null;
  const body: TableCell[][] = [
    captionRow('Target Triwulan (Rencana Aksi)', 7),
    header('No', 'Indikator Kinerja', 'Target', 'TW I', 'TW II', 'TW III', 'TW IV'),
  ];
  rows.forEach((row, index) => {
    body.push([
      { text: String(index + 1), alignment: 'center' },
      { text: row.name },
      { text: row.target, alignment: 'center' },
      ...row.quarters.map((q) => ({ text: q, alignment: 'center' as const })),
    ]);
  });
  return tag('table-quarters', {
    style: 'table',
    layout: gridLayout,
    table: {
      headerRows: headerRowCount,
      dontBreakRows: true,
      widths: [20, '*', 62, 40, 40, 40, 40],
      body,
    },
  } satisfies Content);
}

/** Consecutive rows with the same value share one cell (rowSpan): how the forms group them. */
function runs<T>(rows: readonly T[], key: (row: T) => string): number[] {
  const spans = rows.map(() => 0);
  let start = 0;
  for (let i = 1; i <= rows.length; i += 1) {
    const prev = rows[i - 1];
    const cur = rows[i];
    if (i === rows.length || (prev !== undefined && cur !== undefined && key(prev) !== key(cur))) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

/** The header says "(Rp)", so the cells show the number only. */
const amountCell = (amount: string) => amount.replace(/^Rp\s*/, '');

function budgetsTable(c: PkDocumentContent): Content | null {
  if (c.budgets.length === 0) return null;
  const programKey = (b: PkBudgetRow) => b.program;
  const kegiatanKey = (b: PkBudgetRow) => `${b.program}\u0000${b.kegiatan}`;
  const programSpans = runs(c.budgets, programKey);
  const kegiatanSpans = runs(c.budgets, kegiatanKey);
  const body: TableCell[][] = [
    captionRow('Program, Kegiatan, Sub Kegiatan dan Anggaran', 5),
    header('No', 'Program', 'Kegiatan', 'Sub Kegiatan', 'Anggaran (Rp)'),
  ];
  let programNo = 0;
  c.budgets.forEach((b, i) => {
    const programSpan = programSpans[i] ?? 0;
    const kegiatanSpan = kegiatanSpans[i] ?? 0;
    if (programSpan > 0) programNo += 1;
    body.push([
      programSpan > 0 ? { text: String(programNo), rowSpan: programSpan, alignment: 'center' } : '',
      programSpan > 0 ? { text: b.program, rowSpan: programSpan } : '',
      kegiatanSpan > 0 ? { text: b.kegiatan, rowSpan: kegiatanSpan } : '',
      { text: b.subKegiatan },
      { text: amountCell(b.amount), alignment: 'right', noWrap: true },
    ]);
  });
  body.push([
    { text: 'Jumlah', colSpan: 4, bold: true, alignment: 'center' },
    '',
    '',
    '',
    { text: amountCell(c.budgetTotal), bold: true, alignment: 'right', noWrap: true },
  ]);
  return tag('table-budgets', {
    style: 'table',
    layout: gridLayout,
    table: {
      headerRows: headerRowCount,
      dontBreakRows: true,
      widths: [20, '*', '*', '*', 80],
      body,
    },
  } satisfies Content);
}

function attachment(c: PkDocumentContent): Content[] {
  const body: Content[] = [
    { stack: heading(c, 'LAMPIRAN '), pageBreak: 'before' },
    objectivesTable(c),
  ];
  const quarters = quartersTable(c);
  if (quarters) body.push(quarters);
  const budgets = budgetsTable(c);
  if (budgets) body.push(budgets);
  body.push(signatures(c, 'attachment-signatures'));
  return body;
}

export function pkLayout(c: PkDocumentContent): LayoutResult {
  const who = c.first.jabatan;
  return {
    body: [...statementPage(c), ...attachment(c)],
    info: {
      title: `${titleText(c)}: ${who}`,
      subject: `Perjanjian Kinerja${c.revision ? ` Perubahan ke-${c.revision.no}` : ''} Tahun ${c.yearLabel}`,
      keywords: ['Perjanjian Kinerja', c.yearLabel, c.unitName ?? c.tenant.shortName],
    },
  };
}
