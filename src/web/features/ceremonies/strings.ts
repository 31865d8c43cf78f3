import type { CeremonyStatus } from '../../../shared/codes.js';
import type { BlockerKind, CertificateState, ItemStatus } from './types.js';

/** UI text of the ceremony pages and the venue board. */
export const ceremonyStrings = {
  listTitle: 'Acara Penandatanganan',
  listDescription:
    'Acara penandatanganan Perjanjian Kinerja dan Pakta Integritas para kepala perangkat daerah, dengan papan acara untuk layar di lokasi dan laporan siapa menandatangani apa.',
  schedule: 'Jadwalkan acara',
  emptyTitle: 'Belum ada acara penandatanganan',
  emptyBody:
    'Jadwalkan acara untuk menandatangani PK kepala perangkat daerah yang sudah siap ditandatangani, bersama Pakta Integritas mereka.',
  colCeremony: 'Acara',
  colDate: 'Tanggal',
  colPlace: 'Tempat',
  colStatus: 'Status',
  colProgress: 'Kemajuan',
  documentsCount: (n: number) => `${n} dokumen`,

  formTitle: 'Jadwalkan acara penandatanganan',
  editTitle: 'Ubah acara',
  fiscalYear: 'Tahun anggaran',
  fiscalYearHint: 'PK dan Pakta Integritas tahun ini yang dimasukkan ke acara.',
  titleField: 'Nama acara',
  titleHint: 'Kosongkan untuk memakai nama baku.',
  defaultTitle: (year: number) =>
    `Penandatanganan Perjanjian Kinerja dan Pakta Integritas Tahun ${year}`,
  eventDate: 'Tanggal acara',
  startTime: 'Jam mulai',
  startTimeHint: 'Opsional, waktu setempat.',
  place: 'Tempat',
  placePlaceholder: 'Misalnya: Aula Kantor Wali Kota',
  autoParticipants:
    'PK kepala perangkat daerah (dan PK Pemda) tahun ini yang sudah berstatus siap ditandatangani akan dimasukkan otomatis, bersama Pakta Integritas tahunan mereka (dibuat bila belum ada).',
  scheduled: (agreements: number, pacts: number) =>
    `Acara dijadwalkan dengan ${agreements} PK dan ${pacts} Pakta Integritas.`,
  saved: 'Perubahan acara tersimpan',

  detailError: 'Acara tidak dapat dimuat',
  timeAt: (time: string, zone: string) => `pukul ${time.replace(':', '.')} ${zone}`,
  start: 'Mulai acara',
  complete: 'Selesaikan acara',
  cancel: 'Batalkan acara',
  edit: 'Ubah',
  startConfirm:
    'Tandai acara sebagai sedang berlangsung? Penandatanganan tetap dapat dilakukan kapan saja; status ini untuk papan acara dan laporan.',
  completeConfirm: (left: number) =>
    left > 0
      ? `Masih ada ${left} tanda tangan yang belum dibuat. Selesaikan acara sekarang? Dokumen yang belum ditandatangani tetap dapat ditandatangani di Tugas Saya.`
      : 'Seluruh dokumen sudah ditandatangani. Selesaikan acara?',
  cancelConfirm:
    'Batalkan acara ini? Papan acara tidak dipakai lagi. PK dan Pakta Integritasnya tidak berubah dan dapat dimasukkan ke acara lain.',
  moved: {
    start: 'Acara dimulai',
    complete: 'Acara diselesaikan',
    cancel: 'Acara dibatalkan',
  },

  progressTitle: 'Kemajuan',
  progressLabel: 'Kemajuan tanda tangan',
  signaturesOf: (done: number, total: number) => `${done} dari ${total} tanda tangan`,
  documentsOf: (done: number, total: number) => `${done} dari ${total} dokumen lengkap`,

  mineTitle: 'Dokumen Anda di acara ini',
  mineBody: (n: number) =>
    `${n} dokumen menunggu tanda tangan Anda. Masukkan passphrase sekali untuk menandatangani semuanya.`,
  mineWaiting: (n: number) =>
    `${n} dokumen lain menunggu pihak lain menandatangani lebih dahulu, lalu giliran Anda.`,

  preflightTitle: 'Pemeriksaan kesiapan',
  preflightReady:
    'Semua siap: setiap dokumen dapat ditandatangani dan setiap penanda tangan memiliki sertifikat yang berlaku.',
  preflightBlocked: (n: number) =>
    `${n} hal perlu diselesaikan sebelum acara. Setiap baris menyebutkan apa yang perlu dilakukan.`,
  prepare: (n: number) => `Siapkan dokumen (${n})`,
  showAll: (n: number) => `Tampilkan semua (${n})`,
  showLess: 'Tampilkan lebih sedikit',
  prepareHint:
    'Membuat PDF setiap PK dan Pakta Integritas yang belum ada, supaya tidak ada yang menunggu di lokasi acara. Dapat memakan waktu beberapa detik per dokumen.',
  prepared: (issued: number) => `${issued} dokumen disiapkan`,
  preparing: (done: number, total: number) =>
    `Menyiapkan dokumen… ${done} dari ${total} selesai. Biarkan halaman ini terbuka.`,
  prepareFailed: (n: number) => `${n} dokumen gagal disiapkan:`,
  signersTitle: (ready: number, total: number) => `Penanda tangan: ${ready} dari ${total} siap`,
  colSigner: 'Penanda tangan',
  colRoles: 'Peran',
  colDocuments: 'Tanda tangan',
  colAccount: 'Akun',
  colCertificate: 'Sertifikat',
  pendingOf: (pending: number, total: number) =>
    pending === 0 ? `${total} selesai` : `${pending} dari ${total} belum`,
  hasAccount: 'Ada',
  noAccount: 'Belum ada',

  boardTitle: 'Papan acara',
  boardHelp:
    'Tampilkan papan ini di layar lokasi acara: terbuka tanpa masuk, hanya menampilkan nama, jabatan, dan status tanda tangan, dan diperbarui otomatis.',
  boardLinkOnce:
    'Salin tautan ini sekarang. Demi keamanan tautan hanya ditampilkan sekali; bila hilang, buat tautan baru.',
  boardLinkHidden:
    'Tautan papan hanya ditampilkan sekali, saat acara dijadwalkan atau saat tautan baru dibuat.',
  boardLinkLabel: 'Tautan papan acara',
  copy: 'Salin tautan',
  copied: 'Tersalin',
  openBoard: 'Buka papan',
  newLink: 'Buat tautan baru',
  newLinkConfirm:
    'Buat tautan papan yang baru? Tautan lama berhenti berfungsi, termasuk di layar yang sedang menampilkannya.',
  report: 'Unduh laporan (PDF)',

  itemsTitle: 'Dokumen',
  filterLabel: 'Saring menurut status',
  filterAll: 'Semua',
  colDocument: 'Dokumen',
  colSigners: 'Penanda tangan',
  colCode: 'ID dokumen',
  colActions: 'Tindakan',
  waiting: 'menunggu',
  noItems: 'Tidak ada dokumen dengan status ini.',
  noItemsAtAll:
    'Acara ini belum berisi dokumen. PK kepala PD masuk otomatis bila sudah siap ditandatangani saat acara dijadwalkan.',
  remove: 'Keluarkan',
  removeConfirm: (title: string) =>
    `Keluarkan "${title}" dari acara? Dokumennya sendiri tidak berubah dan tetap dapat ditandatangani.`,
  removed: 'Dokumen dikeluarkan dari acara',
  openPdf: 'Buka PDF',
} as const;

