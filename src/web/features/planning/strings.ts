import type {
  Aggregation,
  BudgetKind,
  CalcMethod,
  PlanNodeKind,
  PlanStatus,
} from '../../../shared/codes.js';

/** All Indonesian text of the planning pages (RPJMD, Renstra, indicators). */
export const planningStrings = {
  title: 'Perencanaan',
  description:
    'RPJMD lima tahunan beserta Renstra setiap Perangkat Daerah: tujuan, sasaran, indikator, target tahunan, dan pagu.',
  periods: 'Periode RPJMD',
  newPeriod: 'Buat periode RPJMD',
  periodName: 'Nama periode',
  periodNamePlaceholder: 'RPJMD Kota Contoh 2025–2029',
  startYear: 'Tahun awal',
  startYearHelp: 'Periode berlaku lima tahun, mis. 2025 berarti 2025–2029.',
  visi: 'Visi',
  visiPlaceholder: 'Visi Kepala Daerah untuk periode ini',
  years: 'Tahun',
  status: 'Status',
  open: 'Buka',
  activate: 'Berlakukan',
  close: 'Tutup periode',
  activateTitle: 'Berlakukan periode ini?',
  activateBody: (name: string) =>
    `"${name}" akan menjadi RPJMD yang berlaku. Perubahan status IKU setelah ini tercatat sebagai temuan kualitas.`,
  closeTitle: 'Tutup periode ini?',
  closeBody: (name: string) =>
    `"${name}" akan ditutup dan seluruh RPJMD serta Renstra-nya tidak dapat diubah lagi.`,
  periodCreated: 'Periode RPJMD dibuat',
  periodUpdated: 'Periode RPJMD tersimpan',
  noPeriods: 'Belum ada periode RPJMD',
  noPeriodsBody:
    'Buat periode RPJMD (lima tahun) terlebih dahulu; setelah itu isi misi, tujuan, sasaran, dan indikatornya.',
  noPeriodsReadonly: 'Bappeda belum memasukkan RPJMD. Hubungi perencana di Bappeda.',
  // RPJMD page
  editVisi: 'Ubah visi',
  noVisi: 'Visi belum diisi.',
  rpjmdTree: 'Misi, tujuan, dan sasaran',
  addMisi: 'Tambah misi',
  addTujuan: 'Tambah tujuan',
  addSasaran: 'Tambah sasaran',
  addChild: (kind: string) => `Tambah ${kind}`,
  emptyRpjmd: 'RPJMD belum berisi misi',
  emptyRpjmdBody:
    'Mulailah dengan menambahkan misi, lalu tujuan di bawah misi dan sasaran di bawah tujuan. Indikator dan target tahunan diisi pada setiap sasaran.',
  emptyRpjmdReadonly: 'Bappeda belum mengisi misi, tujuan, dan sasaran RPJMD.',
  renstraList: 'Renstra Perangkat Daerah',
  renstraListHelp:
    'Setiap sasaran Renstra harus mendukung satu sasaran RPJMD. Angka merah menunjukkan sasaran yang belum ditautkan.',
  pd: 'Perangkat Daerah',
  unlinked: 'Sasaran tanpa tautan RPJMD',
  unlinkedShort: (n: number) => `${n} tanpa tautan`,
  allLinked: 'Semua tertaut',
  pagu: 'Pagu indikatif',
  noPd: 'Belum ada Perangkat Daerah',
  noPdBody: 'Admin Pemda perlu memasukkan Perangkat Daerah di menu Organisasi.',
  // Renstra page
  renstraTitle: (name: string) => `Renstra ${name}`,
  renstraDescription:
    'Tujuan → sasaran (tautkan ke sasaran RPJMD yang didukung) → program → kegiatan → sub kegiatan dengan kode Permendagri 90/2019.',
  addTujuanRenstra: 'Tambah tujuan',
  emptyRenstra: 'Renstra belum berisi tujuan',
  emptyRenstraBody:
    'Tambahkan tujuan Perangkat Daerah, lalu sasaran di bawahnya, kemudian program, kegiatan, dan sub kegiatan beserta kodenya.',
  emptyRenstraReadonly: 'Perangkat Daerah ini belum mengisi Renstra.',
  supports: 'Mendukung sasaran RPJMD',
  supportsTujuan: 'Mendukung tujuan RPJMD',
  supportsNone: 'Belum ditautkan ke RPJMD',
  supportsMissingHint: 'Pilih sasaran RPJMD yang didukung agar rantai kinerja tidak terputus.',
  chooseSupport: 'Pilih yang didukung',
  readOnly: 'Anda hanya dapat melihat rencana ini.',
  closedPeriod: 'Periode ini sudah ditutup; rencananya hanya dapat dilihat.',
  // nodes
  nodeTitle: 'Uraian',
  code: 'Kode',
  codeHelp: (example: string) => `Kode Permendagri 90/2019, mis. ${example}`,
  codeOptional: 'Nomor (opsional)',
  edit: 'Ubah',
  archive: 'Arsipkan',
  archiveTitle: 'Arsipkan butir ini?',
  archiveBody: (title: string) =>
    `"${title}" akan diarsipkan. Butir yang masih memiliki turunan aktif atau dipakai PK tidak dapat diarsipkan.`,
  archived: 'Butir diarsipkan',
  nodeSaved: 'Butir rencana tersimpan',
  more: 'Tindakan lain',
  // indicators
  indicators: 'Indikator',
  noIndicators: 'Belum ada indikator.',
  addIndicator: 'Tambah indikator',
  editIndicator: 'Ubah indikator',
  indicatorSaved: 'Indikator tersimpan',
  indicatorName: 'Nama indikator',
  satuan: 'Satuan',
  satuanPlaceholder: 'mis. %, orang, indeks',
  polarity: 'Polaritas',
  method: 'Cara menghitung capaian',
  aggregation: 'Agregasi triwulan',
  scale: 'Skala kualitatif',
  isIku: 'Indikator Kinerja Utama (IKU)',
  definition: 'Definisi',
  formulaText: 'Rumus',
  dataSource: 'Sumber data',
  baselineYear: 'Tahun baseline',
  baselineYearInvalid: 'Isi tahun baseline, mis. 2024 (paling lambat tahun awal periode).',
  baselineValue: 'Nilai baseline',
  endTarget: 'Target akhir periode',
  yearlyTargets: 'Target tahunan',
  targetsHelp: 'Tulis angka cara Indonesia: 1.234,5 (titik ribuan, koma desimal).',
  low: 'Batas bawah',
  high: 'Batas atas',
  iku: 'IKU',
  archiveIndicator: 'Arsipkan indikator',
  archiveIndicatorTitle: 'Arsipkan indikator ini?',
  archiveIndicatorBody: (name: string) =>
    `Indikator "${name}" tidak akan tampil lagi di rencana dan tidak dapat dipilih untuk PK baru. PK yang sudah memuat indikator ini menyimpan salinannya sendiri, sehingga PK tersebut tidak berubah. Anda dapat memulihkannya kapan saja lewat "Tampilkan yang diarsipkan".`,
  indicatorArchived: 'Indikator diarsipkan',
  restoreIndicator: 'Pulihkan indikator',
  restoreIndicatorTitle: 'Pulihkan indikator ini?',
  restoreIndicatorBody: (name: string) =>
    `Indikator "${name}" akan tampil lagi di rencana dan dapat dipilih untuk PK baru, dengan target yang sama seperti sebelum diarsipkan.`,
  indicatorRestored: 'Indikator dipulihkan',
  indicatorActions: 'Tindakan indikator',
  showArchived: 'Tampilkan yang diarsipkan',
  showArchivedHint: 'Butir dan indikator yang diarsipkan ditampilkan abu-abu dan dapat dipulihkan.',
  archivedBadge: 'Diarsipkan',
  restore: 'Pulihkan',
  restoreTitle: 'Pulihkan butir ini?',
  restoreBody: (title: string) =>
    `"${title}" akan aktif kembali. Bila induknya juga diarsipkan, pulihkan induknya lebih dahulu; butir di bawahnya dipulihkan satu per satu.`,
  restored: 'Butir dipulihkan',
  manualIku: 'Manual IKU',
  findingsTitle: 'Pemeriksaan kualitas indikator',
  savedWithFindings:
    'Indikator tersimpan, tetapi pemeriksaan kualitas menemukan hal berikut. Perbaiki isian di atas lalu simpan lagi, atau tutup bila sudah sesuai.',
  saveAgain: 'Simpan perbaikan',
  // budgets
  budgets: 'Pagu per tahun',
  editBudgets: 'Ubah pagu',
  budgetsSaved: 'Pagu tersimpan',
  noBudgets: 'Pagu belum diisi.',
  amountHelp: 'Rupiah, mis. 1.250.000.000 atau 1.250.000,50',
  save: 'Simpan',
  loadError: 'Rencana tidak dapat dimuat',
};

