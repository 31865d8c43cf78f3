import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { type CeremonyStatus, type SignerRole, zoneLabel } from '../../shared/codes.js';
import { formatDocumentCode } from '../../shared/document-code.js';
import { formatIndonesianDate } from '../documents/indonesian-date.js';
import { governmentName, logoContent } from '../documents/pdf/frame.js';

/**
 * The ceremony report ("Laporan Penandatanganan"): who signed what and when, one row per
 * signature slot, grouped by document. A4 landscape so the six columns fit without squeezing
 * names; the table header repeats on every page. Pure: the same input gives the same
 * definition (the unit test reads it).
 */
export interface ReportSigner {
  role: SignerRole;
  name: string;
  jabatan: string;
  /** ISO moment, or null while unsigned. */
  signedAt: string | null;
}

export interface ReportDocument {
  kind: 'pk' | 'pi';
  title: string;
  unitName: string | null;
  /** documents.code, or null when the PDF has not been made yet. */
  code: string | null;
  signers: ReportSigner[];
}

export interface ReportInput {
  tenant: { name: string; logo: string | null };
  timeZone: string;
  ceremony: {
    title: string;
    fiscalYear: number;
    eventDate: string;
    startTime: string | null;
    place: string;
    status: CeremonyStatus;
  };
  documents: ReportDocument[];
  generatedAt: Date;
}

export const roleLabels: Record<SignerRole, string> = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Menyaksikan',
};

const statusLabels: Record<CeremonyStatus, string> = {
  scheduled: 'Terjadwal',
  ongoing: 'Berlangsung',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : {}),
      timeZone,
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** "10 Januari 2027 09.15.02 WITA": a moment in the Pemda's own zone, with its name. */
export function formatMoment(iso: string | Date, timeZone: string): string {
  return `${format(timeZone, true).format(new Date(iso)).replace(' pukul ', ' ')} ${zoneLabel(timeZone)}`;
}

export interface ReportTotals {
  documents: number;
  signedDocuments: number;
  signatures: number;
  signaturesDone: number;
}

export function reportTotals(documents: readonly ReportDocument[]): ReportTotals {
  const signatures = documents.reduce((n, d) => n + d.signers.length, 0);
  const signaturesDone = documents.reduce(
    (n, d) => n + d.signers.filter((s) => s.signedAt !== null).length,
    0,
  );
  return {
    documents: documents.length,
    signedDocuments: documents.filter(
      (d) => d.signers.length > 0 && d.signers.every((s) => s.signedAt !== null),
    ).length,
    signatures,
    signaturesDone,
  };
}

const header = (text: string): TableCell => ({ text, style: 'tableHeader' });

/** pdfmake's default cell padding (left/right, top/bottom). */
const cellPadding = { x: 4, y: 2 };
/** Widths of the Peran and Waktu columns, shared by the header and each document's slots. */
const signerWidths = { role: 96, time: 140 };

/** The table body: a header row, then one row per slot, the document cells spanning its slots. */
export function reportTableBody(input: ReportInput): TableCell[][] {
  const body: TableCell[][] = [
    [
      header('No'),
      header('Dokumen'),
      header('Pihak / Penanda tangan'),
      header('Peran'),
      header(`Waktu tanda tangan (${zoneLabel(input.timeZone)})`),
      header('ID dokumen'),
    ],
  ];
  input.documents.forEach((doc, index) => {
    const unit = doc.unitName && !doc.title.includes(doc.unitName) ? doc.unitName : null;
    const slots = doc.signers.length > 0 ? doc.signers : [null];
    body.push([
      { text: String(index + 1), alignment: 'center' },
      {
        stack: [
          { text: doc.title },
          ...(unit ? [{ text: unit, color: '#555555', fontSize: 8 }] : []),
        ],
      },
      {
        // One row per document, its signature slots a table inside it: a document never
        // splits across a page break (a rowSpan group would), and the slots stay aligned
        // with the header's columns (same widths, the cell's own padding taken back).
        colSpan: 3,
        margin: [-cellPadding.x, -cellPadding.y, -cellPadding.x, -cellPadding.y],
        table: {
          widths: ['*', signerWidths.role, signerWidths.time],
          body: slots.map((s) => [
            s
              ? {
                  stack: [
                    { text: s.name, bold: true },
                    { text: s.jabatan, fontSize: 8 },
                  ],
                }
              : { text: '–' },
            { text: s ? roleLabels[s.role] : '–' },
            s?.signedAt
              ? { text: formatMoment(s.signedAt, input.timeZone) }
              : { text: 'Belum ditandatangani', italics: true, color: '#777777' },
          ]),
        },
        layout: {
          hLineWidth: (i: number, node: ContentTable) =>
            i === 0 || i === node.table.body.length ? 0 : 0.5,
          vLineWidth: (i: number, node: ContentTable) =>
            i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : 0.5,
          hLineColor: () => '#999999',
          vLineColor: () => '#999999',
        },
      },
      {},
      {},
      doc.code
        ? { text: formatDocumentCode(doc.code), noWrap: true }
        : { text: 'belum dibuat', italics: true, color: '#777777' },
    ]);
  });
  return body;
}

