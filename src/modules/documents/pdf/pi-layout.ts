import type { Content } from 'pdfmake/interfaces.js';
import type { PiDocumentContent } from '../content-types.js';
import { fieldRows, printNip, type SignatureSide, signatureGrid, tag } from './blocks.js';
import { keepHyphenated } from './frame.js';
import type { LayoutResult } from './pk-layout.js';

/**
 * The Pakta Integritas (PermenPAN-RB 49/2011, REGULATIONS.md): title, the maker's identity
 * block, "menyatakan sebagai berikut:" and the numbered clauses the document was issued with,
 * place and date, "Menyaksikan," (the superior) on the LEFT and "Pembuat Pernyataan," on the
 * RIGHT. Pure: content in, definition out.
 */
export function piLayout(c: PiDocumentContent): LayoutResult {
  const maker = c.maker;
  // The standard clause 6 names the instansi; a clause list written with the placeholder still
  // prints the maker's instansi.
  const clauses = c.clauses.map((clause) => clause.replaceAll('{instansi}', maker.instansi));
  const right: SignatureSide = { label: 'Pembuat Pernyataan,', party: maker };
  const left: SignatureSide | null = c.witness ? { label: 'Menyaksikan,', party: c.witness } : null;
  const body: Content[] = [
    { text: 'PAKTA INTEGRITAS', style: 'title', margin: [0, 0, 0, 12] },
    { text: 'Saya yang bertanda tangan di bawah ini:', margin: [0, 0, 0, 2] },
    fieldRows('maker', [
      ['Nama', maker.name],
      ['NIP', maker.nip ? printNip(maker.nip) : '-'],
      ['Pangkat/Gol.', maker.pangkat ?? '-'],
      ['Jabatan', maker.jabatan],
      ['Instansi', maker.instansi],
    ]),
    { text: 'menyatakan sebagai berikut:', margin: [0, 4, 0, 4] },
    tag('clauses', {
      ol: clauses.map((text) => ({
        text: keepHyphenated(text),
        alignment: 'justify' as const,
        margin: [0, 0, 0, 3] as [number, number, number, number],
      })),
      margin: [cm04, 0, 0, 0],
    } satisfies Content),
    signatureGrid({ id: 'signatures', left, right, placeDate: `${c.place}, ${c.dateText}` }),
  ];
  const occasion = c.occasion === 'annual' ? `Tahun ${c.fiscalYear}` : 'Pengangkatan Jabatan';
  return {
    body,
    info: {
      title: `Pakta Integritas: ${maker.name}`,
      subject: `Pakta Integritas ${occasion}`,
      keywords: ['Pakta Integritas', String(c.fiscalYear), maker.instansi],
    },
  };
}

/** The clause list sits a little in from the margin, like the identity block. */
const cm04 = (0.4 * 72) / 2.54;
