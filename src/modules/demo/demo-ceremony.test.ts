import { describe, expect, it } from 'vitest';
import { checkPassphrase } from '../../shared/passphrase-strength.js';
import { DEMO_SIGNING_PASSPHRASE, fileSlug } from './demo-ceremony.js';
import { buildKotaContoh } from './kota-contoh.js';

describe('fileSlug', () => {
  it.each([
    ['Dinas Pendidikan dan Kebudayaan', 'dinas-pendidikan-dan-kebudayaan'],
    [
      'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
      'badan-perencanaan-pembangunan-penelitian-dan-pengembangan-daerah',
    ],
    ['  Satuan Polisi Pamong Praja  ', 'satuan-polisi-pamong-praja'],
    ['Dinas Koperasi, Usaha Kecil dan Menengah', 'dinas-koperasi-usaha-kecil-dan-menengah'],
    ['Kecamatan Tondano Ūtara', 'kecamatan-tondano-utara'],
    ['Sisca Rantung', 'sisca-rantung'],
  ])('%s → %s', (text, slug) => {
    expect(fileSlug(text)).toBe(slug);
  });
});

describe('the demo signing passphrase', () => {
  it('is strong enough for every official of Kota Contoh (enrolment checks it per person)', () => {
    const org = buildKotaContoh();
    const weak = org.people.filter(
      (p) => !checkPassphrase(DEMO_SIGNING_PASSPHRASE, { name: p.name, nip: p.nip }).ok,
    );
    expect(weak.map((p) => p.name)).toEqual([]);
  });
});