/** Page margin in points (A4 landscape is 841.89 × 595.28). */
const margin = 40;

export function reportDefinition(input: ReportInput): TDocumentDefinitions {
  const totals = reportTotals(input.documents);
  const c = input.ceremony;
  const when = `${formatIndonesianDate(c.eventDate)}${c.startTime ? `, pukul ${c.startTime.replace(':', '.')} ${zoneLabel(input.timeZone)}` : ''}`;
  const summary: Content = {
    margin: [0, 10, 0, 0],
    table: {
      widths: ['auto', '*'],
      body: [
        [
          'Jumlah dokumen',
          `${totals.documents} (${totals.signedDocuments} lengkap ditandatangani)`,
        ],
        ['Tanda tangan', `${totals.signaturesDone} dari ${totals.signatures}`],
      ],
    },
    layout: 'noBorders',
    fontSize: 9.5,
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [margin, margin, margin, 48],
    info: {
      title: `Laporan ${c.title}`,
      author: governmentName(input.tenant),
      subject: `Laporan penandatanganan ${c.title}`,
      creator: 'Amanah',
      producer: 'Amanah (pdfmake)',
      creationDate: input.generatedAt,
    },
    language: 'id-ID',
    content: [
      {
        columns: [
          { width: 60, stack: [logoContent(input.tenant.logo)] },
          {
            width: '*',
            stack: [
              { text: governmentName(input.tenant), bold: true, fontSize: 12 },
              { text: 'LAPORAN PENANDATANGANAN', bold: true, fontSize: 14, margin: [0, 2, 0, 0] },
              { text: c.title, fontSize: 11 },
            ],
          },
        ],
        columnGap: 12,
      },
      {
        margin: [0, 10, 0, 8],
        table: {
          widths: ['auto', '*'],
          body: [
            ['Tanggal', when],
            ['Tempat', c.place],
            ['Status acara', statusLabels[c.status]],
          ],
        },
        layout: 'noBorders',
        fontSize: 9.5,
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [22, '*', '*', signerWidths.role, signerWidths.time, 82],
          body: reportTableBody(input),
        },
        fontSize: 8.5,
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => '#999999',
          vLineColor: () => '#999999',
        },
      },
      summary,
      {
        text: `Laporan ini dibuat oleh Amanah pada ${formatMoment(input.generatedAt, input.timeZone)}. Keaslian setiap dokumen dapat diperiksa melalui ID dokumennya di halaman verifikasi.`,
        fontSize: 8,
        color: '#555555',
        margin: [0, 8, 0, 0],
      },
    ],
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [margin, 16, margin, 0],
      columns: [
        { text: c.title, fontSize: 7.5, color: '#555555', width: '*' },
        {
          text: `Halaman ${currentPage} dari ${pageCount}`,
          fontSize: 8,
          alignment: 'right',
          width: 'auto',
        },
      ],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: { tableHeader: { bold: true, alignment: 'center', fillColor: '#e6e6e6' } },
  };
}