export const statusLabels: Record<PlanStatus, string> = {
  draft: 'Draf',
  active: 'Berlaku',
  closed: 'Ditutup',
};
export const statusColors: Record<PlanStatus, string> = {
  draft: 'gray',
  active: 'teal',
  closed: 'dark',
};

export const kindLabels: Record<PlanNodeKind, string> = {
  misi: 'Misi',
  tujuan: 'Tujuan',
  sasaran: 'Sasaran',
  program: 'Program',
  kegiatan: 'Kegiatan',
  sub_kegiatan: 'Sub kegiatan',
};

export const methodLabels: Record<CalcMethod, string> = {
  ratio: 'Positif: realisasi ÷ target',
  inverse_difference: 'Negatif: (2 × target − realisasi) ÷ target',
  inverse_ratio: 'Negatif: target ÷ realisasi',
  range: 'Rentang target (batas bawah–atas)',
  scale: 'Skala kualitatif (mis. opini BPK)',
};

export const aggregationLabels: Record<Aggregation, string> = {
  cumulative: 'Kumulatif (dijumlahkan)',
  last: 'Nilai triwulan terakhir',
  average: 'Rata-rata',
};

export const budgetKindLabels: Record<BudgetKind, string> = {
  pagu_indikatif: 'Pagu indikatif',
  dpa: 'DPA',
  dpa_perubahan: 'DPA Perubahan',
};

/** Permendagri 90/2019 code examples per kind. */
export const codeExamples: Partial<Record<PlanNodeKind, string>> = {
  program: '1.02.02',
  kegiatan: '1.02.02.2.01',
  sub_kegiatan: '1.02.02.2.01.0001',
};
