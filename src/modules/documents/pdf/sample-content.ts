import type { PartyBlock, PiDocumentContent, PkDocumentContent } from '../content-types.js';

/**
 * Hand-made PK and PI contents for the layout tests and the render benchmark (bench/render-pk.ts):
 * realistic lengths, Indonesian formats, no database.
 */

export const sampleWalikota: PartyBlock = {
  employeeId: '00000000-0000-7000-8000-000000000001',
  name: 'Ir. H. Andi Mappanyukki, M.Si.',
  nip: '',
  pangkat: null,
  jabatan: 'Wali Kota Contoh',
  actingPrefix: null,
};

export const sampleKadinkes: PartyBlock = {
  employeeId: '00000000-0000-7000-8000-000000000002',
  name: 'dr. Siti Aminah, M.Kes.',
  nip: '197501152000032001',
  pangkat: 'Pembina Utama Muda (IV/c)',
  jabatan: 'Plt. Kepala Dinas Kesehatan',
  actingPrefix: 'Plt.',
};

export interface SamplePkOptions {
  objectives?: number;
  indicatorsPerObjective?: number;
  budgets?: number;
  quarters?: boolean;
  pemda?: boolean;
  revision?: boolean;
  /** Short names (as in the test fixture): what a 3-page PK with these counts looks like. */
  compact?: boolean;
}

export function samplePkContent(options: SamplePkOptions = {}): PkDocumentContent {
  const objectiveCount = options.objectives ?? 3;
  const perObjective = options.indicatorsPerObjective ?? 2;
  const budgetCount = options.budgets ?? 4;
  const pemda = options.pemda ?? false;
  const compact = options.compact ?? false;
  return {
    kind: 'pk',
    tenant: { name: 'Pemerintah Kota Contoh', shortName: 'Kota Contoh', logo: null },
    yearLabel: '2027',
    level: pemda ? 'pemda' : 'kepala_pd',
    unitName: pemda ? null : 'Dinas Kesehatan',
    revision: options.revision
      ? { no: 1, reasonLabel: 'Mutasi/pergantian pejabat', note: 'Pergantian Kepala Dinas.' }
      : null,
    first: pemda ? sampleWalikota : sampleKadinkes,
    second: pemda ? null : sampleWalikota,
    objectives: Array.from({ length: objectiveCount }, (_, o) => ({
      kindLabel: 'Sasaran Strategis',
      name: compact
        ? `Meningkatnya derajat kesehatan masyarakat (${o + 1})`
        : `Meningkatnya derajat kesehatan masyarakat melalui layanan kesehatan yang bermutu dan merata (sasaran ${o + 1})`,
      indicators: Array.from({ length: perObjective }, (_, i) => ({
        name: compact
          ? `Cakupan layanan kesehatan ${o + 1}.${i + 1}`
          : `Persentase fasilitas pelayanan kesehatan yang terakreditasi paripurna ${o + 1}.${i + 1}`,
        target: i % 3 === 2 ? 'WTP (Wajar Tanpa Pengecualian)' : `${85 + i},5 %`,
        quarters: options.quarters === false ? null : ['20', '45', '70', `${85 + i},5`],
      })),
    })),
    budgets: Array.from({ length: budgetCount }, (_, b) => ({
      program: compact
        ? `1.02.0${1 + Math.floor(b / 15)} Program Upaya Kesehatan`
        : `1.02.0${1 + Math.floor(b / 15)} Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat`,
      kegiatan: compact
        ? `1.02.0${1 + Math.floor(b / 15)}.2.0${1 + Math.floor(b / 3)} Fasilitas Kesehatan`
        : `1.02.0${1 + Math.floor(b / 15)}.2.0${1 + Math.floor(b / 3)} Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota`,
      subKegiatan: compact
        ? `1.02.02.2.01.${String(b + 1).padStart(4, '0')} Alat Kesehatan`
        : `1.02.02.2.01.${String(b + 1).padStart(4, '0')} Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan`,
      amount: `Rp ${(1_250_000_000 + b * 37_500_000).toLocaleString('id-ID')}`,
    })),
    budgetTotal: `Rp ${Array.from({ length: budgetCount }, (_, b) => 1_250_000_000 + b * 37_500_000)
      .reduce((a, b) => a + b, 0)
      .toLocaleString('id-ID')}`,
    place: 'Kota Contoh',
    dateText: '10 Januari 2027',
  };
}

export const standardClauses = [
  'Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan Korupsi, Kolusi dan Nepotisme serta tidak melibatkan diri dalam perbuatan tercela;',
  'Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;',
  'Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;',
  'Menghindari pertentangan kepentingan (conflict of interest) dalam pelaksanaan tugas;',
  'Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja saya secara konsisten;',
  'Akan menyampaikan informasi penyimpangan integritas di {instansi} serta turut menjaga kerahasiaan saksi atas pelanggaran peraturan yang dilaporkannya;',
  'Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya.',
];

export function samplePiContent(options: { witness?: boolean } = {}): PiDocumentContent {
  return {
    kind: 'pi',
    tenant: { name: 'Pemerintah Kota Contoh', shortName: 'Kota Contoh', logo: null },
    occasion: 'annual',
    fiscalYear: 2027,
    maker: { ...sampleKadinkes, instansi: 'Dinas Kesehatan Kota Contoh' },
    witness: options.witness === false ? null : sampleWalikota,
    clauses: standardClauses,
    place: 'Kota Contoh',
    dateText: '4 Januari 2027',
  };
}