export const ceremonyStatusLabels: Record<CeremonyStatus, string> = {
  scheduled: 'Terjadwal',
  ongoing: 'Berlangsung',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const itemStatusLabels: Record<ItemStatus, string> = {
  not_ready: 'Belum siap',
  no_document: 'PDF belum dibuat',
  pending: 'Menunggu tanda tangan',
  partly_signed: 'Sebagian ditandatangani',
  signed: 'Selesai ditandatangani',
};

export const blockerLabels: Record<BlockerKind, string> = {
  not_enrolled: 'Belum punya sertifikat',
  certificate_expired: 'Sertifikat kedaluwarsa',
  certificate_revoked: 'Sertifikat dicabut',
  certificate_locked: 'Sertifikat terkunci',
  not_ready: 'Dokumen belum siap',
  no_document: 'PDF belum dibuat',
  no_account: 'Belum punya akun',
};

export const certificateStateLabels: Record<CertificateState, string> = {
  ok: 'Berlaku',
  missing: 'Belum ada',
  expired: 'Kedaluwarsa',
  revoked: 'Dicabut',
  locked: 'Terkunci',
};

/** The venue board (public screen). */
export const boardStrings = {
  pageTitle: 'Papan Acara',
  loading: 'Menyambungkan papan acara…',
  reconnecting: 'Koneksi terputus, mencoba lagi…',
  notFoundTitle: 'Papan acara tidak ditemukan',
  notFoundBody:
    'Alamat papan ini salah atau sudah diganti. Minta tautan terbaru kepada panitia acara.',
  signatures: (done: number, total: number) => `${done} dari ${total} tanda tangan`,
  documents: (done: number, total: number) => `${done} dari ${total} dokumen lengkap`,
  allDone: 'Seluruh dokumen telah ditandatangani',
  allDoneSub: 'Terima kasih. Perjanjian Kinerja dan Pakta Integritas tahun ini telah lengkap.',
  cancelled: 'Acara ini dibatalkan.',
  signedAt: (time: string) => `ditandatangani ${time}`,
  waiting: 'menunggu',
  notReady: 'belum siap',
  updated: (time: string) => `Diperbarui ${time}`,
  noRows: 'Belum ada peserta di acara ini.',
  kind: { pk: 'PK', pi: 'Pakta Integritas' },
  kindShort: { pk: 'PK', pi: 'PI' },
  /** Short, so both signatures of a document fit on one line of a card. */
  roles: {
    pihak_pertama: 'Pihak I',
    pihak_kedua: 'Pihak II',
    pembuat: 'Pembuat',
    saksi: 'Saksi',
  },
} as const;
