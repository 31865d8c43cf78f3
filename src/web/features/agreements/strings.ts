import type {
  Aggregation,
  AgreementLevel,
  AgreementStatus,
  CalcMethod,
} from '../../../shared/codes.js';
import type { BoardStatus, TransitionAction } from './types.js';

/** Every Indonesian text of the Perjanjian Kinerja pages. */
export const levelLabels: Record<AgreementLevel, string> = {
  pemda: 'PK Pemda',
  kepala_pd: 'Kepala PD',
  eselon_iii: 'Eselon III',
  eselon_iv: 'Eselon IV',
  pelaksana: 'Pelaksana',
};

export const statusLabels: Record<BoardStatus, string> = {
  not_created: 'Belum dibuat',
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  verified: 'Terverifikasi',
  ready_to_sign: 'Siap Ditandatangani',
  signed: 'Ditandatangani',
  published: 'Dipublikasikan',
  superseded: 'Digantikan',
};

/** Why a PK in this status cannot be edited (the banner of the read-only editor). */
export const lockedReasons: Partial<Record<AgreementStatus, string>> = {
  submitted:
    'PK ini sedang diajukan dan menunggu verifikasi, sehingga isinya tidak dapat diubah. Tarik kembali pengajuan bila masih perlu memperbaiki.',
  verified:
    'PK ini sudah diverifikasi. Isinya hanya dapat diubah bila verifikator mengembalikannya.',
  ready_to_sign:
    'PK ini siap ditandatangani. Isinya hanya dapat diubah bila verifikator mengembalikannya.',
  signed:
    'PK ini sudah ditandatangani dan tidak dapat diubah. Perubahan dibuat lewat PK Perubahan.',
  published:
    'PK ini sudah dipublikasikan dan tidak dapat diubah. Perubahan dibuat lewat PK Perubahan.',
  superseded: 'PK ini sudah digantikan oleh PK Perubahan dan hanya dapat dibaca.',
};

export const methodLabels: Record<CalcMethod, string> = {
  ratio: 'Positif: makin tinggi makin baik (R/T)',
  inverse_difference: 'Negatif: makin rendah makin baik ((2T−R)/T)',
  inverse_ratio: 'Negatif: makin rendah makin baik (T/R)',
  range: 'Rentang: target berupa batas bawah–atas',
  scale: 'Skala: target berupa kode (mis. WTP)',
};

export const methodShort: Record<CalcMethod, string> = {
  ratio: 'Positif',
  inverse_difference: 'Negatif (2T−R)/T',
  inverse_ratio: 'Negatif T/R',
  range: 'Rentang',
  scale: 'Skala',
};

export const aggregationLabels: Record<Aggregation, string> = {
  cumulative: 'Kumulatif',
  last: 'Nilai terakhir',
  average: 'Rata-rata',
};

/** The one-line explanation of how TW I–IV relate to the annual target. */
export const aggregationHints: Record<Aggregation, string> = {
  cumulative: 'Kumulatif: jumlah TW I–IV sama dengan target tahunan.',
  last: 'Nilai terakhir: target TW IV sama dengan target tahunan.',
  average: 'Rata-rata: rata-rata TW I–IV sama dengan target tahunan.',
};

export const actionLabels: Record<TransitionAction, string> = {
  submit: 'Ajukan',
  withdraw: 'Tarik kembali',
  return: 'Kembalikan',
  verify: 'Verifikasi',
  mark_ready: 'Siap Ditandatangani',
};

export const actionDone: Record<TransitionAction, string> = {
  submit: 'PK diajukan untuk diverifikasi.',
  withdraw: 'Pengajuan PK ditarik kembali; PK dapat diedit lagi.',
  return: 'PK dikembalikan kepada penyusun dengan catatan.',
  verify: 'PK terverifikasi.',
  mark_ready: 'PK ditandai siap ditandatangani.',
};

export const quarterLabels = ['TW I', 'TW II', 'TW III', 'TW IV'] as const;

