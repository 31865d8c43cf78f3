import { describe, expect, it } from 'vitest';
import { findTagged, rowsOf, tableOf, textOf } from './layout-walk.test-util.js';
import { piLayout } from './pi-layout.js';
import { sampleKadinkes, samplePiContent, sampleWalikota } from './sample-content.js';

describe('Pakta Integritas layout', () => {
  const { body, info } = piLayout(samplePiContent());

  it('shows the title, the identity block and the clauses in order', () => {
    expect(textOf(body)).toMatch(/^PAKTA INTEGRITAS Saya yang bertanda tangan di bawah ini:/);
    expect(rowsOf(tableOf(body, 'maker'))).toEqual([
      ['Nama', ':', sampleKadinkes.name],
      ['NIP', ':', '19750115 200003 2 001'],
      ['Pangkat/Gol.', ':', 'Pembina Utama Muda (IV/c)'],
      ['Jabatan', ':', 'Plt. Kepala Dinas Kesehatan'],
      ['Instansi', ':', 'Dinas Kesehatan Kota Contoh'],
    ]);
    expect(textOf(body)).toContain('menyatakan sebagai berikut:');
    const clauses = findTagged(body, 'clauses') as { ol: unknown[] };
    expect(clauses.ol).toHaveLength(7);
    expect(textOf(clauses.ol[0])).toMatch(/^Berperan secara pro aktif/);
    // The instansi placeholder of clause 6 is filled in.
    expect(textOf(clauses.ol[5])).toContain('integritas di Dinas Kesehatan Kota Contoh serta');
  });

  it('puts "Menyaksikan," (the superior) LEFT and "Pembuat Pernyataan," RIGHT', () => {
    const rows = rowsOf(tableOf(body, 'signatures'));
    expect(rows[0]).toEqual(['', 'Kota Contoh, 4 Januari 2027']);
    expect(rows[1]).toEqual(['Menyaksikan,', 'Pembuat Pernyataan,']);
    expect(rows[2]).toEqual([sampleWalikota.jabatan, sampleKadinkes.jabatan]);
    expect(rows[4]).toEqual([sampleWalikota.name, sampleKadinkes.name]);
    expect(rows.at(-1)).toEqual(['', 'NIP. 19750115 200003 2 001']);
  });

  it('without a witness, only the maker signs (right)', () => {
    const alone = piLayout(samplePiContent({ witness: false })).body;
    const rows = rowsOf(tableOf(alone, 'signatures'));
    expect(rows[1]).toEqual(['', 'Pembuat Pernyataan,']);
    expect(textOf(alone)).not.toContain('Menyaksikan');
  });

  it('names the pact in the metadata', () => {
    expect(info.subject).toBe('Pakta Integritas Tahun 2027');
    expect(info.title).toBe(`Pakta Integritas: ${sampleKadinkes.name}`);
  });
});
