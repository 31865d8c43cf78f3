import type { ContentTable, TableCell } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import {
  formatMoment,
  type ReportInput,
  reportDefinition,
  reportTableBody,
  reportTotals,
} from './report-layout.js';

const input: ReportInput = {
  tenant: { name: 'Kota Contoh', logo: null },
  timeZone: 'Asia/Makassar',
  ceremony: {
    title: 'Penandatanganan Perjanjian Kinerja dan Pakta Integritas Tahun 2027',
    fiscalYear: 2027,
    eventDate: '2027-01-10',
    startTime: '08:30',
    place: 'Aula Kantor Wali Kota',
    status: 'completed',
  },
  documents: [
    {
      kind: 'pk',
      title: 'Perjanjian Kinerja Tahun 2027: Kepala Dinas Kesehatan',
      unitName: 'Dinas Kesehatan',
      code: '7K3M9Q2XA4BC',
      signers: [
        {
          role: 'pihak_pertama',
          name: 'dr. Siti Aminah, M.Kes.',
          jabatan: 'Kepala Dinas Kesehatan',
          signedAt: '2027-01-10T01:15:02Z',
        },
        { role: 'pihak_kedua', name: 'Budi Santoso', jabatan: 'Wali Kota', signedAt: null },
      ],
    },
    {
      kind: 'pi',
      title: 'Pakta Integritas Tahun 2027: Budi Santoso',
      unitName: null,
      code: null,
      signers: [{ role: 'pembuat', name: 'Budi Santoso', jabatan: 'Wali Kota', signedAt: null }],
    },
  ],
  generatedAt: new Date('2027-01-10T05:00:00Z'),
};

const text = (cell: TableCell | undefined): string => JSON.stringify(cell ?? null);

describe('ceremony report layout', () => {
  it('is A4 landscape with a repeated table header', () => {
    const def = reportDefinition(input);
    expect(def.pageSize).toBe('A4');
    expect(def.pageOrientation).toBe('landscape');
    const table = (def.content as ContentTable[]).find((c) => c.table?.headerRows === 1);
    expect(table?.table.widths).toHaveLength(6);
  });

  it('lays one row per document, its signature slots in a nested table under the header', () => {
    const body = reportTableBody(input);
    expect(body[0]?.map(text)).toEqual(
      [
        'No',
        'Dokumen',
        'Pihak / Penanda tangan',
        'Peran',
        'Waktu tanda tangan (WITA)',
        'ID dokumen',
      ].map((h) => JSON.stringify({ text: h, style: 'tableHeader' })),
    );
    // One row per document: a document never splits across pages.
    expect(body).toHaveLength(1 + 2);
    const [, first, second] = body;
    expect(first?.[0]).toMatchObject({ text: '1' });
    expect(first?.[5]).toMatchObject({ text: '7K3M-9Q2X-A4BC' });
    // The unit is already in the title: not printed twice.
    expect(text(first?.[1])).not.toContain('"Dinas Kesehatan"');
    const slots = first?.[2] as ContentTable & { colSpan: number };
    expect(slots.colSpan).toBe(3);
    // The spanned cells are empty placeholders, as pdfmake wants.
    expect(first?.[3]).toEqual({});
    expect(first?.[4]).toEqual({});
    const rows = slots.table.body;
    expect(rows).toHaveLength(2);
    expect(text(rows[0]?.[0])).toContain('dr. Siti Aminah, M.Kes.');
    expect(rows[0]?.[1]).toMatchObject({ text: 'Pihak Pertama' });
    // WITA is UTC+8: 01:15:02Z is 09.15.02 in Makassar.
    expect(rows[0]?.[2]).toMatchObject({ text: '10 Januari 2027 09.15.02 WITA' });
    expect(rows[1]?.[1]).toMatchObject({ text: 'Pihak Kedua' });
    expect(rows[1]?.[2]).toMatchObject({ text: 'Belum ditandatangani', italics: true });
    // The nested columns have the header's widths (Peran, Waktu).
    const outer = (reportDefinition(input).content as ContentTable[]).find(
      (c) => c.table?.headerRows === 1,
    );
    expect(slots.table.widths?.slice(1)).toEqual(outer?.table.widths?.slice(3, 5));
    const pact = (second?.[2] as ContentTable | undefined)?.table.body ?? [];
    expect(pact[0]?.[1]).toMatchObject({ text: 'Pembuat Pernyataan' });
    expect(second?.[5]).toMatchObject({ text: 'belum dibuat' });
  });

  it('counts documents and signatures', () => {
    expect(reportTotals(input.documents)).toEqual({
      documents: 2,
      signedDocuments: 0,
      signatures: 3,
      signaturesDone: 1,
    });
  });

  it('prints moments in the Pemda’s zone with its name', () => {
    const at = '2027-01-10T01:00:00Z';
    expect(formatMoment(at, 'Asia/Jakarta')).toBe('10 Januari 2027 08.00.00 WIB');
    expect(formatMoment(at, 'Asia/Jayapura')).toBe('10 Januari 2027 10.00.00 WIT');
  });

  it('prints the date and time of the event in the header', () => {
    const def = JSON.stringify(reportDefinition(input).content);
    expect(def).toContain('10 Januari 2027, pukul 08.30 WITA');
    expect(def).toContain('PEMERINTAH KOTA CONTOH');
    expect(def).toContain('Selesai');
  });
});
