import type { AgreementLevel, QuarterReportStatus } from '../../../shared/codes.js';
import type { ReportAction } from './types.js';

/** Every Indonesian text of the realisasi pages (entry, list, unlocks, Excel). */

export const quarterLabels: Record<number, string> = {
  1: 'TW I',
  2: 'TW II',
  3: 'TW III',
  4: 'TW IV',
};
export const quarterLong: Record<number, string> = {
  1: 'Triwulan I',
  2: 'Triwulan II',
  3: 'Triwulan III',
  4: 'Triwulan IV',
};
export const quarterLabel = (q: number): string => quarterLabels[q] ?? `TW ${q}`;

export const reportStatusLabels: Record<QuarterReportStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  approved: 'Disetujui',
  verified: 'Terverifikasi',
  returned: 'Dikembalikan',
};

export const levelLabels: Record<AgreementLevel, string> = {
  pemda: 'PK Pemda',
  kepala_pd: 'Kepala PD',
  eselon_iii: 'Eselon III',
  eselon_iv: 'Eselon IV',
  pelaksana: 'Pelaksana',
};

export const actionLabels: Record<ReportAction, string> = {
  submit: 'Ajukan',
  withdraw: 'Tarik kembali',
  approve: 'Setujui',
  verify: 'Verifikasi',
  return: 'Kembalikan',
};

export const actionDone: Record<ReportAction, string> = {
  submit: 'Laporan diajukan kepada pimpinan unit untuk disetujui.',
  withdraw: 'Pengajuan ditarik kembali; laporan dapat diubah lagi.',
  approve: 'Laporan disetujui dan diteruskan kepada verifikator.',
  verify: 'Laporan terverifikasi.',
  return: 'Laporan dikembalikan kepada unit dengan catatan Anda.',
};

export const actionConfirm: Record<ReportAction, string> = {
  submit:
    'Ajukan laporan triwulan ini kepada pimpinan unit? Selama diajukan, nilai dan bukti dukung tidak dapat diubah kecuali pengajuan ditarik kembali.',
  withdraw: 'Tarik kembali pengajuan agar laporan dapat diubah lagi?',
  approve: 'Setujui laporan ini dan teruskan kepada verifikator (Bagian Organisasi/Inspektorat)?',
  verify: 'Nyatakan laporan ini terverifikasi? Setelah diverifikasi laporan tidak dapat diubah.',
  return: 'Kembalikan laporan ini kepada unit untuk diperbaiki.',
};