export const agreementStrings = {
  listTitle: 'Perjanjian Kinerja',
  listDescription:
    'Perjanjian Kinerja (PK) tiap jabatan untuk satu tahun: sasaran, indikator, target, dan anggaran yang disepakati pihak pertama dengan atasannya.',
  year: 'Tahun PK',
  yearPlaceholder: 'Pilih tahun',
  unit: 'Unit',
  allUnits: 'Semua unit',
  level: 'Tingkat',
  allLevels: 'Semua tingkat',
  status: 'Status',
  allStatuses: 'Semua status',
  search: 'Cari jabatan, unit, atau nama',
  create: 'Buat PK',
  manageYears: 'Tahun PK',
  board: 'Pemantauan PK',
  colPosition: 'Jabatan & unit',
  colLevel: 'Tingkat',
  colParties: 'Para pihak',
  colStatus: 'Status',
  colDeadline: 'Batas waktu',
  firstParty: 'Pihak pertama',
  secondParty: 'Pihak kedua',
  alone: 'Ditandatangani Kepala Daerah sendiri',
  late: 'Terlambat',
  daysLeft: (n: number) =>
    n > 0 ? `${n} hari lagi` : n === 0 ? 'Hari ini' : `Lewat ${Math.abs(n)} hari`,
  noDeadline: 'Tanggal DPA belum diisi',
  revision: (n: number) => `PK Perubahan ${n}`,
  resultCount: (n: number) => `${n} PK`,
  noYearsTitle: 'Belum ada tahun PK yang dibuka',
  noYearsAdmin: 'Buka tahun PK terlebih dahulu, lalu isi tanggal pengesahan DPA.',
  noYearsOther:
    'Admin Pemda belum membuka tahun PK. Hubungi admin Pemda agar tahun PK dibuka sebelum menyusun PK.',
  openYears: 'Buka tahun PK',
  emptyTitle: 'Belum ada PK pada tahun ini',
  emptyCreate:
    'Klik "Buat PK" untuk menyusun PK pertama; sasaran dan indikator dapat diambil dari Renstra.',
  emptyRead: 'PK yang disusun perangkat daerah akan tampil di sini.',
  emptyFiltered: 'Tidak ada PK yang cocok dengan saringan. Ubah atau hapus saringan.',
  clearFilters: 'Hapus saringan',
  open: 'Buka',

  // Create dialog
  createTitle: 'Buat Perjanjian Kinerja',
  position: 'Jabatan pihak pertama',
  positionPlaceholder: 'Pilih jabatan',
  positionHint: 'Hanya jabatan yang boleh Anda susun PK-nya dan belum memiliki PK pada tahun ini.',
  noPositions:
    'Semua jabatan yang dapat Anda susun sudah memiliki PK tahun ini, atau belum ada pejabatnya. Lihat daftar PK.',
  vacant:
    'Jabatan kosong: PK baru dapat dibuat setelah ada pejabat (definitif, Plt, Plh, atau Pj).',
  previewTitle: 'Yang akan menandatangani',
  previewHint:
    'Diambil dari data organisasi hari ini. Pihak kedua adalah pejabat atasan langsung; dapat diubah setelah PK dibuat.',
  noSuperior: 'Jabatan ini belum memiliki atasan di data organisasi.',
  pullFromPlan: 'Ambil dari Renstra',
  pullFromPlanHint:
    'Sasaran, indikator, target, dan anggaran disalin dari Renstra dan DPA, sehingga tidak perlu diketik ulang.',
  createSubmit: 'Buat PK',
  created: 'PK dibuat. Periksa isinya lalu simpan.',

  // Editor
  editorCrumb: 'PK',
  editorTitle: (position: string) => `PK ${position}`,
  supportsParent: 'Mendukung PK atasan',
  noParent: 'Belum terhubung ke PK atasan',
  agreementDate: 'Tanggal PK',
  deadline: 'Batas penandatanganan',
  override: 'Pihak kedua diganti:',
  sectionObjectives: 'Sasaran & Indikator',
  sectionBudgets: 'Program / Kegiatan / Sub Kegiatan & Anggaran',
  sectionHistory: 'Riwayat',
  sectionQuality: 'Pemeriksaan kualitas indikator',
  findingsTitle: 'Temuan',
  qualityStale: 'Temuan dihitung dari versi yang terakhir disimpan. Simpan untuk memeriksa ulang.',
  objective: 'Sasaran',
  objectiveTitle: 'Rumusan sasaran',
  objectiveNumber: (n: number) => `Sasaran ${n}`,
  supports: 'Mendukung sasaran atasan',
  supportsPlaceholder: 'Pilih sasaran PK atasan',
  supportsNone: 'PK atasan belum ada atau belum memiliki sasaran.',
  addObjective: 'Tambah sasaran',
  removeObjective: 'Hapus sasaran',
  removeObjectiveConfirm: (title: string) =>
    `Hapus sasaran "${title}" beserta semua indikatornya? Perubahan baru tersimpan setelah Anda klik Simpan.`,
  addIndicator: 'Tambah indikator',
  removeIndicator: 'Hapus indikator',
  colIndicator: 'Indikator',
  colSatuan: 'Satuan',
  colMethod: 'Cara hitung',
  colAnnual: 'Target tahunan',
  indicatorName: 'Nama indikator',
  satuan: 'Satuan',
  satuanPlaceholder: 'mis. %, orang, dokumen',
  method: 'Cara hitung',
  aggregation: 'Capaian triwulan',
  iku: 'IKU',
  ikuLong: 'Indikator Kinerja Utama',
  low: 'Batas bawah',
  high: 'Batas atas',
  scaleCode: 'Kode skala',
  noIndicators: 'Sasaran ini belum memiliki indikator. Tambahkan minimal satu indikator.',
  noObjectivesTitle: 'Belum ada sasaran',
  noObjectivesEdit:
    'Klik "Ambil dari Renstra" untuk menyalin sasaran dan indikator dari Renstra, atau "Tambah sasaran" untuk mengisi sendiri.',
  noObjectivesRead: 'PK ini belum memiliki sasaran.',
  pull: 'Ambil dari Renstra',
  pullConfirmTitle: 'Ambil ulang dari Renstra?',
  pullConfirm:
    'Isi sasaran, indikator, target, dan anggaran PK ini akan diganti dengan data Renstra dan DPA terbaru. Perubahan yang belum disimpan akan hilang.',
  pulled: 'Isi PK diambil dari Renstra.',
  yearTarget: (year: number) => `Target ${year}`,
  newIndicator: 'Indikator baru',
  newObjective: 'Sasaran baru',
  budgetProgram: 'Program',
  budgetKegiatan: 'Kegiatan',
  budgetSub: 'Sub kegiatan',
  budgetCode: 'Kode',
  budgetName: 'Nama',
  budgetAmount: 'Anggaran (Rp)',
  budgetTotal: 'Jumlah',
  addBudget: 'Tambah baris anggaran',
  removeBudget: 'Hapus baris anggaran',
  noBudgets: 'Belum ada anggaran. Ambil dari Renstra/DPA atau tambahkan baris program.',
  save: 'Simpan',
  saved: 'PK tersimpan.',
  unsaved: 'Ada perubahan yang belum disimpan.',
  unsavedLeave: 'Ada perubahan PK yang belum disimpan. Tinggalkan halaman dan buang perubahan?',
  discard: 'Batalkan perubahan',
  fixFirst: 'Perbaiki isian yang ditandai merah sebelum menyimpan.',
  saveFirst: 'Simpan perubahan terlebih dahulu.',
  conflictTitle: 'PK ini sudah diubah orang lain',
  conflict:
    'PK ini sudah diubah orang lain setelah Anda membukanya. Muat ulang untuk melihat versi terbaru; perubahan Anda yang belum tersimpan akan hilang.',
  reload: 'Muat ulang PK',
  blockedTitle: 'PK belum dapat diajukan',
  blocked: 'Pemeriksaan kualitas menemukan kesalahan yang harus diperbaiki sebelum PK diajukan:',
  returnedTitle: 'Dikembalikan oleh verifikator',
  returnedBy: (who: string, when: string) => `${who} · ${when}`,
  returnTitle: 'Kembalikan PK',
  returnHint: 'Tulis apa yang harus diperbaiki penyusun. Catatan ini tampil di halaman PK.',
  returnComment: 'Catatan untuk penyusun',
  returnCommentRequired: 'Catatan wajib diisi, minimal 5 karakter.',
  confirmSubmit:
    'Ajukan PK ini untuk diverifikasi? Setelah diajukan, isi PK tidak dapat diubah kecuali ditarik kembali atau dikembalikan.',
  confirmWithdraw: 'Tarik kembali pengajuan? PK kembali menjadi draf dan dapat diedit.',
  confirmVerify: 'Nyatakan PK ini terverifikasi?',
  confirmMarkReady: 'Tandai PK ini siap ditandatangani?',
  comment: 'Catatan (opsional)',
  delete: 'Hapus draf',
  deleteConfirm: 'Hapus draf PK ini? Tindakan ini tidak dapat dibatalkan.',
  deleted: 'Draf PK dihapus.',
  historyEmpty: 'Belum ada perpindahan status.',
  historyCreated: 'Dibuat',
  system: 'Sistem',
  findingsCount: (errors: number, warnings: number) =>
    `${errors} kesalahan, ${warnings} peringatan`,
  noFindings: 'Tidak ada temuan. Indikator sudah memenuhi pemeriksaan kualitas.',
  findingError: 'Kesalahan',
  findingWarning: 'Peringatan',
  fixHint: 'Cara memperbaiki:',
  missingNumber: 'Isi angka target.',
  lowAboveHigh: 'Batas bawah tidak boleh lebih besar dari batas atas.',

  // Parties: pihak kedua override and the PK date
  changeSecondParty: 'Ganti pihak kedua',
  changeDate: 'Ubah tanggal PK',
  secondPartyTitle: 'Ganti pihak kedua',
  secondPartyIntro:
    'Pihak kedua biasanya pejabat atasan langsung menurut struktur organisasi pada tanggal PK (termasuk Plt/Plh). Gantilah hanya bila PK ditandatangani orang lain, dan tulis alasannya: alasan ini disimpan dan tampil pada PK.',
  overridePosition: 'Jabatan pihak kedua',
  overridePositionHint:
    'Kosongkan untuk tetap memakai jabatan atasan langsung menurut struktur. Ketik minimal 2 huruf untuk mencari.',
  overridePositionPlaceholder: 'Cari jabatan, mis. Sekretaris Daerah',
  overrideEmployee: 'Pegawai yang menandatangani',
  overrideEmployeeHint:
    'Kosongkan untuk memakai pejabat yang memegang jabatan di atas pada tanggal PK.',
  overrideNeedOne: 'Pilih jabatan atau pegawai pihak kedua (boleh keduanya).',
  overrideReason: 'Alasan penggantian',
  overrideReasonHint:
    'Minimal 10 karakter. Jelaskan mengapa bukan atasan langsung yang menandatangani.',
  overrideReasonPlaceholder:
    'Contoh: Atasan langsung sedang cuti besar; PK ditandatangani Sekretaris Daerah selaku pejabat yang ditunjuk Wali Kota.',
  overrideReasonShort: 'Alasan minimal 10 karakter.',
  overrideSave: 'Ganti pihak kedua',
  overrideSaved: 'Pihak kedua diganti.',
  overrideCurrent: (name: string) => `Saat ini pihak kedua diganti secara manual: ${name}.`,
  resetSecondParty: 'Kembalikan ke atasan menurut struktur',
  resetSecondPartyHint:
    'Pihak kedua diambil lagi dari struktur organisasi: pemegang jabatan atasan langsung pada tanggal PK.',
  secondPartyReset: 'Pihak kedua dikembalikan ke atasan menurut struktur.',
  noPositionMatch: 'Tidak ada jabatan yang cocok',
  vacantHolder: 'kosong',
  dateTitle: 'Ubah tanggal PK',
  dateField: 'Tanggal PK',
  dateHint:
    'Para pihak diambil dari struktur organisasi pada tanggal ini: pihak pertama adalah pemegang jabatan, pihak kedua pemegang jabatan atasan langsung (termasuk Plt/Plh). Pihak kedua yang diganti manual tetap dipakai.',
  dateRequired: 'Pilih tanggal PK.',
  dateSaved: 'Tanggal PK diubah; para pihak diperbarui menurut tanggal itu.',
  dateSave: 'Simpan tanggal',
  saveBeforeParties: 'Perubahan isi PK yang belum disimpan akan disimpan lebih dahulu.',
  changeParent: 'Ubah PK atasan',
  parentTitle: 'PK atasan yang didukung',
  parentIntro:
    'Sasaran PK ini dihubungkan ke sasaran PK atasan. Biasanya PK atasan adalah PK pihak kedua; pilih PK lain hanya bila memang PK itu yang didukung.',
  parentField: 'PK atasan',
  parentPlaceholder: 'Pilih PK atasan',
  parentHint:
    'Hanya PK tahun yang sama dengan tingkat lebih tinggi: PK Pemda, PK unit di atas unit ini, atau PK pihak kedua.',
  parentNoCandidates:
    'Belum ada PK atasan yang dapat dipilih pada tahun ini. Buat PK pihak kedua lebih dahulu.',
  parentOfSecondParty: 'PK pihak kedua',
  parentRelinkNote:
    'Setelah PK atasan diubah, pilihan "Mendukung sasaran atasan" pada setiap sasaran dikosongkan: pilih lagi dari sasaran PK atasan yang baru.',
  parentRequired: 'Pilih PK atasan, atau klik "Lepaskan".',
  parentSave: 'Simpan PK atasan',
  parentDetach: 'Lepaskan',
  parentSaved: 'PK atasan diubah. Hubungkan kembali setiap sasaran ke sasaran PK atasan.',
  parentDetached: 'PK ini dilepaskan dari PK atasan.',

  // PK Perubahan
  revisionBadge: (n: number) => `PK Perubahan ke-${n}`,
  revisionReason: 'Alasan',
  viewChanges: 'Lihat perubahan',
  previousVersion: 'Versi sebelumnya',
  previousOf: (n: number) => (n === 0 ? 'PK awal' : `PK Perubahan ke-${n}`),
  supersededTitle: 'Digantikan oleh PK Perubahan',
  supersededBody:
    'PK ini sudah digantikan oleh PK Perubahan yang ditandatangani dan hanya disimpan sebagai arsip.',
  openNewest: (n: number) => `Buka PK Perubahan ke-${n}`,

  // List paging
  pageOf: (from: number, to: number, total: number) => `${from}–${to} dari ${total} PK`,
  pagination: 'Halaman daftar PK',

  // Years
  yearsTitle: 'Tahun PK',
  yearsDescription:
    'Buka tahun PK dan isi tanggal pengesahan DPA. Batas penandatanganan PK dihitung dari tanggal itu.',
  openYear: 'Buka tahun PK',
  yearField: 'Tahun',
  dpaDate: 'Tanggal pengesahan DPA',
  dpaDateHint: 'Boleh dikosongkan dan diisi setelah DPA disahkan.',
  yearOpened: (y: number) => `Tahun PK ${y} dibuka.`,
  yearSaved: 'Tahun PK diperbarui.',
  editDpa: 'Ubah tanggal DPA',
  closeYear: 'Tutup tahun',
  reopenYear: 'Buka kembali',
  yearStatus: { open: 'Terbuka', closed: 'Ditutup' },
  colYear: 'Tahun',
  colDpa: 'Pengesahan DPA',
  colCounts: 'Jumlah PK',
  colActions: 'Aksi',
  yearsEmpty: 'Belum ada tahun PK. Klik "Buka tahun PK" untuk memulai.',
  closeYearConfirm: (y: number) =>
    `Tutup tahun PK ${y}? PK baru tidak dapat dibuat pada tahun yang ditutup.`,

  // Board
  boardTitle: 'Pemantauan PK',
  boardDescription:
    'Semua jabatan yang wajib memiliki PK, per unit dan tingkat, dengan status dan sisa waktu hingga batas penandatanganan.',
  boardEmpty: 'Tidak ada jabatan untuk ditampilkan.',
  boardFilteredEmpty: 'Tidak ada baris dengan status ini.',
  holder: 'Pejabat',
  colDaysLeft: 'Sisa waktu',
  doneOnTime: 'Sudah ditandatangani',
  lateCount: 'Terlambat',
  showAll: 'Semua',
  onlyLate: 'Hanya yang terlambat',
  createFor: 'Buat PK',
  vacantShort: 'Kosong',
} as const;
