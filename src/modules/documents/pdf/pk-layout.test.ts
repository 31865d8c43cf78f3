import { describe, expect, it } from 'vitest';
import { findTagged, rowsOf, tableOf, textOf } from './layout-walk.test-util.js';
import { pkLayout, statementWording } from './pk-layout.js';
import { sampleKadinkes, samplePkContent, sampleWalikota } from './sample-content.js';

/** "PDF layout data (what goes where)": the PK definition, read back as rows and columns. */
describe('PK layout', () => {
  const pk = samplePkContent({ objectives: 2, indicatorsPerObjective: 3, budgets: 4 });
  const { body, info } = pkLayout(pk);

  it('opens with the title, the unit and the standard wording naming both parties', () => {
    const text = textOf(body);
    expect(text).toContain('PERJANJIAN KINERJA TAHUN 2027');
    expect(text).toContain('DINAS KESEHATAN');
    for (const wording of [
      statementWording.opening,
      statementWording.firstParty,
      statementWording.secondParty,
      statementWording.promise,
      statementWording.supervision,
    ]) {
      expect(text).toContain(wording);
    }
    expect(rowsOf(tableOf(body, 'first-party'))).toEqual([
      ['Nama', ':', 'dr. Siti Aminah, M.Kes.'],
      ['Jabatan', ':', 'Plt. Kepala Dinas Kesehatan'],
    ]);
    expect(rowsOf(tableOf(body, 'second-party'))).toEqual([
      ['Nama', ':', 'Ir. H. Andi Mappanyukki, M.Si.'],
      ['Jabatan', ':', 'Wali Kota Contoh'],
    ]);
  });

  it.each(['statement-signatures', 'attachment-signatures'])(
    '%s: place and date on the right, pihak kedua LEFT and pihak pertama RIGHT',
    (id) => {
      const rows = rowsOf(tableOf(body, id));
      expect(rows[0]).toEqual(['', 'Kota Contoh, 10 Januari 2027']);
      expect(rows[1]).toEqual(['PIHAK KEDUA,', 'PIHAK PERTAMA,']);
      expect(rows[2]).toEqual([sampleWalikota.jabatan, sampleKadinkes.jabatan]);
      // The blank signature space, then name / pangkat / NIP under each.
      expect(rows[3]).toEqual(['', '']);
      expect(rows[4]).toEqual([sampleWalikota.name, sampleKadinkes.name]);
      expect(rows[5]).toEqual(['', 'Pembina Utama Muda (IV/c)']);
      // A Kepala Daerah has no NIP: no "NIP." under their name.
      expect(rows[6]).toEqual(['', 'NIP. 19750115 200003 2 001']);
      const nameCell = tableOf(body, id).body[4]?.[1] as { bold?: boolean; decoration?: string };
      expect(nameCell).toMatchObject({ bold: true, decoration: 'underline' });
    },
  );

  it('keeps the signature blocks whole and leaves ~2.2 cm for the signature', () => {
    const grid = findTagged(body, 'statement-signatures') as { unbreakable?: boolean };
    expect(grid.unbreakable).toBe(true);
    const space = tableOf(body, 'statement-signatures').body[3]?.[0] as { margin: number[] };
    expect(space.margin[1]).toBeCloseTo((2.2 * 72) / 2.54, 1);
  });

  it('prints the Plt. prefix in front of the jabatan of an acting official', () => {
    expect(textOf(findTagged(body, 'first-party'))).toContain('Plt. Kepala Dinas Kesehatan');
  });

  it('repeats the caption and column headers of every attachment table on each page', () => {
    const captions = {
      'table-objectives': 'Sasaran, Indikator Kinerja dan Target',
      'table-quarters': 'Target Triwulan (Rencana Aksi)',
      'table-budgets': 'Program, Kegiatan, Sub Kegiatan dan Anggaran',
    };
    for (const [id, caption] of Object.entries(captions)) {
      const table = tableOf(body, id);
      expect(table.headerRows, id).toBe(2);
      expect(rowsOf(table)[0]?.[0]).toBe(caption);
      expect(rowsOf(table)[1]?.[0]).toBe('No');
    }
  });

  it('lists sasaran with their indicators and targets, one numbered sasaran spanning its rows', () => {
    const table = tableOf(body, 'table-objectives');
    const rows = rowsOf(table);
    expect(rows[1]).toEqual(['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target']);
    expect(rows).toHaveLength(2 + 2 * 3);
    expect(rows[2]?.[0]).toBe('1');
    expect(rows[2]?.[2]).toContain('1.1');
    expect(rows[2]?.[3]).toBe('85,5 %');
    expect(table.body[2]?.[1]).toMatchObject({ rowSpan: 3 });
    expect(rows[5]?.[0]).toBe('2');
  });

  it('adds the TW I–IV table only when some indicator has quarterly targets', () => {
    expect(rowsOf(tableOf(body, 'table-quarters'))[1]).toEqual([
      'No',
      'Indikator Kinerja',
      'Target',
      'TW I',
      'TW II',
      'TW III',
      'TW IV',
    ]);
    const withoutQuarters = pkLayout(samplePkContent({ quarters: false })).body;
    expect(findTagged(withoutQuarters, 'table-quarters')).toBeUndefined();
  });

  it('ends the budget table with a bold "Jumlah" row, amounts right-aligned', () => {
    const table = tableOf(body, 'table-budgets');
    const rows = rowsOf(table);
    expect(rows[1]).toEqual(['No', 'Program', 'Kegiatan', 'Sub Kegiatan', 'Anggaran (Rp)']);
    expect(rows.at(-1)).toEqual(['Jumlah', '', '', '', pk.budgetTotal.replace('Rp ', '')]);
    expect(table.body.at(-1)?.[0]).toMatchObject({ bold: true, colSpan: 4 });
    expect(table.body.at(-1)?.[4]).toMatchObject({ bold: true, alignment: 'right' });
    expect(table.body[2]?.[4]).toMatchObject({ alignment: 'right', text: '1.250.000.000' });
  });

  it('Pemda PK: the Kepala Daerah signs alone, on the right, with "saya" wording', () => {
    const pemda = pkLayout(samplePkContent({ pemda: true, budgets: 0 })).body;
    const text = textOf(pemda);
    expect(text).toContain(statementWording.openingAlone);
    expect(text).toContain(statementWording.promiseAlone);
    expect(text).not.toContain('PIHAK KEDUA');
    expect(findTagged(pemda, 'second-party')).toBeUndefined();
    const rows = rowsOf(tableOf(pemda, 'statement-signatures'));
    expect(rows[0]).toEqual(['', 'Kota Contoh, 10 Januari 2027']);
    expect(rows[1]).toEqual(['', 'Wali Kota Contoh']);
    expect(rows[3]).toEqual(['', sampleWalikota.name]);
    expect(rows.flat().join(' ')).not.toContain('NIP.');
    // No budgets: no empty budget table.
    expect(findTagged(pemda, 'table-budgets')).toBeUndefined();
  });

  it('marks a PK Perubahan in the title and the metadata', () => {
    const revision = pkLayout(samplePkContent({ revision: true }));
    expect(textOf(revision.body)).toContain('PERJANJIAN KINERJA PERUBAHAN TAHUN 2027');
    expect(textOf(revision.body)).toContain('Perubahan ke-1');
    expect(revision.info.subject).toContain('Perubahan ke-1');
  });

  it('names the PK in the PDF metadata', () => {
    expect(info.title).toBe('PERJANJIAN KINERJA TAHUN 2027: Plt. Kepala Dinas Kesehatan');
    expect(info.keywords).toEqual(['Perjanjian Kinerja', '2027', 'Dinas Kesehatan']);
  });
});
