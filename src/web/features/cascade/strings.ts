/** Every Indonesian text of the cascade page. */
export const cascadeStrings = {
  title: 'Kaskade Kinerja',
  description:
    'Dari sasaran RPJMD ke sasaran perangkat daerah, eselon III dan eselon IV, dengan indikator dan target tahun terpilih. Mata rantai yang putus ditandai.',
  crumbPk: 'Perjanjian Kinerja',
  unit: 'Perangkat daerah',
  allUnits: 'Semua perangkat daerah',
  unitPlaceholder: 'Cari perangkat daerah',
  download: 'Unduh Excel',
  downloadHint: 'Unduh kaskade tahun ini sebagai berkas Excel',
  expandAll: 'Buka semua',
  collapseAll: 'Tutup semua',
  noYearsTitle: 'Belum ada tahun PK',
  noYearsText: 'Admin Pemda perlu membuka tahun PK terlebih dahulu di menu Tahun PK.',
  noPeriod:
    'Belum ada RPJMD yang mencakup tahun ini. Sasaran PD ditampilkan di bagian "Tidak terhubung".',
  emptyTitle: 'Belum ada Perjanjian Kinerja',
  emptyText:
    'Belum ada PK untuk tahun ini pada pilihan ini. Setelah PD menyusun PK, kaskadenya tampil di sini.',
  treeLabel: 'Pohon kaskade kinerja',
  treeHelp:
    'Gunakan panah atas/bawah untuk berpindah, panah kanan/kiri untuk membuka/menutup, Enter untuk membuka PK.',
  unlinkedTitle: 'Sasaran yang tidak terhubung ke sasaran atasan',
  unlinkedHelp:
    'Sasaran PK berikut tidak mendukung sasaran mana pun di PK atasannya. Hubungkan di editor PK (kolom "Mendukung sasaran").',
  broken: 'Tidak terhubung ke sasaran atasan',
  viaRenstra: 'Terhubung lewat Renstra (PK Pemda belum ada)',
  notCarried: 'Belum didukung PK perangkat daerah mana pun',
  iku: 'IKU',
  target: 'Target',
  noTarget: 'target belum diisi',
  noIndicator: 'Belum ada indikator',
  openPk: 'Buka PK',
  rpjmdSasaran: 'Sasaran RPJMD',
  pemdaPk: 'PK Pemda',
  cardCarried: 'Sasaran RPJMD didukung PD',
  cardBroken: 'Sasaran tidak terhubung',
  cardMissing: 'PK belum dibuat',
  cardTotal: 'PK dan indikator',
  cardTotalValue: (agreements: number, indicators: number) =>
    `${agreements} PK · ${indicators} indikator`,
  uncarriedTitle: 'Sasaran RPJMD yang belum didukung',
  missingTitle: 'Unit yang PK-nya belum dibuat',
  vacant: 'jabatan kosong',
  noneMissing: 'Semua unit sudah memiliki PK.',
  noneUncarried: 'Semua sasaran RPJMD sudah didukung.',
  childCount: (n: number) => `${n} sasaran di bawahnya`,
} as const;