export const monitoringStrings = {
  // /realisasi
  listTitle: 'Realisasi Triwulan',
  listDescription:
    'Isi realisasi setiap indikator PK yang sudah ditandatangani, per triwulan, beserta bukti dukung dan realisasi anggaran. Klik triwulan untuk membuka laporannya.',
  year: 'Tahun',
  scope: 'Tampilkan',
  scopeMine: 'Milik saya',
  scopeAll: 'Semua',
  pkColumn: 'Perjanjian Kinerja',
  deadlineRow: 'Batas waktu',
  noPeriodsTitle: 'Belum ada PK yang ditandatangani untuk tahun ini',
  noPeriodsBody:
    'Realisasi diisi untuk PK yang sudah ditandatangani. Pilih tahun lain, atau tunggu hingga PK tahun ini ditandatangani.',
  noMineTitle: 'Tidak ada PK unit Anda pada tahun ini',
  noMineBody:
    'Anda hanya mengisi realisasi PK unit Anda. Pilih "Semua" untuk melihat seluruh PK Pemda.',
  notOpened: 'Belum dibuka',
  notStarted: 'Belum mulai',
  filled: (filled: number, total: number) => `${filled}/${total} terisi`,
  lockedShort: 'Terkunci',
  openQuarter: (title: string, quarter: string) => `Buka ${quarter}: ${title}`,
  opening: 'Membuka laporan…',
  highlighted: 'PK dari Tugas Saya',
  searchPk: 'Cari PK atau unit',
  showingCount: (shown: string, total: string) => `Menampilkan ${shown} dari ${total} PK`,

  // Excel
  excelTitle: 'Isi lewat Excel',
  excelDescription:
    'Unduh templat per unit dan triwulan (indikator, target, dan realisasi triwulan sebelumnya sudah terisi), isi kolom realisasi, lalu unggah kembali. Berkas hanya disimpan bila semua baris benar.',
  excelUnit: 'Unit',
  excelUnitPlaceholder: 'Pilih unit',
  excelQuarter: 'Triwulan',
  excelDownload: 'Unduh templat',
  excelUpload: 'Unggah berkas terisi',
  excelDrop: 'Seret berkas .xlsx ke sini, atau',
  excelChooseOther: 'Pilih berkas lain',
  excelUploading: 'Memeriksa dan menyimpan…',
  excelNotXlsx: 'Berkas harus berupa Excel .xlsx (templat yang diunduh dari halaman ini).',
  excelTooLarge: 'Berkas terlalu besar (lebih dari 10 MB). Gunakan templat dari halaman ini.',
  excelSaved: 'Realisasi dari Excel tersimpan',
  excelSavedRow: (title: string, values: string, budgets: string) =>
    `${title}: ${values} nilai, ${budgets} anggaran`,
  excelErrorsTitle: (n: string) => `${n} kesalahan: tidak ada yang disimpan`,
  excelErrorsBody:
    'Perbaiki baris berikut di berkas Excel lalu unggah kembali. Semua baris harus benar sebelum realisasi disimpan.',
  excelErrorsMore: (shown: string, total: string) =>
    `Ditampilkan ${shown} kesalahan pertama dari ${total}.`,
  excelSheet: 'Lembar',
  excelRow: 'Baris',
  excelColumn: 'Kolom',
  excelProblem: 'Masalah',
  excelNeedUnit: 'Pilih unit dan triwulan terlebih dahulu.',
  excelOpen: 'Buka laporan',

  // /realisasi/$reportId
  reportTitle: (quarter: string, year: number) => `Realisasi ${quarter} ${year}`,
  reportDescription: (pk: string, unit: string) => `${pk} · ${unit}`,
  deadline: 'Batas waktu',
  daysLeft: (n: number) =>
    n === 0 ? 'hari ini hari terakhir' : n > 0 ? `${n} hari lagi` : `terlambat ${-n} hari`,
  locked: 'Terkunci',
  lockedBody:
    'Batas waktu pengisian triwulan ini sudah lewat, sehingga nilai, narasi, dan bukti dukung tidak dapat diubah. Ajukan permintaan buka kunci dengan alasan; admin Pemda dapat membukanya untuk beberapa hari.',
  notStartedBody: 'Triwulan ini belum dimulai, sehingga realisasinya belum dapat diisi.',
  unlockedUntil: (when: string) => `Dibuka kembali sampai ${when}`,
  readOnly: {
    submitted:
      'Laporan ini sudah diajukan dan menunggu persetujuan pimpinan unit, sehingga tidak dapat diubah. Tarik kembali pengajuan bila masih perlu memperbaiki.',
    approved:
      'Laporan ini sudah disetujui pimpinan unit dan menunggu verifikasi. Isinya hanya dapat diubah bila verifikator mengembalikannya.',
    verified: 'Laporan ini sudah diverifikasi dan tidak dapat diubah lagi.',
    other: 'Anda dapat membaca laporan ini, tetapi tidak berwenang mengubahnya.',
  } as Record<string, string>,
  pihakPertama: 'Pihak pertama',
  pihakKedua: 'Pihak kedua',
  openPk: 'Lihat PK',

  returnedTitle: 'Dikembalikan untuk diperbaiki',
  returnedBy: (name: string, when: string) => `${name} · ${when}`,

  // Indicators
  sectionIndicators: 'Realisasi indikator',
  indicatorsHint:
    'Tulis angka dengan koma desimal, mis. 87,5 atau 1.234,5. Capaian dihitung otomatis sesuai aturan Pemda. Indikator yang masuk dua kategori terendah atau belum diisi wajib dijelaskan (analisis, kendala, tindak lanjut).',
  iku: 'IKU',
  satuan: 'Satuan',
  annualTarget: 'Target tahunan',
  quarterTarget: (quarter: string) => `Target ${quarter}`,
  previousQuarters: 'Realisasi triwulan sebelumnya',
  noPrevious: 'Belum ada triwulan sebelumnya.',
  realisasi: (quarter: string) => `Realisasi ${quarter}`,
  realisasiFor: (quarter: string, name: string) => `Realisasi ${quarter}: ${name}`,
  scalePlaceholder: 'Pilih kode',
  emptyValue: 'Belum diisi',
  capaianQuarter: 'Capaian triwulan',
  capaianToDate: 'Capaian s.d. triwulan ini',
  capaianAnnual: 'Capaian terhadap target tahunan',
  capped: (cap: string) => `dibatasi ${cap}`,
  preview: 'pratinjau, belum disimpan',
  analysis: 'Analisis',
  obstacles: 'Kendala',
  followUp: 'Tindak lanjut',
  analysisHint: 'Mengapa capaian seperti ini?',
  obstaclesHint: 'Apa yang menghambat?',
  followUpHint: 'Apa rencana perbaikannya dan kapan?',
  explanationRequired: 'Wajib dijelaskan',
  explanationWhyBand:
    'Capaian masuk dua kategori terendah: isi analisis, kendala, dan tindak lanjut sebelum mengajukan.',
  explanationWhyEmpty:
    'Realisasi belum diisi: isi nilainya, atau jelaskan mengapa belum ada (analisis, kendala, tindak lanjut).',
  narrativeRequired: 'Wajib diisi sebelum mengajukan.',
  showNarrative: 'Tampilkan narasi',
  hideNarrative: 'Sembunyikan narasi',
  noIndicatorsTitle: 'PK ini tidak memiliki indikator',
  noIndicatorsBody: 'Tidak ada yang perlu diisi untuk triwulan ini.',
  method: 'Cara hitung',
  aggregation: 'Agregasi',
  aggregationLabels: {
    cumulative: 'Kumulatif',
    last: 'Nilai terakhir',
    average: 'Rata-rata',
  } as Record<string, string>,
  negativeAllowed: 'boleh negatif',

  // Evidence
  evidence: 'Bukti dukung',
  evidenceGeneral: 'Bukti dukung laporan',
  evidenceGeneralHint: 'Berkas yang berlaku untuk seluruh laporan (mis. rekap kegiatan).',
  evidenceNone: 'Belum ada bukti dukung.',
  evidenceDrop: 'Seret berkas ke sini atau',
  evidencePick: 'Pilih berkas',
  evidenceTypes: 'PDF, gambar (PNG/JPEG), Excel, atau Word',
  evidenceMax: (mb: number) => `maks. ${mb} MB`,
  evidenceUploading: (name: string) => `Mengunggah ${name}…`,
  evidenceUploaded: (name: string) => `${name} terunggah`,
  evidenceDownload: (name: string) => `Unduh ${name}`,
  evidenceDelete: (name: string) => `Hapus ${name}`,
  evidenceDeleteTitle: 'Hapus bukti dukung',
  evidenceDeleteConfirm: (name: string) =>
    `Hapus "${name}" dari laporan ini? Riwayat unggahan tetap tercatat.`,
  evidenceDeleted: 'Bukti dukung dihapus',
  evidenceTooLarge: (mb: number) =>
    `Berkas lebih besar dari ${mb} MB. Perkecil berkasnya (mis. simpan ulang PDF dengan ukuran lebih kecil) lalu unggah lagi.`,
  evidenceBadType:
    'Jenis berkas tidak didukung. Unggah PDF, gambar PNG/JPEG, Excel (.xlsx), atau Word (.docx).',
  evidenceBy: (name: string, when: string) => `${name} · ${when}`,
  evidenceForIndicator: (name: string) => `Bukti dukung: ${name}`,

  // Budgets
  sectionBudgets: 'Realisasi anggaran',
  budgetsHint:
    'Belanja triwulan ini per sub kegiatan, dalam Rupiah. Jumlah s.d. triwulan ini tidak boleh melebihi pagu.',
  noBudgets: 'PK ini tidak memiliki baris anggaran.',
  subKegiatan: 'Sub kegiatan',
  ceiling: 'Pagu',
  previousSpend: 's.d. TW lalu',
  thisQuarter: (quarter: string) => `${quarter} ini`,
  absorption: 'Serapan',
  budgetFor: (quarter: string, name: string) => `Realisasi anggaran ${quarter}: ${name}`,
  total: 'Jumlah',
  absorptionNote: 'Serapan anggaran = (s.d. TW lalu + TW ini) ÷ pagu; bukan capaian kinerja.',

  // Save & actions
  save: 'Simpan',
  saved: 'Realisasi tersimpan',
  unsaved: 'Ada perubahan yang belum disimpan',
  discard: 'Batalkan perubahan',
  unsavedLeave: 'Perubahan realisasi belum disimpan. Tinggalkan halaman ini?',
  fixFirst: 'Perbaiki isian yang ditandai sebelum menyimpan.',
  conflictTitle: 'Laporan diubah orang lain',
  conflict:
    'Sejak Anda membuka halaman ini, laporan sudah diubah (mungkin oleh rekan satu unit). Muat ulang untuk melihat versi terbaru; isian Anda yang belum disimpan akan hilang, jadi catat dulu bila perlu.',
  reload: 'Muat ulang laporan',
  savedThenAction: 'Perubahan disimpan lebih dulu, lalu laporan diajukan.',
  note: 'Catatan (opsional)',
  returnNote: 'Catatan pengembalian',
  returnNoteHint: 'Tulis apa yang harus diperbaiki unit (minimal 5 karakter).',
  returnNoteRequired: 'Tulis catatan minimal 5 karakter agar unit tahu apa yang harus diperbaiki.',
  explanationErrorTitle: 'Beberapa indikator wajib dijelaskan',
  explanationErrorBody:
    'Isi analisis, kendala, dan tindak lanjut pada indikator yang ditandai, simpan, lalu ajukan lagi.',
  valuesErrorTitle: 'Beberapa isian belum benar',

  // History
  sectionHistory: 'Riwayat',
  historyEmpty: 'Belum ada perubahan status.',
  historyOpened: 'Dibuka',
  system: 'Sistem',

  // Unlocks (report page)
  unlockTitle: 'Minta buka kunci',
  unlockHint:
    'Jelaskan mengapa realisasi triwulan ini perlu diisi atau diperbaiki setelah batas waktu. Admin Pemda memutuskan dan dapat membukanya untuk beberapa hari.',
  unlockReason: 'Alasan',
  unlockReasonShort: 'Tulis alasan minimal 10 karakter.',
  unlockSend: 'Kirim permintaan',
  unlockSent: 'Permintaan buka kunci terkirim kepada admin Pemda',
  unlockPending: 'Permintaan buka kunci sedang menunggu keputusan admin Pemda.',
  unlockHistory: 'Permintaan buka kunci',
  decideUnlock: 'Putuskan di halaman Permintaan Buka Kunci',
  unlockStatusLabels: {
    pending: 'Menunggu',
    granted: 'Dikabulkan',
    refused: 'Ditolak',
  } as Record<string, string>,
  unlockGrantedUntil: (when: string) => `dibuka sampai ${when}`,
  unlockBy: (name: string, when: string) => `${name} · ${when}`,

  // /realisasi/buka-kunci
  unlocksTitle: 'Permintaan Buka Kunci',
  unlocksDescription:
    'Unit meminta membuka kembali laporan triwulan yang sudah melewati batas waktu. Kabulkan untuk beberapa hari, atau tolak dengan catatan. Semua keputusan tercatat di log audit.',
  unlocksEmptyTitle: 'Tidak ada permintaan yang menunggu',
  unlocksEmptyBody: 'Permintaan buka kunci baru dari unit akan muncul di sini.',
  unlocksStatus: 'Status',
  unlocksReport: 'Laporan',
  unlocksReason: 'Alasan',
  unlocksRequested: 'Diminta',
  unlocksDecision: 'Keputusan',
  grant: 'Kabulkan',
  refuse: 'Tolak',
  grantTitle: 'Kabulkan buka kunci',
  refuseTitle: 'Tolak permintaan buka kunci',
  grantDays: 'Dibuka selama (hari)',
  grantDaysHint: (max: number) => `1 sampai ${max} hari; setelah itu laporan terkunci lagi.`,
  decisionNote: 'Catatan untuk unit',
  refuseNoteHint: 'Jelaskan mengapa ditolak.',
  refuseNoteRequired: 'Tulis alasan penolakan agar unit memahaminya.',
  granted: 'Buka kunci dikabulkan',
  refused: 'Permintaan ditolak',
  noRightsUnlocks: 'Hanya admin Pemda yang memutuskan permintaan buka kunci.',
} as const;
