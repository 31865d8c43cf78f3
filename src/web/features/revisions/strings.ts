import type { RevisionReason } from '../../../shared/codes.js';
import type { Change } from './types.js';

/** Every Indonesian text of the PK Perubahan pages. */
export const reasonLabels: Record<RevisionReason, string> = {
  mutasi: 'Mutasi atau pergantian pejabat',
  perubahan_strategi: 'Perubahan strategi, program, kegiatan atau anggaran (termasuk APBD-P)',
  perubahan_prioritas: 'Perubahan prioritas atau asumsi',
};

export const reasonHints: Record<RevisionReason, string> = {
  mutasi:
    'Pihak pertama dan pihak kedua diambil ulang dari struktur organisasi pada tanggal hari ini (termasuk Plt/Plh).',
  perubahan_strategi:
    'Misalnya APBD-Perubahan/DPA-P menggeser anggaran, atau program dan kegiatan berubah.',
  perubahan_prioritas: 'Misalnya prioritas daerah atau asumsi perencanaan berubah.',
};

/** The text marker of every changed row or cell (not colour alone). */
export const changeLabels: Record<Change, string> = {
  added: 'Ditambah',
  removed: 'Dihapus',
  changed: 'Diubah',
  unchanged: 'Tetap',
};

export const fieldLabels: Record<string, string> = {
  name: 'Nama',
  satuan: 'Satuan',
  polarity: 'Polaritas',
  method: 'Cara menghitung',
  aggregation: 'Agregasi triwulan',
  isIku: 'IKU',
  title: 'Sasaran',
  supports: 'Mendukung sasaran',
  programCode: 'Kode program',
  programName: 'Program',
  kegiatanCode: 'Kode kegiatan',
  kegiatanName: 'Kegiatan',
  subKegiatanCode: 'Kode sub kegiatan',
  subKegiatanName: 'Sub kegiatan',
  amount: 'Anggaran',
  nip: 'NIP',
  positionTitle: 'Jabatan',
  assignmentKind: 'Status jabatan',
};

export const polarityLabels: Record<string, string> = {
  positive: 'Positif (makin tinggi makin baik)',
  negative: 'Negatif (makin rendah makin baik)',
};

export const quarterNames = ['Tahunan', 'TW I', 'TW II', 'TW III', 'TW IV'] as const;

export const revisionStrings = {
  pageTitle: (n: number) => `PK Perubahan ${n}`,
  compareTitle: 'Perbandingan dengan versi sebelumnya',
  listTitle: 'Perjanjian Kinerja',
  documentCrumb: 'Dokumen PK',
  older: 'Versi sebelumnya',
  newer: 'PK Perubahan',
  olderOf: (n: number) =>
    n === 0 ? 'Versi sebelumnya (PK awal)' : `Versi sebelumnya (Perubahan ${n})`,
  newerOf: (n: number) => `PK Perubahan ${n}`,
  reason: 'Alasan perubahan',
  note: 'Uraian',
  openDocument: 'Buka dokumen PK',
  openPrevious: 'Buka versi sebelumnya',
  onlyChanges: 'Tampilkan hanya yang berubah',
  noChanges:
    'Belum ada perbedaan dengan versi sebelumnya. Ubah target, indikator atau anggaran di dokumen PK Perubahan, lalu kembali ke halaman ini.',
  noChangesTitle: 'Belum ada perubahan',
  summaryTitle: 'Ringkasan perubahan',
  summary: {
    objectivesAdded: 'sasaran ditambah',
    objectivesRemoved: 'sasaran dihapus',
    objectivesChanged: 'sasaran diubah',
    indicatorsAdded: 'indikator ditambah',
    indicatorsRemoved: 'indikator dihapus',
    indicatorsChanged: 'indikator diubah',
    targetsChanged: 'target diubah',
    budgetRowsAdded: 'baris anggaran ditambah',
    budgetRowsRemoved: 'baris anggaran dihapus',
    budgetRowsChanged: 'baris anggaran diubah',
    partiesChanged: 'pihak penandatangan berganti',
  } as Record<string, string>,
  partiesTitle: 'Para pihak',
  partyColumn: 'Pihak',
  firstParty: 'Pihak pertama',
  secondParty: 'Pihak kedua',
  noParty: 'Tidak ada',
  objectivesTitle: 'Sasaran, indikator dan target',
  objectiveLabel: 'Sasaran',
  indicatorLabel: 'Indikator',
  targetColumn: 'Isian',
  noObjectives: 'Kedua versi belum memiliki sasaran.',
  budgetsTitle: 'Program, kegiatan dan anggaran',
  budgetColumn: 'Program / kegiatan / sub kegiatan',
  noteColumn: 'Keterangan',
  total: 'Jumlah',
  noBudgets: 'Kedua versi belum memiliki baris anggaran.',
  empty: '–',
  yes: 'Ya',
  no: 'Tidak',
  versionsTitle: 'Riwayat versi',
  versionColumn: 'Versi',
  statusColumn: 'Status',
  reasonColumn: 'Alasan',
  signedColumn: 'Ditandatangani',
  supersededColumn: 'Digantikan',
  original: 'PK awal',
  revisionN: (n: number) => `Perubahan ${n}`,
  latest: 'terbaru',
  current: 'sedang dilihat',
  compare: 'Bandingkan',
  open: 'Buka',
  notRevisionTitle: 'PK ini bukan PK Perubahan',
  notRevisionBody:
    'Perbandingan hanya tersedia untuk PK Perubahan. Pilih salah satu PK Perubahan pada riwayat versi di bawah, atau buat PK Perubahan dari PK yang sudah ditandatangani.',
  lockRule:
    'Target triwulan yang batas pengisian realisasinya (akhir triwulan + 10 hari kerja) sudah lewat tidak dapat diubah dalam PK Perubahan. Target tahunan tetap dapat diubah selama tahunnya belum berakhir.',
  // Create dialog
  createButton: 'Buat PK Perubahan',
  createTitle: 'Buat PK Perubahan',
  createIntro:
    'Seluruh isi PK yang sudah ditandatangani (sasaran, indikator, target, anggaran) disalin menjadi draf PK Perubahan. Versi lama tetap dapat dibaca dan baru ditandai "digantikan" setelah PK Perubahan ditandatangani.',
  reasonField: 'Alasan perubahan',
  reasonPlaceholder: 'Pilih alasan',
  reasonRequired: 'Pilih alasan perubahan.',
  noteField: 'Uraian alasan',
  notePlaceholder: 'Contoh: APBD-Perubahan 2026 menggeser anggaran sub kegiatan penyediaan obat…',
  noteDescription: 'Minimal 10 karakter; dicetak dan disimpan bersama PK Perubahan.',
  noteTooShort: 'Uraian minimal 10 karakter.',
  createSubmit: 'Buat draf PK Perubahan',
  creating: 'Membuat…',
  created: (n: number) => `Draf PK Perubahan ${n} dibuat. Silakan ubah isinya.`,
};
